// Enrolment import from xlsx/csv: a dry run lists every bad row; the commit writes all rows or none. Cadres are
// matched by ID number through the blind index (as the roster import does), or by name + unit name.
import { resolve } from 'node:path';
import { validateIdNumber } from '@duibiao/core/idcard/index';
import { readSheetRows, SpreadsheetError } from '@duibiao/core/spreadsheet/index';
import type { ClassRole, EnrolmentImportResult } from '@duibiao/contracts';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { inSubtree, nowIso } from '../../db/dialect.ts';
import { writeXlsx } from '../../lib/xlsx-writer.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { recomputeProgramHours } from '../hours/ledger.ts';
import { programInScope } from './program-access.ts';
import { detectImportHeader, IMPORT_COLUMN_TITLES, parseRoleCell, placementProblems, type ImportColumn, type Placement } from './enrolment.rules.ts';
import { loadPlacementState, lockProgramRoster } from './enrolments.repo.ts';
import { roleProblems } from './programs.rules.ts';
import { newEnrolmentRow } from './enrolment-row.ts';
import { checkSheetUpload } from '../../lib/sheet-upload.ts';

const HEADER_SCAN_ROWS = 10;
const MAX_ROWS = 5_000;
const CHUNK = 500;

type Problem = EnrolmentImportResult['errors'][number];

interface ParsedRow {
  row: number;
  idNumber?: string;
  name?: string;
  unit?: string;
  className?: string;
  groupName?: string;
  roles: ClassRole[];
}

const cellText = (v: string | number | boolean | null | undefined) => (v === null || v === undefined ? '' : String(v).trim());

const TEMPLATE_COLUMNS = ['序号', '姓名', '身份证号', '工作单位', '班级', '小组', '班内职务'];
const TEMPLATE_EXAMPLE = ['1', '张三', '370202198805120013', '（系统中已有的单位名称；有身份证号时可不填）', '一班', '第一组', '班长'];

async function parseFile(filePath: string): Promise<{ rows: ParsedRow[]; errors: Problem[] }> {
  const rows: ParsedRow[] = [];
  const errors: Problem[] = [];
  let header: Partial<Record<ImportColumn, number>> | undefined;
  let scanned = 0;
  try {
    for await (const sheetRow of readSheetRows(filePath)) {
      if (!header) {
        header = detectImportHeader(sheetRow.cells);
        if (!header && ++scanned >= HEADER_SCAN_ROWS) break;
        continue;
      }
      const get = (col: ImportColumn) => (header![col] === undefined ? '' : cellText(sheetRow.cells[header![col]!]));
      if ((Object.keys(header) as ImportColumn[]).every((c) => get(c) === '')) continue;
      if (rows.length >= MAX_ROWS) {
        errors.push({ row: sheetRow.rowNumber, column: '', message: `一次最多导入 ${MAX_ROWS} 行` });
        break;
      }
      const { roles, unknown } = parseRoleCell(get('roles'));
      for (const word of unknown)
        errors.push({ row: sheetRow.rowNumber, column: IMPORT_COLUMN_TITLES.roles, message: `不认识的班内职务「${word}」（可填 班长、组长、党支部联络员）` });
      rows.push({
        row: sheetRow.rowNumber,
        idNumber: get('idNumber') || undefined,
        name: get('name') || undefined,
        unit: get('unit') || undefined,
        className: get('className') || undefined,
        groupName: get('groupName') || undefined,
        roles,
      });
    }
  } catch (error) {
    if (error instanceof SpreadsheetError) return { rows: [], errors: [{ row: 0, column: '', message: error.message }] };
    throw error;
  }
  if (!header) errors.push({ row: 0, column: '', message: '没有找到表头：需要「身份证号」列，或「姓名」和「工作单位」两列' });
  else if (rows.length === 0) errors.push({ row: 0, column: '', message: '文件中没有学员数据' });
  return { rows, errors };
}

