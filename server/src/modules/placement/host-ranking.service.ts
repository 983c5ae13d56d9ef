// A host contact ranks the candidates for their own posts (/host/posts): scoped by assignment, not by org subtree —
// only posts of units whose `contact_user_id` is the caller, only while the program's placements are unpublished and
// the program is not closed. The rows written are the same host-side preferences the organizer enters; cadres left
// out of a ranking are unacceptable to the post (that is how the solver reads host lists).
import type { HostRankingInput, HostRankingPost } from '@duibiao/contracts';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { beijingToday } from '../hours/time.ts';
import { ageOn } from '../practicum/practicum.rules.ts';
import { hasPublishedPlacements } from './placement.repo.ts';
import { requireEnrolled, writeHostPreferences } from './preferences.service.ts';

const parseList = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

/** Posts of units whose contact is `userId`, with their program and its organizer node. */
function contactPosts(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom('host_posts as hp')
    .innerJoin('host_units as u', 'u.id', 'hp.host_unit_id')
    .innerJoin('programs as p', 'p.id', 'hp.program_id')
    .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
    .select([
      'hp.id',
      'hp.title',
      'hp.seats',
      'hp.program_id',
      'u.id as unit_id',
      'u.name as unit_name',
      'p.name as program_name',
      'p.status as program_status',
      'o.path as organizer_path',
    ])
    .where('u.contact_user_id', '=', userId);
}
type ContactPostRow = Awaited<ReturnType<ReturnType<typeof contactPosts>['execute']>>[number];

export function createHostRankingService(ctx: AppContext) {
  const db = ctx.db.kysely;

  /** Candidates (enrolled cadres who chose the post, or whom the current ranking names) and the current ranking. */
  async function present(posts: ContactPostRow[]): Promise<HostRankingPost[]> {
    if (posts.length === 0) return [];
    const postIds = posts.map((p) => p.id);
    const programIds = [...new Set(posts.map((p) => p.program_id))];
    const prefs = await db
      .selectFrom('placement_preferences')
      .select(['side', 'cadre_id', 'post_id', 'rank'])
      .where('post_id', 'in', postIds)
      .orderBy('rank')
      .orderBy('id')
      .execute();
    const cadres = await db
      .selectFrom('enrolments as e')
      .innerJoin('cadres as c', 'c.id', 'e.cadre_id')
      .innerJoin('organizations as o', 'o.id', 'c.org_id')
      .select(['e.program_id', 'c.id', 'c.name', 'c.specialties', 'c.birth_date', 'o.name as org_name'])
      .where('e.program_id', 'in', programIds)
      .where('e.status', '=', 'enrolled')
      .orderBy('c.id')
      .execute();
    const today = beijingToday();
    return posts.map((post) => {
      const enrolled = new Map(cadres.filter((c) => c.program_id === post.program_id).map((c) => [c.id, c]));
      const choice = new Map(prefs.filter((r) => r.side === 'cadre' && r.post_id === post.id).map((r) => [r.cadre_id, r.rank!]));
      const hostRows = prefs.filter((r) => r.side === 'host' && r.post_id === post.id && enrolled.has(r.cadre_id));
      const ranking = hostRows.filter((r) => r.rank !== null).map((r) => r.cadre_id);
      const candidateIds = [...enrolled.keys()].filter((id) => choice.has(id) || ranking.includes(id));
      // Default order: by the cadre's own choice number (first choices first), those without one last.
      candidateIds.sort((a, b) => (choice.get(a) ?? Number.MAX_SAFE_INTEGER) - (choice.get(b) ?? Number.MAX_SAFE_INTEGER) || a - b);
      return {
        postId: post.id,
        programId: post.program_id,
        programName: post.program_name,
        hostUnit: { id: post.unit_id, name: post.unit_name },
        title: post.title,
        seats: post.seats,
        candidates: candidateIds.map((id) => {
          const c = enrolled.get(id)!;
          return {
            cadreId: c.id,
            name: c.name,
            homeUnit: c.org_name,
            specialties: parseList(c.specialties),
            age: ageOn(c.birth_date, today),
            choice: choice.get(id) ?? null,
          };
        }),
        ranking,
        scored: ranking.length === 0 && hostRows.length > 0,
      };
    });
  }

  return {
    /** The caller's posts still open for ranking; admins see the posts of units whose contact they are (usually none). */
    async list(actor: Actor): Promise<HostRankingPost[]> {
      requirePermission(actor, 'placement:host');
      const rows = await contactPosts(db, actor.userId)
        .where('p.status', '!=', 'closed')
        .where((eb) =>
          eb.not(
            eb.exists(eb.selectFrom('placements as pl').select('pl.id').whereRef('pl.program_id', '=', 'hp.program_id').where('pl.status', '!=', 'draft')),
          ),
        )
        .orderBy('hp.program_id')
        .orderBy('u.name')
        .orderBy('hp.sort_order')
        .orderBy('hp.id')
        .execute();
      return present(rows);
    },

    /** Replaces the host ranking of one of the caller's posts; 404 for anyone else's post, 409 once published. */
    async setRanking(actor: Actor, postId: number, input: HostRankingInput): Promise<HostRankingPost> {
      requirePermission(actor, 'placement:host');
      const post = await contactPosts(db, actor.userId).where('hp.id', '=', postId).executeTakeFirst();
      if (!post) throw notFound('实训岗位');
      if (post.program_status === 'closed') throw conflict('项目已结束，不能再排序');
      await requireEnrolled(db, post.program_id, input);
      const program = { id: post.program_id, name: post.program_name, organizer_path: post.organizer_path };
      await db.transaction().execute(async (trx) => {
        // Checked inside the write so a publish racing this save cannot slip in between.
        if (await hasPublishedPlacements(trx, post.program_id)) throw conflict('安置结果已发布，单位排序不能再修改');
        await writeHostPreferences(trx, actor, { program, post }, input, '单位联系人');
      });
      const [view] = await present([post]);
      return view!;
    },
  };
}
