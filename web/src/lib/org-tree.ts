// Build nested trees from the flat org list (parents before children) for Tree and TreeSelect.
import type { OrgNode } from '@duibiao/contracts';

export interface OrgTreeNode {
  org: OrgNode;
  children: OrgTreeNode[];
}

/** Nest the flat list; nodes whose parent is outside the caller's subtree become roots. */
export function buildOrgTree(nodes: readonly OrgNode[]): OrgTreeNode[] {
  const byId = new Map<number, OrgTreeNode>();
  const roots: OrgTreeNode[] = [];
  for (const org of nodes) byId.set(org.id, { org, children: [] });
  for (const org of nodes) {
    const node = byId.get(org.id)!;
    const parent = org.parentId === null ? undefined : byId.get(org.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Names from the root down to the node (inclusive), using only nodes the caller can see. */
export function orgPathNames(nodes: readonly OrgNode[], id: number): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const names: string[] = [];
  let current = byId.get(id);
  while (current) {
    names.unshift(current.name);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return names;
}

/** Ids of the node and all its ancestors that are visible. */
export function ancestorIds(nodes: readonly OrgNode[], id: number): number[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const ids: number[] = [];
  let current = byId.get(id);
  while (current) {
    ids.push(current.id);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return ids;
}

export interface OrgSelectOption {
  value: number;
  title: string;
  children: OrgSelectOption[];
}

/** TreeSelect data. */
export function toSelectTree(tree: readonly OrgTreeNode[]): OrgSelectOption[] {
  return tree.map((n) => ({ value: n.org.id, title: n.org.name, children: toSelectTree(n.children) }));
}

/** Initially open: the visible roots and their children (two levels of the tree showing). */
export function defaultExpandedIds(nodes: readonly OrgNode[]): number[] {
  const visible = new Set(nodes.map((n) => n.id));
  const roots = new Set(nodes.filter((n) => n.parentId === null || !visible.has(n.parentId)).map((n) => n.id));
  return nodes.filter((n) => roots.has(n.id) || (n.parentId !== null && roots.has(n.parentId))).map((n) => n.id);
}
