// 问题征集表 by spreadsheet: home units send their questions in Excel. Columns 问题, 领域, 提出单位, 提出人; the dry run
// lists every problem as rows.N.列名, the commit writes all rows in one transaction or nothing.
import { resolve } from 'node:path';
import { readSheetRows, SpreadsheetError, type CellValue } from '@duibiao/core/spreadsheet/index';
import { LABELS, PROBLEM_FIELDS, type ProblemField, type QuestionImportResult } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { inSubtree, nowIso } from '../../db/dialect.ts';
import { writeXlsxSheets } from '../../lib/xlsx-writer.ts';
import { checkSheetUpload } from '../../lib/sheet-upload.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { scopePrefix, type Actor } from '../auth/actor.ts';
import { organizerProgram } from './problems-access.ts';
import { searchTermsOf } from './problems.rules.ts';

const MAX_ROWS = 5_000;
const HEADER_SCAN_ROWS = 10;
const COLUMNS = { text: '问题', field: '领域', unit: '提出单位', submitter: '提出人' } as const;

type Problem = QuestionImportResult['errors'][number];
interface ParsedRow {
  row: number;
  text: string;
  field: string;
  unit: string;
  submitter: string;
}

const cellText = (v: CellValue | undefined) => (v === null || v === undefined ? '' : String(v).trim());

/** 领域 accepts the Chinese label (招商引资) or the code (investment). */
const FIELD_BY_NAME = new Map<string, ProblemField>(PROBLEM_FIELDS.flatMap((f) => [[LABELS.problemField[f].zh, f] as const, [f, f] as const]));

async function parseFile(filePath: string): Promise<{ rows: ParsedRow[]; errors: Problem[] }> {
  const rows: ParsedRow[] = [];
  const errors: Problem[] = [];
  let header: Record<keyof typeof COLUMNS, number> | undefined;
  let scanned = 0;
  try {
    for await (const { cells, rowNumber } of readSheetRows(filePath)) {
      if (!header) {
        const titles = cells.map(cellText);
        if (titles.includes(COLUMNS.text)) {
          header = {
            text: titles.indexOf(COLUMNS.text),
            field: titles.indexOf(COLUMNS.field),
            unit: titles.indexOf(COLUMNS.unit),
            submitter: titles.indexOf(COLUMNS.submitter),
          };
        } else if (++scanned >= HEADER_SCAN_ROWS) break;
        continue;
      }
      const at = (k: number) => (k < 0 ? '' : cellText(cells[k]));
      const row = { row: rowNumber, text: at(header.text), field: at(header.field), unit: at(header.unit), submitter: at(header.submitter) };
      if (!row.text && !row.field && !row.unit && !row.submitter) continue;
      if (rows.length >= MAX_ROWS) {
        errors.push({ row: rowNumber, column: null, message: `一次最多导入 ${MAX_ROWS} 行` });
        break;
      }
      rows.push(row);
    }
  } catch (error) {
    if (error instanceof SpreadsheetError) return { rows: [], errors: [{ row: 0, column: null, message: error.message }] };
    throw error;
  }
  if (!header) errors.push({ row: 0, column: null, message: `没有找到表头：需要「${COLUMNS.text}」列（请使用下载的问题征集模板）` });
  else if (rows.length === 0) errors.push({ row: 0, column: null, message: '文件中没有问题数据' });
  return { rows, errors };
}

