// The three pages of 学时管理 under one header: compliance report, rules, credit policy.
import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import type { ReactNode } from 'react';

const PAGES = [
  { value: '/hours', label: 'hours.nav.compliance' },
  { value: '/hours/rules', label: 'hours.nav.rules' },
  { value: '/hours/policy', label: 'hours.nav.policy' },
] as const;

export function HoursHeader({ extra }: { extra?: ReactNode }) {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <>
      <PageHeader title={t('nav.hours')} extra={extra} />
      <Segmented
        style={{ marginBottom: 16 }}
        value={PAGES.find((p) => p.value === pathname)?.value ?? '/hours'}
        options={PAGES.map((p) => ({ value: p.value, label: t(p.label) }))}
        onChange={(v) => void navigate(v)}
      />
    </>
  );
}
