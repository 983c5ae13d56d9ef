// 调整学员: move between class and group and set class roles (monitor, group leader, Party-branch contact).
import { useEffect, useState } from 'react';
import { Alert, Checkbox, Form, Modal } from 'antd';
import type { ClassRole, Enrolment, ProgramClass } from '@duibiao/contracts';
import { useLabelOptions, useT } from '../../i18n/index.tsx';
import { applyApiError } from '../../lib/forms.ts';
import { updateEnrolment } from './api.ts';
import { PlacementFields } from './PlacementFields.tsx';

interface Values {
  classId: number | null;
  groupId: number | null;
  roles: ClassRole[];
}

interface Props {
  programId: number;
  enrolment: Enrolment | null;
  classes: ProgramClass[];
  onClose: () => void;
  onSaved: () => void;
}

export function EnrolmentEditModal({ programId, enrolment, classes, onClose, onSaved }: Props) {
  const t = useT();
  const options = useLabelOptions();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!enrolment) return;
    form.resetFields();
    form.setFieldsValue({ classId: enrolment.classId, groupId: enrolment.groupId, roles: enrolment.roles });
  }, [enrolment, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await updateEnrolment(programId, enrolment!.id, { classId: v.classId ?? null, groupId: v.groupId ?? null, roles: v.roles ?? [] });
      onSaved();
    } catch (e) {
      setError(applyApiError(form, e, ['classId', 'groupId', 'roles']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={enrolment !== null}
      title={enrolment ? t('enrolments.editTitle', { name: enrolment.cadre.name }) : ''}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      forceRender
      afterOpenChange={(isOpen) => {
        if (!isOpen) setError(null);
      }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form name="enrolment" form={form} layout="vertical">
        <PlacementFields classes={classes} form={form} />
        <Form.Item label={t('enrolments.roles')} name="roles">
          <Checkbox.Group options={options('classRole')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
