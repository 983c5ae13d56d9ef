// 100,000-row Chinese roster: our full import (validate + write in one transaction) against a bare ExcelJS
// streaming read of the same file.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeIdNumber } from '@duibiao/core/idcard/index';
import ExcelJS from 'exceljs';
import { loadConfig } from '../server/src/config.ts';
import { migrateToLatest, openDatabase } from '../server/src/db/database.ts';
import { createFieldCipher } from '../server/src/lib/field-cipher.ts';
import { systemActor } from '../server/src/modules/auth/actor.ts';
import { commitRoster } from '../server/src/modules/imports/roster-import.ts';
import { findOrgByCode } from '../server/src/modules/orgs/orgs.repo.ts';
import { buildDemoData } from '../server/src/seed/demo-data.ts';
import { seedDemo } from '../server/src/seed/seed-demo.ts';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰晓梅海燕春雷振宇思远欣怡子涵浩然梓轩雨桐';
const POSITIONS = ['科员', '副科长', '科长', '副主任', '主任', '街道办事处副主任', '社区党委书记', '综合处副处长', '一级主任科员'];
const RANKS = ['一级主任科员及以下', '乡科级', '县处级'];

export async function writeRoster(file: string, rows: number, units: string[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('干部名册');
  ws.addRow(['序号', '姓名', '性别', '出生年月', '民族', '政治面貌', '身份证号', '手机', '工作单位', '职务', '职级', '学历', '专业特长']).commit();
  for (let i = 0; i < rows; i++) {
    const year = 1966 + (i % 34);
    const birth = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const seq = i % 1000;
    const region = String(370200 + (Math.floor(i / 1000) % 99) + 1);
    const name = SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + (i % 3 ? GIVEN[(i * 13) % GIVEN.length]! : '');
    ws.addRow([i + 1, name, seq % 2 ? '男' : '女', `${year}.${String((i % 12) + 1).padStart(2, '0')}`, '汉族', '中共党员', makeIdNumber(region, birth, seq), `139${String(i).padStart(8, '0')}`, units[i % units.length], POSITIONS[i % POSITIONS.length], RANKS[i % RANKS.length], '大学本科', '经济管理、招商引资']).commit();
  }
  ws.commit();
  await wb.commit();
}

export async function bareExcelJsRead(file: string): Promise<{ ms: number; cells: number }> {
  const started = performance.now();
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit', styles: 'ignore', hyperlinks: 'ignore' });
  for await (const sheet of reader) {
    for await (const row of sheet) cells += (row as ExcelJS.Row).cellCount;
  }
  return { ms: performance.now() - started, cells };
}

export async function fullImport(file: string, dir: string): Promise<{ ms: number; created: number }> {
  const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'import.sqlite')}`, LOG_LEVEL: 'silent' });
  const db = openDatabase({ url: config.DATABASE_URL });
  await migrateToLatest(db);
  const ctx = { config, db, cipher: createFieldCipher(config.DATA_KEY) };
  await seedDemo(ctx, buildDemoData());
  const org = (await findOrgByCode(db.kysely, 'QD'))!;
  const started = performance.now();
  const summary = await commitRoster(ctx, systemActor(org.path), org, file, 'bench.xlsx');
  const ms = performance.now() - started;
  await db.close();
  if (summary.errors.length) throw new Error(`bench import had errors: ${JSON.stringify(summary.errors.slice(0, 3))}`);
  return { ms, created: summary.created };
}

export async function qingdaoUnitNames(): Promise<string[]> {
  const data = buildDemoData();
  const qd = new Set(['QD']);
  const names: string[] = [];
  const counts = new Map<string, number>();
  for (const o of data.orgs) counts.set(o.name, (counts.get(o.name) ?? 0) + 1);
  for (const o of data.orgs) {
    if (o.parentCode && qd.has(o.parentCode)) {
      qd.add(o.code);
      if (counts.get(o.name) === 1 && o.kind !== 'region') names.push(o.name);
    }
  }
  return names;
}

export function scratchDir(): string {
  const dir = join(import.meta.dirname, 'tmp');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}
