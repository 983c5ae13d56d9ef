// /programs/:pid/sessions/:sid/checkin-screen[?stop=n] — the projector page: a QR code that rotates every step
// (a photo of it stops working within seconds), a countdown, and the live count checked in / expected.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Popconfirm, QRCode, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FullscreenOutlined, StopOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import type { CheckinCode } from '@duibiao/contracts';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { getCheckinCode, revokeCheckinCodes } from './api.ts';
import { clock } from './attendance-ui.tsx';

export default function CheckinScreenPage() {
  const t = useT();
  const { message } = App.useApp();
  const { pid, sid } = useParams();
  const [params] = useSearchParams();
  const sessionId = Number(sid);
  const stop = params.get('stop') === null ? undefined : Number(params.get('stop'));
  const [code, setCode] = useState<CheckinCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [remaining, setRemaining] = useState(0);
  const [generation, setGeneration] = useState(0);

  // Fetch a code, then the next one when it expires; a failed fetch is retried after a few seconds.
  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;
    const load = async () => {
      try {
        const next = await getCheckinCode(sessionId, stop, controller.signal);
        setCode(next);
        setError(null);
        setRemaining(next.expiresInSeconds);
        timer = window.setTimeout(() => void load(), next.expiresInSeconds * 1000);
      } catch (e) {
        if (controller.signal.aborted) return;
        setError(e instanceof ApiError ? e.message : String(e));
        timer = window.setTimeout(() => void load(), 5000);
      }
    };
    void load();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [sessionId, stop, generation]);

  useEffect(() => {
    const tick = window.setInterval(() => setRemaining((r) => Math.max(0, r - 1)), 1000);
    return () => window.clearInterval(tick);
  }, []);

  const absolute = code ? `${window.location.origin}${code.url}` : '';
  const revoke = async () => {
    await revokeCheckinCodes(sessionId);
    void message.success(t('att.revoked'));
    setGeneration((g) => g + 1);
  };

  return (
    <main
      style={{
        flex: 1,
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 16,
        padding: 24,
        background: 'linear-gradient(160deg, #15305f 0%, #1e5bb8 100%)',
        color: '#fff',
        position: 'relative',
      }}
    >
      <Space style={{ position: 'absolute', top: 16, left: 16, right: 16, justifyContent: 'space-between', display: 'flex' }}>
        <Link to={`/programs/${pid}?tab=attendance`}>
          <Button ghost icon={<ArrowLeftOutlined />}>
            {t('screen.back')}
          </Button>
        </Link>
        <Space>
          <Button ghost icon={<FullscreenOutlined />} onClick={() => void document.documentElement.requestFullscreen?.()}>
            {t('screen.fullscreen')}
          </Button>
          <Popconfirm title={t('att.revokeConfirm')} onConfirm={() => void revoke()} placement="bottomRight">
            <Button ghost danger icon={<StopOutlined />}>
              {t('att.revoke')}
            </Button>
          </Popconfirm>
        </Space>
      </Space>
      <Typography.Title level={1} style={{ color: '#fff', margin: 0, textAlign: 'center', fontSize: 'clamp(24px, 3.2vw, 44px)' }}>
        {code ? code.title : t('screen.title')}
        {code?.stop ? ` · ${code.stop.name}` : ''}
      </Typography.Title>
      {code && <Typography.Text style={{ color: 'rgba(255,255,255,0.8)', fontSize: 18 }}>{code.programName}</Typography.Text>}
      {error && <Alert type="error" showIcon title={error} style={{ maxWidth: 560 }} />}
      {code && (
        <>
          <div style={{ background: '#fff', padding: 20, borderRadius: 16, boxShadow: '0 12px 32px rgba(0,0,0,0.3)' }}>
            <QRCode value={absolute} size={Math.min(420, Math.max(240, Math.floor(window.innerHeight * 0.45)))} bordered={false} errorLevel="M" />
          </div>
          <Typography.Text style={{ color: '#fff', fontSize: 20 }}>{t('screen.scanHint')}</Typography.Text>
          <Space size={24} wrap style={{ justifyContent: 'center' }}>
            <Typography.Text style={{ color: '#fff', fontSize: 40, fontWeight: 700 }} aria-live="polite">
              {t('screen.count', { n: code.checkedIn, m: code.expected })}
            </Typography.Text>
            <Tag color="gold" style={{ fontSize: 16, padding: '4px 10px' }}>
              {t('screen.refreshIn', { n: remaining })}
            </Tag>
            <Tag color={code.state === 'open' ? 'green' : code.state === 'late' ? 'orange' : 'default'} style={{ fontSize: 16, padding: '4px 10px' }}>
              {t(`att.state.${code.state}`)}
            </Tag>
          </Space>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.75)', fontSize: 16 }}>
            {t('screen.window', { open: clock(code.window.opensAt), close: clock(code.window.closesAt), late: clock(code.window.lateAt) })}
          </Typography.Text>
        </>
      )}
    </main>
  );
}
