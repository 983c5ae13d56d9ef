// Side navigation: live modules filtered by permission, later modules disabled with a tooltip.
import type { ReactNode } from 'react';
import { Menu, Tooltip } from 'antd';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BulbOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FormOutlined,
  FunnelPlotOutlined,
  ReadOutlined,
  StarOutlined,
  TeamOutlined,
  UserOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import type { Permission, Role } from '@duibiao/contracts';
import { useT } from '../i18n/index.tsx';
import type { MessageKey } from '../i18n/index.tsx';
import { useCan, useMe } from '../features/auth/session.ts';

interface LiveItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission?: Permission;
  /** Only for these roles (admins hold every permission but have no host unit of their own). */
  roles?: Role[];
}

const LIVE: LiveItem[] = [
  { path: '/', label: 'nav.dashboard', icon: <DashboardOutlined /> },
  { path: '/orgs', label: 'nav.orgs', icon: <ApartmentOutlined />, permission: 'org:read' },
  { path: '/users', label: 'nav.users', icon: <UserOutlined />, permission: 'user:read' },
  { path: '/cadres', label: 'nav.cadres', icon: <TeamOutlined />, permission: 'cadre:read' },
  { path: '/programs', label: 'nav.programs', icon: <ReadOutlined />, permission: 'program:read' },
  { path: '/nominations', label: 'nav.selection', icon: <UsergroupAddOutlined />, permission: 'nomination:write' },
  { path: '/host-units', label: 'nav.placements', icon: <BankOutlined />, permission: 'program:write' },
  { path: '/host', label: 'nav.hostCadres', icon: <BankOutlined />, permission: 'placement:host', roles: ['host_contact'] },
  { path: '/topics', label: 'nav.topics', icon: <FileSearchOutlined />, permission: 'program:read' },
  { path: '/expert', label: 'nav.expertTopics', icon: <FileSearchOutlined />, roles: ['external_expert'] },
  { path: '/landing', label: 'nav.landing', icon: <FlagOutlined />, permission: 'landing:write' },
  { path: '/trace', label: 'nav.trace', icon: <FunnelPlotOutlined />, permission: 'program:read' },
  { path: '/hours', label: 'nav.hours', icon: <FieldTimeOutlined />, permission: 'hours:read' },
  { path: '/practices', label: 'nav.practices', icon: <StarOutlined />, permission: 'program:read' },
  { path: '/questionnaires', label: 'nav.questionnaires', icon: <FormOutlined />, permission: 'program:read' },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit:read' },
];

const COMING: { key: string; label: MessageKey; icon: ReactNode }[] = [{ key: 'consultation', label: 'nav.consultation', icon: <BulbOutlined /> }];

/** Menu key of the current location: the longest live path that prefixes it. */
function selectedKey(pathname: string): string {
  const match = LIVE.filter((i) => i.path !== '/' && (pathname === i.path || pathname.startsWith(`${i.path}/`)));
  return match[0]?.path ?? (pathname === '/' ? '/' : '');
}

export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const can = useCan();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const items: MenuProps['items'] = [
    ...LIVE.filter((i) => (!i.permission || can(i.permission)) && (!i.roles || i.roles.includes(me.role))).map((i) => ({
      key: i.path,
      icon: i.icon,
      label: t(i.label),
    })),
    { type: 'divider' as const },
    {
      type: 'group' as const,
      key: 'coming',
      label: t('nav.comingGroup'),
      children: COMING.map((i) => ({
        key: i.key,
        icon: i.icon,
        disabled: true,
        label: (
          <Tooltip title={t('nav.comingSoon')} placement="right">
            <span>{t(i.label)}</span>
          </Tooltip>
        ),
      })),
    },
  ];

  return (
    <Menu
      mode="inline"
      selectedKeys={[selectedKey(pathname)]}
      items={items}
      onClick={({ key }) => {
        if (!key.startsWith('/')) return;
        void navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
