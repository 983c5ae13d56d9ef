// Turning a form's CadreInput into a validated CadreRecord: the ID number decides birth date and gender.
import type { CadreInput } from '@duibiao/contracts';
import { validateIdNumber } from '@duibiao/core/idcard/index';
import type { FieldError } from '@duibiao/contracts';
import type { CadreRecord } from './cadres.rules.ts';

const NAME_PATTERN = /^[\p{Script=Han}A-Za-z·•．.\s]{2,30}$/u;

export function toCadreRecord(input: CadreInput, today: string): { record: CadreRecord } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const id = validateIdNumber(input.idNumber, { today });
  if (!id.ok) errors.push({ field: 'idNumber', message: id.reason });
  if (!NAME_PATTERN.test(input.name)) errors.push({ field: 'name', message: '姓名只能包含汉字、字母和间隔号，2–30个字' });
  for (const [i, e] of input.experiences.entries()) {
    if (e.endDate && e.endDate < e.startDate) errors.push({ field: `experiences.${i}.endDate`, message: '结束日期不能早于开始日期' });
  }
  if (!id.ok || errors.length) return { errors };
  return {
    record: {
      orgId: input.orgId,
      name: input.name.replace(/\s+/g, ''),
      gender: id.gender,
      birthDate: id.birthDate,
      ethnicity: input.ethnicity ?? null,
      politicalStatus: input.politicalStatus ?? null,
      idNumber: id.value,
      mobile: input.mobile ?? null,
      position: input.position ?? null,
      rank: input.rank ?? null,
      education: input.education ?? null,
      specialties: [...new Set(input.specialties)],
      workStartDate: input.workStartDate ?? null,
      experiences: input.experiences,
    },
  };
}
