// Selected org: its attributes and the write actions (new child, edit, delete) for org:write.
import { Button, Descriptions, Popconfirm, Space, Tag } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { OrgNode } from '@duibiao/contracts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { orgPathNames } from '../../lib/org-tree.ts';

interface Props {
  org: OrgNode;
  nodes: OrgNode[];
  canWrite: boolean;
  onCreateChild: () => void;
  onEdit: () => void;
  onDelete: () => Promise<void>;
}

export function OrgDetail({ org, nodes, canWrite, onCreateChild, onEdit, onDelete }: Props) {
  const t = useT();
  const label = useLabel();
  const childCount = nodes.filter((n) => n.parentId === org.id).length;
  // The top of the caller's own subtree is managed by the level above: it cannot be deleted here.
  const isOwnRoot = !nodes.some((n) => n.id === org.parentId);

  return (
    <>
      <Descriptions
        column={{ xs: 1, sm: 1, md: 2 }}
        bordered
        size="small"
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'name', label: t('orgs.name'), children: org.name, span: 'filled' },
          { key: 'path', label: t('orgs.path'), children: orgPathNames(nodes, org.id).join(' / '), span: 'filled' },
          { key: 'code', label: t('orgs.code'), children: org.code },
          { key: 'level', label: t('orgs.level'), children: label('orgLevel', org.level) },
          { key: 'kind', label: t('orgs.kind'), children: label('orgKind', org.kind) },
          {
            key: 'grassroots',
            label: t('common.grassroots'),
            children: org.isGrassroots ? <Tag color="green">{t('common.yes')}</Tag> : t('common.no'),
          },
          { key: 'cadres', label: t('orgs.cadreCount'), children: t('orgs.cadreCountDetail', { total: org.subtreeCadreCount, own: org.cadreCount }) },
          { key: 'children', label: t('orgs.childCount'), children: childCount },
        ]}
      />
      <Space wrap style={{ marginTop: 16 }}>
        <Link to={`/cadres?orgId=${org.id}`}>
          <Button icon={<TeamOutlined />}>{t('orgs.viewCadres')}</Button>
        </Link>
        {canWrite && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={onCreateChild}>
              {t('orgs.createChild')}
            </Button>
            <Button icon={<EditOutlined />} onClick={onEdit}>
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('orgs.deleteConfirm', { name: org.name })}
              description={t('orgs.deleteHint')}
              onConfirm={() => void onDelete()}
              okButtonProps={{ danger: true }}
            >
              <Button danger icon={<DeleteOutlined />} disabled={isOwnRoot}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </>
        )}
      </Space>
    </>
  );
}
