// Lifecycle buttons: forward one stage with a confirmation, or back one stage with a reason (audited).
import { useState } from 'react';
import { Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { ArrowLeftOutlined, ArrowRightOutlined } from '@ant-design/icons';
import { PROGRAM_STATUSES } from '@duibiao/contracts';
import type { ProgramDetail, ProgramStatus } from '@duibiao/contracts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { changeProgramStatus } from './api.ts';
import { useAction } from '../../hooks/useAction.ts';

export function LifecycleActions({ program, onChanged }: { program: ProgramDetail; onChanged: (p: ProgramDetail) => void }) {
  const t = useT();
  const label = useLabel();
  const act = useAction();
  const [reverting, setReverting] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const index = PROGRAM_STATUSES.indexOf(program.status);
  const next: ProgramStatus | undefined = PROGRAM_STATUSES[index + 1];
  const previous: ProgramStatus | undefined = index > 0 ? PROGRAM_STATUSES[index - 1] : undefined;

  const move = (status: ProgramStatus, reason?: string) =>
    act(async () => onChanged(await changeProgramStatus(program.id, status, reason)), t('programs.statusChanged', { status: label('programStatus', status) }));

  return (
    <Space wrap>
      {previous && (
        <Button icon={<ArrowLeftOutlined />} onClick={() => setReverting(true)}>
          {t('programs.revert', { status: label('programStatus', previous) })}
        </Button>
      )}
      {next && (
        <Popconfirm title={t('programs.advanceConfirm', { status: label('programStatus', next) })} onConfirm={() => void move(next)}>
          <Button type="primary" icon={<ArrowRightOutlined />} iconPlacement="end">
            {t('programs.advance', { status: label('programStatus', next) })}
          </Button>
        </Popconfirm>
      )}
      {previous && (
        <Modal
          open={reverting}
          title={t('programs.revertTitle', { status: label('programStatus', previous) })}
          onCancel={() => setReverting(false)}
          destroyOnHidden
          onOk={() =>
            void form.validateFields().then(async ({ reason }) => {
              if (await move(previous, reason)) {
                setReverting(false);
                form.resetFields();
              }
            })
          }
        >
          <Form name="revertStatus" form={form} layout="vertical" preserve={false}>
            <Form.Item
              label={t('programs.revertReason')}
              name="reason"
              rules={[{ required: true, whitespace: true, message: t('programs.revertReasonRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </Space>
  );
}
