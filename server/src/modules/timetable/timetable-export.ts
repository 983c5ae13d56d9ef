// Printable timetables: xlsx (ExcelJS, one row per session, date cells merged per day) and docx (landscape table).
import { LABELS, type TimetableSession } from '@duibiao/contracts';
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
  VerticalMergeType,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { beijingClock, beijingDate } from './timetable.rules.ts';

export interface ExportProgram {
  name: string;
  organizer: string;
  partner: string | null;
  startDate: string;
  endDate: string;
  places: string[];
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const dayLabel = (date: string) => `${date.slice(5, 7)}月${date.slice(8, 10)}日（周${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}）`;

const HEADERS = ['日期', '时间', '类型', '课程内容', '地点', '授课/带队', '参加对象', '学时'];

/** One printable row per session, in start order, with the day each row belongs to. */
function rowsOf(sessions: readonly TimetableSession[]) {
  return sessions.map((s) => ({
    date: beijingDate(s.startsAt),
    cells: [
      `${beijingClock(s.startsAt)}–${beijingClock(s.endsAt)}`,
      LABELS.sessionType[s.type].zh,
      s.title,
      s.venue?.name ?? (s.mode === 'online' ? '线上' : ''),
      s.instructors.map((i) => [i.name, i.title].filter(Boolean).join(' ')).join('、'),
      s.audienceLabel,
    ],
    hours: s.creditedHours,
  }));
}

function infoLine(p: ExportProgram): string {
  return [
    `主办：${p.organizer}`,
    p.partner ? `承办：${p.partner}` : null,
    `时间：${p.startDate} 至 ${p.endDate}`,
    p.places.length ? `地点：${p.places.join('、')}` : null,
  ]
    .filter(Boolean)
    .join('    ');
}

export async function timetableXlsx(p: ExportProgram, sessions: readonly TimetableSession[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duibiao';
  const ws = wb.addWorksheet('课程表', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [12, 13, 12, 36, 24, 24, 16, 8].map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getCell(1, 1).value = `${p.name} 课程表`;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, HEADERS.length);
  ws.getCell(2, 1).value = infoLine(p);
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  const header = ws.getRow(3);
  header.values = HEADERS;
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  const thin = { style: 'thin' as const };
  let rowNo = 4;
  let dayStart = 4;
  const rows = rowsOf(sessions);
  rows.forEach((r, i) => {
    const row = ws.getRow(rowNo);
    row.values = [dayLabel(r.date), ...r.cells, r.hours];
    row.alignment = { vertical: 'middle', wrapText: true };
    row.eachCell({ includeEmpty: true }, (c) => (c.border = { top: thin, left: thin, bottom: thin, right: thin }));
    const last = i === rows.length - 1 || rows[i + 1]!.date !== r.date;
    if (last) {
      if (rowNo > dayStart) ws.mergeCells(dayStart, 1, rowNo, 1);
      ws.getCell(dayStart, 1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      dayStart = rowNo + 1;
    }
    rowNo += 1;
  });
  const total = ws.getRow(rowNo);
  total.getCell(7).value = '合计学时';
  total.getCell(8).value = Math.round(rows.reduce((sum, r) => sum + r.hours, 0) * 100) / 100;
  total.font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const text = (value: string, options: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text: value, font: FONT, size: options.size ?? 20, bold: options.bold ?? false });
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '888888' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
// Twentieths of a point: landscape A4 has about 15,400 usable across.
const WIDTHS = [1600, 1400, 1300, 3600, 2300, 2300, 1700, 800];

function cell(
  value: string,
  width: number,
  options: { bold?: boolean; merge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType]; shade?: boolean } = {},
) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    ...(options.merge ? { verticalMerge: options.merge } : {}),
    ...(options.shade ? { shading: { fill: 'E8EEF7' } } : {}),
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [text(value, { bold: options.bold ?? false })] })],
  });
}

export async function timetableDocx(p: ExportProgram, sessions: readonly TimetableSession[]): Promise<Buffer> {
  const rows = rowsOf(sessions);
  const tableRows = [new TableRow({ tableHeader: true, children: HEADERS.map((h, i) => cell(h, WIDTHS[i]!, { bold: true, shade: true })) })];
  rows.forEach((r, i) => {
    const first = i === 0 || rows[i - 1]!.date !== r.date;
    const values = [first ? dayLabel(r.date) : '', ...r.cells, String(r.hours)];
    tableRows.push(
      new TableRow({
        cantSplit: true,
        children: values.map((v, c) => cell(v, WIDTHS[c]!, c === 0 ? { merge: first ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {})),
      }),
    );
  });
  const doc = new Document({
    creator: 'Duibiao',
    title: `${p.name} 课程表`,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 900, bottom: 900, left: 700, right: 700 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [text(`${p.name}`, { bold: true, size: 36 })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [text('课 程 表', { bold: true, size: 30 })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [text(infoLine(p))] }),
          new Table({ width: { size: WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: WIDTHS, rows: tableRows }),
          new Paragraph({
            spacing: { before: 200 },
            children: [text(`共 ${rows.length} 项课程，合计 ${Math.round(rows.reduce((sum, r) => sum + r.hours, 0) * 100) / 100} 学时`)],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
