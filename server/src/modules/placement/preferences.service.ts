// Preferences both ways: cadres rank posts (志愿, rank 1 = first choice), hosts rank or score cadres, or a documented
// formula scores every cadre for every post so a program can be solved even when hosts never rank.
import type { CadrePreferenceInput, HostPreferenceInput, MyPreferences, PreferenceOverview, ScoreFormulaInput } from '@duibiao/contracts';
import { scoreFormulaInputSchema } from '@duibiao/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import type { Actor } from '../auth/actor.ts';
import { ownEnrolment, type ScopedProgram } from '../programs/program-access.ts';
import { organizerProgram, postInScope } from './placement-access.ts';
import { hasPublishedPlacements, listEnrolledCadres, listPreferences, listProgramPosts, type EnrolledCadreRow, type PostRow } from './placement.repo.ts';
import { presentPost } from './posts.service.ts';

const MAX_YEARS = 30;

/** Whole years between two ISO dates (0 when unknown or negative). */
function yearsBetween(from: string | null | undefined, to: string): number {
  if (!from) return 0;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms > 0 ? ms / (365.25 * 86_400_000) : 0;
}

/**
 * The scoring formula (documented in the UI): specialtyWeight × |post tags ∩ cadre specialties| / |post tags|
 * (0 when the post has no tags) + experienceWeight × min(years of work, 30) / 30, rounded to 2 decimals. Years of
 * work run from `work_start_date` (else the earliest experience) to the program's start.
 */
export function formulaScore(
  post: Pick<PostRow, 'specialty_tags'>,
  cadre: EnrolledCadreRow,
  asOf: string,
  w: { specialtyWeight: number; experienceWeight: number },
): number {
  const tags = JSON.parse(post.specialty_tags) as string[];
  const specialties = new Set(JSON.parse(cadre.specialties) as string[]);
  const overlap = tags.length === 0 ? 0 : tags.filter((t) => specialties.has(t)).length / tags.length;
  const experiences = JSON.parse(cadre.experiences) as { startDate?: string }[];
  const earliest = experiences
    .map((e) => e.startDate ?? '')
    .filter((d) => d.length > 0)
    .sort()[0];
  const years = Math.min(yearsBetween(cadre.work_start_date ?? earliest, asOf), MAX_YEARS);
  return Math.round((w.specialtyWeight * overlap + (w.experienceWeight * years) / MAX_YEARS) * 100) / 100;
}

/** Every cadre a host ranks or scores must be enrolled in the program; else 400 naming `ranking.N` / `scores.<id>`. */
export async function requireEnrolled(db: Kysely<Database>, programId: number, input: HostPreferenceInput): Promise<void> {
  const enrolled = new Set((await listEnrolledCadres(db, programId)).map((c) => c.id));
  const problems = input.ranking
    ? input.ranking.map((id, i) => ({ id, field: `ranking.${i}` })).filter(({ id }) => !enrolled.has(id))
    : Object.keys(input.scores ?? {})
        .map((id) => ({ id: Number(id), field: `scores.${id}` }))
        .filter(({ id }) => !enrolled.has(id));
  if (problems.length > 0) throw invalid(problems.map(({ id, field }) => ({ field, message: `干部 ${id} 不是本项目学员` })));
}

/**
 * Replaces a post's host-side preferences (ranking → rank 1..n, or scores) and records the audit entry, inside the
 * caller's transaction. Shared by the organizer's entry and the host contact's own ranking; `by` prefixes the summary.
 */
