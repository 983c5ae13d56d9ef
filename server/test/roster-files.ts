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
    return [
      i + 1,
      `测试${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'一二三四五六七八九十'[Math.floor(i / 10) % 10]}`,
      '男',
      birth.slice(0, 7).replace('-', '.'),
      id,
      unit,
      '科员',
      '一级主任科员及以下',
      `1390000${String(1000 + i)}`,
    ];
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

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰晓梅海燕春雷振宇思远欣怡子涵浩然梓轩雨桐';
const POSITIONS = ['科员', '副科长', '科长', '副主任', '主任', '街道办事处副主任', '社区党委书记', '综合处副处长', '一级主任科员'];
const RANKS = ['一级主任科员及以下', '乡科级', '县处级'];

/** The values of row `i` of a generated large roster: varied multi-byte Chinese text, valid unique ID numbers. */
export function bigRosterLine(i: number, units: string[]): (string | number)[] {
  const year = 1966 + (i % 34);
  const birth = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  const region = String(370200 + (Math.floor(i / 1000) % 99) + 1);
  const name = SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + (i % 3 ? GIVEN[(i * 13) % GIVEN.length]! : '');
  const seq = i % 1000;
  return [
    i + 1,
    name,
    seq % 2 ? '男' : '女',
    `${year}.${String((i % 12) + 1).padStart(2, '0')}`,
    '汉族',
    '中共党员',
    makeIdNumber(region, birth, seq),
    `139${String(i).padStart(8, '0')}`,
    units[i % units.length]!,
    POSITIONS[i % POSITIONS.length]!,
    RANKS[i % RANKS.length]!,
    '大学本科',
    '经济管理、招商引资',
  ];
}

export const BIG_ROSTER_HEADER = ['序号', '姓名', '性别', '出生年月', '民族', '政治面貌', '身份证号', '手机', '工作单位', '职务', '职级', '学历', '专业特长'];

/** Streams a large roster to `file` without holding it in memory. */
export async function writeRoster(file: string, rows: number, units: string[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('干部名册');
  ws.addRow(BIG_ROSTER_HEADER).commit();
  for (let i = 0; i < rows; i++) ws.addRow(bigRosterLine(i, units)).commit();
  ws.commit();
  await wb.commit();
}
