// Baseline: a bare Fastify JSON route, started in the same run as the app so ratios cancel machine noise.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/json', () => ({ status: 'ok', database: 'none' }));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`LISTENING ${address}`);
