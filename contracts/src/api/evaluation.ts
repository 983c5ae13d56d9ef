// 综合评价：答辩、单位评价、出勤、心得、落地加权 (issue 5). Request/response schemas of the evaluation module.
import { z } from 'zod';
import { programTypeSchema, reviewResultSchema } from '../domain.ts';

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const EVALUATION_AUDIT_ACTIONS = {
  'evaluation.weights': { zh: '修改综合评价权重', en: 'Update evaluation weights' },
  'evaluation.publish': { zh: '发布综合评价', en: 'Publish final evaluation' },
} as const;

const weight = z.number('权重应为 0–100 的整数').int('权重应为整数').min(0, '权重不能小于 0').max(100, '权重不能大于 100');

/** One integer weight per component; the service checks that they sum to 100. */
export const evaluationWeightsSchema = z.object({
  defence: weight,
  host: weight,
  attendance: weight,
  reflection: weight,
  landing: weight,
});
export type EvaluationWeights = z.infer<typeof evaluationWeightsSchema>;

export const evaluationWeightsInputSchema = z.object({ weights: evaluationWeightsSchema });
export type EvaluationWeightsInput = z.infer<typeof evaluationWeightsInputSchema>;

export const evaluationWeightsViewSchema = z.object({
  programId: z.number().int(),
  weights: evaluationWeightsSchema,
  /** True while the program still uses DEFAULT_EVALUATION_WEIGHTS (nothing saved yet). */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type EvaluationWeightsView = z.infer<typeof evaluationWeightsViewSchema>;

const componentScore = z.number().nullable();
/** Each component 0–100, or null when it does not apply to the trainee (its weight is then shared out). */
export const componentScoresSchema = z.object({
  defence: componentScore,
  host: componentScore,
  attendance: componentScore,
  reflection: componentScore,
  landing: componentScore,
});
export type ComponentScores = z.infer<typeof componentScoresSchema>;

export const publishedEvaluationSchema = z.object({ score: z.number(), grade: reviewResultSchema, publishedAt: z.string() });
export type PublishedEvaluation = z.infer<typeof publishedEvaluationSchema>;

export const traineeScorecardSchema = z.object({
  cadreId: z.number().int(),
  name: z.string(),
  orgName: z.string(),
  topicId: z.number().int().nullable(),
  topicTitle: z.string().nullable(),
  components: componentScoresSchema,
  /** Weighted over the components that apply (renormalised); null when none applies. */
  score: z.number().nullable(),
  grade: reviewResultSchema.nullable(),
  published: publishedEvaluationSchema.nullable(),
});
export type TraineeScorecard = z.infer<typeof traineeScorecardSchema>;

export const topicScorecardSchema = z.object({
  topicId: z.number().int(),
  title: z.string(),
  memberCount: z.number().int(),
  averageScore: z.number().nullable(),
  defence: z.number().nullable(),
  landingRate: z.number().nullable(),
});
export type TopicScorecard = z.infer<typeof topicScorecardSchema>;

export const evaluationOverviewSchema = z.object({
  programId: z.number().int(),
  programType: programTypeSchema,
  weights: evaluationWeightsSchema,
  trainees: z.array(traineeScorecardSchema),
  topics: z.array(topicScorecardSchema),
  publishedAt: z.string().nullable(),
});
export type EvaluationOverview = z.infer<typeof evaluationOverviewSchema>;

export const evaluationPublishResultSchema = z.object({
  published: z.number().int(),
  /** Trainees left out because no component applies to them yet. */
  skipped: z.number().int(),
  publishedAt: z.string(),
});
export type EvaluationPublishResult = z.infer<typeof evaluationPublishResultSchema>;
