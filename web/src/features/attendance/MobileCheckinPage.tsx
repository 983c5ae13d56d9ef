// /m/checkin?s=<session>&t=<token>[&stop=<seq>] — opened by scanning the screen's QR code: checks in on load.
// Network failures are retried with backoff (the server records each trainee once, so retries are safe); the
// phone's position is asked for only when the server says this session checks the distance.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Button, Card, Result, Spin, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { CheckinResult } from '@duibiao/contracts';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { checkIn } from './api.ts';
import { clock } from './attendance-ui.tsx';

type Phase =
  | { kind: 'working' }
  | { kind: 'locating' }
  | { kind: 'waiting'; seconds: number; attempt: number }
  | { kind: 'done'; result: CheckinResult }
  | { kind: 'refused'; message: string }
  | { kind: 'offline' };

/** Seconds to wait before retry n (1-based): 1, 2, 4, 8, 8 — five retries within ~25 s, while the token still verifies or the first attempt already landed. */
const BACKOFF = [1, 2, 4, 8, 8];

interface Position {
  lat: number;
  lng: number;
  accuracy: number;
}

function locate(): Promise<Position> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new Error('no geolocation'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy }),
      (e) => reject(new Error(e.message)),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  });
}

const sleep = (seconds: number) => new Promise((r) => setTimeout(r, seconds * 1000));

/** The server answers a check-in that needs a position but got none with this field and wording. */
const needsPosition = (e: ApiError) => e.details.some((d) => d.field === 'location' && d.message.includes('允许获取定位'));

export default function MobileCheckinPage() {
  const t = useT();
  const [params] = useSearchParams();
  const sessionId = Number(params.get('s'));
  const token = params.get('t') ?? '';
  const stopParam = params.get('stop');
  const stopSeq = stopParam === null ? undefined : Number(stopParam);
  const valid = Number.isInteger(sessionId) && sessionId > 0 && token !== '' && (stopSeq === undefined || Number.isInteger(stopSeq));
  const [phase, setPhase] = useState<Phase>({ kind: 'working' });
  const started = useRef(false);

  const run = useCallback(async () => {
    let position: Position | undefined;
    for (let attempt = 0; ; attempt++) {
      setPhase({ kind: 'working' });
      try {
        const result = await checkIn({ sessionId, token, ...(stopSeq !== undefined ? { stopSeq } : {}), ...(position ?? {}) });
        setPhase({ kind: 'done', result });
        return;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        if (e.status === 0 || e.status >= 500) {
          if (attempt >= BACKOFF.length) {
            setPhase({ kind: 'offline' });
            return;
          }
          for (let s = BACKOFF[attempt]!; s > 0; s--) {
            setPhase({ kind: 'waiting', seconds: s, attempt: attempt + 1 });
            await sleep(1);
          }
          continue;
        }
        if (e.status === 400 && needsPosition(e) && !position) {
          setPhase({ kind: 'locating' });
          try {
            position = await locate();
          } catch {
            setPhase({ kind: 'refused', message: t('checkin.noGeo') });
            return;
          }
          attempt = -1; // a fresh series of retries with the position
          continue;
        }
        setPhase({ kind: 'refused', message: e.message });
        return;
      }
    }
  }, [sessionId, token, stopSeq, t]);

  useEffect(() => {
    // Once per page load (StrictMode mounts twice in development; the server would dedupe anyway).
    if (!valid || started.current) return;
    started.current = true;
    void run();
  }, [valid, run]);

  const toToday = (
    <Link to="/m" key="today">
      <Button type="primary" size="large">
        {t('checkin.toToday')}
      </Button>
    </Link>
  );

  if (!valid) return <Result status="warning" title={t('checkin.failed')} subTitle={t('checkin.badLink')} extra={toToday} />;

  return (
    <Card styles={{ body: { padding: 8 } }}>
      {phase.kind === 'working' && <Busy text={t('checkin.working')} />}
      {phase.kind === 'locating' && <Busy text={t('checkin.locating')} />}
      {phase.kind === 'waiting' && <Busy text={t('checkin.retrying', { n: phase.seconds, k: phase.attempt })} />}
      {phase.kind === 'done' && <Done result={phase.result} extra={toToday} />}
      {phase.kind === 'refused' && <Result status="error" title={t('checkin.failed')} subTitle={<Message text={phase.message} />} extra={toToday} />}
      {phase.kind === 'offline' && (
        <Result
          status="warning"
          title={t('checkin.failed')}
          subTitle={t('checkin.offline')}
          extra={[
            <Button key="retry" size="large" onClick={() => void run()}>
              {t('checkin.retry')}
            </Button>,
            toToday,
          ]}
        />
      )}
    </Card>
  );
}

function Busy({ text }: { text: string }) {
  return (
    <div role="status" style={{ padding: '64px 16px', textAlign: 'center' }}>
      <Spin size="large" />
      <Typography.Paragraph style={{ marginTop: 16, fontSize: 16 }}>{text}</Typography.Paragraph>
    </div>
  );
}

function Message({ text }: { text: string }) {
  return <span style={{ fontSize: 16, color: 'rgba(0,0,0,0.75)' }}>{text}</span>;
}

function Done({ result, extra }: { result: CheckinResult; extra: ReactNode }) {
  const t = useT();
  const title = result.alreadyCheckedIn ? t('checkin.already') : result.status === 'late' ? t('checkin.late') : t('checkin.success');
  return (
    <Result
      status={result.alreadyCheckedIn ? 'info' : result.status === 'late' ? 'warning' : 'success'}
      title={title}
      subTitle={
        <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {result.title}
          </Typography.Text>
          <Message text={result.message} />
          {result.checkedInAt && <span>{t('checkin.at', { at: clock(result.checkedInAt) })}</span>}
          {result.distanceM !== null && <span>{t('checkin.distance', { n: result.distanceM })}</span>}
        </div>
      }
      extra={extra}
    />
  );
}
