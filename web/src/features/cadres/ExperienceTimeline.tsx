// 工作经历 tab: newest first.
import { Empty, Timeline, Typography } from 'antd';
import type { Experience } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';

export function ExperienceTimeline({ experiences }: { experiences: Experience[] }) {
  const t = useT();
  if (experiences.length === 0) return <Empty description={t('cadres.noExperience')} />;
  const sorted = [...experiences].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return (
    <Timeline
      style={{ paddingTop: 12 }}
      items={sorted.map((e, i) => ({
        key: `${e.startDate}-${i}`,
        color: e.endDate === null ? 'green' : 'blue',
        title: `${e.startDate} — ${e.endDate ?? t('cadres.untilNow')}`,
        content: (
          <>
            <Typography.Text strong>{e.unitName}</Typography.Text>
            <div>{e.position}</div>
          </>
        ),
      }))}
    />
  );
}
