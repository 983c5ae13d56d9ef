// Class → group pickers that stay consistent: choosing a class narrows the groups; a group belongs to one class.
import { Col, Form, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import type { ProgramClass } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';

export function PlacementFields({ classes, form }: { classes: ProgramClass[]; form: FormInstance }) {
  const t = useT();
  const classId = Form.useWatch<number | null | undefined>('classId', form);
  const groups = classes.find((c) => c.id === classId)?.groups ?? [];
  return (
    <Row gutter={16}>
      <Col xs={24} sm={12}>
        <Form.Item label={t('enrolments.class')} name="classId">
          <Select
            allowClear
            options={classes.map((c) => ({ value: c.id, label: `${c.name}（${t('classes.enrolled', { n: c.enrolledCount, capacity: c.capacity })}）` }))}
            onChange={() => form.setFieldValue('groupId', null)}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label={t('enrolments.group')} name="groupId">
          <Select allowClear disabled={!classId} options={groups.map((g) => ({ value: g.id, label: g.name }))} />
        </Form.Item>
      </Col>
    </Row>
  );
}
