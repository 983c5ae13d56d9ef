// 项目详情: header with stage and actions, and one tab per area chosen by ?tab= — this feature's overview,
// classes and trainees, then the other features' tabs, each lazy-loaded and given the program id.
import { Suspense, lazy, useState } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import { Alert, Button, Card, Popconfirm, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import type { ProgramDetail, ProgramType } from '@duibiao/contracts';
import type { MessageKey } from '../../i18n/index.tsx';
import { useLabel, useT } from '../../i18n/index.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useQueryParams } from '../../hooks/useQueryParams.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useCan } from '../auth/session.ts';
import { deleteProgram, getProgram } from './api.ts';
import { ProgramFormDrawer } from './ProgramFormDrawer.tsx';
import { LifecycleActions } from './LifecycleActions.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { STATUS_COLORS, dateRange } from './format.ts';
import { useAction } from '../../hooks/useAction.ts';

type TabComponent = LazyExoticComponent<ComponentType<{ programId: number }>>;
/** Program types a tab applies to; absent = every type. */
const CLASS_TYPES: ProgramType[] = ['centralized_class'];
const PLACEMENT_TYPES: ProgramType[] = ['embedded_practicum', 'follow_along', 'secondment'];

/** Tabs owned by this feature come first; the rest belong to other features, in the order the work runs. */
const FEATURE_TABS: { key: string; label: MessageKey; Component: TabComponent; types?: ProgramType[] }[] = [
  { key: 'selection', label: 'programs.tab.selection', Component: lazy(() => import('../selection/SelectionTab.tsx')) },
  { key: 'formation', label: 'programs.tab.formation', Component: lazy(() => import('../formation/FormationTab.tsx')), types: CLASS_TYPES },
  { key: 'placement', label: 'programs.tab.placement', Component: lazy(() => import('../placement/PlacementTab.tsx')), types: PLACEMENT_TYPES },
  { key: 'practicum', label: 'programs.tab.practicum', Component: lazy(() => import('../practicum/PracticumTab.tsx')), types: PLACEMENT_TYPES },
  { key: 'problems', label: 'programs.tab.problems', Component: lazy(() => import('../problems/ProblemsTab.tsx')) },
  { key: 'topics', label: 'programs.tab.topics', Component: lazy(() => import('../topics/TopicsTab.tsx')) },
  { key: 'results', label: 'programs.tab.results', Component: lazy(() => import('../results/ResultsTab.tsx')) },
  { key: 'evaluation', label: 'programs.tab.evaluation', Component: lazy(() => import('../evaluation/EvaluationTab.tsx')) },
  { key: 'branch', label: 'programs.tab.branch', Component: lazy(() => import('../branch/BranchTab.tsx')) },
  { key: 'trace', label: 'programs.tab.trace', Component: lazy(() => import('../trace/TraceTab.tsx')) },
  { key: 'classes', label: 'programs.tab.classes', Component: lazy(() => import('./ClassesTab.tsx')) },
  { key: 'enrolments', label: 'programs.tab.enrolments', Component: lazy(() => import('./EnrolmentsTab.tsx')) },
  { key: 'timetable', label: 'programs.tab.timetable', Component: lazy(() => import('../timetable/TimetableTab.tsx')) },
  { key: 'attendance', label: 'programs.tab.attendance', Component: lazy(() => import('../attendance/AttendanceTab.tsx')) },
  { key: 'leave', label: 'programs.tab.leave', Component: lazy(() => import('../attendance/LeaveTab.tsx')) },
  { key: 'hours', label: 'programs.tab.hours', Component: lazy(() => import('../hours/ProgramHoursTab.tsx')) },
  { key: 'evaluations', label: 'programs.tab.evaluations', Component: lazy(() => import('../feedback/EvaluationsTab.tsx')) },
  { key: 'reflections', label: 'programs.tab.reflections', Component: lazy(() => import('../feedback/ReflectionsTab.tsx')) },
  { key: 'closeout', label: 'programs.tab.closeout', Component: lazy(() => import('../closeout/CloseoutTab.tsx')) },
  { key: 'dashboard', label: 'programs.tab.dashboard', Component: lazy(() => import('../closeout/ProgramDashboardTab.tsx')) },
];

export default function ProgramDetailPage() {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const act = useAction();
  const navigate = useNavigate();
  const { params, update } = useQueryParams();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const [editing, setEditing] = useState(false);
  const [fresh, setFresh] = useState<ProgramDetail | null>(null);
  const { data, error, loading, reload } = useRequest((signal) => getProgram(id, signal), id, valid);
  const canWrite = can('program:write');
  const tab = params.get('tab') ?? 'overview';

  if (!valid || error?.code === 'NOT_FOUND') {
    return <Result status="404" title={t('programs.notFound')} extra={<Link to="/programs">{t('programs.backToList')}</Link>} />;
  }
  if (error) return <Alert type="error" showIcon title={error.message} />;
  // A write answers the new program at once; show it while the reload (which also refreshes counts) runs.
  const program = loading && fresh?.id === id ? fresh : data;
  const refresh = (p: ProgramDetail) => {
    setFresh(p);
    reload();
  };
  if (!program || program.id !== id) {
    return loading ? (
      <Card>
        <Skeleton active />
      </Card>
    ) : null;
  }

  const onDelete = () => act(() => deleteProgram(program.id), t('common.deleted')).then((ok) => ok && void navigate('/programs', { replace: true }));

  return (
    <>
      <Link to="/programs" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('programs.backToList')}
      </Link>
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start', justifyContent: 'space-between' }}>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {program.name}
            </Typography.Title>
            <div style={{ margin: '6px 0 8px', color: 'rgba(0,0,0,0.65)' }}>
              {program.organizer.name} · {dateRange(program.startDate, program.endDate)}
              {program.partner ? ` · ${program.partner}` : ''}
            </div>
            <Space size={[4, 4]} wrap>
              <Tag color={STATUS_COLORS[program.status]}>{label('programStatus', program.status)}</Tag>
              <Tag color="geekblue">{label('programType', program.type)}</Tag>
              <Typography.Text type="secondary">{program.code}</Typography.Text>
            </Space>
          </div>
          {canWrite && (
            <Space wrap>
              <LifecycleActions program={program} onChanged={refresh} />
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              {program.status === 'draft' && (
                <Popconfirm title={t('programs.deleteConfirm', { name: program.name })} onConfirm={() => void onDelete()} okButtonProps={{ danger: true }}>
                  <Button danger icon={<DeleteOutlined />}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )}
        </div>
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            update({ tab: key === 'overview' ? undefined : key });
            // Classes and trainees may have changed on another tab: the overview counts them.
            if (key === 'overview') reload();
          }}
          destroyOnHidden
          items={[
            { key: 'overview', label: t('programs.tab.overview'), children: <OverviewTab program={program} canWrite={canWrite} /> },
            ...FEATURE_TABS.filter((f) => !f.types || f.types.includes(program.type)).map(({ key, label: l, Component }) => ({
              key,
              label: t(l),
              children: (
                <Suspense fallback={<PageLoading />}>
                  <Component programId={program.id} />
                </Suspense>
              ),
            })),
          ]}
        />
      </Card>
      <ProgramFormDrawer
        open={editing}
        program={program}
        onClose={() => setEditing(false)}
        onSaved={(p) => {
          setEditing(false);
          refresh(p);
        }}
      />
    </>
  );
}
