// The roster import pipeline, shared by the web job and the CLI: stream the file, map and validate every
// row, resolve units inside the importer's subtree, classify each row as create/update/unchanged, and —
// only when there are no errors — write everything in one transaction.
import type { ImportError, ImportSummary, Rank } from '@duibiao/contracts';
import { detectHeader, fieldLabel, isBlankRosterRow, mapRosterRow, type RosterField, type RosterMapping, type RosterRecord } from '@duibiao/core/roster/index';
import { readSheetRows, SpreadsheetError, type SheetRow } from '@duibiao/core/spreadsheet/index';
import { localToday, maskIdNumber } from '@duibiao/core/idcard/index';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Database, OrgRow } from '../../db/schema.ts';
import { nowIso } from '../../db/dialect.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import type { Actor } from '../auth/actor.ts';
import { insertCadresBulk } from '../cadres/cadres.repo.ts';
import { contentHash, toCadreRow, type CadreRecord } from '../cadres/cadres.rules.ts';
import { buildUnitResolver, type UnitResolver } from './unit-resolver.ts';

export type RowAction = 'create' | 'update' | 'unchanged';

export interface PreviewRow {
  row: number;
  action: RowAction;
  name: string;
  idNumber: string;
  unitName: string;
  position: string | null;
  rank: Rank | null;
}

export interface AnalyseResult {
  summary: ImportSummary;
  preview: PreviewRow[];
  rowsRead: number;
}

export interface ImportHooks {
  onProgress?: (fraction: number, rowsRead: number) => void;
  signal?: AbortSignal;
}

const HEADER_SCAN_ROWS = 10;
const LOOKUP_BATCH = 500;
const PREVIEW_ROWS = 50;

interface ClassifiedRow {
  rowNumber: number;
  unitName: string;
  record: CadreRecord;
  hash: string;
  idHash: string;
  existingId: number | null;
  action: RowAction;
}

/** The header found in the first rows, or an error entry explaining why there is none. */
function resolveHeader(head: SheetRow[], errors: ImportError[]): RosterMapping | undefined {
  const detected = detectHeader(head);
  if (detected.ok) return detected.mapping;
  errors.push({ row: detected.headerRowNumber ?? 0, column: '', message: detected.error });
  return undefined;
}

/** Streams the data rows of a file (after its header) with the header mapping. */
async function* dataRows(filePath: string, hooks: ImportHooks, errors: ImportError[]): AsyncGenerator<{ row: SheetRow; mapping: RosterMapping }> {
  const head: SheetRow[] = [];
  let mapping: RosterMapping | undefined;
  for await (const row of readSheetRows(filePath, { onProgress: hooks.onProgress && ((f) => hooks.onProgress!(f, 0)), signal: hooks.signal })) {
    if (mapping) {
      yield { row, mapping };
      continue;
    }
    head.push(row);
    if (head.length < HEADER_SCAN_ROWS) continue;
    mapping = resolveHeader(head, errors);
    if (!mapping) return;
    for (const r of head) if (r.rowNumber > mapping.headerRowNumber) yield { row: r, mapping };
  }
  if (!mapping && head.length) {
    mapping = resolveHeader(head, errors);
    if (mapping) for (const r of head) if (r.rowNumber > mapping.headerRowNumber) yield { row: r, mapping };
  }
}

const columnTitle = (mapping: RosterMapping, field: RosterField) => mapping.columns.find((c) => c.field === field)?.header ?? fieldLabel(field);

/**
 * Reads and validates the whole file, calling `onBatch` with classified valid rows. Returns every error.
 * The caller decides whether to write (commit) or only count (dry run).
 */
