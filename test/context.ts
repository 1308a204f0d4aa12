import crypto from 'node:crypto';
import { ensureBuiltinTopics } from '../src/catalog/index.js';
import { ensureBuiltinListTypes } from '../src/lists/index.js';
import { ensureBuiltinMatters, ensureBuiltinMeasures } from '../src/measures/index.js';
import type { AppContext } from '../src/app/context.js';
import { loadConfig } from '../src/app/config.js';
import { loadCalendar } from '../src/kernel/calendar.js';
import { ManualClock } from '../src/kernel/clock.js';
import { FieldCrypto } from '../src/kernel/field-crypto.js';
import { openTestDatabase } from './database.js';

export interface TestContext extends AppContext {
  clock: ManualClock;
  dispose(): Promise<void>;
}

/**
 * A complete AppContext on a fresh migrated database (PostgreSQL server or PGlite, whichever this run
 * tests), with the built-in catalogue, a manual clock and a random encryption key.
 */
export async function createTestContext(options: { now?: string } = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  const clock = new ManualClock(options.now ?? '2025-06-16T02:00:00Z');
  await ensureBuiltinTopics(database.db, clock.now());
  await ensureBuiltinListTypes(database.db, clock.now());
  await ensureBuiltinMatters(database.db);
  await ensureBuiltinMeasures(database.db, clock.now());
  const config = loadConfig({ XINYONG_DATA_DIR: '/nonexistent-test-data-dir' });
  return {
    config,
    database,
    db: database.db,
    clock,
    calendar: await loadCalendar({}),
    crypto: new FieldCrypto(crypto.randomBytes(32)),
    dispose: () => database.dispose(),
  };
}
