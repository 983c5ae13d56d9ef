// One rule's standing as a progress bar: achieved against the required hours (or days), with the shortfall.
import { Progress, Space, Tag, Typography } from 'antd';
import type { RuleRef, RuleResultDto } from '@duibiao/contracts';
import { useLang, useT } from '../../i18n/index.tsx';
import { fmtHours, progressOf } from './format.ts';

export function RuleProgress({ rule, result }: { rule: RuleRef | undefined; result: RuleResultDto }) {
  const t = useT();
  const { lang } = useLang();
  const percent = progressOf(result);
  return (
    <div style={{ marginBottom: 12 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'baseline' }}>
        <Typography.Text strong>{rule?.name[lang] ?? result.ruleId}</Typography.Text>
        <Tag color={result.compliant ? 'success' : 'error'} style={{ marginInlineEnd: 0 }}>
          {result.compliant ? t('hours.compliant') : t('hours.nonCompliant')}
        </Tag>
      </div>
      <Progress percent={percent} status={result.compliant ? 'success' : 'active'} showInfo={false} aria-label={rule?.name[lang] ?? result.ruleId} />
      <Space size={12} wrap style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
        {result.requiredHours !== null && <span>{t('hours.progress.hours', { a: fmtHours(result.achievedHours), r: fmtHours(result.requiredHours) })}</span>}
        {result.requiredDays !== null && <span>{t('hours.progress.days', { a: fmtHours(result.achievedDays), r: fmtHours(result.requiredDays) })}</span>}
        <span>{t('hours.progress.window', { from: result.window.from, to: result.window.to })}</span>
        {!result.compliant && result.shortfallHours !== null && (
          <span style={{ color: '#cf1322' }}>{t('hours.short', { n: fmtHours(result.shortfallHours) })}</span>
        )}
      </Space>
    </div>
  );
}
