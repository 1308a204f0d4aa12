import type { Kysely } from 'kysely';
import { regionNameOf } from '../codes/index.js';
import type { DB } from '../db/schema.js';
import type { SubjectView } from '../records/views.js';
import { findSubjectProfile } from './repository.js';

const PERSONAL_KINDS = new Set(['resident-id', 'other-id']);

/** A subject's basic information, and the record its registration status comes from (the caller shows its items). */
export interface SubjectProfile extends SubjectView {
  statusRecordId: number | null;
}

/**
 * A subject's basic information as shown: every identifier it has had (personal numbers only in their
 * masked form), earlier names, its region's name, its registration status and its legal representative's
 * name. Badges and the registration record's items are left empty: they come from records, which the
 * caller reads.
 */
export async function getSubjectProfile(db: Kysely<DB>, subjectId: number): Promise<SubjectProfile | undefined> {
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
    regionName: regionNameOf(subject.region_code),
    status: subject.kind === 'natural_person' ? null : subject.status,
    registration: null,
    legalRepName: subject.legal_rep_name ?? null,
    formerNames: names.filter((name) => name !== subject.name),
    badges: [],
    statusRecordId: subject.status_record_id === null ? null : Number(subject.status_record_id),
  };
}
