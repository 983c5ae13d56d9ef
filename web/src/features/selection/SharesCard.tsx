// The live composition of the approved: grassroots share against the target (✓/✗), seats, gender, age, per unit.
import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import type { SelectionSummary } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

export function SharesCard({ summary }: { summary: SelectionSummary | undefined }) {
  const t = useT();
  if (!summary) return <Card size="small" loading title={t('selection.shares')} />;
  const s = summary.shares;
  const status = s.meetsTarget === null ? 'normal' : s.meetsTarget ? 'success' : 'exception';
  return (
    <Card title={t('selection.shares')} size="small">
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Typography.Text type="secondary">{t('selection.grassrootsShare')}</Typography.Text>
          <Progress percent={s.share === null ? 0 : Math.round(s.share * 1000) / 10} status={status} success={s.target === null ? undefined : { percent: 0 }} />
          <Typography.Text strong data-testid="grassroots-line" type={s.meetsTarget === false ? 'danger' : s.meetsTarget ? 'success' : undefined}>
            {s.line}
          </Typography.Text>
          <div>
            <Typography.Text type="secondary">{t('selection.withPending', { share: pct(s.withPending.share) })}</Typography.Text>
          </div>
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('selection.approvedCount')} value={s.total} />
          <Typography.Text type="secondary">
            {t('selection.seatsTaken', { enrolled: summary.enrolled, capacity: summary.capacity ?? t('selection.noLimit') })}
          </Typography.Text>
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('selection.genderSplit')} value={`${s.male} / ${s.female}`} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('selection.averageAge')} value={s.averageAge ?? '—'} />
        </Col>
        <Col xs={12} md={4}>
          <Typography.Text type="secondary">{t('selection.perUnit')}</Typography.Text>
          {s.perUnit.slice(0, 6).map((u) => (
            <div key={u.unit}>
              {u.unit}：{u.count}
            </div>
          ))}
        </Col>
      </Row>
    </Card>
  );
}
