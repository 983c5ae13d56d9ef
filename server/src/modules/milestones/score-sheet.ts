// The defence score sheet (答辩评分表): reviewers × criteria with totals, the average and the decision, as xlsx or docx.
import { LABELS, type MilestoneRubricItem, type MilestoneStatus } from '@duibiao/contracts';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';

export interface ScoreSheet {
  programName: string;
  topicTitle: string;
  milestoneTitle: string;
  dueDate: string;
  status: MilestoneStatus;
  decisionNote: string | null;
  rubric: MilestoneRubricItem[];
  rows: { reviewer: string; scores: Record<string, number>; total: number; comment: string | null }[];
  averageTotal: number | null;
  averageByCriterion: Record<string, number>;
}

const headers = (s: ScoreSheet) => ['评审专家', ...s.rubric.map((r) => `${r.label}（${r.max}）`), '总分', '评语'];

function body(s: ScoreSheet): (string | number | null)[][] {
  return [
    ...s.rows.map((r) => [r.reviewer, ...s.rubric.map((c) => r.scores[c.key] ?? null), r.total, r.comment ?? '']),
    ['平均分', ...s.rubric.map((c) => s.averageByCriterion[c.key] ?? null), s.averageTotal, ''],
  ];
}

const decisionLine = (s: ScoreSheet) => `评审结论：${LABELS.milestoneStatus[s.status].zh}${s.decisionNote ? `（${s.decisionNote}）` : ''}`;

export async function scoreSheetXlsx(s: ScoreSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('评分表');
  ws.addRow([`${s.topicTitle} · ${s.milestoneTitle}评分表`]).font = { bold: true, size: 14 };
  ws.addRow([`项目：${s.programName}    截止日期：${s.dueDate}`]);
  ws.addRow([]);
  ws.addRow(headers(s)).font = { bold: true };
  for (const row of body(s)) ws.addRow(row);
  ws.addRow([]);
  ws.addRow([decisionLine(s)]);
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 16 : i === s.rubric.length + 2 ? 40 : 14));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cell = (v: string | number | null, bold = false) =>
  new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: v === null ? '' : String(v), bold })] })] });

export async function scoreSheetDocx(s: ScoreSheet): Promise<Buffer> {
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers(s).map((h) => cell(h, true)) }),
      ...body(s).map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
    ],
  });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: `${s.topicTitle} · ${s.milestoneTitle}评分表`, bold: true, size: 32 })],
          }),
          new Paragraph({ children: [new TextRun(`项目：${s.programName}    截止日期：${s.dueDate}`)] }),
          table,
          new Paragraph({ children: [new TextRun(decisionLine(s))] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export interface ProgramSheetRow {
  topicTitle: string;
  status: MilestoneStatus;
  rubric: MilestoneRubricItem[];
  reviewers: number;
  averageTotal: number | null;
  averageByCriterion: Record<string, number>;
  decisionNote: string | null;
}

/** One row per topic of a program for one milestone kind: panel size, average per criterion and in total, decision. */
export async function programSheetXlsx(programName: string, milestoneTitle: string, rows: ProgramSheetRow[]): Promise<Buffer> {
  const criteria = new Map<string, string>();
  for (const r of rows) for (const c of r.rubric) if (!criteria.has(c.key)) criteria.set(c.key, c.label);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('汇总');
  ws.addRow([`${programName} · ${milestoneTitle}评分汇总`]).font = { bold: true, size: 14 };
  ws.addRow([]);
  ws.addRow(['课题', '状态', '评审人数', ...[...criteria.values()].map((l) => `${l}（平均）`), '平均总分', '评审意见']).font = { bold: true };
  for (const r of rows) {
    ws.addRow([
      r.topicTitle,
      LABELS.milestoneStatus[r.status].zh,
      r.reviewers,
      ...[...criteria.keys()].map((k) => r.averageByCriterion[k] ?? null),
      r.averageTotal,
      r.decisionNote ?? '',
    ]);
  }
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 40 : 14));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
