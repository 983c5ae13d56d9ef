// Curriculum metrics against the program's targets: one ✓/✗ tag per target, plus total hours and a per-type bar.
import { Space, Tag, Tooltip, Typography } from 'antd';
import type { TimetableMetrics } from '@duibiao/contracts';
import { useLabel, useLang, useT } from '../../i18n/index.tsx';
import { TYPE_COLORS } from './calendar-layout.ts';

export function MetricsBar({ metrics }: { metrics: TimetableMetrics | undefined }) {
  const t = useT();
  const { lang } = useLang();
  const label = useLabel();
  if (!metrics) return null;
  const total = metrics.hoursByType.reduce((sum, h) => sum + h.hours, 0);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, padding: '8px 12px', background: '#fafafa', borderRadius: 8 }}>
      <Typography.Text strong>{t('timetable.metrics')}</Typography.Text>
      <Tag>{t('timetable.totalHours', { hours: Math.round(metrics.totalHours * 10) / 10 })}</Tag>
      {metrics.checks.length === 0 && <Typography.Text type="secondary">{t('timetable.noTargets')}</Typography.Text>}
      <Space size={6} wrap>
        {metrics.checks.map((c) => (
          <Tag key={c.key} color={c.met ? 'success' : 'error'} style={{ fontSize: 13, padding: '2px 8px' }} data-check={c.key}>
            {c.label[lang]}
          </Tag>
        ))}
      </Space>
      {metrics.paths.length > 1 && metrics.checks.length > 0 && (
        <Typography.Text type="secondary">{t('timetable.weakestPath', { n: metrics.paths.length })}</Typography.Text>
      )}
      {total > 0 && (
        <div style={{ display: 'flex', height: 10, flex: '1 1 220px', minWidth: 180, borderRadius: 5, overflow: 'hidden' }} aria-hidden>
          {metrics.hoursByType
            .filter((h) => h.hours > 0)
            .map((h) => (
              <Tooltip key={h.type} title={`${label('sessionType', h.type)} ${h.hours} h（${Math.round((h.hours / total) * 100)}%）`}>
                <div style={{ width: `${(h.hours / total) * 100}%`, background: TYPE_COLORS[h.type].border }} />
              </Tooltip>
            ))}
        </div>
      )}
    </div>
  );
}
