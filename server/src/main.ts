// `npm start`: migrate, seed demo data into an empty database, serve the API and the web app.
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createFieldCipher } from './lib/field-cipher.ts';
import { migrateToLatest, openDatabase } from './db/database.ts';
import { isDatabaseEmpty, seedDemo } from './seed/seed-demo.ts';
import { buildDemoData } from './seed/demo-data.ts';
import { seedDemoPrograms } from './seed/programs/seed-programs.ts';
import { remindDueRecommendations } from './modules/results/results.service.ts';
import { beijingToday } from './modules/hours/time.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = openDatabase({ url: config.DATABASE_URL });
  await migrateToLatest(db);
  const ctx = { config, db, cipher: createFieldCipher(config.DATA_KEY) };
  if (config.DEMO_SEED && config.NODE_ENV !== 'production' && (await isDatabaseEmpty(ctx))) {
    const data = buildDemoData();
    const counts = await seedDemo(ctx, data);
    const programs = await seedDemoPrograms(ctx, data);
    console.log(
      `Seeded demo data: ${counts.orgs} orgs, ${counts.cadres} cadres, ${counts.users} accounts, ${programs.programs} programs (password in README).`,
    );
  }
  const { app, services } = await buildApp({ config, db });
  if (config.NODE_ENV === 'production' && (await services.system.hasDemoAccounts())) {
    await app.close();
    await db.close();
    console.error('Refusing to start in production: demo accounts are present. Use a fresh database and `npx duibiao create-admin`.');
    process.exit(1);
  }
  await services.imports.recoverAfterRestart();
  const housekeeping = () => {
    void services.auth.purgeIdleSessions().catch(() => undefined);
    void services.imports.purgeStaleUploads().catch(() => undefined);
  };
  housekeeping();
  const purge = setInterval(housekeeping, 10 * 60_000);
  purge.unref();
  // Hours of sessions that just ended reach the ledger within a minute (check-ins themselves do not write it).
  const creditHours = () => void services.hours.creditEndedSessions().catch((e: unknown) => app.log.error(e));
  creditHours();
  const ledger = setInterval(creditHours, 60_000);
  ledger.unref();
  // Owner units hear about recommendations due within a week (or overdue) once per deadline; hourly is enough.
  const remind = () => void remindDueRecommendations(ctx, beijingToday()).catch((e: unknown) => app.log.error(e));
  remind();
  const reminders = setInterval(remind, 60 * 60_000);
  reminders.unref();
  const shutdown = async () => {
    clearInterval(purge);
    clearInterval(ledger);
    clearInterval(reminders);
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ host: config.HOST, port: config.PORT });
  console.log(`Duibiao 对标 is running at http://localhost:${config.PORT} (database: ${db.kind})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
