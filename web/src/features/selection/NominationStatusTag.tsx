// A nomination's status as a coloured tag (with the waitlist position when waitlisted).
import { Tag } from 'antd';
import type { NominationStatus } from '@duibiao/contracts';
import { useLabel, useT } from '../../i18n/index.tsx';

const COLOR: Record<NominationStatus, string> = {
  submitted: 'blue',
  unit_approved: 'cyan',
  approved: 'green',
  waitlisted: 'orange',
  rejected: 'red',
  withdrawn: 'default',
};

export function NominationStatusTag({ status, position }: { status: NominationStatus; position?: number | null }) {
  const label = useLabel();
  const t = useT();
  return (
    <Tag color={COLOR[status]}>
      {label('nominationStatus', status)}
      {status === 'waitlisted' && position ? ` · ${t('selection.waitlistPosition', { n: position })}` : ''}
    </Tag>
  );
}
