// 管理制度: the program's rules documents — upload (writers), download (everyone who can read), delete.
import { Button, Card, Empty, List, Popconfirm, Typography, Upload } from 'antd';
import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT } from '../../i18n/index.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { attachmentUrl, deleteAttachment, listAttachments, uploadAttachment } from './api.ts';
import { fileSize } from './format.ts';
import { useAction } from '../../hooks/useAction.ts';

const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png';

export function AttachmentsCard({ programId, canWrite }: { programId: number; canWrite: boolean }) {
  const t = useT();
  const act = useAction();
  const { data, loading, reload } = useRequest((signal) => listAttachments(programId, signal), programId);

  return (
    <Card
      size="small"
      title={t('programs.attachments')}
      extra={
        canWrite && (
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            customRequest={({ file }) => {
              const f = file as File;
              void act(() => uploadAttachment(programId, f), t('programs.uploaded', { name: f.name })).then(reload);
            }}
          >
            <Button size="small" icon={<UploadOutlined />}>
              {t('programs.upload')}
            </Button>
          </Upload>
        )
      }
    >
      {canWrite && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('programs.attachmentsHint')}
        </Typography.Paragraph>
      )}
      <List
        loading={loading}
        dataSource={data}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('programs.noAttachments')} /> }}
        renderItem={(a) => (
          <List.Item
            actions={
              canWrite
                ? [
                    <Popconfirm
                      key="del"
                      title={t('programs.deleteAttachmentConfirm', { name: a.fileName })}
                      onConfirm={() => void act(() => deleteAttachment(programId, a.id), t('common.deleted')).then(reload)}
                    >
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              avatar={<FileOutlined />}
              title={<a href={attachmentUrl(programId, a.id)}>{a.fileName}</a>}
              description={`${fileSize(a.sizeBytes)} · ${a.uploadedBy ?? ''} · ${dayjs(a.createdAt).format('YYYY-MM-DD')}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
