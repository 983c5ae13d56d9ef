// /landing — the owner unit's landing tracker (landing:write): recommendations owned by units in the caller's subtree
// (whatever program they came from) and those of programs organised there; filters, the ledger export and the same
// drawer as the program tab.
import { useState } from 'react';
import { Alert, Button, Checkbox, Select, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { RECOMMENDATION_STATUSES } from '@duibiao/contracts';
import type { RecommendationStatus } from '@duibiao/contracts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { getLanding, landingLedgerUrl } from './api.ts';
import { RecommendationDrawer } from './RecommendationDrawer.tsx';
import { RecommendationTable } from './RecommendationTable.tsx';

const PAGE_SIZE = 20;

export default function LandingPage() {
  const t = useT();
  const label = useLabel();
  const [status, setStatus] = useState<RecommendationStatus | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const query = { status, overdue: overdue ? 'true' : undefined };
  const { data, error, loading, reload } = useRequest(
    (signal) => getLanding({ ...query, page, pageSize: PAGE_SIZE }, signal),
    `${status ?? ''}|${overdue}|${page}`,
  );

  return (
    <div>
      <PageHeader
        title={t('results.landingTitle')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={landingLedgerUrl({ ...query, format: 'xlsx' })}>
              {t('results.exportXlsx')}
            </Button>
            <Button icon={<DownloadOutlined />} href={landingLedgerUrl({ ...query, format: 'docx' })}>
              {t('results.exportDocx')}
            </Button>
          </>
        }
      />
      <Typography.Paragraph type="secondary">{t('results.landingHint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<RecommendationStatus>
          allowClear
          placeholder={t('results.allStatuses')}
          style={{ width: 160 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={RECOMMENDATION_STATUSES.map((s) => ({ value: s, label: label('recommendationStatus', s) }))}
        />
        <Checkbox
          checked={overdue}
          onChange={(e) => {
            setOverdue(e.target.checked);
            setPage(1);
          }}
        >
          {t('results.overdueOnly')}
        </Checkbox>
      </Space>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <RecommendationTable
        rows={data?.items ?? []}
        loading={loading}
        showProgram
        onOpen={setOpenId}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false }}
      />
      <RecommendationDrawer id={openId} onClose={() => setOpenId(null)} onChanged={reload} />
    </div>
  );
}
