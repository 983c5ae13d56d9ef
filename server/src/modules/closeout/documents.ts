// Close-out documents of one program: class roster (docx, xlsx), sign-in sheets (docx, one page per session) and the
// hours summary (xlsx), computed straight from enrolments, attendance, leave and the hours ledger.
import { LABELS, type ClassRole, type Gender } from '@duibiao/contracts';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../context.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { programInScope, type ScopedProgram } from '../programs/program-access.ts';
import { sessionIsFor } from '../programs/audience.ts';
import { percent } from './assessment.rules.ts';
import { loadStanding } from './assessments.ts';
import { chineseDate } from './certificate-pdf.ts';
import type { RosterRow, SessionRow } from './closeout.repo.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DocumentFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '666666' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

const run = (value: string, options: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text: value, font: FONT, size: options.size ?? 21, bold: options.bold ?? false });
const para = (value: string, options: { bold?: boolean; size?: number; after?: number } = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: options.after ?? 120 }, children: [run(value, options)] });

function cell(value: string, width: number, options: { bold?: boolean; shade?: boolean } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    ...(options.shade ? { shading: { fill: 'E8EEF7' } } : {}),
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(value, { bold: options.bold ?? false })] })],
  });
}

/** A bordered table: a repeated header row, then one row per record; `height` in twips keeps signature rows tall. */
function table(headers: string[], widths: number[], rows: string[][], height?: number): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, widths[i]!, { bold: true, shade: true })) }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            ...(height ? { height: { value: height, rule: 'atLeast' as const } } : {}),
            children: r.map((v, i) => cell(v, widths[i]!)),
          }),
      ),
    ],
  });
}

