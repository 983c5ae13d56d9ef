// Program detail tab 临时党支部: the branch card, committee, members with roles and party groups, meetings with an
// attendance matrix and the meeting drawer, and statistics. Managers with program:write edit; readers only look.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { BRANCH_ROLES, type BranchMember, type BranchRole, type PartyBranch, type PartyMeeting } from '@duibiao/contracts';
import { ApiError } from '../../api/client.ts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { addAllMembers, addMember, createMeeting, deleteMeeting, getProgramBranch, removeMember, saveBranch, updateMeeting, updateMember } from './api.ts';
import { BranchForm } from './BranchForm.tsx';
import { BranchStatsCard } from './BranchStatsCard.tsx';
import { MeetingDrawer } from './MeetingDrawer.tsx';

const ATTENDANCE_MARK = { present: '✓', absent: '✗', excused: '○' } as const;
const ATTENDANCE_COLOR = { present: '#389e0d', absent: '#cf1322', excused: '#d48806' } as const;

function Committee({ members }: { members: BranchMember[] }) {
  const t = useT();
  const label = useLabel();
  const committee = members.filter((m) => m.role !== 'member').sort((a, b) => BRANCH_ROLES.indexOf(a.role) - BRANCH_ROLES.indexOf(b.role));
  if (committee.length === 0) return <Typography.Text type="secondary">{t('branch.noCommittee')}</Typography.Text>;
  return (
    <Space wrap size={[8, 8]}>
      {committee.map((m) => (
        <Tag key={m.id} color={m.role === 'secretary' ? 'red' : 'volcano'}>
          {label('branchRole', m.role)}：{m.name}
        </Tag>
      ))}
    </Space>
  );
}

