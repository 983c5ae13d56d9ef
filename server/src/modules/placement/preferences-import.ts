// 志愿 by spreadsheet: programs collect 150 cadres' choices on paper or in Excel. The template lists every enrolled
// cadre (matched back by 干部编号 = cadre id, never by name) with their current choices as `单位·岗位` labels and a
// second sheet of posts; the import checks every row (a dry run lists all problems) and replaces the listed cadres'
// choices in one transaction, or writes nothing.
import { resolve } from 'node:path';
import { readSheetRows, SpreadsheetError, type CellValue } from '@duibiao/core/spreadsheet/index';
import type { PreferenceImportResult } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { conflict } from '../../http/errors.ts';
import { writeXlsxSheets } from '../../lib/xlsx-writer.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import type { Actor } from '../auth/actor.ts';
import { organizerProgram } from './placement-access.ts';
import { hasPublishedPlacements, listEnrolledCadres, listPreferences, listProgramPosts, type PostRow } from './placement.repo.ts';
import { writeCadreRanking } from './preferences.service.ts';
import { checkSheetUpload } from '../../lib/sheet-upload.ts';

const MAX_TEMPLATE_CHOICES = 10;
const MAX_ROWS = 5_000;
const HEADER_SCAN_ROWS = 10;
const ID_COLUMN = '干部编号';
const NAME_COLUMN = '姓名';
const choiceColumn = (k: number) => `第${k}志愿`;
const CHOICE_HEADER = /^第(\d+)志愿$/;

type Problem = PreferenceImportResult['errors'][number];
interface ParsedRow {
  row: number;
  cadreId: string;
  name: string;
  /** Choice cells in column order (第1志愿 first), '' when empty. */
  cells: { column: string; text: string }[];
}

export const postLabel = (p: Pick<PostRow, 'unit_name' | 'title'>) => `${p.unit_name}·${p.title}`;
const cellText = (v: CellValue | undefined) => (v === null || v === undefined ? '' : String(v).trim());
/** People type the middle dot several ways (・ • ‧ ･), often with spaces around it; all mean `单位·岗位`. */
const normalLabel = (text: string) => text.replace(/\s*[·・•‧･]\s*/g, '·');

/** The header row: 干部编号 and at least 第1志愿 must be there; other columns (姓名, 单位, 序号) are optional. */
function detectHeader(cells: CellValue[]) {
  const titles = cells.map(cellText);
  const id = titles.indexOf(ID_COLUMN);
  const choices = titles
    .map((t, index) => ({ index, rank: Number(CHOICE_HEADER.exec(t)?.[1] ?? 0), column: t }))
    .filter((c) => c.rank > 0)
    .sort((a, b) => a.rank - b.rank);
  if (id < 0 || choices.length === 0) return undefined;
  const name = titles.indexOf(NAME_COLUMN);
  return { id, name: name < 0 ? undefined : name, choices };
}

async function parseFile(filePath: string): Promise<{ rows: ParsedRow[]; errors: Problem[] }> {
  const rows: ParsedRow[] = [];
  const errors: Problem[] = [];
  let header: ReturnType<typeof detectHeader>;
  let scanned = 0;
  try {
    for await (const { cells, rowNumber } of readSheetRows(filePath)) {
      if (!header) {
        header = detectHeader(cells);
        if (!header && ++scanned >= HEADER_SCAN_ROWS) break;
        continue;
      }
      const row: ParsedRow = {
        row: rowNumber,
        cadreId: cellText(cells[header.id]),
        name: header.name === undefined ? '' : cellText(cells[header.name]),
        cells: header.choices.map((c) => ({ column: c.column, text: cellText(cells[c.index]) })),
      };
      if (row.cadreId === '' && row.name === '' && row.cells.every((c) => c.text === '')) continue;
      if (rows.length >= MAX_ROWS) {
        errors.push({ row: rowNumber, column: '', message: `一次最多导入 ${MAX_ROWS} 行` });
        break;
      }
      rows.push(row);
    }
  } catch (error) {
    if (error instanceof SpreadsheetError) return { rows: [], errors: [{ row: 0, column: '', message: error.message }] };
    throw error;
  }
  if (!header) errors.push({ row: 0, column: '', message: `没有找到表头：需要「${ID_COLUMN}」和「${choiceColumn(1)}」等列（请使用下载的志愿模板）` });
  else if (rows.length === 0) errors.push({ row: 0, column: '', message: '文件中没有学员数据' });
  return { rows, errors };
}

