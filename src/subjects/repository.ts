import { sql, type Kysely, type RawBuilder } from 'kysely';
import { encodeCopyRows, type BulkSession } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { SEARCH_EXACT_LIMIT } from './search-limits.js';

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

/** COPY into the subject tables, for a caller holding the ingest lock (no conflict can arise). */
export type CopyText = BulkSession['copyText'];

/**
 * New subjects, their identifiers, first names and search documents, by COPY: the bulk path of a
 * batch, which holds the ingest lock and has looked up every identifier it writes, so none of them
 * exists yet. Several times cheaper for PostgreSQL than the `unnest` inserts (no parameter arrays to
 * parse, no speculative insertion for ON CONFLICT).
 */
export async function copyNewSubjects(
  copy: CopyText,
  rows: { subjects: readonly NewSubject[]; identifiers: readonly NewIdentifier[]; names: readonly { subjectId: number; name: string }[]; docs: readonly NewSearchDoc[] },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  if (rows.subjects.length > 0) {
    await copy(
      'subjects',
      ['id', 'kind', 'name', 'name_norm', 'uscc', 'region_code', 'legal_rep_id', 'identity_uncertain', 'created_at', 'updated_at'],
      encodeCopyRows(rows.subjects.map((s) => [String(s.id), s.kind, s.name, s.nameNorm, s.uscc, s.region, s.legalRepId === null ? null : String(s.legalRepId), s.uncertain ? 't' : 'f', at, at])),
    );
  }
  if (rows.identifiers.length > 0) {
    await copy(
      'subject_identifiers',
      ['kind', 'value_key', 'subject_id', 'value_enc', 'value_masked', 'first_seen'],
      encodeCopyRows(rows.identifiers.map((i) => [i.kind, i.valueKey, String(i.subjectId), i.valueEnc, i.valueMasked, at])),
    );
  }
  if (rows.names.length > 0) {
    await copy('subject_names', ['subject_id', 'name', 'first_seen'], encodeCopyRows(rows.names.map((n) => [String(n.subjectId), n.name, at])));
  }
  if (rows.docs.length > 0) {
    await copy(
      'subject_search_docs',
      ['subject_id', 'is_person', 'name_norm', 'former_norms', 'initials', 'grams'],
      encodeCopyRows(rows.docs.map((d) => [String(d.id), d.isPerson ? 't' : 'f', d.nameNorm, '{}', d.initials, textArrayLiteral(d.grams)])),
    );
  }
}

/** A new subject's search document (no earlier names yet). */
export interface NewSearchDoc {
  id: number;
  isPerson: boolean;
  nameNorm: string;
  initials: string;
  grams: readonly string[];
}

/** A text[] literal: every element quoted, `"` and `\` escaped. */
function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
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
    .select(['s.id', 's.kind', 's.name', 's.uscc', 's.region_code', 's.status', 's.status_record_id', 'rep.name as legal_rep_name'])
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

// ---- 信用查询: the search index (migration 0004) ----

/** What the index needs besides the subject row: earlier names to add, the initials and the grams. */
export interface SearchDocRow {
  id: number;
  /** Normalised earlier names to add to those already indexed. */
  formerNorms: readonly string[];
  initials: string;
  /** Grams of the current name, these earlier names and the initials (`gramsOf`). */
  grams: readonly string[];
}

const SEP = '\u001f';

/**
 * Adds or refreshes the index rows of these subjects in one statement. Current name and kind come from
 * `subjects`; for a subject already indexed (a rename) earlier names accumulate and the grams are
 * recomputed from all of them.
 */
export async function upsertSearchDocs(db: Kysely<DB>, docs: readonly SearchDocRow[]): Promise<void> {
  if (docs.length === 0) return;
  await sql`
    insert into subject_search_docs as d (subject_id, is_person, name_norm, former_norms, initials, grams)
    select s.id, s.kind = 'natural_person', s.name_norm,
      coalesce(string_to_array(nullif(t.formers, ''), ${SEP}), '{}'), t.initials, coalesce(string_to_array(nullif(t.grams, ''), ${SEP}), '{}')
    from unnest(${docs.map((d) => d.id)}::int8[], ${docs.map((d) => d.formerNorms.join(SEP))}::text[], ${docs.map((d) => d.initials)}::text[],
      ${docs.map((d) => d.grams.join(SEP))}::text[]) as t(subject_id, formers, initials, grams)
    join subjects s on s.id = t.subject_id
    on conflict (subject_id) do update set
      is_person = excluded.is_person, name_norm = excluded.name_norm, initials = excluded.initials,
      former_norms = array(select distinct f from unnest(d.former_norms || excluded.former_norms) f where f <> excluded.name_norm order by f),
      grams = subject_search_grams(d.former_norms || excluded.former_norms || array[excluded.name_norm, excluded.initials])`.execute(db);
}

/**
 * The persons the public may find: those on a list that publishes persons (失信被执行人, `publish_persons`)
 * with an entry in force today. SQL over the lists module's tables, because the filter has to run inside
 * the match; the rule itself (which lists publish persons) is the lists module's data.
 */
const publishedPerson = (subjectId: RawBuilder<unknown>, today: string) => sql`exists (
  select 1 from list_entries e join list_types t on t.id = e.list_type_id
  where e.subject_id = ${subjectId} and t.publish_persons and t.status = 'active' and e.status in ('active', 'suspended')
    and (e.expires_on is null or e.expires_on >= ${today}::date))`;

// The audience is a constant in the statement (not a parameter), so the planner plans for it.
const personFilter = (withPersons: boolean, today: string) =>
  withPersons ? sql`` : sql`and (not d.is_person or ${publishedPerson(sql.ref('d.subject_id'), today)})`;

