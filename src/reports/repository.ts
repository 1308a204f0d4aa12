import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, ReportsTable } from '../db/schema.js';

/** All SQL of credit reports. */

export type ReportRow = Omit<Selectable<ReportsTable>, 'pdf'>;

const REPORT_COLUMNS = [
  'id',
  'number',
  'verification_code',
  'subject_id',
  'subject_name',
  'scope',
  'issued_at',
  'sha256',
  'signature',
  'key_id',
  'pdf_bytes',
  'requested_by_type',
  'requested_by_id',
  'requested_by_name',
] as const;

/** The next sequence number of a (Beijing) day; the upsert locks the day's row until the transaction ends. */
export async function nextReportSequence(db: Kysely<DB>, day: string): Promise<number> {
  const row = await db
    .insertInto('report_number_counters')
    .values({ day, last_value: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last_value: sql`report_number_counters.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

export async function insertReport(db: Kysely<DB>, row: Omit<Selectable<ReportsTable>, 'id'>): Promise<number> {
  const inserted = await db.insertInto('reports').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function findReportByNumber(db: Kysely<DB>, number: string): Promise<ReportRow | undefined> {
  return db.selectFrom('reports').select(REPORT_COLUMNS).where('number', '=', number).executeTakeFirst();
}

export async function findReportsBySha256(db: Kysely<DB>, sha256: string): Promise<ReportRow[]> {
  return db.selectFrom('reports').select(REPORT_COLUMNS).where('sha256', '=', sha256).execute();
}

/** The stored PDF of a report. */
export async function readReportPdf(db: Kysely<DB>, id: number): Promise<Buffer | undefined> {
  const row = await db.selectFrom('reports').select('pdf').where('id', '=', id).executeTakeFirst();
  return row?.pdf;
}

/** The name of the credit centre (信用中心) that issues reports: the first active one registered. */
export async function findIssuerName(db: Kysely<DB>): Promise<string | null> {
  const row = await db
    .selectFrom('departments')
    .select('name')
    .where('kind', '=', 'credit_centre')
    .where('active', '=', true)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.name ?? null;
}
