// UI strings of the attendance feature; merged into the app dictionaries (i18n/zh.ts, i18n/en.ts).
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
