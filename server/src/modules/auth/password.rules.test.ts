import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password.rules.ts';

describe('passwordProblems', () => {
  it('accepts 10 characters from 3 classes', () => expect(passwordProblems('Abcdefgh12')).toEqual([]));
  it('rejects 9 characters', () => expect(passwordProblems('Abcdefg12')).toContain('密码至少10位'));
  it('rejects 2 classes', () => expect(passwordProblems('abcdefgh12')).toHaveLength(1));
  it('accepts symbol as a class', () => expect(passwordProblems('abcdefgh1!')).toEqual([]));
  it('rejects a password containing the username', () => expect(passwordProblems('Qd_admin#2026', 'qd_admin')).toContain('密码不能包含用户名'));
});
