// Pure rules of programs and enrolment: each test states one rule, both sides of its boundary.
import { describe, expect, it } from 'vitest';
import { detectImportHeader, parseRoleCell, placementProblems } from '../src/modules/programs/enrolment.rules.ts';
import { attachmentMime, checkTransition, magicMatches, roleProblems, rolesAfterMove } from '../src/modules/programs/programs.rules.ts';

describe('checkTransition', () => {
  it('allows exactly one step forward without a reason', () => {
    expect(checkTransition('draft', 'enrolling', undefined)).toEqual({ ok: true, direction: 'forward' });
    expect(checkTransition('closed', 'follow_up', undefined)).toEqual({ ok: true, direction: 'forward' });
    expect(checkTransition('draft', 'running', undefined)).toMatchObject({ ok: false, field: 'status' });
  });
  it('allows one step back only with a non-blank reason', () => {
    expect(checkTransition('running', 'enrolling', '名单有误')).toEqual({ ok: true, direction: 'back' });
    expect(checkTransition('running', 'enrolling', '  ')).toMatchObject({ ok: false, field: 'reason' });
    expect(checkTransition('running', 'draft', '名单有误')).toMatchObject({ ok: false, field: 'status' });
  });
  it('refuses staying in the same stage', () => {
    expect(checkTransition('running', 'running', 'x')).toMatchObject({ ok: false, field: 'status' });
  });
});

describe('placementProblems', () => {
  const cap = new Map([[1, 2]]);
  it('fills a class up to its capacity and not one more', () => {
    const one = { classId: 1, groupId: null, roles: [] };
    expect(placementProblems([one], [one], cap)).toEqual([]);
    expect(placementProblems([one, one], [one], cap)).toEqual([{ index: 0, field: 'classId', message: expect.stringContaining('已满') }]);
  });
  it('counts earlier rows of the same batch', () => {
    const one = { classId: 1, groupId: null, roles: [] };
    expect(placementProblems([], [one, one, one], cap).map((p) => p.index)).toEqual([2]);
  });
  it('keeps one monitor per class and one leader per group, across existing and incoming', () => {
    expect(placementProblems([{ classId: 1, groupId: 5, roles: ['monitor'] }], [{ classId: 1, groupId: 6, roles: ['monitor'] }], new Map())).toHaveLength(1);
    expect(placementProblems([{ classId: 1, groupId: 5, roles: ['monitor'] }], [{ classId: 2, groupId: 6, roles: ['monitor'] }], new Map())).toEqual([]);
    expect(
      placementProblems(
        [],
        [
          { classId: 1, groupId: 5, roles: ['group_leader'] },
          { classId: 1, groupId: 5, roles: ['group_leader'] },
        ],
        new Map(),
      ),
    ).toEqual([{ index: 1, field: 'roles', message: '该小组已有组长' }]);
    expect(
      placementProblems(
        [],
        [
          { classId: 1, groupId: 5, roles: ['party_contact'] },
          { classId: 1, groupId: 5, roles: ['party_contact'] },
        ],
        new Map(),
      ),
    ).toEqual([]);
  });
});

describe('roles', () => {
  it('a monitor needs a class and a group leader a group', () => {
    expect(roleProblems(['monitor'], null, null)).toHaveLength(1);
    expect(roleProblems(['monitor'], 1, null)).toEqual([]);
    expect(roleProblems(['group_leader'], 1, null)).toHaveLength(1);
    expect(roleProblems(['group_leader'], 1, 2)).toEqual([]);
  });
  it('moving drops only the roles tied to the place left', () => {
    expect(rolesAfterMove(['monitor', 'group_leader', 'party_contact'], true, true)).toEqual(['party_contact']);
    expect(rolesAfterMove(['monitor', 'group_leader'], false, true)).toEqual(['monitor']);
    expect(rolesAfterMove(['monitor', 'group_leader'], false, false)).toEqual(['monitor', 'group_leader']);
  });
  it('reads role words from a cell and reports unknown ones', () => {
    expect(parseRoleCell('班长、党支部联络员')).toEqual({ roles: ['monitor', 'party_contact'], unknown: [] });
    expect(parseRoleCell('组长，组长 宣传委员')).toEqual({ roles: ['group_leader'], unknown: ['宣传委员'] });
    expect(parseRoleCell('')).toEqual({ roles: [], unknown: [] });
  });
});

describe('detectImportHeader', () => {
  it('needs an ID-number column, or both name and unit', () => {
    expect(detectImportHeader(['序号', '身份证号码', '班级'])).toEqual({ idNumber: 1, className: 2 });
    expect(detectImportHeader(['姓名', '工作单位', '小组'])).toEqual({ name: 0, unit: 1, groupName: 2 });
    expect(detectImportHeader(['姓名', '班级'])).toBeUndefined();
    expect(detectImportHeader(['学员名单'])).toBeUndefined();
  });
  it('ignores spaces, colons and the required-field star in titles', () => {
    expect(detectImportHeader(['* 身份证号', '班内职务：', ' 小 组 '])).toEqual({ idNumber: 0, roles: 1, groupName: 2 });
  });
});

describe('attachments', () => {
  it('allows the documented extensions only', () => {
    expect(attachmentMime('管理办法.PDF')).toBe('application/pdf');
    expect(attachmentMime('名单.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(attachmentMime('setup.exe')).toBeUndefined();
    expect(attachmentMime('noextension')).toBeUndefined();
  });
  it('checks the first bytes against the type', () => {
    expect(magicMatches('application/pdf', Buffer.from('%PDF-1.7'))).toBe(true);
    expect(magicMatches('application/pdf', Buffer.from('MZ\x90\x00'))).toBe(false);
    expect(magicMatches('application/vnd.openxmlformats-officedocument.wordprocessingml.document', Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe(true);
  });
});
