// The duibiao command line: import-roster, create-admin, migrate, solve placement|grouping.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { createFieldCipher } from '../lib/field-cipher.ts';
import type { AppContext } from '../context.ts';
import { runGroupingCli } from '@duibiao/core/grouping/cli-run';
import { runPlacementCli } from '@duibiao/core/placement/cli-run';
import { createAdmin } from './create-admin.ts';
import { importRosterCommand } from './import-roster.ts';

const USAGE = `用法 / usage:
  npx duibiao import-roster <file.xlsx|file.csv> --org <单位编码> [--dry-run]
  npx duibiao create-admin --username <name> --display-name <姓名> --org <单位编码> [--role sys_admin|org_admin]
      (password read from DUIBIAO_ADMIN_PASSWORD or prompted on stdin)
  npx duibiao migrate
  npx duibiao solve placement --mode stable|optimal [--explain] < instance.json > result.json
  npx duibiao solve grouping < instance.json > result.json`;

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = openDatabase({ url: config.DATABASE_URL });
  try {
    await migrateToLatest(db);
    return await fn({ config, db, cipher: createFieldCipher(config.DATA_KEY) });
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'import-roster': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { org: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
      });
      if (positionals.length !== 1 || !values.org) {
        console.error(USAGE);
        return 2;
      }
      return withContext((ctx) => importRosterCommand(ctx, positionals[0]!, values.org!, values['dry-run'] ?? false));
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: { username: { type: 'string' }, 'display-name': { type: 'string' }, org: { type: 'string' }, role: { type: 'string', default: 'sys_admin' } },
      });
      if (!values.username || !values.org) {
        console.error(USAGE);
        return 2;
      }
      return withContext((ctx) =>
        createAdmin(ctx, {
          username: values.username!,
          displayName: values['display-name'] ?? values.username!,
          orgCode: values.org!,
          role: values.role === 'org_admin' ? 'org_admin' : 'sys_admin',
        }),
      );
    }
    case 'solve': {
      const [solver, ...args] = rest;
      if (solver !== 'placement' && solver !== 'grouping') {
        console.error(USAGE);
        return 2;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      const input = Buffer.concat(chunks).toString('utf8');
      const outcome = solver === 'placement' ? runPlacementCli(args, input) : runGroupingCli(input);
      process.stdout.write(outcome.stdout);
      process.stderr.write(outcome.stderr);
      return outcome.code;
    }
    case 'migrate':
      return withContext(async () => {
        console.log('migrations applied');
        return 0;
      });
    default:
      console.error(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
