import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { SubjectView } from '../records/views.js';
import { findSubjectProfile } from './repository.js';

const PERSONAL_KINDS = new Set(['resident-id', 'other-id']);

/**
 * A subject's basic information as shown: every identifier it has had (personal numbers only in their
 * masked form), earlier names, and its legal representative's name. Badges are left empty: they come
 * from list records, which the caller knows.
 */
export async function getSubjectProfile(db: Kysely<DB>, subjectId: number): Promise<SubjectView | undefined> {
  const found = await findSubjectProfile(db, subjectId);
  if (!found) return undefined;
  const { subject, identifiers, names } = found;
  return {
    id: Number(subject.id),
    kind: subject.kind as SubjectView['kind'],
    name: subject.name,
    uscc: subject.uscc,
    codes: identifiers.map((i) => ({
      kind: i.kind as SubjectView['codes'][number]['kind'],
      value: PERSONAL_KINDS.has(i.kind) ? (i.value_masked ?? '***') : i.value_key,
    })),
    regionCode: subject.region_code,
    legalRepName: subject.legal_rep_name ?? null,
    formerNames: names.filter((name) => name !== subject.name),
    badges: [],
  };
}
