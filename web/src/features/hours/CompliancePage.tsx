// /hours — 学时达标情况: filters, headline figures, three charts and the per-cadre table with an xlsx export.
import { useMemo } from 'react';
import { Alert, Button, Card, Col, DatePicker, Empty, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { RANKS, type ComplianceRow, type Rank, type RuleRef } from '@duibiao/contracts';
import { EChart } from '../../components/EChart.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { readEnum, readInt, useQueryParams } from '../../hooks/useQueryParams.ts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useLang, useT } from '../../i18n/index.tsx';
import { complianceExportUrl, getCompliance, getComplianceSummary } from './api.ts';
import { compliancePieOption, hoursHistogramOption, unitRateOption } from './charts.ts';
import { fmtHours, pct } from './format.ts';
import { HoursHeader } from './HoursNav.tsx';

const thisYear = () => Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

export default function CompliancePage() {
  const t = useT();
  const label = useLabel();
  const { lang } = useLang();
  const { params, update } = useQueryParams();
  const year = readInt(params, 'year') ?? thisYear();
  const orgId = readInt(params, 'orgId');
  const ranks = params.getAll('rank').filter((r): r is Rank => (RANKS as readonly string[]).includes(r));
  const status = readEnum(params, 'status', ['compliant', 'non_compliant'] as const);
  const page = readInt(params, 'page') ?? 1;
  const pageSize = readInt(params, 'pageSize') ?? 20;
  const filter = { year, orgId, rank: ranks, status };
  const key = JSON.stringify(filter);
  const summary = useRequest((signal) => getComplianceSummary({ year, orgId }, signal), `${year}/${orgId ?? ''}`);
  const report = useRequest((signal) => getCompliance({ ...filter, page, pageSize }, signal), `${key}/${page}/${pageSize}`);

  const ruleName = (rule: RuleRef | undefined, id: string) => (rule ? rule.name[lang] : id);
  const rules = report.data?.rules ?? summary.data?.rules ?? [];
  const options = useMemo(() => {
    const s = summary.data;
    if (!s) return null;
    const name = (id: string) =>
      ruleName(
        s.rules.find((r) => r.id === id),
        id,
      );
    return {
      units: unitRateOption(s, name, t('hours.allRules'), t('hours.selfSuffix')),
      pie: compliancePieOption(s, { compliant: t('hours.compliant'), nonCompliant: t('hours.nonCompliant') }),
      histogram: hoursHistogramOption(s, t('hours.cadreCount')),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ruleName only reads lang
  }, [summary.data, t, lang]);

  const set = update;

  const columns = [
    {
      title: t('hours.col.name'),
      dataIndex: 'name',
      width: 80,
      fixed: 'left' as const,
      render: (name: string, r: ComplianceRow) => <Link to={`/cadres/${r.cadreId}`}>{name}</Link>,
    },
    { title: t('hours.col.org'), dataIndex: ['org', 'name'], width: 170, ellipsis: true },
    { title: t('hours.col.rank'), dataIndex: 'rank', width: 120, ellipsis: true, render: (r: Rank | null) => label('rank', r) },
    { title: t('hours.col.yearHours', { year }), dataIndex: 'yearHours', width: 90, align: 'right' as const, render: fmtHours },
    { title: t('hours.col.online'), dataIndex: 'yearOnlineHours', width: 80, align: 'right' as const, render: fmtHours },
    { title: t('hours.col.days'), dataIndex: 'yearDays', width: 60, align: 'right' as const },
    ...rules.map((rule) => ({
      title: <Tooltip title={rule.name[lang]}>{shortName(rule.name[lang])}</Tooltip>,
      key: rule.id,
      width: 130,
      render: (_: unknown, row: ComplianceRow) => {
        const r = row.results.find((x) => x.ruleId === rule.id);
        if (!r) return <Typography.Text type="secondary">{t('hours.notApplicable')}</Typography.Text>;
        return r.compliant ? (
          <Space size={4}>
            <CheckCircleFilled style={{ color: '#52c41a' }} aria-label={t('hours.compliant')} />
            {fmtHours(r.achievedHours)}
          </Space>
        ) : (
          <Space size={4} wrap>
            <CloseCircleFilled style={{ color: '#ff4d4f' }} aria-label={t('hours.nonCompliant')} />
            <span>{t('hours.short', { n: fmtHours(r.shortfallHours ?? r.shortfallDays) })}</span>
          </Space>
        );
      },
    })),
    {
      title: t('hours.col.overall'),
      dataIndex: 'compliant',
      width: 80,
      fixed: 'right' as const,
      render: (ok: boolean) => <Tag color={ok ? 'success' : 'error'}>{ok ? t('hours.compliant') : t('hours.nonCompliant')}</Tag>,
    },
  ];

  const overall = summary.data?.overall;
  return (
    <>
      <HoursHeader
        extra={
          <Button icon={<DownloadOutlined />} href={complianceExportUrl(filter)}>
            {t('hours.export')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <DatePicker
            picker="year"
            allowClear={false}
            aria-label={t('hours.year')}
            value={dayjs(`${year}-01-01`)}
            onChange={(d) => set({ year: d ? d.year() : undefined })}
          />
          <OrgTreeSelect
            style={{ width: 240 }}
            allowClear
            placeholder={t('hours.orgPlaceholder')}
            aria-label={t('hours.org')}
            value={orgId}
            onChange={(v) => set({ orgId: v ?? undefined })}
          />
          <Select<Rank[]>
            mode="multiple"
            allowClear
            style={{ minWidth: 200 }}
            placeholder={t('hours.rankPlaceholder')}
            aria-label={t('hours.col.rank')}
            value={ranks}
            options={RANKS.map((r) => ({ value: r, label: label('rank', r) }))}
            onChange={(v) => set({ rank: v })}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('hours.statusPlaceholder')}
            aria-label={t('hours.statusPlaceholder')}
            value={status}
            options={[
              { value: 'compliant', label: t('hours.compliant') },
              { value: 'non_compliant', label: t('hours.nonCompliant') },
            ]}
            onChange={(v: string | undefined) => set({ status: v })}
          />
        </Space>
      </Card>
      {(summary.error ?? report.error) && <Alert type="error" showIcon title={(summary.error ?? report.error)!.message} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card loading={summary.loading && !summary.data}>
            <Statistic title={t('hours.evaluated')} value={overall?.cadres.total ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card loading={summary.loading && !summary.data}>
            <Statistic title={t('hours.overallRate')} value={pct(overall?.cadres.rate)} valueStyle={{ color: '#1e5bb8' }} />
          </Card>
        </Col>
        {(overall?.rules ?? []).slice(0, 2).map((r) => (
          <Col xs={12} md={6} key={r.ruleId}>
            <Card>
              <Statistic
                title={
                  <Tooltip
                    title={ruleName(
                      summary.data?.rules.find((x) => x.id === r.ruleId),
                      r.ruleId,
                    )}
                  >
                    {shortName(
                      ruleName(
                        summary.data?.rules.find((x) => x.id === r.ruleId),
                        r.ruleId,
                      ),
                    )}
                  </Tooltip>
                }
                value={pct(r.rate)}
                suffix={
                  <small>
                    （{r.compliant}/{r.evaluated}）
                  </small>
                }
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <Card title={t('hours.chart.units')} size="small">
            {options && summary.data!.units.some((u) => u.summary.cadres.total > 0) ? (
              <EChart option={options.units} height={300} ariaLabel={t('hours.chart.units')} />
            ) : (
              <Empty style={{ height: 268 }} />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12} lg={5}>
          <Card title={t('hours.chart.pie')} size="small">
            {options && overall && overall.cadres.total > 0 ? (
              <EChart option={options.pie} height={300} ariaLabel={t('hours.chart.pie')} />
            ) : (
              <Empty style={{ height: 268 }} />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12} lg={7}>
          <Card title={t('hours.chart.histogram', { year })} size="small">
            {options ? <EChart option={options.histogram} height={300} ariaLabel={t('hours.chart.histogram', { year })} /> : <Empty style={{ height: 268 }} />}
          </Card>
        </Col>
      </Row>
      <Card size="small">
        <Table<ComplianceRow>
          rowKey="cadreId"
          size="small"
          loading={report.loading}
          dataSource={report.data?.items ?? []}
          columns={columns}
          scroll={{ x: 580 + rules.length * 130 }}
          pagination={{
            current: page,
            pageSize,
            total: report.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => update({ page: p === 1 ? undefined : p, pageSize: size === 20 ? undefined : size }),
          }}
        />
      </Card>
    </>
  );
}

/** Rule names are long ("乡科级及以下干部年度培训（12天或90学时）"): headers show the part before the bracket or colon. */
function shortName(name: string): string {
  return name.replace(/[（(:：].*$/, '');
}
