// Tiny i18n: two flat dictionaries, a language context persisted in localStorage, and label lookups.
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { LABELS } from '@duibiao/contracts';
import { zh } from './zh.ts';
import type { MessageKey } from './zh.ts';
import { en } from './en.ts';

export type Lang = 'zh' | 'en';
export type { MessageKey };
export type Vars = Record<string, string | number>;
export type TFunction = (key: MessageKey, vars?: Vars) => string;
type LabelGroup = keyof typeof LABELS;

const STORAGE_KEY = 'duibiao.lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    // storage unavailable (private mode): fall back to Chinese
  }
  return 'zh';
}

/** Replace {name} placeholders. */
export const format = (template: string, vars?: Vars): string =>
  vars ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : template;

interface LangContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}

const LangContext = createContext<LangContextValue | null>(null);

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // ignore: the choice just won't survive a reload
    }
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  }, []);
  const value = useMemo<LangContextValue>(() => {
    const dict = dictionaries[lang];
    return { lang, setLang, t: (key, vars) => format(dict[key] ?? key, vars) };
  }, [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

function useLangContext(): LangContextValue {
  const ctx = useContext(LangContext);
  if (!ctx) throw new Error('useT must be used inside <LangProvider>');
  return ctx;
}

/** The translate function for the current language. */
export const useT = (): TFunction => useLangContext().t;

/** Current language and its setter. */
export const useLang = (): { lang: Lang; setLang: (lang: Lang) => void } => {
  const { lang, setLang } = useLangContext();
  return { lang, setLang };
};

/** Domain label (rank, role, org level…) in the current language; '—' for null. */
export function useLabel(): <G extends LabelGroup>(group: G, code: keyof (typeof LABELS)[G] | null | undefined) => string {
  const { lang } = useLangContext();
  return useCallback(
    (group, code) => {
      if (code === null || code === undefined) return '—';
      const entry = (LABELS[group] as Record<PropertyKey, { zh: string; en: string } | undefined>)[code];
      return entry ? entry[lang] : String(code);
    },
    [lang],
  );
}

/** Select options for a label group, in declaration order. */
export function useLabelOptions() {
  const { lang } = useLangContext();
  return useCallback(
    <G extends LabelGroup>(group: G) =>
      Object.entries(LABELS[group] as Record<string, { zh: string; en: string }>).map(([value, l]) => ({
        value: value as Extract<keyof (typeof LABELS)[G], string>,
        label: l[lang],
      })),
    [lang],
  );
}
