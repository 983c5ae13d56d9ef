// Baselines: bare Fastify routes started in the same run as the app, so ratios cancel machine noise.
// `/json` is the official baseline; `/detail` and `/list` return bodies shaped and sized like the app's cadre
// detail (~1 KB) and 50-row list (~25 KB), to show how much of the gap is just response size.
import Fastify from 'fastify';

const detail = {
  id: 51,
  name: '丁振浩',
  gender: 'male',
  birthDate: '1993-03-11',
  age: 33,
  isYoung: true,
  ethnicity: '汉族',
  politicalStatus: '中共预备党员',
  idNumber: '3702**********2398',
  mobile: '155****1026',
  org: { id: 7, name: '青岛市发展和改革委员会', level: 'city' },
  isGrassroots: false,
  position: '市发展改革委规划处科员',
  rank: 'staff',
  education: 'master',
  specialties: ['产业发展'],
  updatedAt: '2026-11-23T16:02:00.000Z',
  workStartDate: '2018-08-01',
  orgPathNames: ['山东省', '青岛市', '市直机关', '青岛市发展和改革委员会'],
  canRevealSensitive: true,
  createdAt: '2026-11-23T16:02:00.000Z',
  experiences: [{ startDate: '2018-08-01', endDate: null, unitName: '青岛市发展和改革委员会', position: '市发展改革委规划处科员' }],
};
const { experiences: _e, workStartDate: _w, orgPathNames: _o, canRevealSensitive: _c, createdAt: _a, ...summary } = detail;
const list = { items: Array.from({ length: 50 }, (_, i) => ({ ...summary, id: i + 1 })), total: 1000, page: 1, pageSize: 50 };

const app = Fastify({ logger: false });
app.get('/json', () => ({ status: 'ok', database: 'none' }));
app.get('/detail', () => detail);
app.get('/list', () => list);
// Baseline of the check-in burst: parse a small JSON body, answer a small JSON body.
app.post('/checkin', (req) => ({ ok: true, received: (req.body as { sessionId?: number }).sessionId ?? null }));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`LISTENING ${address}`);
