// Work-experience rows inside the cadre form: start, end (empty = current), unit, position.
import { Button, Card, DatePicker, Form, Input, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/index.tsx';

export function ExperienceFields() {
  const t = useT();
  return (
    <Form.List name="experiences">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map(({ key, name }) => (
            <Card
              key={key}
              size="small"
              title={t('cadres.experienceN', { n: name + 1 })}
              extra={<Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(name)} />}
            >
              <Space wrap style={{ width: '100%' }}>
                <Form.Item label={t('cadres.startDate')} name={[name, 'startDate']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                  <DatePicker picker="date" />
                </Form.Item>
                <Form.Item label={t('cadres.endDate')} name={[name, 'endDate']} style={{ marginBottom: 8 }}>
                  <DatePicker picker="date" placeholder={t('cadres.untilNow')} />
                </Form.Item>
              </Space>
              <Form.Item label={t('cadres.expUnit')} name={[name, 'unitName']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item label={t('cadres.expPosition')} name={[name, 'position']} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                <Input maxLength={100} />
              </Form.Item>
            </Card>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ startDate: null, endDate: null, unitName: '', position: '' })}>
            {t('cadres.addExperience')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