const genderLabel = (g: string | null) => (g && g in LABELS.gender ? LABELS.gender[g as Gender].zh : '');
const rolesLabel = (json: string) => {
  const roles = JSON.parse(json) as string[];
  return roles.map((r) => (r in LABELS.classRole ? LABELS.classRole[r as ClassRole].zh : r)).join('、');
};
/** An ideographic space between header fields, the usual gap in Chinese forms. */
const GAP = '\u3000';
const programDates = (p: ScopedProgram) => `${chineseDate(p.start_date)}至${chineseDate(p.end_date)}`;
/** 2026-05-11T09:00:00+08:00 → 5月11日 09:00 (the stored wall time is Beijing time). */
const wallTime = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`;

const ROSTER_HEADERS = ['序号', '班级', '小组', '姓名', '性别', '工作单位', '职务', '班内职务'];
const rosterCells = (r: RosterRow, i: number) => [
  String(i + 1),
  r.class_name ?? '',
  r.group_name ?? '',
  r.name,
  genderLabel(r.gender),
  r.unit,
  r.position ?? '',
  rolesLabel(r.roles),
];

async function docx(title: string, sections: ISectionOptions[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ creator: 'Duibiao', title, sections }));
}

function rosterDocx(p: ScopedProgram, roster: RosterRow[]): Promise<Buffer> {
  return docx(`${p.name} 学员名册`, [
    {
      properties: { page: { margin: { top: 1000, bottom: 1000, left: 900, right: 900 } } },
      children: [
        para(p.name, { bold: true, size: 32 }),
        para('学 员 名 册', { bold: true, size: 28 }),
        para(`${programDates(p)}${GAP}主办：${p.organizer_name}${GAP}共 ${roster.length} 人`, { after: 240 }),
        table(ROSTER_HEADERS, [600, 1000, 1000, 1000, 600, 2600, 1800, 1400], roster.map(rosterCells)),
      ],
    },
  ]);
}

async function rosterXlsx(p: ScopedProgram, roster: RosterRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学员名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = ROSTER_HEADERS.map((header, i) => ({ header, width: [6, 14, 12, 10, 6, 30, 22, 16][i] }));
  ws.getRow(1).font = { bold: true };
  roster.forEach((r, i) => ws.addRow(rosterCells(r, i).map((v, c) => (c === 0 ? i + 1 : v))));
  wb.title = `${p.name} 学员名册`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One page per session: the trainees that session is for, with an empty signature column. */
function signInDocx(p: ScopedProgram, sessions: SessionRow[], roster: RosterRow[]): Promise<Buffer> {
  const active = roster.filter((r) => r.status !== 'withdrawn');
  const sections: ISectionOptions[] = sessions.map((s) => {
    const people = active.filter((r) => sessionIsFor(s, r));
    return {
      properties: { page: { size: { orientation: PageOrientation.PORTRAIT }, margin: { top: 900, bottom: 900, left: 900, right: 900 } } },
      children: [
        para(p.name, { bold: true, size: 28 }),
        para('签 到 表', { bold: true, size: 32 }),
        para(`${s.title}${GAP}${LABELS.sessionType[s.type as keyof typeof LABELS.sessionType]?.zh ?? s.type}`, { size: 22 }),
        para(`时间：${wallTime(s.starts_at)}—${s.ends_at.slice(11, 16)}${GAP}地点：${s.venue_name ?? '—'}${GAP}应到 ${people.length} 人`, { after: 200 }),
        table(
          ['序号', '姓名', '工作单位', '签名', '备注'],
          [700, 1300, 3600, 2400, 1400],
          people.map((r, i) => [String(i + 1), r.name, r.unit, '', '']),
          520,
        ),
      ],
    };
  });
  if (sections.length === 0) sections.push({ children: [para(p.name, { bold: true, size: 28 }), para('暂无课程安排')] });
  return docx(`${p.name} 签到表`, sections);
}

const HOURS_COLUMNS: { header: string; width: number }[] = [
  { header: '序号', width: 6 },
  { header: '班级', width: 12 },
  { header: '姓名', width: 10 },
  { header: '工作单位', width: 28 },
  { header: '应出勤学时', width: 11 },
  { header: '出勤学时', width: 10 },
  { header: '出勤率', width: 9 },
  { header: '获得学时', width: 10 },
  { header: '培训天数', width: 9 },
  { header: '请假学时', width: 9 },
  { header: '缺勤次数', width: 9 },
  { header: '退学标记', width: 9 },
  { header: '考核结果', width: 9 },
  { header: '考核说明', width: 30 },
];

async function hoursXlsx(p: ScopedProgram, ctx: { rows: Awaited<ReturnType<typeof loadStanding>>['rows'] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学时汇总', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = HOURS_COLUMNS;
  ws.getRow(1).font = { bold: true };
  ctx.rows.forEach((r, i) =>
    ws.addRow([
      i + 1,
      r.className ?? '',
      r.name,
      r.unit,
      r.dueHours,
      r.attendedHours,
      r.attendanceRate === null ? '' : percent(r.attendanceRate),
      r.creditedHours,
      r.creditedDays,
      r.approvedLeaveHours,
      r.absentSessions,
      r.withdrawalFlagged ? '是' : '',
      r.result ? LABELS.assessment[r.result].zh : '',
      r.reason ?? '',
    ]),
  );
  wb.title = `${p.name} 学时汇总`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const DOCUMENT_KINDS = ['roster.docx', 'roster.xlsx', 'sign-in.docx', 'hours.xlsx'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function createDocumentService(ctx: AppContext) {
  const read = ctx.db.read;
  return {
    async programDocument(actor: Actor, programId: number, kind: DocumentKind): Promise<DocumentFile> {
      requirePermission(actor, 'program:read');
      const p = await programInScope(read, actor, programId);
      const standing = await loadStanding(read, programId);
      switch (kind) {
        case 'roster.docx':
          return { fileName: `${p.name}_学员名册.docx`, contentType: DOCX_TYPE, body: await rosterDocx(p, standing.roster) };
        case 'roster.xlsx':
          return { fileName: `${p.name}_学员名册.xlsx`, contentType: XLSX, body: await rosterXlsx(p, standing.roster) };
        case 'sign-in.docx':
          return { fileName: `${p.name}_签到表.docx`, contentType: DOCX_TYPE, body: await signInDocx(p, standing.sessions, standing.roster) };
        case 'hours.xlsx':
          return { fileName: `${p.name}_学时汇总.xlsx`, contentType: XLSX, body: await hoursXlsx(p, standing) };
      }
    },
  };
}
