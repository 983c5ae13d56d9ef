// 添加学员: search the cadre registry (the caller's scope), pick several, optionally place them in a class/group.
import { useEffect, useRef, useState } from 'react';
import { Alert, Form, Modal, Select, Spin, Typography } from 'antd';
import type { ProgramClass } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';
import { applyApiError } from '../../lib/forms.ts';
import { listCadres } from '../cadres/api.ts';
import { addEnrolments } from './api.ts';
import { PlacementFields } from './PlacementFields.tsx';

interface Values {
  cadreIds: number[];
  classId?: number | null;
  groupId?: number | null;
}

interface Props {
  programId: number;
  open: boolean;
  classes: ProgramClass[];
  onClose: () => void;
  onAdded: (n: number) => void;
}

export function AddTraineesModal({ programId, open, classes, onClose, onAdded }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [searching, setSearching] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
  }, [open, form]);

  const search = (q: string) => {
    pending.current?.abort();
    if (!q.trim()) return;
    const controller = new AbortController();
    pending.current = controller;
    setSearching(true);
    listCadres({ q, pageSize: 30 }, controller.signal)
      .then((page) => {
        // Keep chosen cadres as options so their labels stay visible.
        const chosen = new Set<number>((form.getFieldValue('cadreIds') as number[] | undefined) ?? []);
        setOptions((prev) => [
          ...prev.filter((o) => chosen.has(o.value)),
          ...page.items
            .filter((c) => !chosen.has(c.id))
            .map((c) => ({ value: c.id, label: `${c.name} · ${c.org.name}${c.position ? ` · ${c.position}` : ''}` })),
        ]);
      })
      .catch(() => undefined)
      .finally(() => {
        if (!controller.signal.aborted) setSearching(false);
      });
  };

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const added = await addEnrolments(programId, { cadreIds: v.cadreIds, classId: v.classId ?? null, groupId: v.groupId ?? null });
      onAdded(added.length);
    } catch (e) {
      setError(applyApiError(form, e, ['classId', 'groupId']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('enrolments.add')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      width={640}
      forceRender
      afterOpenChange={(isOpen) => {
        if (isOpen) return;
        setError(null);
        setOptions([]);
      }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form name="addTrainees" form={form} layout="vertical">
        <Form.Item label={t('enrolments.cadres')} name="cadreIds" rules={[{ required: true, message: t('enrolments.cadresRequired') }]}>
          <Select
            mode="multiple"
            showSearch
            filterOption={false}
            onSearch={search}
            options={options}
            placeholder={t('enrolments.searchCadre')}
            notFoundContent={searching ? <Spin size="small" /> : null}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('enrolments.placeHint')}
        </Typography.Paragraph>
        <PlacementFields classes={classes} form={form} />
      </Form>
    </Modal>
  );
}
