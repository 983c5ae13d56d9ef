// Pure rules of questionnaires: the built-in 结业问卷, answer validation against a template, anonymous results.
import { MIN_RATINGS_TO_SHOW, type FieldError, type Question, type QuestionResult } from '@duibiao/contracts';

export type AnswerValue = number | string | string[];
export type Answers = Record<string, AnswerValue>;

/** Offered to every org without a template of its own; saved as the organizer's copy on first use. */
export const BUILT_IN_QUESTIONNAIRE: { name: string; questions: Question[] } = {
  name: '结业问卷（默认）',
  questions: [
    { id: 'overall', type: 'rating', title: '对本期培训的总体满意度', required: true },
    { id: 'design', type: 'rating', title: '课程设置与工作需求的契合程度', required: true },
    { id: 'organisation', type: 'rating', title: '教学组织与后勤服务', required: true },
    {
      id: 'most_useful',
      type: 'single',
      title: '收获最大的教学形式',
      options: ['理论讲授', '现场教学', '实地考察', '研讨交流', '党性教育'],
      required: true,
    },
    {
      id: 'bring_home',
      type: 'multi',
      title: '准备带回本地借鉴的方面（可多选）',
      options: ['招商引资', '营商环境', '城市治理', '科技创新', '乡村振兴', '人才工作'],
      required: false,
    },
    { id: 'suggestions', type: 'text', title: '对今后办班的意见和建议', required: false },
  ],
};

const isBlank = (v: AnswerValue | undefined): boolean => v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** Validates answers against the questions; returns every problem (field `answers.<questionId>`) or the cleaned answers. */
export function validateAnswers(questions: readonly Question[], answers: Answers): { errors: FieldError[] } | { answers: Answers } {
  const errors: FieldError[] = [];
  const clean: Answers = {};
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(answers)) if (!known.has(id)) errors.push({ field: `answers.${id}`, message: '问卷中没有这道题' });
  for (const q of questions) {
    const field = `answers.${q.id}`;
    const value = answers[q.id];
    if (isBlank(value)) {
      if (q.required) errors.push({ field, message: '此题必答' });
      continue;
    }
    switch (q.type) {
      case 'rating':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) errors.push({ field, message: '请给 1–5 的整数分' });
        else clean[q.id] = value;
        break;
      case 'single':
        if (typeof value !== 'string' || !q.options?.includes(value)) errors.push({ field, message: '请选择一个给定选项' });
        else clean[q.id] = value;
        break;
      case 'multi':
        if (!Array.isArray(value) || value.some((v) => !q.options?.includes(v)) || new Set(value).size !== value.length) {
          errors.push({ field, message: '请从给定选项中选择（不重复）' });
        } else clean[q.id] = q.options!.filter((o) => value.includes(o));
        break;
      case 'text':
        if (typeof value !== 'string') errors.push({ field, message: '请填写文字' });
        else if (value.trim().length > 2000) errors.push({ field, message: '最多 2000 字' });
        else clean[q.id] = value.trim();
        break;
    }
  }
  return errors.length > 0 ? { errors } : { answers: clean };
}

/** Per-question results of all responses; empty below the anonymity threshold. */
export function aggregateAnswers(questions: readonly Question[], responses: readonly Answers[], min = MIN_RATINGS_TO_SHOW): QuestionResult[] {
  if (responses.length < min) return [];
  return questions.map((q) => {
    const values = responses.map((r) => r[q.id]).filter((v): v is AnswerValue => !isBlank(v));
    const base = { id: q.id, type: q.type, title: q.title, answered: values.length };
    if (q.type === 'rating') {
      const scores = values.filter((v): v is number => typeof v === 'number');
      const average = scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null;
      const distribution = [1, 2, 3, 4, 5].map((s) => ({ value: String(s), count: scores.filter((v) => v === s).length }));
      return { ...base, average, distribution, texts: [] };
    }
    if (q.type === 'text') {
      const texts = values.filter((v): v is string => typeof v === 'string').sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
      return { ...base, average: null, distribution: [], texts };
    }
    const chosen = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
    const distribution = (q.options ?? []).map((o) => ({ value: o, count: chosen.filter((c) => c === o).length }));
    return { ...base, average: null, distribution, texts: [] };
  });
}
