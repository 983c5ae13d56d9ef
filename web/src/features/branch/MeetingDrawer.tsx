// The meeting drawer (组织生活记录): kind, date, topic, location, agenda, minutes and each member's attendance. Used by
// organizers on the program tab and by the branch secretary on the phone.
import { useState } from 'react';
import { Alert, Button, Drawer, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { MEETING_ATTENDANCE, PARTY_MEETING_KINDS, partyMeetingInputSchema } from '@duibiao/contracts';
import type { MeetingAttendance, PartyBranch, PartyMeeting, PartyMeetingInput } from '@duibiao/contracts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';

interface Props {
  branch: PartyBranch;
  /** The meeting to edit, `null` for a new one, `undefined` when closed. */
  meeting: PartyMeeting | null | undefined;
  readOnly: boolean;
  mobile?: boolean;
  onClose: () => void;
  onSave: (input: PartyMeetingInput, meetingId: number | null) => Promise<void>;
}

type Values = Omit<PartyMeetingInput, 'attendance'>;
type FormProps = Omit<Props, 'meeting' | 'mobile'> & { meeting: PartyMeeting | null };

export function MeetingDrawer({ meeting, mobile, ...rest }: Props) {
  const t = useT();
  return (
    <Drawer
      open={meeting !== undefined}
      onClose={rest.onClose}
      title={meeting ? meeting.title : t('branch.addMeeting')}
      size={mobile ? undefined : 560}
      placement={mobile ? 'bottom' : 'right'}
      height={mobile ? '90%' : undefined}
      destroyOnHidden
    >
      {/* Keyed so each opening starts from the meeting's own values. */}
      {meeting !== undefined && <MeetingForm key={meeting?.id ?? 'new'} meeting={meeting} {...rest} />}
    </Drawer>
  );
}

function MeetingForm({ branch, meeting, readOnly, onClose, onSave }: FormProps) {
  const t = useT();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const [attendance, setAttendance] = useState<Record<number, MeetingAttendance>>(() =>
    Object.fromEntries((meeting?.attendance ?? []).map((a) => [a.cadreId, a.status])),
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const initial: Partial<Values> = meeting
    ? { kind: meeting.kind, heldOn: meeting.heldOn, title: meeting.title, location: meeting.location, agenda: meeting.agenda, minutes: meeting.minutes }
    : { kind: 'member_assembly', heldOn: new Date().toISOString().slice(0, 10) };

  const submit = async () => {
    const values = {
      ...(form.getFieldsValue(true) as Values),
      attendance: Object.entries(attendance).map(([cadreId, status]) => ({ cadreId: Number(cadreId), status })),
    };
    const input = parseWithSchema(partyMeetingInputSchema, values, form);
    if (!input) return;
    setSaving(true);
    try {
      await onSave(input, meeting?.id ?? null);
      onClose();
    } catch (e) {
      setError(applyApiError(form, e, ['kind', 'heldOn', 'title', 'location', 'agenda', 'minutes']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" disabled={readOnly} initialValues={initial}>
        <Space size={12} wrap style={{ width: '100%' }}>
          <Form.Item name="kind" label={t('branch.kind')} rules={[{ required: true }]}>
            <Select style={{ width: 180 }} options={PARTY_MEETING_KINDS.map((k) => ({ value: k, label: label('partyMeetingKind', k) }))} />
          </Form.Item>
          <Form.Item name="heldOn" label={t('branch.heldOn')} rules={[{ required: true }]}>
            <Input type="date" style={{ width: 170 }} />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('branch.meetingTitle')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="location" label={t('branch.location')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="agenda" label={t('branch.agenda')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="minutes" label={t('branch.minutes')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} />
        </Form.Item>
      </Form>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }}>
        <Typography.Text strong>{t('branch.attendance')}</Typography.Text>
        {!readOnly && (
          <Button size="small" onClick={() => setAttendance(Object.fromEntries(branch.members.map((m) => [m.cadreId, 'present' as const])))}>
            {t('branch.allPresent')}
          </Button>
        )}
      </Space>
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        {branch.members.map((m) => (
          <Space key={m.cadreId} style={{ justifyContent: 'space-between', width: '100%' }}>
            <span>
              {m.name}
              {m.role !== 'member' && <Typography.Text type="secondary"> · {label('branchRole', m.role)}</Typography.Text>}
            </span>
            <Radio.Group
              size="small"
              disabled={readOnly}
              value={attendance[m.cadreId]}
              onChange={(e) => setAttendance((a) => ({ ...a, [m.cadreId]: e.target.value as MeetingAttendance }))}
              optionType="button"
              options={MEETING_ATTENDANCE.map((s) => ({ value: s, label: label('meetingAttendance', s) }))}
            />
          </Space>
        ))}
      </Space>
      {!readOnly && (
        <Button type="primary" block loading={saving} onClick={() => void submit()} style={{ marginTop: 16 }}>
          {t('branch.save')}
        </Button>
      )}
    </>
  );
}
