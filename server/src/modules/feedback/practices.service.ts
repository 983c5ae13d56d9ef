// The good-practice library (经验做法): curated practices tagged by field and source city, optionally taken from a
// trainee's reflection, with Chinese full-text search (jieba terms filtered in SQL, BM25 ranking in memory).
import { searchTerms } from '@duibiao/core/text/index';
import { Corpus } from '@duibiao/core/text/index';
import type { Practice, PracticeFacets, PracticeHit, PracticeInput, PracticePatch, PracticeQuery, PracticeSearch } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { isInScope, requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { hasPermission } from '../auth/permissions.ts';
import { findOrgInScope } from '../orgs/orgs.repo.ts';
import { programInScope } from '../programs/program-access.ts';
import { findVisiblePractice, libraryVersion, listFacetSource, listLibraryTerms, listPractices, type PracticeRow } from './practices.repo.ts';
import { highlight, mentions, snippet, storedOrTokenized, toSearchColumn } from './search.rules.ts';

const fieldsIndex = (fields: readonly string[]) => `|${fields.join('|')}|`;
const searchColumn = (p: {
  title: string;
  summary: string;
  body?: string | null | undefined;
  fields: readonly string[];
  sourceCity?: string | null | undefined;
}) => toSearchColumn(p.title, p.summary, p.body, p.fields.join(' '), p.sourceCity);

/** BM25 indexes per visible library (scope), rebuilt when the library's fingerprint changes. */
const CORPUS_CACHE_LIMIT = 50;

export function createPracticeService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;
  const corpora = new Map<string, { version: string; corpus: Corpus }>();

  async function corpusFor(actor: Actor): Promise<Corpus> {
    const key = `${scopePrefix(actor)}#${actor.scopePath}`;
    const version = await libraryVersion(read, scopePrefix(actor), actor.scopePath);
    const cached = corpora.get(key);
    if (cached?.version === version) return cached.corpus;
    const rows = await listLibraryTerms(read, scopePrefix(actor), actor.scopePath);
    const corpus = new Corpus(
      rows.map((r) => ({ id: String(r.id), text: r.search_terms })),
      { tokenizer: storedOrTokenized },
    );
    if (corpora.size >= CORPUS_CACHE_LIMIT) corpora.delete(corpora.keys().next().value!);
    corpora.set(key, { version, corpus });
    return corpus;
  }

  const present = (actor: Actor, r: PracticeRow): Practice => ({
    id: r.id,
    org: { id: r.org_id, name: r.org_name },
    title: r.title,
    summary: r.summary,
    body: r.body,
    fields: JSON.parse(r.fields) as string[],
    sourceCity: r.source_city,
    program: r.program_id !== null && r.program_name !== null ? { id: r.program_id, name: r.program_name } : null,
    reflectionId: r.reflection_id,
    canEdit: hasPermission(actor.role, 'practice:write') && isInScope(actor, r.org_path),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

  const hit = (actor: Actor, r: PracticeRow, score: number | null, matchedTerms: string[], terms: string[]): PracticeHit => ({
    ...present(actor, r),
    score,
    matchedTerms,
    highlight: {
      title: highlight(r.title, terms),
      snippet: !mentions(r.summary, terms) && mentions(r.body, terms) ? snippet(r.body!, terms) : snippet(r.summary, terms),
    },
  });

  async function visible(actor: Actor, id: number): Promise<PracticeRow> {
    const row = await findVisiblePractice(read, scopePrefix(actor), actor.scopePath, id);
    if (!row) throw notFound('经验做法');
    return row;
  }

  async function editable(actor: Actor, id: number): Promise<PracticeRow> {
    requirePermission(actor, 'practice:write');
    const row = await visible(actor, id);
    // An ancestor's practice is shared with the caller to read, not to change.
    if (!isInScope(actor, row.org_path)) throw notFound('经验做法');
    return row;
  }

  /** Where a new practice comes from: the reflection (and so the program) must lie in the caller's scope. */
  async function resolveSource(actor: Actor, input: PracticeInput): Promise<{ programId: number | null; reflectionId: number | null }> {
    if (input.reflectionId !== undefined) {
      const r = await read.selectFrom('reflections').select(['id', 'program_id']).where('id', '=', input.reflectionId).executeTakeFirst();
      const inScope = r
        ? await programInScope(read, actor, r.program_id).then(
            () => true,
            () => false,
          )
        : false;
      if (!r || !inScope) throw invalid([{ field: 'reflectionId', message: '心得体会不存在或不在管理范围内' }]);
      return { programId: r.program_id, reflectionId: r.id };
    }
    if (input.programId !== undefined) {
      const ok = await programInScope(read, actor, input.programId).then(
        () => true,
        () => false,
      );
      if (!ok) throw invalid([{ field: 'programId', message: '培训项目不存在或不在管理范围内' }]);
      return { programId: input.programId, reflectionId: null };
    }
    return { programId: null, reflectionId: null };
  }

  return {
    /**
     * Search or browse. With `q`: jieba splits it into its finest terms (招商引资 → 招商, 引资), SQL keeps practices
     * containing every term as a stored whole word, and BM25 over the visible library ranks them. Without `q`: newest first.
     */
    async search(actor: Actor, query: PracticeQuery): Promise<PracticeSearch> {
      requirePermission(actor, 'program:read');
      const { page, pageSize } = query;
      const terms = query.q ? searchTerms(query.q) : [];
      if (query.q && terms.length === 0) return { items: [], total: 0, page, pageSize, terms };
      const rows = await listPractices(read, scopePrefix(actor), actor.scopePath, { terms, field: query.field, city: query.city });
      let ranked: { row: PracticeRow; score: number | null; matched: string[] }[];
      if (terms.length === 0) {
        ranked = rows.map((row) => ({ row, score: null, matched: [] }));
      } else {
        const corpus = await corpusFor(actor);
        const byId = new Map(rows.map((r) => [String(r.id), r]));
        ranked = corpus
          .search(query.q!, { limit: corpus.size })
          .filter((h) => byId.has(h.id))
          .map((h) => ({ row: byId.get(h.id)!, score: h.score, matched: h.matchedTerms }));
        // A row the index has not seen yet (written after the fingerprint was read) still shows, last.
        const seen = new Set(ranked.map((r) => r.row.id));
        for (const row of rows) if (!seen.has(row.id)) ranked.push({ row, score: 0, matched: [] });
      }
      const slice = ranked.slice((page - 1) * pageSize, page * pageSize);
      // Highlight the matched words and the query's finest terms: 招商引资 where the text has it, else 招商 and 引资 apart.
      return { items: slice.map((r) => hit(actor, r.row, r.score, r.matched, [...r.matched, ...terms])), total: ranked.length, page, pageSize, terms };
    },

    async facets(actor: Actor): Promise<PracticeFacets> {
      requirePermission(actor, 'program:read');
      const fields = new Map<string, number>();
      const cities = new Map<string, number>();
      for (const r of await listFacetSource(read, scopePrefix(actor), actor.scopePath)) {
        for (const f of JSON.parse(r.fields) as string[]) fields.set(f, (fields.get(f) ?? 0) + 1);
        if (r.source_city) cities.set(r.source_city, (cities.get(r.source_city) ?? 0) + 1);
      }
      const sorted = (m: Map<string, number>) =>
        [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'zh-Hans-CN'));
      return { fields: sorted(fields), cities: sorted(cities) };
    },

    async get(actor: Actor, id: number): Promise<Practice> {
      requirePermission(actor, 'program:read');
      return present(actor, await visible(actor, id));
    },

    async create(actor: Actor, input: PracticeInput): Promise<Practice> {
      requirePermission(actor, 'practice:write');
      const org = await findOrgInScope(read, scopePrefix(actor), input.orgId ?? actor.orgId);
      if (!org) throw invalid([{ field: 'orgId', message: '单位不存在或不在管理范围内' }]);
      const source = await resolveSource(actor, input);
      const fields = input.fields;
      const id = await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const { id: newId } = await trx
          .insertInto('good_practices')
          .values({
            org_id: org.id,
            program_id: source.programId,
            reflection_id: source.reflectionId,
            title: input.title,
            summary: input.summary,
            body: input.body ?? null,
            fields: JSON.stringify(fields),
            fields_index: fieldsIndex(fields),
            source_city: input.sourceCity ?? null,
            search_terms: searchColumn(input),
            created_by: actor.userId || null,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'practice.create',
          entityType: 'good_practice',
          entityId: newId,
          scopePath: org.path,
          summary: `新增经验做法 ${input.title}`,
          after: input,
        });
        return newId;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: number, patch: PracticePatch): Promise<Practice> {
      const row = await editable(actor, id);
      const before = present(actor, row);
      const merged = {
        title: patch.title ?? before.title,
        summary: patch.summary ?? before.summary,
        body: patch.body === undefined ? before.body : patch.body,
        fields: patch.fields ?? before.fields,
        sourceCity: patch.sourceCity === undefined ? before.sourceCity : patch.sourceCity,
      };
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('good_practices')
          .set({
            title: merged.title,
            summary: merged.summary,
            body: merged.body,
            fields: JSON.stringify(merged.fields),
            fields_index: fieldsIndex(merged.fields),
            source_city: merged.sourceCity,
            search_terms: searchColumn(merged),
            updated_at: nowIso(),
          })
          .where('id', '=', id)
          .execute();
        await recordAudit(trx, actor, {
          action: 'practice.update',
          entityType: 'good_practice',
          entityId: id,
          scopePath: row.org_path,
          summary: `修改经验做法 ${merged.title}`,
          before: { title: before.title, summary: before.summary, body: before.body, fields: before.fields, sourceCity: before.sourceCity },
          after: patch,
        });
      });
      return this.get(actor, id);
    },

    async remove(actor: Actor, id: number): Promise<void> {
      const row = await editable(actor, id);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('good_practices').where('id', '=', id).execute();
        await recordAudit(trx, actor, {
          action: 'practice.delete',
          entityType: 'good_practice',
          entityId: id,
          scopePath: row.org_path,
          summary: `删除经验做法 ${row.title}`,
          before: { title: row.title, summary: row.summary },
        });
      });
    },
  };
}
