// A 100,000-row Chinese roster streamed through the whole import (reader → mapping → validation → encrypted
// write): every stored field equals its source cell and nothing became U+FFFD. ExcelJS 4.4.0's own streaming
// reader corrupts such a file (see core/src/spreadsheet/big-roster.test.ts), which is why we do not use it.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/modules/auth/actor.ts';
import { statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { commitRoster, ImportHasErrors } from '../src/modules/imports/roster-import.ts';
import { findOrgByCode } from '../src/modules/orgs/orgs.repo.ts';
import { BIG_ROSTER_HEADER, bigRosterLine, writeRoster } from './roster-files.ts';
import { createTestApp, type TestApp } from './support.ts';

const ROWS = 100_000;
const UNITS = ['八大关街道', '太平角社区', '市南区商务局'];
const RANK_CODES: Record<string, string> = { 一级主任科员及以下: 'staff', 乡科级: 'township', 县处级: 'county' };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe(`importing a ${ROWS.toLocaleString()}-row Chinese roster`, () => {
  it('stores every cell exactly as written', { timeout: 300_000 }, async () => {
    const file = join(t.ctx.config.UPLOAD_DIR, 'big.xlsx');
    await writeRoster(file, ROWS, UNITS);
    const org = (await findOrgByCode(t.db.kysely, 'QD-SN'))!;
    const summary = await commitRoster(t.ctx, systemActor(org.path), org, file, 'big.xlsx');
    expect(summary.errors.slice(0, 3)).toEqual([]);
    expect(summary.created).toBe(ROWS);

    let checked = 0;
    let lastId = 0;
    const fixtureIds = new Set(Object.values(t.fixture.cadres));
    for (;;) {
      const rows = await t.db.kysely
        .selectFrom('cadres as c')
        .innerJoin('organizations as o', 'o.id', 'c.org_id')
        .select([
          'c.id',
          'c.name',
          'c.gender',
          'c.birth_date',
          'c.ethnicity',
          'c.political_status',
          'c.id_number_enc',
          'c.mobile_enc',
          'o.name as unit',
          'c.position',
          'c.rank',
          'c.education',
          'c.specialties',
        ])
        .where('c.id', '>', lastId)
        .orderBy('c.id')
        .limit(5_000)
        .execute();
      if (rows.length === 0) break;
      for (const r of rows) {
        lastId = r.id;
        if (fixtureIds.has(r.id)) continue;
        const [, name, gender, birthMonth, ethnicity, political, idNumber, mobile, unit, position, rank, , specialties] = bigRosterLine(checked, UNITS);
        const stored = [
          r.name,
          r.gender,
          r.birth_date!.slice(0, 7),
          r.ethnicity,
          r.political_status,
          t.ctx.cipher.decrypt(r.id_number_enc),
          t.ctx.cipher.decrypt(r.mobile_enc!),
          r.unit,
          r.position,
          r.rank,
          r.education,
          JSON.parse(r.specialties),
        ];
        const expected = [
          name,
          gender === '男' ? 'male' : 'female',
          String(birthMonth).replace('.', '-'),
          ethnicity,
          political,
          idNumber,
          mobile,
          unit,
          position,
          RANK_CODES[String(rank)],
          'bachelor',
          String(specialties).split('、'),
        ];
        if (JSON.stringify(stored) !== JSON.stringify(expected)) expect({ row: checked + 2, stored }).toEqual({ row: checked + 2, stored: expected });
        if (JSON.stringify(stored).includes('\uFFFD')) throw new Error(`U+FFFD in row ${checked + 2}`);
        checked++;
      }
    }
    expect(checked).toBe(ROWS);
  });

  it('writes nothing when one row near the end is bad, with parsing in the worker thread', { timeout: 120_000 }, async () => {
    const file = join(t.ctx.config.UPLOAD_DIR, 'bad-tail.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const ws = wb.addWorksheet('干部名册');
    ws.addRow(BIG_ROSTER_HEADER).commit();
    for (let i = 0; i < 30_000; i++) {
      const line = bigRosterLine(ROWS + i, UNITS);
      if (i === 29_990) line[8] = '不存在的单位';
      ws.addRow(line).commit();
    }
    ws.commit();
    await wb.commit();
    expect(statSync(file).size).toBeGreaterThan(512 * 1024); // large enough for the worker path
    const before = await t.db.kysely
      .selectFrom('cadres')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const org = (await findOrgByCode(t.db.kysely, 'QD-SN'))!;
    const failure = await commitRoster(t.ctx, systemActor(org.path), org, file, 'bad-tail.xlsx').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ImportHasErrors);
    expect((failure as ImportHasErrors).summary.errors).toEqual([expect.objectContaining({ row: 29_992, column: '工作单位' })]);
    const after = await t.db.kysely
      .selectFrom('cadres')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
