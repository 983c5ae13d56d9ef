// Status of a reflection's action item as a coloured tag (planned / in progress / done).
import { Tag } from 'antd';
import type { ActionItemStatus } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';

export const STATUS_COLOR: Record<ActionItemStatus, string> = { planned: 'default', in_progress: 'processing', done: 'success' };

export function ActionStatusTag({ status }: { status: ActionItemStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLOR[status]}>{t(`feedback.actionStatus.${status}`)}</Tag>;
}
