// Phone page /m/certificates: the trainee's own certificates, each with its PDF and verification page.
import { Alert, Button, Card, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { myCertificatePdfUrl, myCertificates } from './api.ts';
import { dateOf } from './format.ts';

export default function MyCertificatesPage() {
  const t = useT();
  const label = useLabel();
  const { data, error, loading } = useRequest((signal) => myCertificates(signal), 'mine');

  if (error && !data) return <Alert type="error" showIcon title={error.message} />;
  if (!data) return <Skeleton active loading={loading} />;
  return (
    <Card size="small" title={t('closeout.my.title')}>
      {data.length === 0 ? (
        <Empty description={t('closeout.my.empty')} />
      ) : (
        <List
          dataSource={data}
          renderItem={(c) => (
            <List.Item>
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space>
                  <SafetyCertificateOutlined style={{ color: '#b0231c' }} />
                  <Typography.Text strong>{c.programName}</Typography.Text>
                </Space>
                <Space wrap size={4}>
                  <Tag>{label('assessment', c.result)}</Tag>
                  <Typography.Text code>{c.serial}</Typography.Text>
                  <Typography.Text type="secondary">{dateOf(c.issuedAt)}</Typography.Text>
                  {c.revokedAt && <Tag color="red">{t('closeout.revoked')}</Tag>}
                </Space>
                <Space>
                  <Button type="primary" size="small" icon={<DownloadOutlined />} href={myCertificatePdfUrl(c.id)} download>
                    {t('closeout.download')}
                  </Button>
                  <Button size="small" href={c.verifyPath}>
                    {t('closeout.verify')}
                  </Button>
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
