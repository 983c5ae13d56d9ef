// Manual ledger entries for training taken elsewhere (with evidence); program-derived rows are read-only here.
import type { HoursEntryInput, HoursEntryPatch, HoursEntryView } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { createEvidenceStore } from './evidence-store.ts';
import { deleteEntry, findCadreInScope, findEntry, findEntryInScope, insertEntry, listEntries, presentEntry, updateEntry } from './hours-entries.repo.ts';
import { beijingToday } from './time.ts';

const readOnly = () => conflict('该记录由培训项目考勤自动生成，不能手工修改');

/** A manual entry cannot be dated in the future: it records training already taken. */
function checkDate(date: string): void {
  if (date > beijingToday()) throw invalid([{ field: 'date', message: '培训日期不能晚于今天' }]);
}

export function createHoursEntriesService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;
  const evidence = createEvidenceStore(ctx.config.UPLOAD_DIR);

  async function cadreInScope(actor: Actor, cadreId: number) {
    const cadre = await findCadreInScope(read, scopePrefix(actor), cadreId);
    if (!cadre) throw notFound('干部');
    return cadre;
  }

  async function manualEntry(actor: Actor, id: number) {
    const entry = await findEntryInScope(read, scopePrefix(actor), id);
    if (!entry) throw notFound('学时记录');
    if (entry.source !== 'manual') throw readOnly();
    return entry;
  }

  const get = async (id: number): Promise<HoursEntryView> => presentEntry((await findEntry(db, id))!);

  return {
    async list(actor: Actor, cadreId: number): Promise<HoursEntryView[]> {
      requirePermission(actor, 'hours:read');
      await cadreInScope(actor, cadreId);
      return (await listEntries(read, cadreId)).map(presentEntry);
    },

    async create(actor: Actor, cadreId: number, input: HoursEntryInput): Promise<HoursEntryView> {
      requirePermission(actor, 'hours:write');
      const cadre = await cadreInScope(actor, cadreId);
      checkDate(input.date);
      const id = await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const newId = await insertEntry(trx, {
          cadre_id: cadreId,
          program_id: null,
          source: 'manual',
          category: input.category,
          title: input.title,
          provider: input.provider ?? null,
          date: input.date,
          hours: input.hours,
          days: input.days,
          evidence_name: null,
          evidence_path: null,
          note: input.note ?? null,
          created_by: actor.userId || null,
          created_at: at,
          updated_at: at,
        });
        await recordAudit(trx, actor, {
          action: 'hours.entry_create',
          entityType: 'hours_entry',
          entityId: newId,
          scopePath: cadre.org_path,
          summary: `为 ${cadre.name} 登记学时「${input.title}」${input.hours} 学时`,
          after: input,
        });
        return newId;
      });
      return get(id);
    },

    async update(actor: Actor, id: number, patch: HoursEntryPatch): Promise<HoursEntryView> {
      requirePermission(actor, 'hours:write');
      const entry = await manualEntry(actor, id);
      const before = presentEntry(entry);
      const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as HoursEntryPatch;
      if (set.date !== undefined) checkDate(set.date);
      await db.transaction().execute(async (trx) => {
        await updateEntry(trx, id, {
          ...(set.category !== undefined ? { category: set.category } : {}),
          ...(set.title !== undefined ? { title: set.title } : {}),
          ...(set.provider !== undefined ? { provider: set.provider } : {}),
          ...(set.date !== undefined ? { date: set.date } : {}),
          ...(set.hours !== undefined ? { hours: set.hours } : {}),
          ...(set.days !== undefined ? { days: set.days } : {}),
          ...(set.note !== undefined ? { note: set.note } : {}),
          updated_at: nowIso(),
        });
        await recordAudit(trx, actor, {
          action: 'hours.entry_update',
          entityType: 'hours_entry',
          entityId: id,
          scopePath: entry.org_path,
          summary: `修改 ${entry.cadre_name} 的学时记录「${set.title ?? entry.title}」`,
          before,
          after: set,
        });
      });
      return get(id);
    },

    async remove(actor: Actor, id: number): Promise<void> {
      requirePermission(actor, 'hours:write');
      const entry = await manualEntry(actor, id);
      await db.transaction().execute(async (trx) => {
        await deleteEntry(trx, id);
        await recordAudit(trx, actor, {
          action: 'hours.entry_delete',
          entityType: 'hours_entry',
          entityId: id,
          scopePath: entry.org_path,
          summary: `删除 ${entry.cadre_name} 的学时记录「${entry.title}」`,
          before: presentEntry(entry),
        });
      });
      // The file goes only once the row is gone for good.
      await evidence.remove(entry.evidence_path);
    },

    /** Stores (or replaces) the entry's evidence file; the old file is deleted after the commit. */
    async uploadEvidence(actor: Actor, id: number, fileName: string, file: NodeJS.ReadableStream): Promise<HoursEntryView> {
      requirePermission(actor, 'hours:write');
      const entry = await manualEntry(actor, id);
      const saved = await evidence.save(fileName, file);
      try {
        await db.transaction().execute(async (trx) => {
          await updateEntry(trx, id, { evidence_name: saved.name, evidence_path: saved.path, updated_at: nowIso() });
          await recordAudit(trx, actor, {
            action: 'hours.evidence_upload',
            entityType: 'hours_entry',
            entityId: id,
            scopePath: entry.org_path,
            summary: `上传 ${entry.cadre_name} 的学时证明「${saved.name}」`,
            before: { evidenceName: entry.evidence_name },
            after: { evidenceName: saved.name },
          });
        });
      } catch (error) {
        await evidence.remove(saved.path);
        throw error;
      }
      await evidence.remove(entry.evidence_path);
      return get(id);
    },

    async evidenceFile(actor: Actor, id: number): Promise<{ name: string; path: string; contentType: string }> {
      requirePermission(actor, 'hours:read');
      const entry = await findEntryInScope(read, scopePrefix(actor), id);
      if (!entry?.evidence_path || !entry.evidence_name) throw notFound('证明材料');
      return { name: entry.evidence_name, path: evidence.absolute(entry.evidence_path), contentType: evidence.contentType(entry.evidence_name) };
    },
  };
}
