import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * All SQL of the subject registry.
 *
 * Identity resolution works set-based on a staging table (`ingest_stage`, created by the ingest
 * pipeline) whose rows carry: row_no, kind, name, name_norm, uscc, org_code, reg_no, tax_no, inst_cert,
 * social_cert, person_key / person_enc / person_masked (keyed hash, ciphertext and masked form of a
 * personal identifier), person_id_kind, region, rep_name, rep_name_norm, rep_key, rep_enc, rep_masked,
 * ident_key, and the output columns subject_id, rep_id, uncertain.
 */

const IDENTIFIER_COLUMNS = [
  ['uscc', 'uscc', 1],
  ['org-code', 'org_code', 2],
  ['reg-no', 'reg_no', 3],
  ['tax-no', 'tax_no', 4],
  ['institution-cert', 'inst_cert', 5],
  ['social-org-cert', 'social_cert', 6],
] as const;

/** SQL that is true when a staged row carries no identifier at all (identity by name only). */
const NO_IDENTIFIER = sql.raw(
  `${IDENTIFIER_COLUMNS.map(([, column]) => `s.${column} is null`).join(' and ')} and s.person_key is null`,
);

/**
 * Resolves every staged row to a subject: by USCC, then the other codes, then the keyed hash of a
 * personal identifier, then — only for rows without any identifier — normalised name and region,
 * marked uncertain. Creates the subjects nobody matched, records their identifiers and names, and
 * links legal representatives (natural-person subjects, found by the keyed hash of their ID number).
 */
export async function resolveStagedSubjects(db: Kysely<DB>, now: Date): Promise<void> {
  const byCode = IDENTIFIER_COLUMNS.map(
    ([kind, column, priority]) =>
      `select s.row_no, i.subject_id, ${priority} as p, false as by_name from ingest_stage s
       join subject_identifiers i on i.kind = '${kind}' and i.value_key = s.${column}`,
  ).join(' union all ');
  await sql`
    update ingest_stage s set subject_id = m.subject_id, uncertain = m.by_name
    from (
      select distinct on (row_no) row_no, subject_id, by_name from (
        ${sql.raw(byCode)}
        union all
        select s.row_no, i.subject_id, 7, false from ingest_stage s
        join subject_identifiers i on i.kind = s.person_id_kind and i.value_key = s.person_key
        union all
        select s.row_no, n.id, 8, true from ingest_stage s
        join subjects n on n.name_norm = s.name_norm and (s.region is null or n.region_code = s.region)
        where ${NO_IDENTIFIER}
      ) c order by row_no, p, subject_id
    ) m
    where m.row_no = s.row_no`.execute(db);

  // Subjects nobody matched: one per identity key, ids drawn first so staged rows can point at them.
  await sql`truncate ingest_new_subjects`.execute(db);
  await sql`
    insert into ingest_new_subjects (id, ident_key, kind, name, name_norm, uscc, region, uncertain)
    select nextval('subjects_id_seq'), ident_key, kind, name, name_norm, uscc, region, no_identifier
    from (
      select distinct on (ident_key) s.ident_key, s.kind, s.name, s.name_norm, s.uscc, s.region, (${NO_IDENTIFIER}) as no_identifier
      from ingest_stage s where s.subject_id is null
      order by s.ident_key, s.row_no desc
    ) d`.execute(db);
  await sql`
    insert into subjects (id, kind, name, name_norm, uscc, region_code, identity_uncertain, created_at, updated_at)
    select id, kind, name, name_norm, uscc, region, uncertain, ${now}, ${now} from ingest_new_subjects`.execute(db);
  await sql`
    update ingest_stage s set subject_id = n.id, uncertain = n.uncertain
    from ingest_new_subjects n where s.subject_id is null and n.ident_key = s.ident_key`.execute(db);

  const identifierRows = IDENTIFIER_COLUMNS.map(
    ([kind, column]) =>
      `select '${kind}' as kind, ${column} as value_key, subject_id, null::text as value_enc, null::text as value_masked, row_no
       from ingest_stage where ${column} is not null`,
  ).join(' union all ');
  await sql`
    insert into subject_identifiers (kind, value_key, subject_id, value_enc, value_masked, first_seen)
    select distinct on (kind, value_key) kind, value_key, subject_id, value_enc, value_masked, ${now}
    from (
      ${sql.raw(identifierRows)}
      union all
      select person_id_kind, person_key, subject_id, person_enc, person_masked, row_no from ingest_stage where person_key is not null
    ) x
    order by kind, value_key, row_no
    on conflict do nothing`.execute(db);

  // Names over time: a subject's first name, and any name that differs from its current one once
  // normalised (a rename, not a traditional-character or bracket variant), are recorded; the latest
  // such name becomes current. Rows under the current name cost one primary-key probe.
  await sql`
    insert into subject_names (subject_id, name, first_seen)
    select id, name, ${now} from ingest_new_subjects
    on conflict do nothing`.execute(db);
  await sql`
    with changed as (
      select distinct on (s.subject_id) s.subject_id, s.name, s.name_norm
      from ingest_stage s join subjects su on su.id = s.subject_id
      where su.name_norm <> s.name_norm
      order by s.subject_id, s.row_no desc
    ), recorded as (
      insert into subject_names (subject_id, name, first_seen)
      select subject_id, name, ${now}::timestamptz from changed
      on conflict do nothing
    )
    update subjects su set name = c.name, name_norm = c.name_norm, updated_at = ${now}
    from changed c where su.id = c.subject_id`.execute(db);

  await resolveLegalRepresentatives(db, now);
}

