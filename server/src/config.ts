// The one reader of process.env: parsed once with Zod; a bad environment fails fast listing every problem.
import { z } from 'zod';

const DEV_SECRET = 'duibiao-dev-only-secret-change-me-0123456789';
const DEV_CHECKIN_SECRET = 'duibiao-dev-only-checkin-secret-change-me-0123456789';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/duibiao.sqlite')
    .refine((v) => /^(sqlite:|postgres(ql)?:\/\/)/.test(v), 'must start with sqlite: or postgres://'),
  /** Key material for ID-number/mobile encryption and blind indexes; ≥ 32 characters. */
  DATA_KEY: z.string().min(32, 'must be at least 32 characters').default(DEV_SECRET),
  /** Master key for the rotating check-in QR tokens (each session derives its own); ≥ 32 characters. */
  CHECKIN_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_CHECKIN_SECRET),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  /** Seed demo organizations, cadres and accounts into an empty database. */
  DEMO_SEED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(2048).default(200),
  UPLOAD_DIR: z.string().default('./data/uploads'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set behind a TLS-terminating proxy so session cookies get the Secure flag. */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  WEB_DIST: z.string().default('./web/dist'),
  /**
   * Which proxies may set X-Forwarded-For: 'false' (default: the socket address is the client), a hop count,
   * or a comma-separated list of proxy addresses/CIDRs. Trusting everyone would let any client spoof its IP
   * past the login rate limit and into the audit log.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine((v) => v === 'false' || /^\d+$/.test(v) || /^[0-9a-fA-F.:/,\s]+$/.test(v), 'false, a hop count, or proxy addresses'),
});

export type Config = z.infer<typeof envSchema> & { databaseKind: 'sqlite' | 'postgres'; sqlitePath: string; trustProxy: false | number | string[] };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses an environment (process.env by default); throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const value = parsed.data;
  if (value.NODE_ENV === 'production') {
    // The development defaults are public: production must set its own secrets.
    const problems = [
      ...(value.DATA_KEY === DEV_SECRET ? ['DATA_KEY: must be set in production (the development default is public)'] : []),
      ...(value.CHECKIN_SECRET === DEV_CHECKIN_SECRET ? ['CHECKIN_SECRET: must be set in production (the development default is public)'] : []),
    ];
    if (problems.length > 0) throw new ConfigError(problems);
  }
  const isSqlite = value.DATABASE_URL.startsWith('sqlite:');
  return {
    ...value,
    trustProxy:
      value.TRUST_PROXY === 'false' ? false : /^\d+$/.test(value.TRUST_PROXY) ? Number(value.TRUST_PROXY) : value.TRUST_PROXY.split(',').map((a) => a.trim()),
    databaseKind: isSqlite ? 'sqlite' : 'postgres',
    sqlitePath: isSqlite ? value.DATABASE_URL.slice('sqlite:'.length) : '',
  };
}
