// Itinerary stops of a site visit (each gets its own check-in): name, optional venue, planned arrival.
import { useEffect, useState } from 'react';
import { App, Button, Divider, Form, Input, Select, Space, TimePicker } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { TimetableSession, Venue } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';
import { ApiError } from '../../api/client.ts';
import { saveStops } from './api.ts';
import { instantAt } from './calendar-layout.ts';

interface StopValues {
  stops: { name: string; venueId?: number | null; time?: Dayjs | null }[];
}

export function StopsEditor({ session, venues, editable }: { session: TimetableSession; venues: Venue[]; editable: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<StopValues>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    form.setFieldsValue({
      stops: session.stops.map((s) => ({ name: s.name, venueId: s.venueId, time: s.plannedAt ? dayjs(s.plannedAt.slice(0, 19)) : null })),
    });
  }, [session, form]);

  const save = async () => {
    const { stops } = await form.validateFields();
    const date = session.startsAt.slice(0, 10);
    setSaving(true);
    try {
      await saveStops(
        session.id,
        (stops ?? []).map((s, i) => ({
          seq: i + 1,
          name: s.name,
          venueId: s.venueId ?? null,
          plannedAt: s.time ? instantAt(date, s.time.hour() * 60 + s.time.minute()) : null,
        })),
      );
      void message.success(t('timetable.stopsSaved'));
    } catch (e) {
      // Server paths are "<index>.<field>"; the form list lives under "stops" and the time field is "time".
      if (e instanceof ApiError && e.details.length) {
        form.setFields(
          e.details.map((d) => {
            const [index, field] = d.field.split('.');
            return { name: ['stops', Number(index), field === 'plannedAt' ? 'time' : (field ?? 'name')], errors: [d.message] };
          }) as Parameters<typeof form.setFields>[0],
        );
      } else void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Divider titlePlacement="start">{t('timetable.field.stops')}</Divider>
      <Form form={form} name="stops" disabled={!editable} size="small">
        <Form.List name="stops">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex', marginBottom: 4 }}>
                  <span style={{ width: 18, color: '#999' }}>{index + 1}</span>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('timetable.stop.name') }]}>
                    <Input placeholder={t('timetable.stop.name')} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'venueId']}>
                    <Select
                      allowClear
                      showSearch
                      optionFilterProp="label"
                      placeholder={t('timetable.stop.venue')}
                      style={{ width: 150 }}
                      options={venues.map((v) => ({ value: v.id, label: v.name }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'time']}>
                    <TimePicker format="HH:mm" minuteStep={5} placeholder={t('timetable.stop.time')} style={{ width: 100 }} />
                  </Form.Item>
                  {editable && <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />}
                </Space>
              ))}
              {editable && (
                <Space>
                  <Button icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                    {t('timetable.stop.add')}
                  </Button>
                  <Button type="primary" ghost loading={saving} onClick={() => void save().catch(() => undefined)}>
                    {t('common.save')}
                  </Button>
                </Space>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </>
  );
}
