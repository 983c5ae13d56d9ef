// Create, edit, copy or delete one session in a drawer; read-only for roles without program:write.
import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  TimePicker,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { sessionInputSchema } from '@duibiao/contracts';
import type { Instructor, ProgramClass, SessionType, SessionWriteResult, TimetableSession, Venue } from '@duibiao/contracts';
import { ApiError } from '../../api/client.ts';
import { useLabelOptions, useT } from '../../i18n/index.tsx';
import { applyApiError } from '../../lib/forms.ts';
import { createSession, deleteSession, duplicateSession, updateSession } from './api.ts';
import { instantAt } from './calendar-layout.ts';
import { StopsEditor } from './StopsEditor.tsx';

export interface DraftSlot {
  date: string;
  minutes: number;
  /** Preset audience, e.g. the class or group the calendar is filtered to. */
  classId?: number;
  groupId?: number;
}

interface Values {
  type: SessionType;
  title: string;
  date: Dayjs;
  time: [Dayjs, Dayjs];
  venueId?: number | null;
  instructorIds: number[];
  audienceKind: 'program' | 'class' | 'group';
  classId?: number | null;
  groupId?: number | null;
  creditedHours: number;
  mode: 'offline' | 'online';
  checkinEnabled: boolean;
  geofenceM?: number | null;
  notes?: string | null;
}

interface Props {
  programId: number;
  programStart: string;
  programEnd: string;
  /** The session to edit, or a slot for a new one; null closes the drawer. */
  target: TimetableSession | DraftSlot | null;
  editable: boolean;
  classes: ProgramClass[];
  venues: Venue[];
  instructors: Instructor[];
  onClose: () => void;
  /** After any write; `conflicts` are those the written session takes part in. */
  onSaved: (result: SessionWriteResult | null, note: string) => void;
}

const FORM_FIELDS = ['type', 'title', 'venueId', 'instructorIds', 'classId', 'groupId', 'creditedHours', 'geofenceM', 'notes', 'startsAt', 'endsAt'];
const isSession = (t: Props['target']): t is TimetableSession => !!t && 'id' in t;
const minutesOfDay = (d: Dayjs) => d.hour() * 60 + d.minute();

function initialValues(target: TimetableSession | DraftSlot): Values {
  if (isSession(target)) {
    return {
      type: target.type,
      title: target.title,
      date: dayjs(target.startsAt.slice(0, 10)),
      time: [dayjs(target.startsAt.slice(0, 19)), dayjs(target.endsAt.slice(0, 19))],
      venueId: target.venue?.id ?? null,
      instructorIds: target.instructors.map((i) => i.id),
      audienceKind: target.audienceKind,
      classId: target.classId,
      groupId: target.groupId,
      creditedHours: target.creditedHours,
      mode: target.mode,
      checkinEnabled: target.checkinEnabled,
      geofenceM: target.geofenceM,
      notes: target.notes,
    };
  }
  const start = dayjs(`${target.date}T00:00:00`).add(target.minutes, 'minute');
  return {
    type: 'lecture',
    title: '',
    date: dayjs(target.date),
    time: [start, start.add(120, 'minute')],
    instructorIds: [],
    audienceKind: target.groupId ? 'group' : target.classId ? 'class' : 'program',
    classId: target.classId ?? null,
    groupId: target.groupId ?? null,
    creditedHours: 2,
    mode: 'offline',
    checkinEnabled: true,
  };
}

