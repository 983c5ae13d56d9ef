// 组织机构: tree on the left, details and actions of the selected node on the right.
import { useState } from 'react';
import { Alert, App, Card, Col, Empty, Row, Spin } from 'antd';
import { useT } from '../../i18n/index.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { refreshOrgTree, useOrgTree } from '../../hooks/useOrgTree.ts';
import { ApiError } from '../../api/client.ts';
import { useCan } from '../auth/session.ts';
import { OrgTreePanel } from './OrgTreePanel.tsx';
import { OrgDetail } from './OrgDetail.tsx';
import { OrgFormModal } from './OrgFormModal.tsx';
import type { OrgFormTarget } from './OrgFormModal.tsx';
import { deleteOrg } from './api.ts';

export default function OrgsPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const { nodes, loading, error } = useOrgTree();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [formTarget, setFormTarget] = useState<OrgFormTarget | null>(null);

  const selected = nodes.find((n) => n.id === (selectedId ?? nodes[0]?.id)) ?? null;

  const onDelete = async () => {
    if (!selected) return;
    try {
      await deleteOrg(selected.id);
      void message.success(t('common.deleted'));
      setSelectedId(selected.parentId);
      await refreshOrgTree();
    } catch (e) {
      void message.error(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <PageHeader title={t('nav.orgs')} />
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={11} xl={9}>
          <Card title={t('orgs.tree')} styles={{ body: { maxHeight: 'calc(100vh - 220px)', minHeight: 200, overflow: 'auto' } }}>
            <Spin spinning={loading}>
              <OrgTreePanel nodes={nodes} selectedId={selected?.id ?? null} onSelect={setSelectedId} />
            </Spin>
          </Card>
        </Col>
        <Col xs={24} md={13} xl={15}>
          <Card title={selected?.name ?? t('orgs.detail')}>
            {selected ? (
              <OrgDetail
                org={selected}
                nodes={nodes}
                canWrite={can('org:write')}
                onCreateChild={() => setFormTarget({ mode: 'create', parent: selected })}
                onEdit={() => setFormTarget({ mode: 'edit', org: selected })}
                onDelete={onDelete}
              />
            ) : (
              <Empty description={t('orgs.selectHint')} />
            )}
          </Card>
        </Col>
      </Row>
      <OrgFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={(org) => {
          setFormTarget(null);
          setSelectedId(org.id);
          void refreshOrgTree();
        }}
      />
    </>
  );
}
