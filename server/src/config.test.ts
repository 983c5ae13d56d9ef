import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite file', () => {
    expect(loadConfig({})).toMatchObject({ databaseKind: 'sqlite', sqlitePath: './data/duibiao.sqlite', PORT: 3000, SESSION_IDLE_MINUTES: 30 });
  });

  it('switches to PostgreSQL with a postgres:// URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/d' }).databaseKind).toBe('postgres');
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DATA_KEY: 'short' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('DATABASE_URL');
      expect(problems).toContain('DATA_KEY');
    }
  });

  it('refuses the public development keys in production, naming each', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATA_KEY[\s\S]*CHECKIN_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_KEY: 'k'.repeat(40) })).toThrow(/CHECKIN_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', DATA_KEY: 'k'.repeat(40), CHECKIN_SECRET: 'c'.repeat(40) }).NODE_ENV).toBe('production');
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default, so X-Forwarded-For cannot spoof the client address', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
  });
  it('accepts a hop count or a list of proxy addresses', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual(['10.0.0.1', '10.0.0.0/8']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });
});