async function walk(ctx: AppContext, executor: Kysely<Database>, actor: Actor, org: OrgRow, filePath: string, hooks: ImportHooks, onBatch: (rows: ClassifiedRow[]) => Promise<void>) {
  const today = localToday();
  const errors: ImportError[] = [];
  const units: UnitResolver = await buildUnitResolver(executor, org);
  const seenIds = new Map<string, number>();
  let pending: { rowNumber: number; unitName: string; record: CadreRecord; hash: string }[] = [];
  let rowsRead = 0;

  const flush = async () => {
    if (pending.length === 0) return;
    const hashes = pending.map((p) => ctx.cipher.blindIndex(p.record.idNumber));
    const existing = await executor
      .selectFrom('cadres as c')
      .innerJoin('organizations as o', 'o.id', 'c.org_id')
      .select(['c.id', 'c.id_number_hash', 'c.content_hash', 'o.path'])
      .where('c.id_number_hash', 'in', hashes)
      .execute();
    const byHash = new Map(existing.map((e) => [e.id_number_hash, e]));
    const classified: ClassifiedRow[] = [];
    for (const [i, p] of pending.entries()) {
      const found = byHash.get(hashes[i]!);
      if (found && !(actor.role === 'sys_admin' || found.path.startsWith(org.path))) {
        errors.push({ row: p.rowNumber, column: '身份证号', message: '该身份证号的干部已登记在本次导入范围以外的单位，请联系其所在单位调整' });
        continue;
      }
      const action: RowAction = !found ? 'create' : found.content_hash === p.hash ? 'unchanged' : 'update';
      classified.push({ ...p, idHash: hashes[i]!, existingId: found?.id ?? null, action });
    }
    pending = [];
    await onBatch(classified);
  };

  try {
    for await (const { row, mapping } of dataRows(filePath, { ...hooks, onProgress: (f) => hooks.onProgress?.(f, rowsRead) }, errors)) {
      if (isBlankRosterRow(row, mapping)) continue;
      rowsRead++;
      const mapped = mapRosterRow(row, mapping, { today });
      if (!mapped.ok) {
        errors.push(...mapped.errors);
        continue;
      }
      const unit = units.resolve(mapped.record.unitName);
      if (!unit.ok) {
        errors.push({ row: row.rowNumber, column: columnTitle(mapping, 'unitName'), message: unit.message });
        continue;
      }
      const firstRow = seenIds.get(mapped.record.idNumber);
      if (firstRow !== undefined) {
        errors.push({ row: row.rowNumber, column: columnTitle(mapping, 'idNumber'), message: `与第${firstRow}行的身份证号重复` });
        continue;
      }
      seenIds.set(mapped.record.idNumber, row.rowNumber);
      const record = toRecord(mapped.record, unit.orgId);
      pending.push({ rowNumber: row.rowNumber, unitName: mapped.record.unitName, record, hash: contentHash(record) });
      if (pending.length >= LOOKUP_BATCH) await flush();
    }
    await flush();
  } catch (error) {
    if (error instanceof SpreadsheetError) errors.push({ row: 0, column: '', message: error.message });
    else throw error;
  }
  if (rowsRead === 0 && errors.length === 0) errors.push({ row: 0, column: '', message: '文件中没有数据行' });
  errors.sort((a, b) => a.row - b.row);
  return { errors, rowsRead };
}

function toRecord({ unitName: _unit, ...fields }: RosterRecord, orgId: number): CadreRecord {
  return { ...fields, orgId, experiences: [] };
}

/** Dry run: counts and every error, nothing written. */
export async function analyseRoster(ctx: AppContext, actor: Actor, org: OrgRow, filePath: string, hooks: ImportHooks = {}): Promise<AnalyseResult> {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const preview: PreviewRow[] = [];
  const { errors, rowsRead } = await walk(ctx, ctx.db.read, actor, org, filePath, hooks, async (rows) => {
    for (const r of rows) {
      counts[r.action === 'create' ? 'created' : r.action === 'update' ? 'updated' : 'unchanged']++;
      if (preview.length < PREVIEW_ROWS) preview.push({ row: r.rowNumber, action: r.action, name: r.record.name, idNumber: maskIdNumber(r.record.idNumber), unitName: r.unitName, position: r.record.position, rank: r.record.rank });
    }
  });
  return { summary: { ...counts, errors }, preview, rowsRead };
}

export class ImportHasErrors extends Error {
  constructor(readonly summary: ImportSummary) {
    super(`导入文件有 ${summary.errors.length} 处错误，未写入任何数据`);
  }
}

/** Writes the file all-or-nothing: any error anywhere rolls back everything (ImportHasErrors). */
export async function commitRoster(ctx: AppContext, actor: Actor, org: OrgRow, filePath: string, fileName: string, hooks: ImportHooks = {}): Promise<ImportSummary> {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const at = nowIso();
    const { errors } = await walk(ctx, trx, actor, org, filePath, hooks, async (rows) => {
      const inserts = [];
      for (const r of rows) {
        if (r.action === 'unchanged') counts.unchanged++;
        else if (r.action === 'update') {
          counts.updated++;
          await trx.updateTable('cadres').set(toCadreRow(r.record, ctx.cipher, at, r.idHash, r.hash)).where('id', '=', r.existingId!).execute();
        } else {
          counts.created++;
          inserts.push({ ...toCadreRow(r.record, ctx.cipher, at, r.idHash, r.hash), created_at: at });
        }
      }
      await insertCadresBulk(trx, inserts);
    });
    const summary = { ...counts, errors };
    if (errors.length) throw new ImportHasErrors(summary);
    await recordAudit(trx, actor, {
      action: 'cadre.import',
      entityType: 'cadre',
      entityId: null,
      scopePath: org.path,
      summary: `导入干部名册 ${fileName}：新增 ${counts.created}，更新 ${counts.updated}，未变 ${counts.unchanged}`,
      after: { fileName, unit: org.name, ...counts },
    });
    return summary;
  });
}