export default function BranchTab({ programId }: { programId: number }) {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useRequest((signal) => getProgramBranch(programId, signal), programId);
  const [formOpen, setFormOpen] = useState(false);
  const [meeting, setMeeting] = useState<PartyMeeting | null | undefined>(undefined);
  const [pick, setPick] = useState<number | undefined>(undefined);
  const [writeError, setWriteError] = useState<string | null>(null);

  const run = async (action: () => Promise<unknown>) => {
    setWriteError(null);
    try {
      await action();
      reload();
    } catch (e) {
      setWriteError(e instanceof ApiError ? e.message : String(e));
    }
  };

  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!data) return <Card loading={loading} />;
  const { branch, canManage } = data;
  const form = (
    <BranchForm
      open={formOpen}
      branch={branch}
      startDate={data.programStartDate}
      onClose={() => setFormOpen(false)}
      onSave={async (input) => {
        await saveBranch(programId, input);
        reload();
      }}
    />
  );

  if (!branch) {
    return (
      <Card>
        <Empty description={t('branch.none')}>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormOpen(true)}>
              {t('branch.form')}
            </Button>
          )}
        </Empty>
        {form}
      </Card>
    );
  }

  const candidates = data.candidates.filter((c) => !c.isMember);
  const members = branch.members;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {writeError && <Alert type="error" showIcon title={writeError} closable onClose={() => setWriteError(null)} />}
      <Card
        size="small"
        title={
          <Space>
            <span style={{ color: '#c41d1d' }}>★</span>
            {branch.name}
          </Space>
        }
        extra={canManage && <Button onClick={() => setFormOpen(true)}>{t('branch.edit')}</Button>}
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('branch.formedOn')}>{branch.formedOn}</Descriptions.Item>
          <Descriptions.Item label={t('branch.committee')} span={2}>
            <Committee members={members} />
          </Descriptions.Item>
          {branch.note && <Descriptions.Item label={t('branch.note')}>{branch.note}</Descriptions.Item>}
        </Descriptions>
        <Typography.Text type="secondary">{t('branch.visibility')}</Typography.Text>
      </Card>

      <BranchStatsCard stats={branch.stats} />

      <Card
        size="small"
        title={t('branch.members', { n: members.length })}
        extra={
          canManage && (
            <Space wrap>
              <Select
                showSearch
                allowClear
                style={{ width: 260 }}
                placeholder={t('branch.pickCadre')}
                value={pick}
                onChange={setPick}
                optionFilterProp="label"
                options={candidates.map((c) => ({
                  value: c.cadreId,
                  label: `${c.name}（${c.politicalStatus ?? '—'}）`,
                  disabled: !c.isPartyMember,
                }))}
              />
              <Button
                disabled={pick === undefined}
                onClick={() =>
                  void run(async () => {
                    await addMember(programId, { cadreId: pick! });
                    setPick(undefined);
                  })
                }
              >
                {t('branch.addMember')}
              </Button>
              <Button
                icon={<TeamOutlined />}
                onClick={() =>
                  void run(async () => {
                    const r = await addAllMembers(programId);
                    void message.success(t('branch.addedAll', { n: r.added }));
                  })
                }
              >
                {t('branch.addAll')}
              </Button>
            </Space>
          )
        }
      >
        <Table<BranchMember>
          rowKey="id"
          size="small"
          dataSource={members}
          pagination={members.length > 15 ? { pageSize: 15, size: 'small' } : false}
          columns={[
            { title: t('branch.member'), dataIndex: 'name', width: 100 },
            { title: t('branch.org'), dataIndex: 'orgName', ellipsis: true },
            { title: t('branch.politicalStatus'), dataIndex: 'politicalStatus', width: 120 },
            {
              title: t('branch.role'),
              dataIndex: 'role',
              width: 160,
              render: (role: BranchRole, m) =>
                canManage ? (
                  <Select
                    size="small"
                    style={{ width: 140 }}
                    value={role}
                    options={BRANCH_ROLES.map((r) => ({ value: r, label: label('branchRole', r) }))}
                    onChange={(v) => void run(() => updateMember(programId, m.id, { role: v }))}
                  />
                ) : (
                  label('branchRole', role)
                ),
            },
            {
              title: t('branch.partyGroup'),
              dataIndex: 'partyGroup',
              width: 160,
              render: (g: string | null, m) =>
                canManage ? (
                  <Input
                    size="small"
                    defaultValue={g ?? ''}
                    maxLength={50}
                    onBlur={(e) => {
                      const v = e.target.value.trim() || null;
                      if (v !== g) void run(() => updateMember(programId, m.id, { partyGroup: v }));
                    }}
                  />
                ) : (
                  (g ?? '—')
                ),
            },
            ...(canManage
              ? [
                  {
                    title: '',
                    key: 'remove',
                    width: 70,
                    render: (_: unknown, m: BranchMember) => (
                      <Popconfirm title={t('branch.removeConfirm')} onConfirm={() => void run(() => removeMember(programId, m.id))}>
                        <Button size="small" type="link" danger>
                          {t('branch.remove')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card
        size="small"
        title={t('branch.meetings', { n: branch.meetings.length })}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setMeeting(null)} disabled={members.length === 0}>
              {t('branch.addMeeting')}
            </Button>
          )
        }
      >
        <MeetingList branch={branch} onOpen={setMeeting} canManage={canManage} onDelete={(id) => void run(() => deleteMeeting(programId, id))} />
      </Card>
      {branch.meetings.length > 0 && (
        <Card size="small" title={t('branch.matrix')}>
          <AttendanceMatrix branch={branch} />
        </Card>
      )}

      {form}
      <MeetingDrawer
        branch={branch}
        meeting={meeting}
        readOnly={!canManage}
        onClose={() => setMeeting(undefined)}
        onSave={async (input, id) => {
          await (id === null ? createMeeting(programId, input) : updateMeeting(programId, id, input));
          reload();
        }}
      />
    </Space>
  );
}

/** The meetings list: date, kind, topic (opens the drawer), attendance summary. */
function MeetingList({
  branch,
  onOpen,
  canManage,
  onDelete,
}: {
  branch: PartyBranch;
  onOpen: (m: PartyMeeting) => void;
  canManage: boolean;
  onDelete: (id: number) => void;
}) {
  const t = useT();
  const label = useLabel();
  if (branch.meetings.length === 0) return <Empty description={t('branch.noMeetings')} />;
  return (
    <Table<PartyMeeting>
      rowKey="id"
      size="small"
      dataSource={branch.meetings}
      pagination={branch.meetings.length > 10 ? { pageSize: 10, size: 'small' } : false}
      columns={[
        { title: t('branch.heldOn'), dataIndex: 'heldOn', width: 110 },
        { title: t('branch.kind'), dataIndex: 'kind', width: 140, render: (k: PartyMeeting['kind']) => <Tag>{label('partyMeetingKind', k)}</Tag> },
        {
          title: t('branch.meetingTitle'),
          dataIndex: 'title',
          ellipsis: true,
          render: (v: string, m) => <Typography.Link onClick={() => onOpen(m)}>{v}</Typography.Link>,
        },
        { title: t('branch.location'), dataIndex: 'location', width: 200, ellipsis: true, render: (v: string | null) => v ?? '—' },
        {
          title: t('branch.attendance'),
          key: 'sum',
          width: 120,
          render: (_, m) => t('branch.attendanceSummary', { present: m.attendance.filter((a) => a.status === 'present').length, total: branch.members.length }),
        },
        ...(canManage
          ? [
              {
                title: '',
                key: 'delete',
                width: 70,
                render: (_: unknown, m: PartyMeeting) => (
                  <Popconfirm title={t('branch.deleteConfirm')} onConfirm={() => onDelete(m.id)}>
                    <Button size="small" type="link" danger>
                      {t('branch.deleteMeeting')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Members as rows, meetings (oldest first) as columns: ✓ present, ✗ absent, ○ excused, · not recorded. */
function AttendanceMatrix({ branch }: { branch: PartyBranch }) {
  const label = useLabel();
  const meetings = [...branch.meetings].reverse();
  const status = new Map(branch.meetings.flatMap((m) => m.attendance.map((a) => [`${m.id}:${a.cadreId}`, a.status] as const)));
  return (
    <Table<BranchMember>
      rowKey="id"
      size="small"
      dataSource={branch.members}
      pagination={branch.members.length > 15 ? { pageSize: 15, size: 'small' } : false}
      scroll={{ x: 120 + meetings.length * 64 }}
      columns={[
        { title: '', dataIndex: 'name', width: 100, fixed: 'left' },
        ...meetings.map((m) => ({
          title: (
            <Tooltip title={`${label('partyMeetingKind', m.kind)} · ${m.title}`}>
              <span>{m.heldOn.slice(5)}</span>
            </Tooltip>
          ),
          key: `m${m.id}`,
          width: 64,
          align: 'center' as const,
          render: (_: unknown, member: BranchMember) => {
            const s = status.get(`${m.id}:${member.cadreId}`);
            return s ? (
              <Tooltip title={label('meetingAttendance', s)}>
                <span style={{ color: ATTENDANCE_COLOR[s], fontWeight: 600 }}>{ATTENDANCE_MARK[s]}</span>
              </Tooltip>
            ) : (
              <Typography.Text type="secondary">·</Typography.Text>
            );
          },
        })),
      ]}
    />
  );
}
