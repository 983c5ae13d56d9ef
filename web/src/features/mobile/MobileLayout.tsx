// Phone shell for trainees (placeholder: the attendance feature gives it its tab bar).
import { Outlet } from 'react-router';

export function MobileLayout() {
  return <Outlet />;
}
