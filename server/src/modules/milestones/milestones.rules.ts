// Pure rules of topic process control: plan order, rubric checks, scoring against a rubric, overdue, averages.
import { MILESTONE_KINDS, type FieldError, type MilestoneKind } from '@duibiao/contracts';
import { DEFAULT_DEFENCE_RUBRIC, type MilestonePlanInput, type MilestoneRubricItem } from '@duibiao/contracts';

/** The rubric a new milestone gets when none is given: defences are scored, the research plan is only decided. */
export const defaultRubric = (kind: MilestoneKind): MilestoneRubricItem[] => (kind === 'plan' ? [] : DEFAULT_DEFENCE_RUBRIC);

export const kindOrder = (kind: string): number => MILESTONE_KINDS.indexOf(kind as MilestoneKind);

/** Every problem of a plan: duplicate kinds, and due dates that do not follow the kinds' order. */
export function planProblems(input: MilestonePlanInput): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  input.milestones.forEach((m, i) => {
    if (seen.has(m.kind)) problems.push({ field: `milestones.${i}.kind`, message: '节点类型重复' });
    seen.add(m.kind);
    if (m.rubric) problems.push(...rubricProblems(m.rubric, `milestones.${i}.rubric`));
  });
  const ordered = input.milestones.map((m, i) => ({ ...m, i })).sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind));
  for (let j = 1; j < ordered.length; j++) {
    const prev = ordered[j - 1]!;
    const cur = ordered[j]!;
    if (cur.dueDate <= prev.dueDate) {
      problems.push({ field: `milestones.${cur.i}.dueDate`, message: `应晚于「${prev.title}」的截止日期 ${prev.dueDate}` });
    }
  }
  return problems;
}

/** A milestone's due date must stay after the earlier kinds' and before the later kinds'. */
export function dueDateProblem(kind: string, dueDate: string, others: readonly { kind: string; title: string; due_date: string }[]): string | null {
  for (const o of others) {
    if (kindOrder(o.kind) < kindOrder(kind) && o.due_date >= dueDate) return `应晚于「${o.title}」的截止日期 ${o.due_date}`;
    if (kindOrder(o.kind) > kindOrder(kind) && o.due_date <= dueDate) return `应早于「${o.title}」的截止日期 ${o.due_date}`;
  }
  return null;
}

export function rubricProblems(rubric: readonly MilestoneRubricItem[], path = 'rubric'): FieldError[] {
  const seen = new Set<string>();
  const problems: FieldError[] = [];
  rubric.forEach((r, i) => {
    if (seen.has(r.key)) problems.push({ field: `${path}.${i}.key`, message: '评分项代码重复' });
    seen.add(r.key);
  });
  return problems;
}

/** Checks one reviewer's scores against the rubric: every criterion present, an integer-or-half in 0..max, no extras. */
export function scoreProblems(rubric: readonly MilestoneRubricItem[], scores: Record<string, number>): FieldError[] {
  const problems: FieldError[] = [];
  for (const r of rubric) {
    const v = scores[r.key];
    if (v === undefined) problems.push({ field: `scores.${r.key}`, message: `请为「${r.label}」打分` });
    else if (!Number.isFinite(v) || v < 0 || v > r.max) problems.push({ field: `scores.${r.key}`, message: `「${r.label}」分数应在 0–${r.max} 之间` });
  }
  const keys = new Set(rubric.map((r) => r.key));
  for (const k of Object.keys(scores)) if (!keys.has(k)) problems.push({ field: `scores.${k}`, message: '评分表中没有该评分项' });
  return problems;
}

export const totalOf = (rubric: readonly MilestoneRubricItem[], scores: Record<string, number>): number =>
  round1(rubric.reduce((s, r) => s + (scores[r.key] ?? 0), 0));

export const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Overdue: the due date has passed (Beijing calendar) and nothing acceptable is in. */
export const isOverdue = (m: { due_date: string; status: string }, today: string): boolean =>
  m.due_date < today && (m.status === 'pending' || m.status === 'revise');

export function averages(rubric: readonly MilestoneRubricItem[], sheets: readonly { scores: Record<string, number>; total: number }[]) {
  if (sheets.length === 0) return { averageTotal: null, averageByCriterion: {} as Record<string, number> };
  const averageByCriterion = Object.fromEntries(rubric.map((r) => [r.key, round1(sheets.reduce((s, x) => s + (x.scores[r.key] ?? 0), 0) / sheets.length)]));
  return { averageTotal: round1(sheets.reduce((s, x) => s + x.total, 0) / sheets.length), averageByCriterion };
}

export const parseRubric = (json: string): MilestoneRubricItem[] => JSON.parse(json) as MilestoneRubricItem[];
export const parseScores = (json: string): Record<string, number> => JSON.parse(json) as Record<string, number>;
