import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** All SQL of the subject registry. Bulk writes pass arrays through `unnest`, one statement per chunk. */

export interface NewSubject {
  id: number;
  kind: string;
  name: string;
  nameNorm: string;
  uscc: string | null;
  region: string | null;
  legalRepId: number | null;
  uncertain: boolean;
}

export interface NewIdentifier {
  kind: string;
  valueKey: string;
  subjectId: number;
  valueEnc: string | null;
  valueMasked: string | null;
}

/** Draws `n` subject ids from the sequence in one round trip. */
export async function nextSubjectIds(db: Kysely<DB>, n: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`select nextval('subjects_id_seq')::int8 as id from generate_series(1, ${n})`.execute(db);
  return rows.map((row) => row.id);
}

export async function insertSubjects(db: Kysely<DB>, subjects: readonly NewSubject[], now: Date): Promise<void> {
  if (subjects.length === 0) return;
  await sql`
    insert into subjects (id, kind, name, name_norm, uscc, region_code, legal_rep_id, identity_uncertain, created_at, updated_at)
    select id, kind, name, name_norm, uscc, region, rep, uncertain, ${now}, ${now}
    from unnest(${subjects.map((s) => s.id)}::int8[], ${subjects.map((s) => s.kind)}::text[], ${subjects.map((s) => s.name)}::text[],
      ${subjects.map((s) => s.nameNorm)}::text[], ${subjects.map((s) => s.uscc)}::text[], ${subjects.map((s) => s.region)}::text[],
      ${subjects.map((s) => s.legalRepId)}::int8[], ${subjects.map((s) => s.uncertain)}::bool[])
      as t(id, kind, name, name_norm, uscc, region, rep, uncertain)`.execute(db);
}

/** Records identifiers; one already recorded for a subject stays with that subject. */
export async function insertIdentifiers(db: Kysely<DB>, identifiers: readonly NewIdentifier[], now: Date): Promise<void> {
  if (identifiers.length === 0) return;
  await sql`
    insert into subject_identifiers (kind, value_key, subject_id, value_enc, value_masked, first_seen)
    select kind, value_key, subject_id, value_enc, value_masked, ${now}
    from unnest(${identifiers.map((i) => i.kind)}::text[], ${identifiers.map((i) => i.valueKey)}::text[],
      ${identifiers.map((i) => i.subjectId)}::int8[], ${identifiers.map((i) => i.valueEnc)}::text[],
      ${identifiers.map((i) => i.valueMasked)}::text[]) as t(kind, value_key, subject_id, value_enc, value_masked)
    on conflict do nothing`.execute(db);
}

export async function insertNames(db: Kysely<DB>, names: readonly { subjectId: number; name: string }[], now: Date): Promise<void> {
  if (names.length === 0) return;
  await sql`
    insert into subject_names (subject_id, name, first_seen)
    select subject_id, name, ${now} from unnest(${names.map((n) => n.subjectId)}::int8[], ${names.map((n) => n.name)}::text[]) as t(subject_id, name)
    on conflict do nothing`.execute(db);
}

/** A subject renamed (its normalised name changed): the new name becomes current. */
export async function renameSubjects(db: Kysely<DB>, renames: readonly { id: number; name: string; nameNorm: string }[], now: Date): Promise<void> {
  if (renames.length === 0) return;
  await sql`
    update subjects su set name = t.name, name_norm = t.name_norm, updated_at = ${now}
    from unnest(${renames.map((r) => r.id)}::int8[], ${renames.map((r) => r.name)}::text[], ${renames.map((r) => r.nameNorm)}::text[]) as t(id, name, name_norm)
    where su.id = t.id`.execute(db);
}

export async function linkLegalRepresentatives(db: Kysely<DB>, links: readonly { id: number; repId: number }[], now: Date): Promise<void> {
  if (links.length === 0) return;
  await sql`
    update subjects su set legal_rep_id = t.rep_id, updated_at = ${now}
    from unnest(${links.map((l) => l.id)}::int8[], ${links.map((l) => l.repId)}::int8[]) as t(id, rep_id)
    where su.id = t.id`.execute(db);
}

/** The subjects holding any of these identifiers, with what the resolver needs to know about them. */
export async function findByIdentifiers(db: Kysely<DB>, identifiers: readonly { kind: string; valueKey: string }[]) {
  const { rows } = await sql<{ kind: string; value_key: string; subject_id: number; name_norm: string; legal_rep_id: number | null }>`
    select i.kind, i.value_key, i.subject_id, s.name_norm, s.legal_rep_id
    from unnest(${identifiers.map((i) => i.kind)}::text[], ${identifiers.map((i) => i.valueKey)}::text[]) as t(kind, value_key)
    join subject_identifiers i on i.kind = t.kind and i.value_key = t.value_key
    join subjects s on s.id = i.subject_id`.execute(db);
  return rows;
}

/** Subjects with these normalised names (for rows that carry no identifier), lowest id first. */
export async function findByNames(db: Kysely<DB>, names: readonly { nameNorm: string; region: string | null }[]) {
  const { rows } = await sql<{ id: number; name_norm: string; region_code: string | null; legal_rep_id: number | null }>`
    select s.id, s.name_norm, s.region_code, s.legal_rep_id
    from subjects s
    where s.name_norm = any(${[...new Set(names.map((n) => n.nameNorm))]}::text[])
    order by s.id`.execute(db);
  return rows;
}

/** A subject with its identifiers (personal ones masked), earlier names and legal representative's name. */
export async function findSubjectProfile(db: Kysely<DB>, subjectId: number) {
  const subject = await db
    .selectFrom('subjects as s')
    .leftJoin('subjects as rep', 'rep.id', 's.legal_rep_id')
    .select(['s.id', 's.kind', 's.name', 's.uscc', 's.region_code', 'rep.name as legal_rep_name'])
    .where('s.id', '=', subjectId)
    .executeTakeFirst();
  if (!subject) return undefined;
  const identifiers = await db
    .selectFrom('subject_identifiers')
    .select(['kind', 'value_key', 'value_masked'])
    .where('subject_id', '=', subjectId)
    .orderBy('first_seen')
    .orderBy('kind')
    .execute();
  const names = await db.selectFrom('subject_names').select(['name']).where('subject_id', '=', subjectId).orderBy('first_seen').execute();
  return { subject, identifiers, names: names.map((n) => n.name) };
}