export async function writeHostPreferences(
  trx: Transaction<Database>,
  actor: Actor,
  target: { program: { id: number; name: string; organizer_path: string }; post: { id: number; title: string } },
  input: HostPreferenceInput,
  by: string,
): Promise<void> {
  const { program, post } = target;
  await trx.deleteFrom('placement_preferences').where('program_id', '=', program.id).where('side', '=', 'host').where('post_id', '=', post.id).execute();
  const at = nowIso();
  const rows = input.ranking
    ? input.ranking.map((cadre_id, i) => ({ cadre_id, rank: i + 1, score: null }))
    : Object.entries(input.scores ?? {}).map(([id, score]) => ({ cadre_id: Number(id), rank: null, score }));
  if (rows.length > 0)
    await trx
      .insertInto('placement_preferences')
      .values(rows.map((r) => ({ ...r, program_id: program.id, side: 'host', post_id: post.id, created_at: at, updated_at: at })))
      .execute();
  await recordAudit(trx, actor, {
    action: 'placement.host_preferences',
    entityType: 'host_post',
    entityId: post.id,
    scopePath: program.organizer_path,
    summary: `${program.name}：${by}设置岗位 ${post.title} 的${input.ranking ? '排序' : '评分'}（${rows.length} 人）`,
    after: input,
  });
}

