// Searchable org tree: level/kind/grassroots tags and cadre count on each node.
import { useMemo, useState } from 'react';
import { Empty, Input, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import type { OrgNode } from '@duibiao/contracts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { ancestorIds, buildOrgTree, defaultExpandedIds } from '../../lib/org-tree.ts';
import type { OrgTreeNode } from '../../lib/org-tree.ts';

interface Props {
  nodes: OrgNode[];
  selectedId: number | null;
  onSelect: (id: number) => void;
}

const LEVEL_COLORS = { province: 'magenta', city: 'geekblue', district: 'blue', township: 'cyan', village: 'green' } as const;

export function OrgTreePanel({ nodes, selectedId, onSelect }: Props) {
  const t = useT();
  const label = useLabel();
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<number[] | null>(null);

  const { treeData, visibleIds } = useMemo(() => {
    const q = search.trim().toLowerCase();
    let visible: Set<number> | null = null;
    if (q) {
      visible = new Set<number>();
      for (const n of nodes) {
        if (n.name.toLowerCase().includes(q) || n.code.toLowerCase().includes(q)) for (const id of ancestorIds(nodes, n.id)) visible.add(id);
      }
    }
    const toData = (list: OrgTreeNode[]): TreeDataNode[] =>
      list
        .filter((n) => !visible || visible.has(n.org.id))
        .map((n) => ({
          key: n.org.id,
          title: (
            <span style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: 4 }}>
              <span>{n.org.name}</span>
              <Tag color={LEVEL_COLORS[n.org.level]} style={{ marginInlineEnd: 0 }}>
                {label('orgLevel', n.org.level)}
              </Tag>
              {n.org.kind !== 'region' && n.org.kind !== n.org.level && <Tag style={{ marginInlineEnd: 0 }}>{label('orgKind', n.org.kind)}</Tag>}
              {n.org.isGrassroots && (
                <Tag color="green" style={{ marginInlineEnd: 0 }}>
                  {t('common.grassroots')}
                </Tag>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('orgs.cadreCountShort', { n: n.org.subtreeCadreCount })}
              </Typography.Text>
            </span>
          ),
          children: toData(n.children),
        }));
    return { treeData: toData(buildOrgTree(nodes)), visibleIds: visible };
  }, [nodes, search, label, t]);

  // Default: roots and their children open; the selected node's ancestors always open (e.g. after creating it);
  // while searching, everything that matches is open.
  const defaultExpanded = useMemo(() => defaultExpandedIds(nodes), [nodes]);
  const expandedKeys = useMemo(() => {
    if (visibleIds) return [...visibleIds];
    const open = new Set(expanded ?? defaultExpanded);
    if (selectedId !== null) for (const id of ancestorIds(nodes, selectedId).slice(1)) open.add(id);
    return [...open];
  }, [visibleIds, expanded, defaultExpanded, selectedId, nodes]);

  return (
    <>
      <Input.Search
        placeholder={t('orgs.searchPlaceholder')}
        aria-label={t('orgs.search')}
        allowClear
        onChange={(e) => setSearch(e.target.value)}
        style={{ marginBottom: 12 }}
      />
      {treeData.length === 0 ? (
        <Empty description={t('common.noData')} />
      ) : (
        <Tree
          blockNode
          showLine
          treeData={treeData}
          expandedKeys={expandedKeys}
          onExpand={(keys) => setExpanded(keys.map(Number))}
          selectedKeys={selectedId === null ? [] : [selectedId]}
          onSelect={(keys) => {
            const key = keys[0];
            if (key !== undefined) onSelect(Number(key));
          }}
          style={{ overflowX: 'auto' }}
        />
      )}
    </>
  );
}