async function resolveLegalRepresentatives(db: Kysely<DB>, now: Date): Promise<void> {
  await sql`
    update ingest_stage s set rep_id = i.subject_id
    from subject_identifiers i
    where s.rep_key is not null and i.kind = 'resident-id' and i.value_key = s.rep_key`.execute(db);
  await sql`truncate ingest_new_subjects`.execute(db);
  await sql`
    insert into ingest_new_subjects (id, ident_key, kind, name, name_norm, uscc, region, uncertain, value_enc, value_masked)
    select nextval('subjects_id_seq'), rep_key, 'natural_person', rep_name, rep_name_norm, null, rep_region, false, rep_enc, rep_masked
    from (
      select distinct on (rep_key) rep_key, rep_name, rep_name_norm, rep_region, rep_enc, rep_masked
      from ingest_stage where rep_key is not null and rep_id is null
      order by rep_key, row_no desc
    ) d`.execute(db);
  await sql`
    insert into subjects (id, kind, name, name_norm, uscc, region_code, identity_uncertain, created_at, updated_at)
    select id, kind, name, name_norm, null, region, false, ${now}, ${now} from ingest_new_subjects`.execute(db);
  await sql`
    insert into subject_identifiers (kind, value_key, subject_id, value_enc, value_masked, first_seen)
    select 'resident-id', ident_key, id, value_enc, value_masked, ${now} from ingest_new_subjects
    on conflict do nothing`.execute(db);
  await sql`
    insert into subject_names (subject_id, name, first_seen)
    select id, name, ${now} from ingest_new_subjects
    on conflict do nothing`.execute(db);
  await sql`
    update ingest_stage s set rep_id = n.id
    from ingest_new_subjects n where s.rep_key is not null and s.rep_id is null and n.ident_key = s.rep_key`.execute(db);
  await sql`
    update subjects su set legal_rep_id = x.rep_id, updated_at = ${now}
    from (
      select distinct on (subject_id) subject_id, rep_id from ingest_stage
      where rep_id is not null order by subject_id, row_no desc
    ) x
    where su.id = x.subject_id and su.legal_rep_id is distinct from x.rep_id`.execute(db);
}

/** Finds a subject by one of its identifiers (non-personal codes are looked up by value). */
export async function findSubjectIdByIdentifier(db: Kysely<DB>, kind: string, valueKey: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('subject_identifiers')
    .select('subject_id')
    .where('kind', '=', kind)
    .where('value_key', '=', valueKey)
    .executeTakeFirst();
  return row?.subject_id;
}

export async function getSubject(db: Kysely<DB>, id: number) {
  return db.selectFrom('subjects').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listIdentifiers(db: Kysely<DB>, subjectId: number) {
  return db
    .selectFrom('subject_identifiers')
    .select(['kind', 'value_key', 'value_masked', 'first_seen'])
    .where('subject_id', '=', subjectId)
    .orderBy('first_seen')
    .execute();
}

export async function listNames(db: Kysely<DB>, subjectId: number) {
  return db.selectFrom('subject_names').select(['name', 'first_seen']).where('subject_id', '=', subjectId).orderBy('first_seen').execute();
}
