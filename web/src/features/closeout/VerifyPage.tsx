// Public certificate verification (/verify/:code, no sign-in): what the QR code on a certificate opens. Phone first.
import { Alert, Card, Descriptions, Result, Skeleton, Typography } from 'antd';
import { useParams } from 'react-router';
import { LanguageSwitch } from '../../components/HeaderActions.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { verifyCertificate } from './api.ts';
import { dateOf, hours } from './format.ts';

export default function VerifyPage() {
  const t = useT();
  const label = useLabel();
  const { code = '' } = useParams();
  const { data, error, loading } = useRequest((signal) => verifyCertificate(code, signal), code);

  let body;
  if (loading && !data) body = <Skeleton active />;
  else if (error?.status === 404 || error?.status === 400)
    body = <Result status="404" title={t('closeout.verifyNotFound')} subTitle={t('closeout.verifyNotFoundSub')} />;
  else if (error || !data) body = <Alert type="error" showIcon title={error?.message ?? ''} />;
  else {
    const status = data.valid ? 'success' : data.revoked ? 'error' : 'warning';
    const title = data.valid ? t('closeout.verifyValid') : data.revoked ? t('closeout.verifyRevoked') : t('closeout.verifyInvalid');
    const sub = data.valid
      ? t('closeout.verifyValidSub', { organizer: data.organizer })
      : data.revoked
        ? t('closeout.verifyRevokedSub', { date: dateOf(data.revokedAt ?? '') })
        : t('closeout.verifyInvalidSub');
    body = (
      <>
        <Result status={status} title={title} subTitle={sub} style={{ padding: '16px 0' }} />
        <Descriptions
          column={1}
          size="small"
          bordered
          styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
          items={[
            { key: 'name', label: t('closeout.v.name'), children: data.name },
            { key: 'program', label: t('closeout.v.program'), children: data.program },
            { key: 'dates', label: t('closeout.v.dates'), children: `${data.startDate} — ${data.endDate}` },
            { key: 'hours', label: t('closeout.v.hours'), children: hours(data.hours) },
            { key: 'result', label: t('closeout.v.result'), children: label('assessment', data.result) },
            { key: 'serial', label: t('closeout.v.serial'), children: <Typography.Text code>{data.serial}</Typography.Text> },
            { key: 'issued', label: t('closeout.v.issuedAt'), children: dateOf(data.issuedAt) },
            { key: 'organizer', label: t('closeout.v.organizer'), children: data.organizer },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          {t('closeout.v.nameNote')}
        </Typography.Paragraph>
      </>
    );
  }

  return (
    <div style={{ minHeight: '100dvh', background: '#f5f6f8' }}>
      <header style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '0 16px', height: 48, background: '#15305f', color: '#fff' }}>
        <span className="db-logo" aria-hidden>
          对
        </span>
        <span style={{ fontWeight: 600, flex: 1 }}>{t('closeout.verifyTitle')}</span>
        <LanguageSwitch dark />
      </header>
      <main style={{ maxWidth: 560, margin: '0 auto', padding: 12 }}>
        <Card>{body}</Card>
      </main>
    </div>
  );
}