export function createPreferenceImport(ctx: AppContext) {
  const db = ctx.db.kysely;
  const uploadDir = resolve(ctx.config.UPLOAD_DIR);

  /** Checks every row against the program's enrolled cadres and posts; the plan holds the rows that passed. */
  async function check(programId: number, rows: ParsedRow[], errors: Problem[]) {
    const posts = await listProgramPosts(db, programId);
    const byId = new Map(posts.map((p) => [String(p.id), p]));
    const byLabel = new Map<string, PostRow[]>();
    for (const p of posts) byLabel.set(normalLabel(postLabel(p)), [...(byLabel.get(normalLabel(postLabel(p))) ?? []), p]);
    const enrolled = new Map((await listEnrolledCadres(db, programId)).map((c) => [String(c.id), c]));
    const seen = new Map<number, number>();
    const plan: { row: number; cadreId: number; name: string; posts: PostRow[] }[] = [];
    for (const r of rows) {
      const before = errors.length;
      const problem = (column: string, message: string) => errors.push({ row: r.row, column, message });
      const cadre = enrolled.get(r.cadreId);
      if (r.cadreId === '') problem(ID_COLUMN, '请填写干部编号（从志愿模板复制，勿改动）');
      else if (!cadre) problem(ID_COLUMN, `干部编号 ${r.cadreId} 不是本项目学员`);
      else if (r.name !== '' && r.name !== cadre.name) problem(NAME_COLUMN, `干部编号 ${r.cadreId} 是「${cadre.name}」，与所填姓名「${r.name}」不符`);
      else if (seen.has(cadre.id)) problem(ID_COLUMN, `与第 ${seen.get(cadre.id)} 行是同一名学员`);
      if (cadre && !seen.has(cadre.id)) seen.set(cadre.id, r.row);
      const chosen: PostRow[] = [];
      const lastFilled = r.cells.findLastIndex((c) => c.text !== '');
      for (const cell of r.cells.slice(0, lastFilled + 1)) {
        if (cell.text === '') {
          problem(cell.column, `${cell.column}为空，但后面还有志愿（志愿须从第1志愿起连续填写）`);
          continue;
        }
        const hits = byId.get(cell.text) ? [byId.get(cell.text)!] : (byLabel.get(normalLabel(cell.text)) ?? []);
        if (hits.length === 0) problem(cell.column, `没有岗位「${cell.text}」（请填「单位·岗位」或岗位编号，见「岗位清单」）`);
        else if (hits.length > 1) problem(cell.column, `有 ${hits.length} 个岗位都叫「${cell.text}」，请改填岗位编号`);
        else if (chosen.some((p) => p.id === hits[0]!.id)) problem(cell.column, `岗位「${cell.text}」在本行重复填报`);
        else chosen.push(hits[0]!);
      }
      if (cadre && errors.length === before) plan.push({ row: r.row, cadreId: cadre.id, name: cadre.name, posts: chosen });
    }
    return plan;
  }

  async function run(actor: Actor, programId: number, filePath: string, commit: boolean): Promise<PreferenceImportResult> {
    const program = await organizerProgram(db, actor, programId, true);
    const { rows, errors } = await parseFile(filePath);
    const plan = await check(programId, rows, errors);
    errors.sort((a, b) => a.row - b.row);
    const result = (committed: boolean): PreferenceImportResult => ({
      dryRun: !commit,
      committed,
      rows: rows.length,
      errors,
      preview: plan.slice(0, 500).map((p) => ({ row: p.row, cadreId: p.cadreId, name: p.name, choices: p.posts.map(postLabel) })),
    });
    if (!commit || errors.length > 0) return result(false);
    await db.transaction().execute(async (trx) => {
      // Publishing may have happened since the upload was checked; the write must not slip past it.
      if (await hasPublishedPlacements(trx, programId)) throw conflict('安置结果已发布，志愿不能再修改');
      for (const p of plan)
        await writeCadreRanking(
          trx,
          program,
          p.cadreId,
          p.posts.map((x) => x.id),
        );
      await recordAudit(trx, actor, {
        action: 'placement.preferences',
        entityType: 'program',
        entityId: programId,
        scopePath: program.organizer_path,
        summary: `${program.name}：导入志愿表，更新 ${plan.length} 名学员的志愿`,
        after: { choices: Object.fromEntries(plan.map((p) => [String(p.cadreId), p.posts.map((x) => x.id)])) },
      });
    });
    return result(true);
  }

  return {
    /** The template: one row per enrolled cadre with the current choices prefilled, and the 岗位清单 sheet. */
    async template(actor: Actor, programId: number): Promise<{ name: string; write: (out: NodeJS.WritableStream) => Promise<void> }> {
      const program = await organizerProgram(db, actor, programId, false);
      const posts = await listProgramPosts(db, programId);
      const cadres = await listEnrolledCadres(db, programId);
      const prefs = await listPreferences(db, programId, 'cadre');
      const label = new Map(posts.map((p) => [p.id, postLabel(p)]));
      const rows = cadres.map((c) => ({ c, choices: prefs.filter((p) => p.cadre_id === c.id).map((p) => label.get(p.post_id) ?? String(p.post_id)) }));
      // min(posts, 10) columns, but never fewer than someone's current choices: a round trip must not drop any.
      const n = Math.max(Math.min(posts.length, MAX_TEMPLATE_CHOICES), ...rows.map((r) => r.choices.length), 1);
      const cadreColumns = [
        { header: ID_COLUMN, width: 10, value: (r: (typeof rows)[number]) => r.c.id },
        { header: NAME_COLUMN, width: 12, value: (r: (typeof rows)[number]) => r.c.name },
        { header: '单位', width: 30, value: (r: (typeof rows)[number]) => r.c.org_name },
        ...Array.from({ length: n }, (_, k) => ({ header: choiceColumn(k + 1), width: 28, value: (r: (typeof rows)[number]) => r.choices[k] ?? '' })),
      ];
      const postColumns = [
        { header: '岗位编号', width: 10, value: (p: PostRow) => p.id },
        { header: '单位', width: 30, value: (p: PostRow) => p.unit_name },
        { header: '岗位', width: 24, value: (p: PostRow) => p.title },
        { header: '名额', width: 8, value: (p: PostRow) => p.seats },
        { header: '填写用名称', width: 40, value: (p: PostRow) => postLabel(p) },
      ];
      return {
        name: `${program.name}_志愿模板`,
        write: (out) =>
          writeXlsxSheets(out, [
            { name: '志愿', columns: cadreColumns, rows },
            { name: '岗位清单', columns: postColumns, rows: posts },
          ]),
      };
    },

    /** Saves the upload, checks it and (unless a dry run) commits it; a commit with errors answers 400, nothing written. */
    async upload(actor: Actor, programId: number, fileName: string, file: NodeJS.ReadableStream, dryRun: boolean): Promise<PreferenceImportResult> {
      await organizerProgram(db, actor, programId, true);
      if (await hasPublishedPlacements(db, programId)) throw conflict('安置结果已发布，志愿不能再修改');
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
