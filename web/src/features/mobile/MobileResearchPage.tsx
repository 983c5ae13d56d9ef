// /m/research — the trainee's hub for "go with questions, come back with solutions" (issue 5): raise questions, bid
// for topics and work in the task force, write reports and recommendations, and the temporary Party branch.
import { Card, List, Typography } from 'antd';
import { FileTextOutlined, FlagOutlined, QuestionCircleOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/index.tsx';

const ENTRIES: { to: string; title: MessageKey; hint: MessageKey; icon: ReactNode }[] = [
  { to: '/m/questions', title: 'mobile.research.questions', hint: 'mobile.research.questionsHint', icon: <QuestionCircleOutlined /> },
  { to: '/m/topics', title: 'mobile.research.topics', hint: 'mobile.research.topicsHint', icon: <TeamOutlined /> },
  { to: '/m/reports', title: 'mobile.research.reports', hint: 'mobile.research.reportsHint', icon: <FileTextOutlined /> },
  { to: '/m/party', title: 'mobile.research.party', hint: 'mobile.research.partyHint', icon: <FlagOutlined /> },
];

export default function MobileResearchPage() {
  const t = useT();
  return (
    <Card title={t('mobile.research.title')} size="small">
      <List
        dataSource={ENTRIES}
        renderItem={(e) => (
          <List.Item>
            <Link to={e.to} style={{ display: 'flex', gap: 12, alignItems: 'center', width: '100%' }}>
              <span style={{ fontSize: 22 }}>{e.icon}</span>
              <span>
                <Typography.Text strong>{t(e.title)}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{t(e.hint)}</Typography.Text>
              </span>
            </Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
