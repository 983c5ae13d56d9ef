// Program detail tab 问题清单: 原始问题 → 工作清单 → 相似问题建议 → 已发布版本. Sections reload when opened, so a
// promotion or a merge in one is seen by the next.
import { useState } from 'react';
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { useCan } from '../auth/session.ts';
import { QuestionsSection } from './QuestionsSection.tsx';
import { SuggestionsSection } from './SuggestionsSection.tsx';
import { VersionsSection } from './VersionsSection.tsx';
import { WorkingListSection } from './WorkingListSection.tsx';

export default function ProblemsTab({ programId }: { programId: number }) {
  const t = useT();
  const canWrite = useCan()('program:write');
  // ?section= opens a section directly (links from other pages, screenshots).
  const [params] = useSearchParams();
  const [active, setActive] = useState(params.get('section') ?? 'questions');
  const props = { programId, canWrite };
  return (
    <Tabs
      activeKey={active}
      onChange={setActive}
      destroyOnHidden
      items={[
        { key: 'questions', label: t('problems.tab.questions'), children: <QuestionsSection {...props} onPromoted={() => setActive('working')} /> },
        { key: 'working', label: t('problems.tab.working'), children: <WorkingListSection {...props} /> },
        { key: 'suggestions', label: t('problems.tab.suggestions'), children: <SuggestionsSection {...props} onMerged={() => undefined} /> },
        { key: 'versions', label: t('problems.tab.versions'), children: <VersionsSection {...props} /> },
      ]}
    />
  );
}
