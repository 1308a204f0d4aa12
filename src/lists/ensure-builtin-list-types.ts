import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { BUILTIN_LIST_TYPES } from './builtin-list-types.js';
import * as repo from './repository.js';

/**
 * Adds the built-in list types an installation lacks, active, linked to their listing department when
 * the installation has one with the usual code (linking it later when it is created later); leaves
 * existing ones (and their edits) alone.
 */
export async function ensureBuiltinListTypes(db: Kysely<DB>, at: Date): Promise<void> {
  for (const def of BUILTIN_LIST_TYPES) {
    const authorityDepartmentId = def.authorityDepartmentCode ? await repo.findDepartmentIdByCode(db, def.authorityDepartmentCode) : null;
    const existing = await repo.findListTypeByCode(db, def.code);
    if (!existing) await repo.insertListType(db, def, { at, builtin: true, status: 'active', authorityDepartmentId });
    // A department created after the list type (the demo city, a new installation) is linked once.
    else if (existing.builtin && existing.authority_department_id === null && authorityDepartmentId !== null)
      await repo.setListTypeAuthorityDepartment(db, existing.id, authorityDepartmentId);
  }
}