/** Replaces a cadre's ranking of the program's posts; unknown post ids → 400 naming the index. */
export async function writeCadreRanking(trx: Transaction<Database>, program: ScopedProgram, cadreId: number, postIds: number[]): Promise<void> {
  const known = new Set((await listProgramPosts(trx, program.id)).map((p) => p.id));
  const bad = postIds.map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id));
  if (bad.length > 0) throw invalid(bad.map(({ id, i }) => ({ field: `postIds.${i}`, message: `岗位 ${id} 不属于本项目` })));
  await trx.deleteFrom('placement_preferences').where('program_id', '=', program.id).where('side', '=', 'cadre').where('cadre_id', '=', cadreId).execute();
  const at = nowIso();
  if (postIds.length > 0)
    await trx
      .insertInto('placement_preferences')
      .values(
        postIds.map((post_id, i) => ({
          program_id: program.id,
          side: 'cadre',
          cadre_id: cadreId,
          post_id,
          rank: i + 1,
          score: null,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
}

export function createPreferenceService(ctx: AppContext) {
  const db = ctx.db.kysely;

  async function cadreRanking(programId: number, cadreId: number): Promise<number[]> {
    return (await listPreferences(db, programId, 'cadre')).filter((p) => p.cadre_id === cadreId).map((p) => p.post_id);
  }

  return {
    async overview(actor: Actor, programId: number): Promise<PreferenceOverview> {
      await organizerProgram(db, actor, programId, false);
      const posts = await listProgramPosts(db, programId);
      const cadres = await listEnrolledCadres(db, programId);
      const cadrePrefs = await listPreferences(db, programId, 'cadre');
      const hostPrefs = await listPreferences(db, programId, 'host');
      return {
        posts: posts.map(presentPost),
        cadres: cadres.map((c) => ({
          cadreId: c.id,
          name: c.name,
          orgName: c.org_name,
          specialties: JSON.parse(c.specialties) as string[],
          postIds: cadrePrefs.filter((p) => p.cadre_id === c.id).map((p) => p.post_id),
        })),
        hosts: posts.map((post) => {
          const rows = hostPrefs.filter((p) => p.post_id === post.id);
          const ranked = rows.filter((r) => r.rank !== null);
          return {
            postId: post.id,
            kind: ranked.length > 0 ? ('ranking' as const) : rows.length > 0 ? ('scores' as const) : ('none' as const),
            ranking: ranked.map((r) => r.cadre_id),
            scores: Object.fromEntries(rows.filter((r) => r.rank === null && r.score !== null).map((r) => [String(r.cadre_id), r.score!])),
          };
        }),
        locked: await hasPublishedPlacements(db, programId),
      };
    },

    /** The organizer enters a cadre's choices on their behalf (paper forms), until placements are published. */
    async setForCadre(actor: Actor, programId: number, cadreId: number, input: CadrePreferenceInput): Promise<number[]> {
      const program = await organizerProgram(db, actor, programId, true);
      const cadre = (await listEnrolledCadres(db, programId)).find((c) => c.id === cadreId);
      if (!cadre) throw notFound('学员');
      if (await hasPublishedPlacements(db, programId)) throw conflict('安置结果已发布，志愿不能再修改');
      await db.transaction().execute(async (trx) => {
        await writeCadreRanking(trx, program, cadreId, input.postIds);
        await recordAudit(trx, actor, {
          action: 'placement.preferences',
          entityType: 'placement',
          entityId: null,
          scopePath: program.organizer_path,
          summary: `${program.name}：代 ${cadre.name} 填报志愿（${input.postIds.length} 个岗位）`,
          after: input,
        });
      });
      return cadreRanking(programId, cadreId);
    },

    async mine(actor: Actor, programId: number): Promise<MyPreferences> {
      await ownEnrolment(db, actor, programId);
      const program = await db.selectFrom('programs').select(['id', 'name']).where('id', '=', programId).executeTakeFirstOrThrow();
      return {
        programId,
        programName: program.name,
        posts: (await listProgramPosts(db, programId)).map(presentPost),
        postIds: await cadreRanking(programId, actor.cadreId!),
        editable: !(await hasPublishedPlacements(db, programId)),
      };
    },

    async setMine(actor: Actor, programId: number, input: CadrePreferenceInput): Promise<MyPreferences> {
      const enrolment = await ownEnrolment(db, actor, programId);
      if (enrolment.status !== 'enrolled') throw notFound('报名记录');
      if (await hasPublishedPlacements(db, programId)) throw conflict('安置结果已发布，志愿不能再修改');
      const program = await db
        .selectFrom('programs as p')
        .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
        .selectAll('p')
        .select(['o.path as organizer_path', 'o.name as organizer_name'])
        .where('p.id', '=', programId)
        .executeTakeFirstOrThrow();
      await db.transaction().execute(async (trx) => {
        await writeCadreRanking(trx, program, enrolment.cadre_id, input.postIds);
        await recordAudit(trx, actor, {
          action: 'placement.preferences',
          entityType: 'placement',
          entityId: null,
          scopePath: program.organizer_path,
          summary: `${program.name}：填报安置志愿（${input.postIds.length} 个岗位）`,
          after: input,
        });
      });
      return this.mine(actor, programId);
    },

    /** A host's ranking (best first) or scores of the program's enrolled cadres for one post; replaces earlier ones. */
    async setForPost(actor: Actor, programId: number, postId: number, input: HostPreferenceInput): Promise<PreferenceOverview> {
      const { post, program } = await postInScope(db, actor, postId, true);
      if (program.id !== programId) throw notFound('实训岗位');
      await requireEnrolled(db, programId, input);
      await db.transaction().execute((trx) => writeHostPreferences(trx, actor, { program, post }, input, ''));
      return this.overview(actor, programId);
    },

    /** Fills host scores from the formula for every post (posts hosts already ranked or scored are kept unless `overwrite`). */
    async applyFormula(actor: Actor, programId: number, raw: ScoreFormulaInput): Promise<PreferenceOverview> {
      const program = await organizerProgram(db, actor, programId, true);
      const input = scoreFormulaInputSchema.parse(raw);
      const posts = await listProgramPosts(db, programId);
      const cadres = await listEnrolledCadres(db, programId);
      const given = new Set((await listPreferences(db, programId, 'host')).map((p) => p.post_id));
      const targets = posts.filter((p) => input.overwrite || !given.has(p.id));
      await db.transaction().execute(async (trx) => {
        const at = nowIso();
        for (const post of targets) {
          await trx.deleteFrom('placement_preferences').where('program_id', '=', programId).where('side', '=', 'host').where('post_id', '=', post.id).execute();
          if (cadres.length === 0) continue;
          await trx
            .insertInto('placement_preferences')
            .values(
              cadres.map((c) => ({
                program_id: programId,
                side: 'host',
                cadre_id: c.id,
                post_id: post.id,
                rank: null,
                score: formulaScore(post, c, program.start_date, input),
                created_at: at,
                updated_at: at,
              })),
            )
            .execute();
        }
        await recordAudit(trx, actor, {
          action: 'placement.score_formula',
          entityType: 'program',
          entityId: programId,
          scopePath: program.organizer_path,
          summary: `${program.name}：按公式为 ${targets.length} 个岗位生成评分`,
          after: input,
        });
      });
      return this.overview(actor, programId);
    },
  };
}