export function createEnrolmentImport(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;
  const uploadDir = resolve(ctx.config.UPLOAD_DIR);

  /** Cadre id per row (scope-checked), with an error for every row that matches none or several. */
  async function matchCadres(actor: Actor, rows: ParsedRow[], errors: Problem[]): Promise<Map<number, { id: number; name: string }>> {
    const matched = new Map<number, { id: number; name: string }>();
    const scope = scopePrefix(actor);
    const byHash = new Map<string, ParsedRow[]>();
    const byName: ParsedRow[] = [];
    for (const r of rows) {
      if (r.idNumber) {
        const check = validateIdNumber(r.idNumber);
        if (!check.ok) {
          errors.push({ row: r.row, column: '身份证号', message: check.reason });
          continue;
        }
        const hash = ctx.cipher.blindIndex(check.value);
        byHash.set(hash, [...(byHash.get(hash) ?? []), r]);
      } else if (r.name && r.unit) byName.push(r);
      else errors.push({ row: r.row, column: '身份证号', message: '请填写身份证号，或同时填写姓名和工作单位' });
    }
    const hashes = [...byHash.keys()];
    for (let i = 0; i < hashes.length; i += CHUNK) {
      const found = await read
        .selectFrom('cadres as c')
        .innerJoin('organizations as o', 'o.id', 'c.org_id')
        .select(['c.id', 'c.name', 'c.id_number_hash'])
        .where('c.id_number_hash', 'in', hashes.slice(i, i + CHUNK))
        .where(inSubtree('o.path', scope))
        .execute();
      for (const c of found) for (const r of byHash.get(c.id_number_hash) ?? []) matched.set(r.row, { id: c.id, name: c.name });
    }
    for (const rs of byHash.values())
      for (const r of rs) if (!matched.has(r.row)) errors.push({ row: r.row, column: '身份证号', message: '干部库中没有该身份证号的干部（或不在管理范围内）' });
    const names = [...new Set(byName.map((r) => r.name!))];
    for (let i = 0; i < names.length; i += CHUNK) {
      const found = await read
        .selectFrom('cadres as c')
        .innerJoin('organizations as o', 'o.id', 'c.org_id')
        .select(['c.id', 'c.name', 'o.name as org_name'])
        .where('c.name', 'in', names.slice(i, i + CHUNK))
        .where(inSubtree('o.path', scope))
        .execute();
      for (const r of byName.filter((x) => names.slice(i, i + CHUNK).includes(x.name!))) {
        const hits = found.filter((c) => c.name === r.name && c.org_name === r.unit);
        if (hits.length === 1) matched.set(r.row, { id: hits[0]!.id, name: hits[0]!.name });
        else if (hits.length === 0) errors.push({ row: r.row, column: '姓名', message: `「${r.unit}」没有名为「${r.name}」的干部（或不在管理范围内）` });
        else errors.push({ row: r.row, column: '姓名', message: `「${r.unit}」有 ${hits.length} 名「${r.name}」，请改填身份证号` });
      }
    }
    return matched;
  }

  /** Validates every row; with `commit`, writes them all in one transaction (or nothing when any row is bad). */
  async function run(actor: Actor, programId: number, filePath: string, commit: boolean): Promise<EnrolmentImportResult> {
    const program = await programInScope(read, actor, programId);
    const { rows, errors } = await parseFile(filePath);
    const cadres = await matchCadres(actor, rows, errors);
    // A dry run only reads; a commit checks again and writes inside one transaction (all rows or none).
    const within = <T>(fn: (q: Kysely<Database>) => Promise<T>): Promise<T> => (commit ? db.transaction().execute(fn) : fn(read));
    const outcome = await within(async (trx) => {
      if (commit) await lockProgramRoster(trx, programId);
      const state = await loadPlacementState(trx, programId);
      const plan: { r: ParsedRow; cadre: { id: number; name: string }; place: Placement }[] = [];
      const seen = new Map<number, number>();
      for (const r of rows) {
        const cadre = cadres.get(r.row);
        if (!cadre) continue;
        const problem = (column: string, message: string) => errors.push({ row: r.row, column, message });
        if (seen.has(cadre.id)) problem('身份证号', `与第 ${seen.get(cadre.id)} 行是同一名干部`);
        else if (state.byCadre.has(cadre.id)) problem('身份证号', `${cadre.name} 已报名该项目`);
        seen.set(cadre.id, seen.get(cadre.id) ?? r.row);
        let classId: number | null = null;
        let groupId: number | null = null;
        if (r.className) {
          classId = state.classNames.get(r.className) ?? null;
          if (classId === null) problem('班级', `项目中没有班级「${r.className}」`);
        }
        if (r.groupName) {
          if (!r.className) problem('小组', '填写小组时须同时填写班级');
          else if (classId !== null) {
            groupId = state.groupNames.get(`${classId}|${r.groupName}`) ?? null;
            if (groupId === null) problem('小组', `班级「${r.className}」中没有小组「${r.groupName}」`);
          }
        }
        const placeFound = !(r.className && classId === null) && !(r.groupName && groupId === null);
        if (placeFound) for (const message of roleProblems(r.roles, classId, groupId)) problem('班内职务', message);
        plan.push({ r, cadre, place: { classId, groupId, roles: r.roles } });
      }
      for (const p of placementProblems(
        [...state.members.values()],
        plan.map((x) => x.place),
        state.capacity,
      )) {
        errors.push({ row: plan[p.index]!.r.row, column: p.field === 'classId' ? '班级' : '班内职务', message: p.message });
      }
      if (!commit || errors.length) return { plan, written: false };
      const at = nowIso();
      for (let i = 0; i < plan.length; i += CHUNK) {
        await trx
          .insertInto('enrolments')
          .values(
            plan
              .slice(i, i + CHUNK)
              .map(({ cadre, place }) =>
                newEnrolmentRow({ programId, cadreId: cadre.id, classId: place.classId, groupId: place.groupId, roles: place.roles }, at),
              ),
          )
          .execute();
      }
      await recomputeProgramHours(
        trx,
        programId,
        plan.map((p) => p.cadre.id),
      );
      await recordAudit(trx, actor, {
        action: 'enrolment.import',
        entityType: 'program',
        entityId: programId,
        scopePath: program.organizer_path,
        summary: `${program.name}：导入学员 ${plan.length} 人`,
        after: { cadreIds: plan.map((p) => p.cadre.id) },
      });
      return { plan, written: true };
    });
    errors.sort((a, b) => a.row - b.row);
    const classNames = new Map([...(await loadPlacementState(read, programId)).classNames].map(([n, id]) => [id, n]));
    return {
      dryRun: !commit,
      committed: outcome.written,
      rows: rows.length,
      errors,
      preview: outcome.plan.slice(0, 200).map((p) => ({
        row: p.r.row,
        name: p.cadre.name,
        className: p.place.classId === null ? null : (classNames.get(p.place.classId) ?? null),
        groupName: p.place.groupId === null ? null : (p.r.groupName ?? null),
        roles: p.place.roles,
      })),
    };
  }

  return {
    /** Saves the upload, validates it and (unless a dry run) commits it; a commit with errors answers 400. */
    async upload(actor: Actor, programId: number, fileName: string, file: NodeJS.ReadableStream, dryRun: boolean): Promise<EnrolmentImportResult> {
      requirePermission(actor, 'program:write');
      await programInScope(read, actor, programId);
      return checkSheetUpload({
        uploadDir,
        maxMb: ctx.config.UPLOAD_MAX_MB,
        fileName,
        file,
        dryRun,
        check: (path, commit) => run(actor, programId, path, commit),
      });
    },

    template(actor: Actor): (out: NodeJS.WritableStream) => Promise<void> {
      requirePermission(actor, 'program:write');
      const columns = TEMPLATE_COLUMNS.map((h, i) => ({
        header: h,
        width: h === '工作单位' ? 36 : h === '身份证号' ? 22 : 12,
        value: (r: string[]) => r[i] ?? '',
      }));
      return (out) => writeXlsx(out, '学员名单', columns, [TEMPLATE_EXAMPLE]);
    },
  };
}
