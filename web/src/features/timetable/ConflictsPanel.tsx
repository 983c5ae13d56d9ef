// The timetable's conflicts as a list of warnings; clicking one selects its first session in the calendar.
import { Alert, Collapse, Space, Tag } from 'antd';
import type { TimetableConflict } from '@duibiao/contracts';
import { useLang, useT } from '../../i18n/index.tsx';

const KIND_COLORS: Record<TimetableConflict['kind'], string> = { instructor: 'magenta', venue: 'orange', audience: 'red', travel: 'purple' };

export function ConflictsPanel({ conflicts, onPick }: { conflicts: TimetableConflict[]; onPick: (sessionId: number, conflict: TimetableConflict) => void }) {
  const t = useT();
  const { lang } = useLang();
  if (!conflicts.length) return <Alert type="success" showIcon message={t('timetable.noConflicts')} />;
  return (
    <Collapse
      size="small"
      defaultActiveKey={conflicts.length <= 8 ? ['c'] : []}
      items={[
        {
          key: 'c',
          label: (
            <Space>
              <span style={{ fontWeight: 600 }}>{t('timetable.conflicts')}</span>
              <Tag color="error">{t('timetable.conflictCount', { n: conflicts.length })}</Tag>
            </Space>
          ),
          children: (
            <div style={{ maxHeight: 260, overflow: 'auto', display: 'flex', flexDirection: 'column', gap: 6 }}>
              {conflicts.map((c, i) => (
                <Alert
                  key={`${c.kind}-${c.sessionIds.join('-')}-${i}`}
                  type="warning"
                  showIcon
                  style={{ cursor: 'pointer', padding: '4px 10px' }}
                  onClick={() => onPick(c.otherProgram?.sessionId === c.sessionIds[0] ? c.sessionIds[1] : c.sessionIds[0], c)}
                  message={
                    <Space size={6} wrap>
                      <Tag color={KIND_COLORS[c.kind]}>{t(`timetable.conflictKind.${c.kind}`)}</Tag>
                      <span>{c.message[lang]}</span>
                      {c.otherProgram && <Tag>{t('timetable.otherProgram', { name: c.otherProgram.name })}</Tag>}
                    </Space>
                  }
                />
              ))}
            </div>
          ),
        },
      ]}
    />
  );
}
