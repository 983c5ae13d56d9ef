// Program tab of the placement feature (体悟实训/跟班/挂职): posts → bans → preferences → solve → publish, one section
// each. Sections reload what they show when opened, so a change in one step is seen by the next.
import { useState } from 'react';
import { Tabs } from 'antd';
import { useT } from '../../i18n/index.tsx';
import { useCan } from '../auth/session.ts';
import { BansSection } from './BansSection.tsx';
import { PostsSection } from './PostsSection.tsx';
import { PreferencesSection } from './PreferencesSection.tsx';
import { PublishSection } from './PublishSection.tsx';
import { SolveSection } from './SolveSection.tsx';

export default function PlacementTab({ programId }: { programId: number }) {
  const t = useT();
  const canWrite = useCan()('program:write');
  const [active, setActive] = useState('posts');
  const props = { programId, canWrite };
  return (
    <Tabs
      activeKey={active}
      onChange={setActive}
      destroyOnHidden
      items={[
        { key: 'posts', label: t('placement.tab.posts'), children: <PostsSection {...props} /> },
        { key: 'bans', label: t('placement.tab.bans'), children: <BansSection {...props} /> },
        { key: 'preferences', label: t('placement.tab.preferences'), children: <PreferencesSection {...props} /> },
        { key: 'solve', label: t('placement.tab.solve'), children: <SolveSection {...props} onApplied={() => setActive('publish')} /> },
        { key: 'publish', label: t('placement.tab.publish'), children: <PublishSection {...props} /> },
      ]}
    />
  );
}
