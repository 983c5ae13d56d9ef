// What every service is built from: the database, configuration and the field cipher.
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { FieldCipher } from './lib/field-cipher.ts';

export interface AppContext {
  db: Db;
  config: Config;
  cipher: FieldCipher;
}
