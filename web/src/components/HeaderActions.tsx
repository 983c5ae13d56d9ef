// Right side of the header: who is signed in, language switch, account menu (change password, sign out).
import { useState } from 'react';
import { Avatar, Dropdown, Segmented, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useLabel, useLang, useT } from '../i18n/index.tsx';
import type { Lang } from '../i18n/index.tsx';
import { logout, useMe } from '../features/auth/session.ts';
import { ChangePasswordModal } from '../features/auth/ChangePasswordModal.tsx';
import { NotificationBell } from '../features/attendance/NotificationBell.tsx';

export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { lang, setLang } = useLang();
  const t = useT();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('header.language')}
      value={lang}
      onChange={setLang}
      options={[
        { value: 'zh', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
      className={dark ? 'db-lang-dark' : undefined}
    />
  );
}

export function HeaderActions({ compact }: { compact: boolean }) {
  const t = useT();
  const label = useLabel();
  const me = useMe();
  const navigate = useNavigate();
  const [passwordOpen, setPasswordOpen] = useState(false);

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div style={{ lineHeight: 1.5 }}>
          <div style={{ fontWeight: 600, color: 'rgba(0,0,0,0.88)' }}>{me.displayName}</div>
          <div>{label('role', me.role)}</div>
          <div>{me.org.name}</div>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout') },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setPasswordOpen(true);
    if (key === 'logout') void logout().finally(() => navigate('/login', { replace: true }));
  };

  return (
    <Space size={compact ? 8 : 16} style={{ flex: 'none' }}>
      <LanguageSwitch dark />
      <NotificationBell />
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <button
          type="button"
          aria-label={t('header.account')}
          style={{ all: 'unset', cursor: 'pointer', display: 'flex', alignItems: 'center', gap: 8, color: '#fff' }}
        >
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#c0262d' }} />
          {!compact && (
            <span style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.3 }}>
              <span>{me.displayName}</span>
              <Typography.Text style={{ color: 'rgba(255,255,255,0.7)', fontSize: 12 }}>
                {label('role', me.role)} · {me.org.name}
              </Typography.Text>
            </span>
          )}
          <DownOutlined style={{ fontSize: 10 }} />
        </button>
      </Dropdown>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Space>
  );
}
