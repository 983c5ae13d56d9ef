// A drawer holding one form: cancel and save in its header, the server's error above the form, full width on phones.
import type { ReactNode } from 'react';
import { Alert, Button, Drawer, Grid, Space } from 'antd';
import { useT } from '../i18n/index.tsx';

interface Props {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  /** Desktop width in pixels. */
  width: number;
  saving: boolean;
  /** Validates and saves; a rejection is already shown on the form, so it is swallowed here. */
  onSave: () => Promise<unknown>;
  error: string | null;
  /** Runs once the drawer has finished closing (e.g. to clear the error). */
  onAfterClose?: () => void;
  children: ReactNode;
}

export function FormDrawer({ title, open, onClose, width, saving, onSave, error, onAfterClose, children }: Props) {
  const t = useT();
  const isPhone = !(Grid.useBreakpoint().sm ?? true);
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      afterOpenChange={(isOpen) => {
        if (!isOpen) onAfterClose?.();
      }}
      size={isPhone ? '100%' : width}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void onSave().catch(() => undefined)}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {children}
    </Drawer>
  );
}