/** The condition a match must meet: all of the query's grams, and (for longer queries) the text itself. */
function matchCondition(grams: readonly string[], verify: string | null) {
  const holds = sql`d.grams @> ${grams}::text[]`;
  if (verify === null) return holds;
  return sql`${holds} and (strpos(d.name_norm, ${verify}) > 0 or strpos(d.initials, ${verify}) > 0
    or exists (select 1 from unnest(d.former_norms) f where strpos(f, ${verify}) > 0))`;
}

/**
 * Up to `cap` matching subjects in no particular order (through the grams' inverted index). Fewer than
 * `cap` means these are all the matches.
 */
export async function collectMatches(
  db: Kysely<DB>,
  input: { grams: readonly string[]; verify: string | null; withPersons: boolean; today: string; cap: number },
) {
  const { rows } = await sql<{ subject_id: number; name_norm: string }>`
    select d.subject_id, d.name_norm from subject_search_docs d
    where ${matchCondition(input.grams, input.verify)} ${personFilter(input.withPersons, input.today)}
    limit ${input.cap}`.execute(db);
  return rows;
}

/** Subjects whose current normalised name is exactly this, by id (they lead the results). */
export async function findExactNames(db: Kysely<DB>, nameNorm: string, withPersons: boolean, today: string): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    select s.id from subjects s
    where s.name_norm = ${nameNorm} ${withPersons ? sql`` : sql`and (s.kind <> 'natural_person' or ${publishedPerson(sql.ref('s.id'), today)})`}
    order by s.id limit ${SEARCH_EXACT_LIMIT}`.execute(db);
  return rows.map((r) => r.id);
}

/** Subjects holding any of these identifiers (exact, by kind and stored key), shortest name first. */
export async function findSubjectsByIdentifiers(db: Kysely<DB>, identifiers: readonly { kind: string; valueKey: string }[], withPersons: boolean) {
  if (identifiers.length === 0) return [];
  const { rows } = await sql<{ id: number }>`
    select distinct s.id, length(s.name_norm) as len
    from unnest(${identifiers.map((i) => i.kind)}::text[], ${identifiers.map((i) => i.valueKey)}::text[]) as t(kind, value_key)
    join subject_identifiers i on i.kind = t.kind and i.value_key = t.value_key
    join subjects s on s.id = i.subject_id
    where ${withPersons} or s.kind <> 'natural_person'
    order by len, s.id
    limit 100`.execute(db);
  return rows.map((r) => r.id);
}

const CODE_ORDER = `case i.kind when 'org-code' then 1 when 'reg-no' then 2 when 'tax-no' then 3 when 'institution-cert' then 4
  when 'social-org-cert' then 5 when 'resident-id' then 6 else 7 end`;

/** What a search result shows of these subjects: names, region, status, the best code to show, earlier names. */
export async function loadSearchItems(db: Kysely<DB>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const { rows } = await sql<{
    id: number;
    kind: string;
    name: string;
    name_norm: string;
    uscc: string | null;
    region_code: string | null;
    status: string | null;
    other_code: string | null;
    former_names: string[];
  }>`
    select s.id, s.kind, s.name, s.name_norm, s.uscc, s.region_code, s.status,
      (select case when i.kind in ('resident-id', 'other-id') then i.value_masked else i.value_key end
       from subject_identifiers i
       where i.subject_id = s.id and i.kind <> 'uscc' and (i.kind not in ('resident-id', 'other-id') or i.value_masked is not null)
       order by ${sql.raw(CODE_ORDER)}, i.value_key limit 1) as other_code,
      array(select n.name from subject_names n where n.subject_id = s.id and n.name <> s.name order by n.first_seen desc, n.name) as former_names
    from subjects s where s.id = any(${ids}::int8[])`.execute(db);
  return rows;
}

/** One page of subjects by id, with all their names (for a rebuild of the index). */
export async function readSubjectsForIndex(db: Kysely<DB>, afterId: number, limit: number) {
  const { rows } = await sql<{ id: number; name_norm: string; names: string[] }>`
    select s.id, s.name_norm, array(select n.name from subject_names n where n.subject_id = s.id) as names
    from subjects s where s.id > ${afterId} order by s.id limit ${limit}`.execute(db);
  return rows;
}

/** Empties the index and drops its gram index, so a rebuild appends rows without maintaining them. */
export async function clearSearchIndex(db: Kysely<DB>): Promise<void> {
  await sql`truncate subject_search_docs`.execute(db);
  await sql`drop index subject_search_docs_grams`.execute(db);
}

/** Builds the gram index in one pass (after `clearSearchIndex` and the appends). */
export async function restoreSearchIndexes(db: Kysely<DB>): Promise<void> {
  await sql`create index subject_search_docs_grams on subject_search_docs using gin (grams)`.execute(db);
  await sql`analyze subject_search_docs`.execute(db);
}

export async function countSearchDocs(db: Kysely<DB>): Promise<{ docs: number; grams: number }> {
  const { rows } = await sql<{ docs: number; grams: number }>`
    select count(*)::int as docs, coalesce(sum(cardinality(grams)), 0)::int8 as grams from subject_search_docs`.execute(db);
  return rows[0] ?? { docs: 0, grams: 0 };
}

/**
 * Serialises everything that creates subjects (batches, list decisions, the court sync): two writers
 * resolving the same new subject at once would collide. The same key as ingest's `lockIngest`.
 */
export async function lockSubjectRegistry(db: Kysely<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(7468002)`.execute(db);
}
