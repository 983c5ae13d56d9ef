// 干部详情: profile header and tabs (basic info, work history, training file, training hours).
import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useLabel, useT } from '../../i18n/index.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useCan } from '../auth/session.ts';
import { deleteCadre, getCadre } from './api.ts';
import { CadreBasicInfo } from './CadreBasicInfo.tsx';
import { ExperienceTimeline } from './ExperienceTimeline.tsx';
import { TrainingFileTab } from './TrainingFileTab.tsx';
import { CadreFormDrawer } from './CadreFormDrawer.tsx';

export default function CadreDetailPage() {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const [editing, setEditing] = useState(false);
  const valid = Number.isInteger(id) && id > 0;
  const { data: cadre, error, loading, reload } = useRequest((signal) => getCadre(id, signal), id, valid);

  if (!valid || error?.code === 'NOT_FOUND') {
    return <Result status="404" title={t('cadres.notFound')} extra={<Link to="/cadres">{t('cadres.backToList')}</Link>} />;
  }
  if (error) return <Alert type="error" showIcon title={error.message} />;
  // The previous cadre stays in `data` while the next one loads: don't show it under the new URL.
  if (!cadre || cadre.id !== id) {
    return loading ? (
      <Card>
        <Skeleton active avatar />
      </Card>
    ) : null;
  }

  const onDelete = async () => {
    try {
      await deleteCadre(cadre.id);
      void message.success(t('common.deleted'));
      void navigate('/cadres', { replace: true });
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <Link to="/cadres" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('cadres.backToList')}
      </Link>
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start', justifyContent: 'space-between' }}>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {cadre.name}
              <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400, marginInlineStart: 12 }}>
                {[label('gender', cadre.gender), cadre.age === null ? null : t('cadres.ageYears', { n: cadre.age })].filter(Boolean).join(' · ')}
              </Typography.Text>
            </Typography.Title>
            <div style={{ margin: '6px 0 8px', color: 'rgba(0,0,0,0.65)' }}>
              {cadre.orgPathNames.join(' / ')}
              {cadre.position ? ` · ${cadre.position}` : ''}
            </div>
            <Space size={[4, 4]} wrap>
              {cadre.rank && <Tag color="geekblue">{label('rank', cadre.rank)}</Tag>}
              {cadre.isGrassroots && <Tag color="green">{t('common.grassroots')}</Tag>}
              {cadre.isYoung && <Tag color="blue">{t('common.young')}</Tag>}
              {cadre.specialties.map((s) => (
                <Tag key={s}>{s}</Tag>
              ))}
            </Space>
          </div>
          {can('cadre:write') && (
            <Space wrap>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Popconfirm title={t('cadres.deleteConfirm', { name: cadre.name })} onConfirm={() => void onDelete()} okButtonProps={{ danger: true }}>
                <Button danger icon={<DeleteOutlined />}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </Space>
          )}
        </div>
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            { key: 'basic', label: t('cadres.tabBasic'), children: <CadreBasicInfo cadre={cadre} /> },
            { key: 'experience', label: t('cadres.tabExperience'), children: <ExperienceTimeline experiences={cadre.experiences} /> },
            { key: 'training', label: t('cadres.tabTraining'), children: <TrainingFileTab cadreId={cadre.id} /> },
          ]}
        />
      </Card>
      <CadreFormDrawer
        open={editing}
        cadre={cadre}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          reload();
        }}
      />
    </>
  );
}
