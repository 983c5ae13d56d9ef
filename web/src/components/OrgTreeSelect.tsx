// Org picker over the caller's subtree (choosing a node means "this unit and everything below" in filters).
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { TreeSelectProps } from 'antd';
import { useOrgTree } from '../hooks/useOrgTree.ts';
import { buildOrgTree, defaultExpandedIds, toSelectTree } from '../lib/org-tree.ts';

type Props = Omit<TreeSelectProps<number>, 'treeData'>;

export function OrgTreeSelect(props: Props) {
  const { nodes, loading } = useOrgTree();
  const treeData = useMemo(() => toSelectTree(buildOrgTree(nodes)), [nodes]);
  const defaultExpanded = useMemo(() => defaultExpandedIds(nodes), [nodes]);
  return (
    <TreeSelect<number>
      showSearch
      treeNodeFilterProp="title"
      treeData={treeData}
      loading={loading}
      treeDefaultExpandedKeys={defaultExpanded}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto', minWidth: 260 } } }}
      {...props}
    />
  );
}