export function createQuestionImport(ctx: AppContext) {
  const db = ctx.db.kysely;
  const uploadDir = resolve(ctx.config.UPLOAD_DIR);

  async function run(actor: Actor, programId: number, filePath: string, commit: boolean): Promise<QuestionImportResult> {
    const program = await organizerProgram(db, actor, programId, true);
    const { rows, errors } = await parseFile(filePath);
    const names = [...new Set(rows.map((r) => r.unit).filter(Boolean))];
    const orgs =
      names.length === 0
        ? []
        : await db
            .selectFrom('organizations')
            .select(['id', 'name'])
            .where('name', 'in', names)
            .where(inSubtree('path', scopePrefix(actor)))
            .execute();
    const plan: { row: number; text: string; field: ProblemField | null; orgId: number | null; unit: string | null; submitter: string | null }[] = [];
    for (const r of rows) {
      const before = errors.length;
      const problem = (column: string, message: string) => errors.push({ row: r.row, column, message });
      if (r.text.length < 5) problem(COLUMNS.text, r.text ? '问题至少5个字' : '请填写问题');
      else if (r.text.length > 500) problem(COLUMNS.text, '问题不超过500字');
      const field = r.field ? FIELD_BY_NAME.get(r.field) : undefined;
      if (r.field && !field) problem(COLUMNS.field, `没有领域「${r.field}」（可填：${PROBLEM_FIELDS.map((f) => LABELS.problemField[f].zh).join('、')}）`);
      const hits = orgs.filter((o) => o.name === r.unit);
      if (r.unit && hits.length === 0) problem(COLUMNS.unit, `单位「${r.unit}」不存在或不在本级管辖范围内`);
      else if (hits.length > 1) problem(COLUMNS.unit, `有 ${hits.length} 个单位都叫「${r.unit}」，请联系管理员区分`);
      if (r.submitter.length > 60) problem(COLUMNS.submitter, '提出人不超过60字');
      if (errors.length === before)
        plan.push({ row: r.row, text: r.text, field: field ?? null, orgId: hits[0]?.id ?? null, unit: r.unit || null, submitter: r.submitter || null });
    }
    errors.sort((a, b) => a.row - b.row);
    const result = (committed: boolean): QuestionImportResult => ({
      dryRun: !commit,
      committed,
      rows: rows.length,
      errors,
      preview: plan.slice(0, 500).map((p) => ({ row: p.row, text: p.text, field: p.field, homeOrgName: p.unit, submitterName: p.submitter })),
    });
    if (!commit || errors.length > 0) return result(false);
    await db.transaction().execute(async (trx) => {
      const at = nowIso();
      for (const p of plan)
        await trx
          .insertInto('problem_questions')
          .values({
            program_id: programId,
            text: p.text,
            field: p.field,
            source: 'import',
            submitter_cadre_id: null,
            submitter_user_id: null,
            submitter_name: p.submitter ?? p.unit,
            home_org_id: p.orgId,
            search_terms: searchTermsOf(p.text),
            created_at: at,
            updated_at: at,
          })
          .execute();
      await recordAudit(trx, actor, {
        action: 'question.import',
        entityType: 'program',
        entityId: programId,
        scopePath: program.organizer_path,
        summary: `${program.name}：导入问题征集表 ${plan.length} 条`,
        after: { rows: plan.length },
      });
    });
    return result(true);
  }

  return {
    async template(actor: Actor, programId: number): Promise<{ name: string; write: (out: NodeJS.WritableStream) => Promise<void> }> {
      const program = await organizerProgram(db, actor, programId, true);
      const example = [{ text: '如何破解中小企业融资难、融资贵问题？', field: LABELS.problemField.finance.zh, unit: '', submitter: '张三' }];
      const fields = PROBLEM_FIELDS.map((f) => ({ name: LABELS.problemField[f].zh, code: f }));
      return {
        name: `${program.name}_问题征集模板`,
        write: (out) =>
          writeXlsxSheets(out, [
            {
              name: '问题',
              columns: [
                { header: COLUMNS.text, width: 60, value: (r: (typeof example)[number]) => r.text },
                { header: COLUMNS.field, width: 14, value: (r: (typeof example)[number]) => r.field },
                { header: COLUMNS.unit, width: 30, value: (r: (typeof example)[number]) => r.unit },
                { header: COLUMNS.submitter, width: 14, value: (r: (typeof example)[number]) => r.submitter },
              ],
              rows: example,
            },
            {
              name: '领域',
              columns: [
                { header: '领域', width: 16, value: (r: (typeof fields)[number]) => r.name },
                { header: '代码', width: 16, value: (r: (typeof fields)[number]) => r.code },
              ],
              rows: fields,
            },
          ]),
      };
    },

    async upload(actor: Actor, programId: number, fileName: string, file: NodeJS.ReadableStream, dryRun: boolean): Promise<QuestionImportResult> {
      await organizerProgram(db, actor, programId, true);
      return checkSheetUpload({
        uploadDir,
        maxMb: ctx.config.UPLOAD_MAX_MB,
        fileName,
        file,
        dryRun,
        check: (path, commit) => run(actor, programId, path, commit),
      });
    },
  };
}
