// Placement runs: build the instance from the program's data, solve (stable or rank-optimal), keep the instance, the
// result and every cadre's explanation with the run, so any published placement can be explained later.
import { explainPlacement, solvePlacement, type Explanation, type PlacementInstance, type PlacementResult } from '@duibiao/core/placement/index';
import type { PlacementMode, PlacementRunDetail, PlacementRunInput, PlacementRunSummary } from '@duibiao/contracts';
import { placementRunInputSchema } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import type { PlacementRunsTable } from '../../db/schema-selection.ts';
import type { Selectable } from 'kysely';
import { notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import type { Actor } from '../auth/actor.ts';
import { organizerProgram, requirePlacementProgram } from './placement-access.ts';
import { buildInstance, idOf, nameSentence, postLabel, type RunLabels } from './placement-instance.ts';

/** What a run stores in `result`: the core result, every cadre's explanation and the names at solve time. */
export interface StoredResult extends PlacementResult {
  explanations: Explanation[];
  labels: RunLabels;
}
type RunRow = Selectable<PlacementRunsTable> & { created_by_name: string | null };

export function parseRun(row: Pick<RunRow, 'instance' | 'result'>): { instance: PlacementInstance; result: StoredResult } {
  return { instance: JSON.parse(row.instance) as PlacementInstance, result: JSON.parse(row.result) as StoredResult };
}

function summary(row: RunRow, result: StoredResult): PlacementRunSummary {
  const { hostFill: _hostFill, ...stats } = result.stats;
  return {
    id: row.id,
    programId: row.program_id,
    mode: row.mode as PlacementMode,
    seed: row.seed,
    stats,
    hostProposingDiffers: result.audit?.hostProposingDiffers ?? null,
    createdAt: row.created_at,
    createdBy: row.created_by_name,
    publishedAt: row.published_at,
  };
}

function detail(row: RunRow, result: StoredResult): PlacementRunDetail {
  const { labels } = result;
  return {
    ...summary(row, result),
    outcomes: result.explanations.map((e) => {
      const post = e.host ? labels.posts[e.host] : undefined;
      const cadre = labels.cadres[e.cadre];
      return {
        cadreId: idOf(e.cadre),
        cadreName: cadre?.name ?? e.cadre,
        orgName: cadre?.orgName ?? '',
        post: post ? { id: post.id, title: post.title, hostUnitId: post.hostUnitId, hostUnitName: post.hostUnitName } : null,
        choice: e.choice,
        reasons: e.reasons.map((r) => ({ choice: r.choice, postId: idOf(r.host), postLabel: postLabel(labels, r.host), why: r.why })),
        explanation: nameSentence(e.zh, labels),
      };
    }),
    hostFill: result.stats.hostFill.map((f) => ({ postId: idOf(f.host), postLabel: postLabel(labels, f.host), filled: f.filled, capacity: f.capacity })),
    lottery: result.lottery ? result.lottery.map((id) => labels.cadres[id]?.name ?? id) : null,
  };
}

export function createRunService(ctx: AppContext) {
  const db = ctx.db.kysely;

  const runsQuery = () =>
    db.selectFrom('placement_runs as r').leftJoin('users as u', 'u.id', 'r.created_by').selectAll('r').select('u.display_name as created_by_name');

  /** A run and its program, checked against the caller's scope (404 otherwise). */
  async function runInScope(actor: Actor, id: number, write: boolean): Promise<RunRow> {
    const row = await runsQuery().where('r.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('安置方案');
    await organizerProgram(db, actor, row.program_id, write).catch((error: unknown) => {
      throw (error as { code?: string }).code === 'FORBIDDEN' ? error : notFound('安置方案');
    });
    return row;
  }

  return {
    runInScope,

    async solve(actor: Actor, programId: number, raw: PlacementRunInput): Promise<PlacementRunDetail> {
      const program = await organizerProgram(db, actor, programId, true);
      requirePlacementProgram(program);
      const input = placementRunInputSchema.parse(raw);
      const { instance, labels } = await buildInstance(db, programId, input.seed);
      const solved = solvePlacement(instance, input.mode);
      const result: StoredResult = { ...solved, explanations: explainPlacement(instance, solved), labels };
      const id = await db.transaction().execute(async (trx) => {
        const { id: newId } = await trx
          .insertInto('placement_runs')
          .values({
            program_id: programId,
            mode: input.mode,
            seed: input.seed,
            instance: JSON.stringify(instance),
            result: JSON.stringify(result),
            created_by: actor.userId || null,
            created_at: nowIso(),
            published_at: null,
            published_by: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'placement.run',
          entityType: 'placement_run',
          entityId: newId,
          scopePath: program.organizer_path,
          summary: `${program.name}：${input.mode === 'stable' ? '稳定匹配' : '志愿最优'}求解，安置 ${solved.stats.placed} 人，未安置 ${solved.stats.unplaced} 人`,
          after: { mode: input.mode, seed: input.seed, placed: solved.stats.placed, blockingPairs: solved.stats.blockingPairs },
        });
        return newId;
      });
      return this.get(actor, id);
    },

    async list(actor: Actor, programId: number): Promise<PlacementRunSummary[]> {
      await organizerProgram(db, actor, programId, false);
      const rows = await runsQuery().where('r.program_id', '=', programId).orderBy('r.id', 'desc').execute();
      return rows.map((row) => summary(row, parseRun(row).result));
    },

    async get(actor: Actor, id: number): Promise<PlacementRunDetail> {
      const row = await runInScope(actor, id, false);
      return detail(row, parseRun(row).result);
    },
  };
}
export type RunService = ReturnType<typeof createRunService>;
