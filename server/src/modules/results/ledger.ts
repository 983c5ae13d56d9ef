// The landing ledger (成果转化台账) as xlsx (ExcelJS) and docx (landscape table): one row per recommendation with its
// source, owner, deadline, status, last update, evidence summary and landed date.
import { LABELS, type RecommendationSource, type RecommendationStatus } from '@duibiao/contracts';
import { AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import ExcelJS from 'exceljs';

export interface LedgerRow {
  programName: string;
  title: string;
  source: RecommendationSource;
  /** Report or topic title behind it, if any. */
  origin: string | null;
  owner: string;
  deadline: string | null;
  status: RecommendationStatus;
  overdue: boolean;
  lastUpdate: string;
  evidence: string;
  landedAt: string | null;
}

const HEADERS = ['序号', '培训项目', '对策建议', '来源', '承办单位', '完成时限', '落地状态', '最新进展', '佐证（成效数据）', '落地日期'];

function cells(r: LedgerRow, i: number): string[] {
  const source = LABELS.recommendationSource[r.source].zh + (r.origin ? `：${r.origin}` : '');
  const status = LABELS.recommendationStatus[r.status].zh + (r.overdue ? '（逾期）' : '');
  return [String(i + 1), r.programName, r.title, source, r.owner, r.deadline ?? '', status, r.lastUpdate, r.evidence, r.landedAt ?? ''];
}

export async function ledgerXlsx(title: string, rows: readonly LedgerRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('成果转化台账');
  const widths = [6, 24, 36, 28, 20, 12, 12, 36, 36, 12];
  ws.columns = widths.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const head = ws.addRow(HEADERS);
  head.font = { bold: true };
  rows.forEach((r, i) => {
    const row = ws.addRow(cells(r, i));
    row.alignment = { wrapText: true, vertical: 'top' };
    if (r.overdue) row.getCell(7).font = { color: { argb: 'FFCC0000' } };
  });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const text = (value: string, options: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text: value, font: FONT, size: options.size ?? 18, bold: options.bold ?? false });
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '888888' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
// Twentieths of a point: landscape A4 has about 15,400 usable across.
const WIDTHS = [600, 1500, 2400, 1700, 1400, 1100, 1000, 2200, 2300, 1100];

const cell = (value: string, width: number, bold = false) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    ...(bold ? { shading: { fill: 'E8EEF7' } } : {}),
    children: [new Paragraph({ children: [text(value, { bold })] })],
  });

export async function ledgerDocx(title: string, rows: readonly LedgerRow[]): Promise<Buffer> {
  const tableRows = [
    new TableRow({ tableHeader: true, children: HEADERS.map((h, i) => cell(h, WIDTHS[i]!, true)) }),
    ...rows.map((r, i) => new TableRow({ cantSplit: true, children: cells(r, i).map((v, c) => cell(v, WIDTHS[c]!)) })),
  ];
  const landed = rows.filter((r) => r.status === 'landed').length;
  const doc = new Document({
    creator: 'Duibiao',
    title,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 900, bottom: 900, left: 700, right: 700 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [text(title, { bold: true, size: 32 })] }),
          new Table({ width: { size: WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: WIDTHS, rows: tableRows }),
          new Paragraph({ spacing: { before: 200 }, children: [text(`共 ${rows.length} 条建议，已落地 ${landed} 条`)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
