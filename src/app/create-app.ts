import { ensureBuiltinTopics } from '../catalog/index.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { markInterruptedBatches } from '../ingest/repository.js';
import { ensureBuiltinListTypes } from '../lists/index.js';
import { ensureBuiltinMatters, ensureBuiltinMeasures } from '../measures/index.js';
import { loadCalendar } from '../kernel/calendar.js';
import { systemClock, type Clock } from '../kernel/clock.js';
import { FieldCrypto, loadMasterKey } from '../kernel/field-crypto.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';

/**
 * Opens the database (migrating it), seeds the built-in catalogue, loads the working-day calendar and
 * the field-encryption key, and marks batches a previous process left unfinished as interrupted.
 */
export async function createApp(config: Config, options: { clock?: Clock } = {}): Promise<AppContext> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pglite` });
  const clock = options.clock ?? systemClock;
  try {
    await migrate(database);
    await ensureBuiltinTopics(database.db, clock.now());
    await ensureBuiltinListTypes(database.db, clock.now());
    await ensureBuiltinMatters(database.db);
    await ensureBuiltinMeasures(database.db, clock.now());
    await markInterruptedBatches(database.db, clock.now());
    const calendar = await loadCalendar({ overrideDir: config.calendarDir });
    const crypto = new FieldCrypto(loadMasterKey(config.secretKeyHex, config.dataDir));
    return { config, database, db: database.db, clock, calendar, crypto };
  } catch (error) {
    await database.close();
    throw error;
  }
}
