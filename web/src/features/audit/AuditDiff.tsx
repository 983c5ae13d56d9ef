// Expanded audit row: the record before and after the change, side by side (sensitive fields arrive masked).
import { Col, Row, Typography } from 'antd';
import type { AuditEntry } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';

const pretty = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));

/** Top-level keys whose values differ, to highlight what changed. */
function changedKeys(before: unknown, after: unknown): string[] {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const changed = changedKeys(entry.before, entry.after);
  return (
    <>
      {changed.length > 0 && (
        <Typography.Paragraph type="secondary">
          {t('audit.changedFields')}: {changed.join(', ')}
        </Typography.Paragraph>
      )}
      <Row gutter={[16, 8]}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.before')}</Typography.Text>
          <pre className="db-json">{pretty(entry.before)}</pre>
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.after')}</Typography.Text>
          <pre className="db-json">{pretty(entry.after)}</pre>
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('audit.requestId')}: {entry.requestId ?? '—'} · IP: {entry.ip ?? '—'}
      </Typography.Text>
    </>
  );
}
