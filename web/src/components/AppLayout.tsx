// Signed-in shell: header (brand, user, language, account menu), side menu (a Drawer on phones), content.
import { useState } from 'react';
import { Button, Drawer, Grid, Layout } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Link, Outlet } from 'react-router';
import { useT } from '../i18n/index.tsx';
import { NavMenu } from './NavMenu.tsx';
import { HeaderActions } from './HeaderActions.tsx';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const isDesktop = screens.md ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout style={{ flex: 1 }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          padding: isDesktop ? '0 24px' : '0 12px',
          background: '#15305f',
          position: 'sticky',
          top: 0,
          zIndex: 100,
        }}
      >
        {!isDesktop && (
          <Button
            type="text"
            aria-label={t('nav.openMenu')}
            icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Link to="/" className="db-header-brand">
          <span className="db-logo" aria-hidden>
            对
          </span>
          <span>{isDesktop ? t('app.fullName') : t('app.name')}</span>
        </Link>
        <div style={{ flex: 1 }} />
        <HeaderActions compact={!isDesktop} />
      </Header>
      <Layout>
        {isDesktop ? (
          <Sider width={208} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
            <nav aria-label={t('nav.main')}>
              <NavMenu />
            </nav>
          </Sider>
        ) : (
          <Drawer placement="left" size={248} open={drawerOpen} onClose={() => setDrawerOpen(false)} title={t('app.name')} styles={{ body: { padding: 0 } }}>
            <nav aria-label={t('nav.main')}>
              <NavMenu onNavigate={() => setDrawerOpen(false)} />
            </nav>
          </Drawer>
        )}
        <Content style={{ padding: isDesktop ? 24 : 12, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
