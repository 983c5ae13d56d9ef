// Builds roster files as HR systems export them: a merged title row, a 序号 column, Chinese headers.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { makeIdNumber } from '@duibiao/core/idcard/index';

export type RosterLine = (string | number | null)[];
export const HEADER = ['序号', '姓名', '性别', '出生年月', '身份证号', '工作单位', '职务', '职级', '手机'];

export function goodLines(n: number, unit = '八大关街道', seqBase = 500): RosterLine[] {
  return Array.from({ length: n }, (_, i) => {
    const birth = `1990-0${(i % 9) + 1}-1${i % 9}`;
    const id = makeIdNumber('370202', birth, seqBase + i * 2 + 1);
    return [i + 1, `测试${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'一二三四五六七八九十'[Math.floor(i / 10) % 10]}`, '男', birth.slice(0, 7).replace('-', '.'), id, unit, '科员', '一级主任科员及以下', `1390000${String(1000 + i)}`];
  });
}

export async function rosterXlsx(lines: RosterLine[], options: { title?: string; idAsNumber?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow([options.title ?? '市南区干部花名册']);
  ws.mergeCells(1, 1, 1, HEADER.length);
  ws.addRow(HEADER);
  for (const line of lines) ws.addRow(line);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function rosterCsv(lines: RosterLine[], encoding: 'utf8' | 'gbk' = 'utf8'): Buffer {
  const text = [HEADER, ...lines].map((l) => l.map((v) => (v === null ? '' : String(v))).join(',')).join('\r\n');
  return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
}
