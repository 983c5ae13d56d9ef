// Merge 2+ items into one: keep the title of one of them (that item survives) or write a new title (a new item).
import { useState } from 'react';
import { Alert, Input, Modal, Radio, Space } from 'antd';
import { useT } from '../../i18n/index.tsx';
import { mergeKeyProblems } from './api.ts';

const NEW = -1;

export function MergeModal({
  programId,
  members,
  onClose,
  onDone,
}: {
  programId: number;
  members: { id: number; title: string }[];
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const [survivor, setSurvivor] = useState<number>(members[0]?.id ?? NEW);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const ids = members.map((m) => m.id);
      await mergeKeyProblems(programId, survivor === NEW ? { ids, title } : { ids, survivorId: survivor });
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('problems.m.title', { n: members.length })}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={t('problems.m.ok')}
      width={640}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <p>{t('problems.m.hint')}</p>
      <Radio.Group value={survivor} onChange={(e) => setSurvivor(e.target.value as number)}>
        <Space direction="vertical">
          {members.map((m) => (
            <Radio key={m.id} value={m.id}>
              {m.title}
            </Radio>
          ))}
          <Radio value={NEW}>
            <Space>
              {t('problems.m.new')}
              <Input style={{ width: 360 }} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} onFocus={() => setSurvivor(NEW)} />
            </Space>
          </Radio>
        </Space>
      </Radio.Group>
    </Modal>
  );
}
