// Published versions of the key-problem list (1.0 → 2.0): snapshot of the active items in priority order, the
// "16+N" headline, a diff between two versions, and xlsx/docx exports of a version or the working list.
import type { ProblemListDetail, ProblemListDiff, ProblemListPublish, ProblemListVersion, SnapshotItem } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { isUniqueViolation, nowIso } from '../../db/dialect.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import type { Actor } from '../auth/actor.ts';
import { organizerProgram } from './problems-access.ts';
import { presentSource } from './problems.present.ts';
import { findVersion, listKeyProblems, listSourceLinks, listVersions, questionsByIds, type VersionRow } from './problems.repo.ts';
import { countsOf, diffSnapshots, headlineOf, parseSnapshot } from './problems.rules.ts';
import { keyProblemsDocx, keyProblemsXlsx, type ExportItem } from './problems-export.ts';

const VERSION = '清单版本';

function presentVersion(v: VersionRow): ProblemListVersion {
  const counts = countsOf(parseSnapshot(v.snapshot));
  return {
    id: v.id,
    version: v.version,
    title: v.title,
    note: v.note,
    publishedAt: v.published_at,
    publishedByName: v.published_by_name,
    counts,
    headline: headlineOf(counts),
  };
}

export function createVersionsService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  /** The active working list as snapshot items (priority order, question ids ascending). */
  async function workingSnapshot(programId: number): Promise<SnapshotItem[]> {
    const [items, links] = await Promise.all([listKeyProblems(read, programId, 'active'), listSourceLinks(read, programId)]);
    return items.map((k) => ({
      id: k.id,
      title: k.title,
      description: k.description,
      field: k.field as SnapshotItem['field'],
      kind: k.kind as SnapshotItem['kind'],
      priority: k.priority,
      questionIds: links.filter((l) => l.key_problem_id === k.id).map((l) => l.question_id),
    }));
  }

  async function version(programId: number, versionId: number): Promise<VersionRow> {
    const row = await findVersion(read, programId, versionId);
    if (!row) throw notFound(VERSION);
    return row;
  }

  async function withQuestions(programId: number, items: SnapshotItem[]): Promise<ProblemListDetail['items']> {
    const questions = new Map((await questionsByIds(read, programId, [...new Set(items.flatMap((i) => i.questionIds))])).map((q) => [q.id, q]));
    return items.map((i) => ({
      ...i,
      // A trainee may have deleted a question of an unmerged item since; the snapshot keeps its id.
      questions: i.questionIds.flatMap((q) => (questions.has(q) ? [presentSource(questions.get(q)!)] : [])),
    }));
  }

  async function detail(programId: number, versionId: number): Promise<ProblemListDetail> {
    const row = await version(programId, versionId);
    return { ...presentVersion(row), items: await withQuestions(programId, parseSnapshot(row.snapshot)) };
  }

  return {
    async list(actor: Actor, programId: number): Promise<ProblemListVersion[]> {
      await organizerProgram(read, actor, programId, false);
      return (await listVersions(read, programId)).map(presentVersion);
    },

    async get(actor: Actor, programId: number, versionId: number): Promise<ProblemListDetail> {
      await organizerProgram(read, actor, programId, false);
      return detail(programId, versionId);
    },

    /** Freezes the active list under a version label unique in the program (409 when taken). */
    async publish(actor: Actor, programId: number, input: ProblemListPublish): Promise<ProblemListDetail> {
      const program = await organizerProgram(read, actor, programId, true);
      const items = await workingSnapshot(programId);
      if (items.length === 0) throw invalid([{ field: 'version', message: '工作清单为空，请先将问题转入工作清单' }]);
      const taken = () => conflict(`版本号 ${input.version} 已发布过，请换一个版本号`);
      if ((await listVersions(read, programId)).some((v) => v.version === input.version)) throw taken();
      const id = await db
        .transaction()
        .execute(async (trx) => {
          const { id } = await trx
            .insertInto('problem_list_versions')
            .values({
              program_id: programId,
              version: input.version,
              title: input.title,
              note: input.note ?? null,
              snapshot: JSON.stringify({ items }),
              published_by: actor.userId || null,
              published_at: nowIso(),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          const counts = countsOf(items);
          await recordAudit(trx, actor, {
            action: 'problem_list.publish',
            entityType: 'problem_list_version',
            entityId: id,
            scopePath: program.organizer_path,
            summary: `${program.name}：发布问题清单 ${input.version}（${headlineOf(counts)}）`,
            after: { version: input.version, title: input.title, counts },
          });
          return id;
        })
        .catch((e: unknown) => {
          throw isUniqueViolation(e) ? taken() : e;
        });
      return detail(programId, id);
    },

    async diff(actor: Actor, programId: number, fromId: number, toId: number): Promise<ProblemListDiff> {
      await organizerProgram(read, actor, programId, false);
      const [a, b] = [await version(programId, fromId), await version(programId, toId)];
      return { from: presentVersion(a), to: presentVersion(b), ...diffSnapshots(parseSnapshot(a.snapshot), parseSnapshot(b.snapshot)) };
    },

    /** The list of a version (or the working list when none is given) as xlsx or docx. */
    async exportFile(actor: Actor, programId: number, format: 'xlsx' | 'docx', versionId: number | undefined): Promise<{ name: string; body: Buffer }> {
      const program = await organizerProgram(read, actor, programId, false);
      const row = versionId === undefined ? undefined : await version(programId, versionId);
      const snapshot = row ? parseSnapshot(row.snapshot) : await workingSnapshot(programId);
      const items: ExportItem[] = await withQuestions(programId, snapshot);
      const counts = countsOf(snapshot);
      const heading = {
        programName: program.name,
        title: row ? `${row.title}（${row.version}）` : '重点问题工作清单（未发布）',
        headline: headlineOf(counts),
      };
      const body = format === 'xlsx' ? await keyProblemsXlsx(heading, items) : await keyProblemsDocx(heading, items);
      return { name: `${program.name}_重点问题清单${row ? `_${row.version}` : ''}`, body };
    },
  };
}
