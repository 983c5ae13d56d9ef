// Evaluation service (issue 5): 综合评价 — weights per program, the computed scorecard, publishing the results that
// feed each cadre's training file, and the xlsx export. Managers only (program:read to see, program:write to change).
import {
  DEFAULT_EVALUATION_WEIGHTS,
  EVALUATION_COMPONENTS,
  LABELS,
  type EvaluationOverview,
  type EvaluationPublishResult,
  type EvaluationWeightsInput,
  type EvaluationWeightsView,
  type TraineeScorecard,
} from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { invalid } from '../../http/errors.ts';
import { writeXlsx, type XlsxColumn } from '../../lib/xlsx-writer.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { programInScope } from '../programs/program-access.ts';
import { findScheme } from './evaluation.repo.ts';
import { weightsProblems, type Weights } from './evaluation.rules.ts';
import { buildScorecard } from './scorecard.ts';

type Db = AppContext['db']['kysely'];

/** Stored weights, falling back to the defaults for anything missing or unreadable. */
function parseWeights(json: string | undefined): Weights {
  if (!json) return { ...DEFAULT_EVALUATION_WEIGHTS };
  try {
    const raw = JSON.parse(json) as Partial<Record<string, unknown>>;
    return Object.fromEntries(EVALUATION_COMPONENTS.map((c) => [c, typeof raw[c] === 'number' ? raw[c] : DEFAULT_EVALUATION_WEIGHTS[c]])) as Weights;
  } catch {
    return { ...DEFAULT_EVALUATION_WEIGHTS };
  }
}

async function weightsOf(db: Db, programId: number): Promise<EvaluationWeightsView> {
  const row = await findScheme(db, programId);
  return { programId, weights: parseWeights(row?.weights), isDefault: !row, updatedAt: row?.updated_at ?? null };
}

export function createEvaluationService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  async function overviewOf(program: { id: number; type: string }): Promise<EvaluationOverview> {
    const { weights } = await weightsOf(read, program.id);
    return buildScorecard(read, program, weights);
  }

  return {
    async getWeights(actor: Actor, programId: number): Promise<EvaluationWeightsView> {
      requirePermission(actor, 'program:read');
      await programInScope(read, actor, programId);
      return weightsOf(read, programId);
    },

    async saveWeights(actor: Actor, programId: number, input: EvaluationWeightsInput): Promise<EvaluationWeightsView> {
      requirePermission(actor, 'program:write');
      const program = await programInScope(read, actor, programId);
      const problems = weightsProblems(input.weights);
      if (problems.length > 0) throw invalid(problems);
      const before = await weightsOf(read, programId);
      const weights = Object.fromEntries(EVALUATION_COMPONENTS.map((c) => [c, input.weights[c]]));
      await db.transaction().execute(async (trx) => {
        const values = { weights: JSON.stringify(weights), updated_by: actor.userId || null, updated_at: nowIso() };
        const updated = await trx.updateTable('evaluation_schemes').set(values).where('program_id', '=', programId).executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0)
          await trx
            .insertInto('evaluation_schemes')
            .values({ program_id: programId, ...values })
            .execute();
        await recordAudit(trx, actor, {
          action: 'evaluation.weights',
          entityType: 'program',
          entityId: programId,
          scopePath: program.organizer_path,
          summary: `修改「${program.name}」综合评价权重`,
          before: before.weights,
          after: weights,
        });
      });
      return weightsOf(db, programId);
    },

    async overview(actor: Actor, programId: number): Promise<EvaluationOverview> {
      requirePermission(actor, 'program:read');
      return overviewOf(await programInScope(read, actor, programId));
    },

    /** Replaces the program's published results with the current scorecard (trainees without any component are left out). */
    async publish(actor: Actor, programId: number): Promise<EvaluationPublishResult> {
      requirePermission(actor, 'program:write');
      const program = await programInScope(read, actor, programId);
      const at = nowIso();
      let published = 0;
      let skipped = 0;
      await db.transaction().execute(async (trx) => {
        const { weights } = await weightsOf(trx, programId);
        const card = await buildScorecard(trx, program, weights);
        await trx.deleteFrom('evaluation_results').where('program_id', '=', programId).execute();
        const graded = card.trainees.flatMap((row) => (row.score === null || row.grade === null ? [] : [{ ...row, score: row.score, grade: row.grade }]));
        skipped = card.trainees.length - graded.length;
        published = graded.length;
        if (graded.length > 0)
          await trx
            .insertInto('evaluation_results')
            .values(
              graded.map((row) => ({
                program_id: programId,
                cadre_id: row.cadreId,
                topic_id: row.topicId,
                score: row.score,
                grade: row.grade,
                components: JSON.stringify(row.components),
                published_by: actor.userId || null,
                published_at: at,
              })),
            )
            .execute();
        await recordAudit(trx, actor, {
          action: 'evaluation.publish',
          entityType: 'program',
          entityId: programId,
          scopePath: program.organizer_path,
          summary: `发布「${program.name}」综合评价（${published} 人）`,
          after: { weights, published, skipped },
        });
      });
      return { published, skipped, publishedAt: at };
    },

    async exportXlsx(actor: Actor, programId: number): Promise<{ name: string; write: (out: NodeJS.WritableStream) => Promise<void> }> {
      requirePermission(actor, 'program:read');
      const program = await programInScope(read, actor, programId);
      const card = await overviewOf(program);
      const columns: XlsxColumn<TraineeScorecard>[] = [
        { header: '姓名', width: 12, value: (r) => r.name },
        { header: '单位', width: 24, value: (r) => r.orgName },
        { header: '课题', width: 30, value: (r) => r.topicTitle },
        ...EVALUATION_COMPONENTS.map((c) => ({
          header: `${LABELS.evaluationComponent[c].zh}（${card.weights[c]}%）`,
          width: 14,
          value: (r: TraineeScorecard) => r.components[c],
        })),
        { header: '综合得分', width: 10, value: (r) => r.score },
        { header: '等次', width: 8, value: (r) => (r.grade ? LABELS.reviewResult[r.grade].zh : null) },
      ];
      return { name: `${program.name}_综合评价`, write: (out) => writeXlsx(out, '综合评价', columns, card.trainees) };
    },
  };
}
export type EvaluationService = ReturnType<typeof createEvaluationService>;
