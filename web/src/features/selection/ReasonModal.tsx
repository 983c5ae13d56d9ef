// Asks for a reason before a decision or a withdrawal; the reason is required where the server requires it.
import { useState } from 'react';
import { Input, Modal, Typography } from 'antd';
import { useT } from '../../i18n/index.tsx';

export interface ReasonRequest {
  title: string;
  required: boolean;
  run: (reason: string) => Promise<void>;
}

export function ReasonModal({ request, onClose }: { request: ReasonRequest | null; onClose: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const missing = request?.required === true && reason.trim() === '';
  const submit = async () => {
    if (!request) return;
    setBusy(true);
    try {
      await request.run(reason.trim());
      setReason('');
      onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={request !== null}
      title={request?.title}
      okText={request?.title}
      okButtonProps={{ disabled: missing, loading: busy }}
      onCancel={() => {
        setReason('');
        onClose();
      }}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Input.TextArea
        aria-label={t('selection.reason')}
        placeholder={t('selection.reason')}
        rows={3}
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      {request?.required && <Typography.Text type="secondary">{t('selection.reasonRequired')}</Typography.Text>}
    </Modal>
  );
}
