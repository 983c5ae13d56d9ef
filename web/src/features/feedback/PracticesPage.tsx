// /practices — the good-practice library (经验做法库): Chinese full-text search, field and city filters, result
// cards with the hits highlighted, and a create/edit drawer for curators.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Input, Pagination, Popconfirm, Row, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Practice, PracticeHit } from '@duibiao/contracts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { readInt, readStr, useQueryParams } from '../../hooks/useQueryParams.ts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { useCan } from '../auth/session.ts';
import { deletePractice, getPracticeFacets, searchPractices } from './api.ts';
import { Highlighted } from './Highlighted.tsx';
import { PracticeFormDrawer } from './PracticeFormDrawer.tsx';

const PAGE_SIZE = 12;

function PracticeCard({ hit, onEdit, onDelete }: { hit: PracticeHit; onEdit: () => void; onDelete: () => void }) {
  const t = useT();
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      title={
        <span style={{ whiteSpace: 'normal' }}>
          <Highlighted segments={hit.highlight.title} />
        </span>
      }
      extra={
        hit.canEdit && (
          <Space size={0}>
            <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={onEdit} />
            <Popconfirm title={t('practices.deleteConfirm')} onConfirm={onDelete}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          </Space>
        )
      }
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Highlighted segments={hit.highlight.snippet} />
      </Typography.Paragraph>
      <Space wrap size={[4, 4]}>
        {hit.fields.map((f) => (
          <Tag key={f} color="blue">
            {f}
          </Tag>
        ))}
        {hit.sourceCity && <Tag color="gold">{hit.sourceCity}</Tag>}
      </Space>
      <div style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hit.org.name}
          {hit.program ? ` · ${hit.program.name}` : ''}
          {hit.reflectionId ? ` · ${t('practices.fromReflection')}` : ''}
        </Typography.Text>
      </div>
    </Card>
  );
}

export default function PracticesPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const { params, update } = useQueryParams();
  const q = readStr(params, 'q') ?? '';
  const field = readStr(params, 'field');
  const city = readStr(params, 'city');
  const page = readInt(params, 'page') ?? 1;
  const [text, setText] = useState(q);
  const [editing, setEditing] = useState<Practice | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const query = { q, field, city, page, pageSize: PAGE_SIZE };
  const result = useRequest((signal) => searchPractices(query, signal), JSON.stringify(query));
  const facets = useRequest((signal) => getPracticeFacets(signal), 'facets');

  const refresh = () => {
    result.reload();
    facets.reload();
  };
  const remove = async (id: number) => {
    try {
      await deletePractice(id);
      void message.success(t('common.deleted'));
      refresh();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const data = result.data;
  return (
    <>
      <PageHeader
        title={t('practices.title')}
        extra={
          can('practice:write') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setEditing(null);
                setDrawerOpen(true);
              }}
            >
              {t('practices.create')}
            </Button>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          <Input.Search
            allowClear
            enterButton
            style={{ flex: '1 1 260px', maxWidth: 420 }}
            placeholder={t('practices.search')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(value) => update({ q: value.trim() || undefined })}
          />
          <Select
            allowClear
            style={{ flex: '1 1 150px', maxWidth: 200 }}
            placeholder={t('practices.field')}
            value={field}
            options={(facets.data?.fields ?? []).map((f) => ({ value: f.value, label: `${f.value}（${f.count}）` }))}
            onChange={(v?: string) => update({ field: v })}
          />
          <Select
            allowClear
            style={{ flex: '1 1 150px', maxWidth: 200 }}
            placeholder={t('practices.city')}
            value={city}
            options={(facets.data?.cities ?? []).map((c) => ({ value: c.value, label: `${c.value}（${c.count}）` }))}
            onChange={(v?: string) => update({ city: v })}
          />
        </div>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {t('practices.searchNote')}
        </Typography.Paragraph>
      </Card>
      {result.error && <Alert type="error" showIcon title={result.error.message} style={{ marginBottom: 16 }} />}
      {data && (
        <Typography.Paragraph type="secondary">
          {t('practices.results', { n: data.total })}
          {data.terms.length > 0 ? ` · ${t('practices.terms', { terms: data.terms.join(' + ') })}` : ''}
        </Typography.Paragraph>
      )}
      {data && data.items.length === 0 ? (
        <Empty description={t('practices.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          {(data?.items ?? []).map((hit) => (
            <Col key={hit.id} xs={24} md={12} xl={8}>
              <PracticeCard
                hit={hit}
                onEdit={() => {
                  setEditing(hit);
                  setDrawerOpen(true);
                }}
                onDelete={() => void remove(hit.id)}
              />
            </Col>
          ))}
        </Row>
      )}
      {data && data.total > PAGE_SIZE && (
        <Pagination
          style={{ marginTop: 16, textAlign: 'right' }}
          current={page}
          pageSize={PAGE_SIZE}
          total={data.total}
          showSizeChanger={false}
          onChange={(p) => update({ page: p })}
        />
      )}
      <PracticeFormDrawer
        open={drawerOpen}
        practice={editing}
        fieldOptions={(facets.data?.fields ?? []).map((f) => f.value)}
        cityOptions={(facets.data?.cities ?? []).map((c) => c.value)}
        onClose={() => setDrawerOpen(false)}
        onSaved={() => {
          setDrawerOpen(false);
          refresh();
        }}
      />
    </>
  );
}
