// 基本信息 tab: every attribute of the cadre. ID number and mobile arrive masked; permitted roles may reveal
// them (the server records each reveal in the audit log).
import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Descriptions } from 'antd';
import { useState } from 'react';
import dayjs from 'dayjs';
import type { CadreDetail, CadreSensitive } from '@duibiao/contracts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { revealCadreSensitive } from './api.ts';

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

export function CadreBasicInfo({ cadre }: { cadre: CadreDetail }) {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const [revealed, setRevealed] = useState<CadreSensitive | null>(null);
  const [revealing, setRevealing] = useState(false);

  const reveal = async () => {
    setRevealing(true);
    try {
      setRevealed(await revealCadreSensitive(cadre.id));
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setRevealing(false);
    }
  };

  const revealButton =
    cadre.canRevealSensitive && !revealed ? (
      <Button size="small" type="link" icon={<EyeOutlined />} loading={revealing} onClick={() => void reveal()} title={t('cadres.revealHint')}>
        {t('cadres.reveal')}
      </Button>
    ) : null;

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
        {
          key: 'idNumber',
          label: t('cadres.idNumber'),
          children: (
            <>
              <span style={{ fontFamily: 'monospace' }}>{revealed?.idNumber ?? cadre.idNumber}</span>
              {revealButton}
            </>
          ),
        },
        { key: 'mobile', label: t('cadres.mobile'), children: dash(revealed ? revealed.mobile : cadre.mobile) },
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
