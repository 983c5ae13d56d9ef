// Topic roster (课题专班名单) of a program as xlsx and docx: topic, owner unit, lead, members with unit and assigned
// rank, liaisons.
import { LABELS, type TopicStatus } from '@duibiao/contracts';
import { BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../context.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { programInScope } from '../programs/program-access.ts';
import { taskForceRows, topicRows } from './topics.repo.ts';

interface RosterTopic {
  code: string;
  title: string;
  status: string;
  owner: string;
  lead: string;
  members: string;
  liaisons: string;
}

const HEADERS = ['编号', '课题', '状态', '承接单位', '专班负责人', '专班成员（单位，志愿）', '联络人'];

async function rosterOf(ctx: AppContext, actor: Actor, programId: number) {
  requirePermission(actor, 'program:read');
  const program = await programInScope(ctx.db.kysely, actor, programId);
  const topics = await topicRows(ctx.db.kysely).where('t.program_id', '=', programId).orderBy('t.code').orderBy('t.id').execute();
  const members = await taskForceRows(
    ctx.db.kysely,
    topics.map((t) => t.id),
  );
  const person = (m: (typeof members)[number]) =>
    `${m.name}${m.org_name ? `（${m.org_name}${m.assigned_rank ? `，第${m.assigned_rank}志愿` : ''}）` : m.assigned_rank ? `（第${m.assigned_rank}志愿）` : ''}`;
  const rows: RosterTopic[] = topics.map((t) => {
    const mine = members.filter((m) => m.topic_id === t.id);
    return {
      code: t.code ?? '',
      title: t.title,
      status: LABELS.topicStatus[t.status as TopicStatus].zh,
      owner: t.owner_org_name ?? '',
      lead: mine
        .filter((m) => m.role === 'lead')
        .map(person)
        .join('、'),
      members: mine
        .filter((m) => m.role === 'member')
        .map(person)
        .join('、'),
      liaisons: mine
        .filter((m) => m.role === 'liaison')
        .map((m) => `${m.name}${m.org_name ? `（${m.org_name}）` : ''}`)
        .join('、'),
    };
  });
  return { name: program.name, rows };
}

const cells = (r: RosterTopic) => [r.code, r.title, r.status, r.owner, r.lead, r.members, r.liaisons];

export async function topicRosterXlsx(ctx: AppContext, actor: Actor, programId: number): Promise<{ name: string; body: Buffer }> {
  const { name, rows } = await rosterOf(ctx, actor, programId);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duibiao';
  const ws = wb.addWorksheet('课题专班名单', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [8, 36, 10, 20, 20, 60, 24].map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getCell(1, 1).value = `${name} 课题专班名单`;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getRow(2).values = HEADERS;
  ws.getRow(2).font = { bold: true };
  rows.forEach((r, i) => {
    const row = ws.getRow(3 + i);
    row.values = cells(r);
    row.alignment = { vertical: 'middle', wrapText: true };
  });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return { name: `${name}_课题专班名单`, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '888888' };
const WIDTHS = [900, 3200, 1000, 1800, 1800, 4600, 2100];
const cell = (value: string, width: number, bold = false) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    children: [new Paragraph({ children: [new TextRun({ text: value, font: FONT, size: 20, bold })] })],
  });

export async function topicRosterDocx(ctx: AppContext, actor: Actor, programId: number): Promise<{ name: string; body: Buffer }> {
  const { name, rows } = await rosterOf(ctx, actor, programId);
  const table = new Table({
    width: { size: WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    rows: [
      new TableRow({ tableHeader: true, children: HEADERS.map((h, i) => cell(h, WIDTHS[i]!, true)) }),
      ...rows.map((r) => new TableRow({ children: cells(r).map((v, i) => cell(v, WIDTHS[i]!)) })),
    ],
  });
  const doc = new Document({
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [new Paragraph({ children: [new TextRun({ text: `${name} 课题专班名单`, font: FONT, size: 32, bold: true })] }), table],
      },
    ],
  });
  return { name: `${name}_课题专班名单`, body: await Packer.toBuffer(doc) };
}
