// Centered spinner while a page or the session loads.
import { Spin } from 'antd';

export function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: fullScreen ? '100vh' : 240 }}>
      <Spin size="large" />
    </div>
  );
}
