// The key-problem list on paper (issue 5 scope 10): xlsx and docx, one numbered row per item (title, kind, field,
// source count) followed by its original questions as indented sub-rows.
import { LABELS, type ProblemListDetail } from '@duibiao/contracts';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';

export type ExportItem = ProblemListDetail['items'][number];
export interface ExportHeading {
  programName: string;
  title: string;
  /** 固定题 16 项 + 开放题 N 项 */
  headline: string;
}

const HEADERS = ['序号', '重点问题 / 原始问题', '类型', '领域', '来源问题数', '提出单位 / 提出人'];
const kindLabel = (i: ExportItem) => (i.kind ? LABELS.keyProblemKind[i.kind].zh : '未分类');
const fieldLabel = (i: ExportItem) => (i.field ? LABELS.problemField[i.field].zh : '');
const whoOf = (q: ExportItem['questions'][number]) => [q.homeOrgName, q.submitterName].filter((x, k, all) => x && all.indexOf(x) === k).join(' / ');

/** Rows shared by both formats: an item row, then one row per source question numbered n.k. */
function rowsOf(items: readonly ExportItem[]): { item: boolean; cells: string[] }[] {
  return items.flatMap((item, n) => [
    { item: true, cells: [String(n + 1), item.title, kindLabel(item), fieldLabel(item), String(item.questionIds.length), ''] },
    ...item.questions.map((q, k) => ({ item: false, cells: [`${n + 1}.${k + 1}`, `\u3000${q.text}`, '', '', '', whoOf(q)] })),
  ]);
}

export async function keyProblemsXlsx(h: ExportHeading, items: readonly ExportItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duibiao';
  const ws = wb.addWorksheet('重点问题清单');
  ws.columns = [8, 60, 10, 14, 12, 30].map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getCell(1, 1).value = `${h.programName} ${h.title}`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(2, 1, 2, HEADERS.length);
  ws.getCell(2, 1).value = h.headline;
  const header = ws.getRow(3);
  header.values = HEADERS;
  header.font = { bold: true };
  let rowNo = 4;
  for (const r of rowsOf(items)) {
    const row = ws.getRow(rowNo++);
    row.values = r.cells;
    row.alignment = { vertical: 'top', wrapText: true };
    if (r.item) row.font = { bold: true };
    else row.font = { color: { argb: 'FF555555' } };
  }
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '888888' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
const WIDTHS = [700, 4600, 900, 1100, 900, 1600];

const cell = (value: string, width: number, bold: boolean) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    children: [new Paragraph({ children: [new TextRun({ text: value, font: FONT, size: bold ? 21 : 19, bold })] })],
  });

export async function keyProblemsDocx(h: ExportHeading, items: readonly ExportItem[]): Promise<Buffer> {
  const rows = [
    new TableRow({ tableHeader: true, children: HEADERS.map((t, i) => cell(t, WIDTHS[i]!, true)) }),
    ...rowsOf(items).map((r) => new TableRow({ cantSplit: true, children: r.cells.map((v, i) => cell(v, WIDTHS[i]!, r.item)) })),
  ];
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: `${h.programName} ${h.title}`, font: FONT, size: 32, bold: true })],
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: h.headline, font: FONT, size: 22 })] }),
          new Table({ width: { size: WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA }, rows }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
