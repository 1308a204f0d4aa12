import type { Kysely } from 'kysely';
import type { AppContext } from '../app/context.js';
import { maskResidentId, validateCode, validateResidentId, validateUscc } from '../codes/index.js';
import type { DB } from '../db/schema.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError } from '../kernel/errors.js';
import { lockSubjectRegistry, normalizeName, SubjectResolver, type IdentifierInput } from '../subjects/index.js';
import { ListErrors } from './errors.js';
import * as repo from './repository.js';
import type { SubjectRefInput } from './schemas.js';

export interface ResolvedRef {
  subjectId: number;
  name: string;
  /** A person's birth date, from the ID number (minors are never listed on most lists). */
  birthDate: string | null;
}

function invalid(detail: string): AppError {
  return new AppError(ListErrors.LIST_ENTRY_SUBJECT_INVALID, { detail });
}

function kindOfUscc(uscc: string): string {
  if (uscc.startsWith('92')) return 'individual_business';
  if (uscc.startsWith('91') || uscc.startsWith('93')) return 'enterprise';
  if (uscc.startsWith('12')) return 'public_institution';
  if (uscc.startsWith('11')) return 'government';
  if (uscc.startsWith('5')) return 'social_organisation';
  return 'other';
}

/**
 * The subject a listing decision names: by USCC, another code or a resident ID (a decision needs a
 * certain identity, so a name alone is refused). A subject the platform has not seen yet is created
 * the way the ingest pipeline creates it, under the same lock.
 */
export async function resolveSubjectRef(ctx: AppContext, db: Kysely<DB>, ref: SubjectRefInput): Promise<ResolvedRef> {
  const given = [ref.uscc, ref.code, ref.residentId].filter((v) => v !== undefined && v.trim() !== '');
  if (given.length === 0) throw invalid('需要统一社会信用代码、组织机构代码（注册号）或身份证号码之一，仅凭名称不能列入名单');
  if (given.length > 1) throw invalid('统一社会信用代码、其他代码、身份证号码只能填写一项');
  const name = ref.name.trim();
  const today = chinaDate(ctx.clock.now());
  let identifier: IdentifierInput;
  let kind: string;
  let uscc: string | null = null;
  let birthDate: string | null = null;

  if (ref.uscc) {
    const v = validateUscc(ref.uscc);
    if (!v.valid) throw invalid(`统一社会信用代码“${ref.uscc}”：${v.issues.map((i) => i.message).join('；')}`);
    uscc = v.normalized;
    identifier = { kind: 'uscc', valueKey: uscc };
    kind = ref.kind ?? kindOfUscc(uscc);
  } else if (ref.residentId) {
    const v = validateResidentId(ref.residentId, { today });
    if (!v.valid) throw invalid(`身份证号码 ${maskResidentId(v.normalized)}：${v.issues.map((i) => i.message).join('；')}`);
    identifier = {
      kind: 'resident-id',
      valueKey: ctx.crypto.blindIndex('resident-id', v.normalized),
      valueEnc: ctx.crypto.encrypt(v.normalized),
      valueMasked: maskResidentId(v.normalized),
    };
    kind = 'natural_person';
    birthDate = (v.details as { birthDate?: string }).birthDate ?? null;
  } else {
    const v = validateCode(ref.code!, { today });
    if (!v.valid || (v.kind !== 'org-code' && v.kind !== 'reg-no'))
      throw invalid(`代码“${ref.code}”不是有效的组织机构代码或工商注册号${v.issues.length ? '：' + v.issues.map((i) => i.message).join('；') : ''}`);
    identifier = { kind: v.kind, valueKey: v.normalized };
    kind = ref.kind ?? 'enterprise';
  }
  if (kind === 'natural_person' && !ref.residentId) throw invalid('自然人须以身份证号码列入');

  const found = await repo.findSubjectByIdentifier(db, identifier.kind, identifier.valueKey);
  if (found) return { subjectId: found.id, name: found.name, birthDate };
  await lockSubjectRegistry(db);
  const [resolved] = await new SubjectResolver(db, ctx.clock.now()).resolve([
    { kind, name, nameNorm: normalizeName(name), region: uscc ? uscc.slice(2, 8) : null, identifiers: [identifier], legalRep: null },
  ]);
  return { subjectId: resolved!.subjectId, name, birthDate };
}

/** Age in whole years on a day. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
