// Roster filters: org subtree, ranks, grassroots/young, specialty, age range, free text. Selects apply at once.
import { useEffect, useState } from 'react';
import { Badge, Button, Form, Grid, Input, InputNumber, Select, Space } from 'antd';
import { FilterOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useLabelOptions, useT } from '../../i18n/index.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { activeFilterCount } from './filters.ts';
import type { CadreFilterValues } from './filters.ts';

type YesNo = 'true' | 'false';
interface FormValues extends Omit<CadreFilterValues, 'grassroots' | 'young'> {
  grassroots?: YesNo;
  young?: YesNo;
}

const toForm = (f: CadreFilterValues): FormValues => ({
  ...f,
  grassroots: f.grassroots === undefined ? undefined : f.grassroots ? 'true' : 'false',
  young: f.young === undefined ? undefined : f.young ? 'true' : 'false',
});
const fromForm = (v: FormValues): CadreFilterValues => ({
  ...v,
  rank: v.rank?.length ? v.rank : undefined,
  grassroots: v.grassroots === undefined ? undefined : v.grassroots === 'true',
  young: v.young === undefined ? undefined : v.young === 'true',
  specialty: v.specialty?.trim() || undefined,
  q: v.q?.trim() || undefined,
  ageMin: v.ageMin ?? undefined,
  ageMax: v.ageMax ?? undefined,
});

const APPLY_AT_ONCE = ['orgId', 'rank', 'grassroots', 'young'];

export function CadreFilterBar({ value, onChange }: { value: CadreFilterValues; onChange: (f: CadreFilterValues) => void }) {
  const t = useT();
  const options = useLabelOptions();
  const [form] = Form.useForm<FormValues>();
  const key = JSON.stringify(value);
  // On phones only the text search shows until the user opens the other filters.
  const compact = !(Grid.useBreakpoint().md ?? true);
  const [expanded, setExpanded] = useState(false);
  const hidden = compact && !expanded;
  const otherFilters = activeFilterCount({ ...value, q: undefined });

  // Back/forward or a shared link changed the URL: show those filters.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toForm(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` is the value's identity
  }, [key, form]);

  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];
  const submit = () => onChange(fromForm(form.getFieldsValue()));

  return (
    <Form<FormValues>
      form={form}
      layout="inline"
      className="db-filter-form"
      onFinish={submit}
      onValuesChange={(changed) => {
        if (Object.keys(changed).some((k) => APPLY_AT_ONCE.includes(k))) submit();
      }}
    >
      <Form.Item label={t('filters.org')} name="orgId" hidden={hidden}>
        <OrgTreeSelect allowClear placeholder={t('filters.orgPlaceholder')} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item label={t('cadres.rank')} name="rank" hidden={hidden}>
        <Select
          mode="multiple"
          allowClear
          options={options('rank')}
          placeholder={t('common.all')}
          style={{ minWidth: 180, maxWidth: 360 }}
          maxTagCount="responsive"
        />
      </Form.Item>
      <Form.Item label={t('cadres.grassroots')} name="grassroots" hidden={hidden}>
        <Select allowClear options={yesNo} placeholder={t('common.all')} style={{ width: 100 }} />
      </Form.Item>
      <Form.Item label={t('cadres.young')} name="young" hidden={hidden}>
        <Select allowClear options={yesNo} placeholder={t('common.all')} style={{ width: 100 }} />
      </Form.Item>
      <Form.Item label={t('cadres.specialty')} name="specialty" hidden={hidden}>
        <Input allowClear placeholder={t('cadres.specialtyPlaceholder')} style={{ width: 160 }} maxLength={50} />
      </Form.Item>
      <Form.Item label={t('cadres.age')} hidden={hidden}>
        <Space.Compact>
          <Form.Item name="ageMin" noStyle>
            <InputNumber aria-label={t('cadres.ageMin')} placeholder={t('cadres.ageMin')} min={16} max={80} precision={0} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="ageMax" noStyle>
            <InputNumber aria-label={t('cadres.ageMax')} placeholder={t('cadres.ageMax')} min={16} max={80} precision={0} style={{ width: 90 }} />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
      <Form.Item label={t('common.search')} name="q">
        <Input allowClear placeholder={t('cadres.searchPlaceholder')} style={{ width: 220 }} maxLength={100} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.query')}
          </Button>
          {compact && (
            <Badge count={otherFilters} size="small">
              <Button icon={<FilterOutlined />} aria-expanded={expanded} onClick={() => setExpanded((v) => !v)}>
                {expanded ? t('filters.less') : t('filters.more')}
              </Button>
            </Badge>
          )}
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              form.resetFields();
              onChange({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
