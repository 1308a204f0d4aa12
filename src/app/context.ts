import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { WorkdayCalendar } from '../kernel/calendar.js';
import type { Clock } from '../kernel/clock.js';
import type { FieldCrypto } from '../kernel/field-crypto.js';
import type { Config } from './config.js';

/** What every domain operation is given: the database, the clock, the calendar and the field crypto. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  clock: Clock;
  calendar: WorkdayCalendar;
  crypto: FieldCrypto;
}
