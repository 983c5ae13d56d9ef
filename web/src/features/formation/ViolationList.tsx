// The live violation list above the board: errors (hard rules) first, then warnings (same-unit pairs).
import { Alert } from 'antd';
import type { FormationViolation } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';

const SHOWN = 30;

export function ViolationList({ violations, checking }: { violations: FormationViolation[]; checking: boolean }) {
  const t = useT();
  const errors = violations.filter((v) => v.severity === 'error');
  const warnings = violations.filter((v) => v.severity === 'warning');
  const title = `${violations.length === 0 ? t('formation.noViolations') : t('formation.violations', { errors: errors.length, warnings: warnings.length })}${checking ? ` · ${t('formation.checking')}` : ''}`;
  if (violations.length === 0) return <Alert type="success" showIcon title={title} data-violations="0" />;
  const listed = [...errors, ...warnings].slice(0, SHOWN);
  return (
    <Alert
      type={errors.length ? 'error' : 'warning'}
      showIcon
      title={title}
      data-violations={violations.length}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 200, overflowY: 'auto' }} aria-live="polite">
          {listed.map((v, i) => (
            <li key={i} data-violation={v.code} style={{ color: v.severity === 'error' ? '#cf1322' : undefined }}>
              {v.message}
            </li>
          ))}
          {violations.length > SHOWN && <li>…</li>}
        </ul>
      }
    />
  );
}