export function SessionDrawer(props: Props) {
  const { target, editable, classes, programStart, programEnd } = props;
  const t = useT();
  const options = useLabelOptions();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copyDate, setCopyDate] = useState<Dayjs | null>(null);
  const audienceKind = Form.useWatch('audienceKind', form);
  const classId = Form.useWatch('classId', form);
  const type = Form.useWatch('type', form);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue(initialValues(target));
  }, [target, form]);

  const toBody = (v: Values) => {
    const date = v.date.format('YYYY-MM-DD');
    return {
      type: v.type,
      title: v.title,
      startsAt: instantAt(date, minutesOfDay(v.time[0])),
      endsAt: instantAt(date, minutesOfDay(v.time[1])),
      venueId: v.venueId ?? null,
      instructorIds: v.instructorIds ?? [],
      audienceKind: v.audienceKind,
      classId: v.audienceKind === 'class' ? (v.classId ?? null) : v.audienceKind === 'group' ? (v.classId ?? null) : null,
      groupId: v.audienceKind === 'group' ? (v.groupId ?? null) : null,
      creditedHours: v.creditedHours,
      mode: v.mode,
      checkinEnabled: v.checkinEnabled,
      geofenceM: v.geofenceM ?? null,
      notes: v.notes?.trim() ? v.notes.trim() : null,
    };
  };

  /** Server field names onto the form's: start/end both live in the time range picker. */
  const showError = (e: unknown) => {
    if (e instanceof ApiError) {
      const details = e.details.map((d) => ({
        ...d,
        field: d.field === 'startsAt' || d.field === 'endsAt' ? 'time' : d.field.replace(/^instructorIds\.\d+$/, 'instructorIds'),
      }));
      setError(applyApiError(form, new ApiError(e.status, e.code, e.message, details), [...FORM_FIELDS, 'time']));
    } else setError(applyApiError(form, e, FORM_FIELDS));
  };

  const submit = async () => {
    const values = await form.validateFields();
    const body = toBody(values);
    const parsed = sessionInputSchema.safeParse(body);
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((i) => ({
          name: ['startsAt', 'endsAt'].includes(String(i.path[0])) ? 'time' : String(i.path[0]),
          errors: [i.message],
        })) as Parameters<typeof form.setFields>[0],
      );
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const result = isSession(target) ? await updateSession(target.id, parsed.data) : await createSession(props.programId, parsed.data);
      props.onSaved(result, t('common.saved'));
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!isSession(target)) return;
    try {
      await deleteSession(target.id);
      props.onSaved(null, t('timetable.deleted'));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const copy = async () => {
    if (!isSession(target) || !copyDate) return;
    try {
      const date = copyDate.format('YYYY-MM-DD');
      const result = await duplicateSession(target.id, date);
      props.onSaved(result, t('timetable.duplicated', { date }));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const outside = (d: Dayjs) => d.format('YYYY-MM-DD') < programStart || d.format('YYYY-MM-DD') > programEnd;
  const groups = classes.find((c) => c.id === classId)?.groups ?? [];
  const half = { xs: 24, sm: 12 };
  const title = !isSession(target) ? t('timetable.newSession') : editable ? t('timetable.editSession') : t('timetable.viewSession');

  return (
    <Drawer
      title={title}
      open={!!target}
      onClose={props.onClose}
      afterOpenChange={(isOpen) => {
        if (!isOpen) setError(null);
      }}
      size={560}
      forceRender
      extra={
        editable && (
          <Space>
            {isSession(target) && (
              <Popconfirm title={t('timetable.deleteConfirm', { title: target.title })} onConfirm={() => void remove()}>
                <Button danger>{t('common.delete')}</Button>
              </Popconfirm>
            )}
            <Button type="primary" loading={saving} onClick={() => void submit().catch(() => undefined)}>
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} name="session" layout="vertical" disabled={!editable} requiredMark={editable}>
        <Row gutter={12}>
          <Col {...half}>
            <Form.Item name="type" label={t('timetable.field.type')} rules={[{ required: true }]}>
              <Select options={options('sessionType')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="creditedHours" label={t('timetable.field.hours')} rules={[{ required: true }]}>
              <InputNumber min={0} max={24} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t('timetable.field.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={12}>
          <Col {...half}>
            <Form.Item name="date" label={t('timetable.field.date')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={outside} allowClear={false} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="time" label={t('timetable.field.time')} rules={[{ required: true }]}>
              <TimePicker.RangePicker format="HH:mm" minuteStep={15} style={{ width: '100%' }} allowClear={false} order />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="venueId" label={t('timetable.field.venue')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('timetable.noVenue')}
            options={props.venues.map((v) => ({ value: v.id, label: v.offsite ? `${v.name}（${v.address ?? ''}）` : v.name }))}
          />
        </Form.Item>
        <Form.Item name="instructorIds" label={t('timetable.field.instructors')}>
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            options={props.instructors.map((i) => ({ value: i.id, label: [i.name, i.title, i.unit].filter(Boolean).join(' · ') }))}
          />
        </Form.Item>
        <Form.Item name="audienceKind" label={t('timetable.field.audience')}>
          <Radio.Group
            optionType="button"
            options={(['program', 'class', 'group'] as const).map((k) => ({
              value: k,
              label: t(`timetable.audience.${k}`),
              disabled: k !== 'program' && !classes.length,
            }))}
          />
        </Form.Item>
        {audienceKind && audienceKind !== 'program' && (
          <Row gutter={12}>
            <Col {...half}>
              <Form.Item name="classId" label={t('timetable.field.class')} rules={[{ required: true }]}>
                <Select options={classes.map((c) => ({ value: c.id, label: c.name }))} onChange={() => form.setFieldValue('groupId', null)} />
              </Form.Item>
            </Col>
            {audienceKind === 'group' && (
              <Col {...half}>
                <Form.Item name="groupId" label={t('timetable.field.group')} rules={[{ required: true }]}>
                  <Select options={groups.map((g) => ({ value: g.id, label: g.name }))} />
                </Form.Item>
              </Col>
            )}
          </Row>
        )}
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="mode" label={t('timetable.field.mode')}>
              <Radio.Group options={(['offline', 'online'] as const).map((m) => ({ value: m, label: t(`timetable.mode.${m}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="checkinEnabled" label={t('timetable.field.checkin')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="geofenceM" label={t('timetable.field.geofence')}>
              <InputNumber min={10} max={50000} step={50} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('timetable.field.notes')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      {isSession(target) && (type === 'site_visit' || type === 'onsite_teaching' || target.stops.length > 0) && (
        <StopsEditor session={target} venues={props.venues} editable={editable} />
      )}
      {isSession(target) && editable && (
        <Space style={{ marginTop: 16 }} wrap>
          <Typography.Text type="secondary">{t('timetable.copyTo')}</Typography.Text>
          <DatePicker value={copyDate} onChange={setCopyDate} disabledDate={outside} placeholder={t('timetable.field.date')} />
          <Button disabled={!copyDate} onClick={() => void copy()}>
            {t('timetable.duplicate')}
          </Button>
        </Space>
      )}
    </Drawer>
  );
}
