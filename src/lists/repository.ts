import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ListTypeDefinition } from './builtin-list-types.js';

/** All SQL of the lists module. */

export async function findListTypeByCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('list_types').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findListTypeById(db: Kysely<DB>, id: number) {
  return db.selectFrom('list_types').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listListTypes(db: Kysely<DB>) {
  return db.selectFrom('list_types').selectAll().orderBy('id').execute();
}

export async function findDepartmentIdByCode(db: Kysely<DB>, code: string): Promise<number | null> {
  const row = await db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id ?? null;
}

export async function insertListType(
  db: Kysely<DB>,
  def: ListTypeDefinition,
  opts: { at: Date; builtin: boolean; status: 'draft' | 'active'; authorityDepartmentId: number | null },
) {
  return db
    .insertInto('list_types')
    .values({
      code: def.code,
      name: def.name,
      kind: def.kind,
      legal_basis: JSON.stringify(def.legalBasis),
      authority: def.authority,
      authority_department_id: opts.authorityDepartmentId,
      criteria: def.criteria,
      exit_conditions: def.exitConditions,
      remedies: def.remedies,
      default_duration_months: def.defaultDurationMonths,
      notice_workdays: def.noticeWorkdays,
      serious: def.serious,
      publish_persons: def.publishPersons,
      minors_excluded: def.minorsExcluded,
      status: opts.status,
      builtin: opts.builtin,
      created_at: opts.at,
      updated_at: opts.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setListTypeAuthorityDepartment(db: Kysely<DB>, id: number, departmentId: number): Promise<void> {
  await db.updateTable('list_types').set({ authority_department_id: departmentId }).where('id', '=', id).execute();
}
