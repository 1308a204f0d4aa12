import type { Database } from '../db/database.js';
import * as repo from './repository.js';

/**
 * Group commit of the check log (查询使用登记). Concurrent checks hand their row to the database's
 * writer, which waits FLUSH_DELAY_MS for company and writes everything waiting in one multi-row insert
 * (autocommit: one commit, one WAL flush for all of them); each check is answered only after the
 * statement holding its row has committed, so a crash never loses an answered check. At most
 * MAX_IN_FLIGHT inserts run at once; rows arriving meanwhile wait for the next one, which is how the
 * groups grow with the load.
 */
const FLUSH_DELAY_MS = 1;
const MAX_ROWS = 1_000;
// One insert at a time: the rows gathered meanwhile make the next group (about 14 rows per insert at 32
// checks in flight, against 9 with two inserts in flight), and each row costs the server less — a
// statement's fixed cost and its commit are shared by more rows — at no loss of latency on two cores.
const MAX_IN_FLIGHT = 1;

interface Waiting {
  row: repo.NewCheckRow;
  resolve: (id: number) => void;
  reject: (error: unknown) => void;
}

class CheckLogWriter {
  private waiting: Waiting[] = [];
  private inFlight = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Inserts written and rows in them since the writer was made (the benchmark reports the group size). */
  readonly stats = { inserts: 0, rows: 0 };

  constructor(private readonly database: Database) {}

  write(row: repo.NewCheckRow): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.waiting.push({ row, resolve, reject });
      if (this.waiting.length >= MAX_ROWS) this.flush();
      else if (this.timer === null && this.inFlight < MAX_IN_FLIGHT) this.timer = setTimeout(() => this.flush(), FLUSH_DELAY_MS);
    });
  }

  private flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.waiting.length === 0 || this.inFlight >= MAX_IN_FLIGHT) return;
    const group = this.waiting.splice(0, MAX_ROWS);
    this.inFlight += 1;
    this.stats.inserts += 1;
    this.stats.rows += group.length;
    repo
      .insertChecks(
        this.database,
        group.map((w) => w.row),
      )
      .then(
        (ids) => group.forEach((w, i) => w.resolve(ids[i]!)),
        (error: unknown) => group.forEach((w) => w.reject(error)),
      )
      .finally(() => {
        this.inFlight -= 1;
        // Rows that came while the database was busy have waited long enough.
        if (this.waiting.length > 0) this.flush();
      });
  }
}

const writers = new WeakMap<Database, CheckLogWriter>();

/** Logs one check through the database's group-commit writer; resolves with its id once committed. */
export function logCheck(database: Database, row: repo.NewCheckRow): Promise<number> {
  let writer = writers.get(database);
  if (!writer) {
    writer = new CheckLogWriter(database);
    writers.set(database, writer);
  }
  return writer.write(row);
}

/** How many inserts the database's writer has made and how many rows they held. */
export function checkLogStats(database: Database): { inserts: number; rows: number } {
  return { ...(writers.get(database)?.stats ?? { inserts: 0, rows: 0 }) };
}
