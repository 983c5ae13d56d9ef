// 基本信息 tab: every attribute of the cadre (ID number and mobile arrive masked unless permitted).
import { Descriptions } from 'antd';
import dayjs from 'dayjs';
import type { CadreDetail } from '@duibiao/contracts';
import { useLabel, useT } from '../../i18n/index.tsx';

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

export function CadreBasicInfo({ cadre }: { cadre: CadreDetail }) {
  const t = useT();
  const label = useLabel();
  return (
    <Descriptions
      bordered
      size="small"
      styles={{ label: { whiteSpace: 'nowrap' } }}
      column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
      items={[
        { key: 'name', label: t('cadres.name'), children: cadre.name },
        { key: 'gender', label: t('cadres.gender'), children: label('gender', cadre.gender) },
        { key: 'birthDate', label: t('cadres.birthDate'), children: dash(cadre.birthDate) },
        { key: 'age', label: t('cadres.age'), children: dash(cadre.age) },
        { key: 'ethnicity', label: t('cadres.ethnicity'), children: dash(cadre.ethnicity) },
        { key: 'politicalStatus', label: t('cadres.politicalStatus'), children: dash(cadre.politicalStatus) },
        { key: 'idNumber', label: t('cadres.idNumber'), children: <span style={{ fontFamily: 'monospace' }}>{cadre.idNumber}</span> },
        { key: 'mobile', label: t('cadres.mobile'), children: dash(cadre.mobile) },
        { key: 'education', label: t('cadres.education'), children: label('education', cadre.education) },
        { key: 'unit', label: t('cadres.unit'), children: cadre.orgPathNames.join(' / ') || cadre.org.name, span: 'filled' },
        { key: 'position', label: t('cadres.position'), children: dash(cadre.position) },
        { key: 'rank', label: t('cadres.rank'), children: label('rank', cadre.rank) },
        { key: 'workStartDate', label: t('cadres.workStartDate'), children: dash(cadre.workStartDate) },
        { key: 'specialties', label: t('cadres.specialties'), children: cadre.specialties.join('、') || '—', span: 'filled' },
        { key: 'updatedAt', label: t('common.updatedAt'), children: dayjs(cadre.updatedAt).format('YYYY-MM-DD HH:mm') },
      ]}
    />
  );
}
