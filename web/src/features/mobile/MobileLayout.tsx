// Phone shell for trainees: a slim top bar (title, notifications, language) and a bottom tab bar with the five
// things a trainee does during a program, plus 实训 while they have a published long placement. Pages scroll between
// the two bars; sized for 360–430 px screens.
import type { ReactNode } from 'react';
import { Outlet, NavLink, useLocation } from 'react-router';
import { BookOutlined, BulbOutlined, CalendarOutlined, EditOutlined, FieldTimeOutlined, ShopOutlined, StarOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/index.tsx';
import { LanguageSwitch } from '../../components/HeaderActions.tsx';
import { NotificationBell } from '../attendance/NotificationBell.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { getMyPlacements } from '../practicum/api.ts';
import { getMyPrograms } from '../placement/api.ts';

const TABS: { to: string; label: MessageKey; icon: ReactNode; end?: boolean }[] = [
  { to: '/m', label: 'mobile.tab.today', icon: <CalendarOutlined />, end: true },
  { to: '/m/leave', label: 'mobile.tab.leave', icon: <FieldTimeOutlined /> },
  { to: '/m/evaluations', label: 'mobile.tab.evaluations', icon: <StarOutlined /> },
  { to: '/m/reflections', label: 'mobile.tab.reflections', icon: <EditOutlined /> },
  { to: '/m/research', label: 'mobile.tab.research', icon: <BulbOutlined /> },
  { to: '/m/hours', label: 'mobile.tab.hours', icon: <BookOutlined /> },
];
const PLACEMENT_TAB: (typeof TABS)[number] = { to: '/m/placement', label: 'practicum.tab', icon: <ShopOutlined /> };

const BAR_HEIGHT = 56;

export function MobileLayout() {
  const t = useT();
  const { pathname } = useLocation();
  // The 实训 tab appears once the trainee has a published placement (or while its page is open).
  // or while they are in a practicum program (to rank its posts before the placement is published).
  const placements = useRequest((signal) => getMyPlacements(signal), 'my-placements-tab');
  const programs = useRequest((signal) => getMyPrograms(signal), 'my-programs-tab');
  const inPracticum = (programs.data ?? []).some((p) => p.type !== 'centralized_class');
  const hasPlacement = (placements.data?.length ?? 0) > 0 || inPracticum || pathname.startsWith(PLACEMENT_TAB.to) || pathname.startsWith('/m/choices');
  const tabs = hasPlacement ? [...TABS.slice(0, 4), PLACEMENT_TAB, ...TABS.slice(4)] : TABS;
  // The check-in page is a destination of its own (opened from a QR code): the tab bar still shows, "today" lit.
  const current = tabs.find((tab) =>
    tab.end ? pathname === tab.to || pathname === '/m/checkin' : pathname.startsWith(tab.to) || (tab === PLACEMENT_TAB && pathname.startsWith('/m/choices')),
  );

  return (
    <div style={{ minHeight: '100dvh', display: 'flex', flexDirection: 'column', background: '#f5f6f8' }}>
      <header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          height: 48,
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          padding: '0 12px',
          background: '#15305f',
          color: '#fff',
        }}
      >
        <span className="db-logo" aria-hidden>
          对
        </span>
        <span style={{ fontWeight: 600, flex: 1, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {current ? t(current.label) : t('app.name')}
        </span>
        <LanguageSwitch dark />
        {/* Right-most, so its popover opens leftwards within a 390 px screen. */}
        <NotificationBell />
      </header>
      <main style={{ flex: 1, padding: 12, paddingBottom: BAR_HEIGHT + 16, minWidth: 0 }}>
        <Outlet />
      </main>
      <nav
        aria-label={t('mobile.title')}
        style={{
          position: 'fixed',
          bottom: 0,
          left: 0,
          right: 0,
          zIndex: 10,
          height: BAR_HEIGHT,
          paddingBottom: 'env(safe-area-inset-bottom)',
          display: 'grid',
          gridTemplateColumns: `repeat(${tabs.length}, 1fr)`,
          background: '#fff',
          borderTop: '1px solid #e8e8e8',
        }}
      >
        {tabs.map((tab) => (
          <NavLink
            key={tab.to}
            to={tab.to}
            end={tab.end ?? false}
            style={() => {
              const active = tab === current;
              return {
                display: 'flex',
                flexDirection: 'column',
                alignItems: 'center',
                justifyContent: 'center',
                gap: 2,
                fontSize: 12,
                color: active ? '#1e5bb8' : 'rgba(0,0,0,0.55)',
                fontWeight: active ? 600 : 400,
                textDecoration: 'none',
              };
            }}
          >
            <span style={{ fontSize: 20, lineHeight: 1 }} aria-hidden>
              {tab.icon}
            </span>
            {t(tab.label)}
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
