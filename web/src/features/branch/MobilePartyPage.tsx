// /m/party — the trainee's temporary Party branch on the phone: the branch, its committee, upcoming and past meetings
// with minutes and my attendance; the secretary records meetings here. Non-members see an empty state.
import { useState } from 'react';
import { Alert, Button, Card, Collapse, Empty, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { PartyBranch, PartyMeeting } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { useSession } from '../auth/session.ts';
import { createMyMeeting, getMyBranch, getMyBranches, updateMyMeeting } from './api.ts';
import { MeetingDrawer } from './MeetingDrawer.tsx';

const STATUS_COLOR = { present: 'success', absent: 'error', excused: 'warning' } as const;

function MeetingList({
  branch,
  meetings,
  cadreId,
  onOpen,
}: {
  branch: PartyBranch;
  meetings: PartyMeeting[];
  cadreId: number | null;
  onOpen: (m: PartyMeeting) => void;
}) {
  const t = useT();
  const label = useLabel();
  if (meetings.length === 0) return <Typography.Text type="secondary">{t('branch.noMeetings')}</Typography.Text>;
  return (
    <Collapse
      size="small"
      items={meetings.map((m) => {
        const mine = m.attendance.find((a) => a.cadreId === cadreId);
        return {
          key: m.id,
          label: (
            <Space orientation="vertical" size={0}>
              <span>
                <Tag>{label('partyMeetingKind', m.kind)}</Tag>
                {m.title}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.heldOn}
                {m.location ? ` · ${m.location}` : ''}
              </Typography.Text>
            </Space>
          ),
          extra: mine ? <Tag color={STATUS_COLOR[mine.status]}>{label('meetingAttendance', mine.status)}</Tag> : undefined,
          children: (
            <Space orientation="vertical" size={6} style={{ width: '100%' }}>
              {m.agenda && (
                <div>
                  <Typography.Text strong>{t('branch.agenda')}：</Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{m.agenda}</Typography.Paragraph>
                </div>
              )}
              {m.minutes && (
                <div>
                  <Typography.Text strong>{t('branch.minutes')}：</Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{m.minutes}</Typography.Paragraph>
                </div>
              )}
              <Typography.Text type="secondary">
                {t('branch.myAttendance')}：{mine ? label('meetingAttendance', mine.status) : t('branch.notRecorded')} ·{' '}
                {t('branch.attendanceSummary', { present: m.attendance.filter((a) => a.status === 'present').length, total: branch.members.length })}
              </Typography.Text>
              {branch.canRecord && (
                <Button size="small" onClick={() => onOpen(m)}>
                  {t('branch.editMeeting')}
                </Button>
              )}
            </Space>
          ),
        };
      })}
    />
  );
}

function BranchView({ branchId }: { branchId: number }) {
  const t = useT();
  const label = useLabel();
  const cadreId = useSession().me?.cadreId ?? null;
  const { data, error, reload } = useRequest((signal) => getMyBranch(branchId, signal), branchId);
  const [meeting, setMeeting] = useState<PartyMeeting | null | undefined>(undefined);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!data) return <Skeleton active />;
  const today = new Date().toISOString().slice(0, 10);
  const upcoming = data.meetings.filter((m) => m.heldOn >= today).reverse();
  const past = data.meetings.filter((m) => m.heldOn < today);
  const me = data.members.find((m) => m.cadreId === cadreId);
  const committee = data.members.filter((m) => m.role !== 'member');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={<span style={{ color: '#c41d1d' }}>★ {data.name}</span>}>
        <Space orientation="vertical" size={4}>
          <Typography.Text type="secondary">
            {data.programName} · {t('branch.formedOn')} {data.formedOn}
          </Typography.Text>
          {data.myRole && (
            <span>
              {t('branch.myRole')}：<Tag color={data.myRole === 'secretary' ? 'red' : undefined}>{label('branchRole', data.myRole)}</Tag>
              {me?.partyGroup && <Tag>{me.partyGroup}</Tag>}
            </span>
          )}
        </Space>
      </Card>
      <Card size="small" title={t('branch.committee')}>
        {committee.length === 0 ? (
          <Typography.Text type="secondary">{t('branch.noCommittee')}</Typography.Text>
        ) : (
          <Space wrap size={[6, 6]}>
            {committee.map((m) => (
              <Tag key={m.id} color={m.role === 'secretary' ? 'red' : 'volcano'}>
                {label('branchRole', m.role)}：{m.name}
              </Tag>
            ))}
          </Space>
        )}
      </Card>
      {data.canRecord && (
        <Button type="primary" block icon={<PlusOutlined />} onClick={() => setMeeting(null)}>
          {t('branch.addMeeting')}
        </Button>
      )}
      {upcoming.length > 0 && (
        <Card size="small" title={t('branch.upcoming')}>
          <MeetingList branch={data} meetings={upcoming} cadreId={cadreId} onOpen={setMeeting} />
        </Card>
      )}
      <Card size="small" title={t('branch.past')}>
        <MeetingList branch={data} meetings={past} cadreId={cadreId} onOpen={setMeeting} />
      </Card>
      <MeetingDrawer
        branch={data}
        meeting={meeting}
        readOnly={!data.canRecord}
        mobile
        onClose={() => setMeeting(undefined)}
        onSave={async (input, id) => {
          await (id === null ? createMyMeeting(branchId, input) : updateMyMeeting(branchId, id, input));
          reload();
        }}
      />
    </Space>
  );
}

export default function MobilePartyPage() {
  const t = useT();
  const { data, error } = useRequest((signal) => getMyBranches(signal), 'me');
  const [chosen, setChosen] = useState<number | null>(null);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!data) return <Skeleton active />;
  if (data.length === 0) return <Empty description={t('branch.mobileNone')} style={{ marginTop: 48 }} />;
  const branchId = chosen ?? data[0]!.branchId;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('branch.mobileTitle')}
      </Typography.Title>
      {data.length > 1 && (
        <Select
          style={{ width: '100%' }}
          value={branchId}
          onChange={setChosen}
          options={data.map((b) => ({ value: b.branchId, label: `${b.programName} · ${b.name}` }))}
        />
      )}
      <BranchView branchId={branchId} />
    </Space>
  );
}
