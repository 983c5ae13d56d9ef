// The real app on a fresh SQLite file with demo data, for the HTTP benchmarks.
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { migrateToLatest, openDatabase } from '../server/src/db/database.ts';
import { createFieldCipher } from '../server/src/lib/field-cipher.ts';
import { buildDemoData } from '../server/src/seed/demo-data.ts';
import { seedDemo } from '../server/src/seed/seed-demo.ts';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', LOGIN_RATE_PER_MINUTE: '10000' });
const db = openDatabase({ url: config.DATABASE_URL });
await migrateToLatest(db);
// BENCH_NO_SEED: the caller prepared the database file itself (the check-in burst).
if (!process.env.BENCH_NO_SEED) await seedDemo({ config, db, cipher: createFieldCipher(config.DATA_KEY) }, buildDemoData());
const { app } = await buildApp({ config, db, serveWeb: false, logger: false });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`LISTENING ${address}`);
process.once('SIGINT', () => process.exit(0));
