import { createRng, generateRegNo, generateResidentId, generateUscc, maskResidentId } from '../src/codes/index.js';
import type { Kysely } from 'kysely';
import { csvField, csvLine, PENALTY_COLUMNS } from '../src/demo/index.js';
import type { DB } from '../src/db/schema.js';
import type { Actor } from '../src/kernel/actor.js';
import type { FieldCrypto } from '../src/kernel/field-crypto.js';
import { normalizeName, SubjectResolver, type SubjectInput } from '../src/subjects/index.js';

/** Test data builders: each returns a valid object; overrides change only what a test is about. */

const rng = createRng(20250616);

export const AGENCY_USCC = generateUscc(rng, { authority: '1', category: '1', region: '350100' });

export function buildUscc(region = '350102'): string {
  return generateUscc(rng, { region });
}

export function buildRegNo(region = '350102'): string {
  return generateRegNo(rng, region);
}

export function buildResidentId(opts: { birthDate?: string; sex?: 'M' | 'F' } = {}): string {
  return generateResidentId(rng, { region: '350102', ...opts });
}

let serial = 0;

/** A valid 行政处罚 row (national field codes) about an enterprise. */
export function buildPenaltyRow(overrides: Record<string, string> = {}): Record<string, string> {
  serial += 1;
  return {
    CF_XDR_MC: `福州测试${serial}号科技有限公司`,
    CF_XDR_LB: '法人及非法人组织',
    CF_XDR_SHXYM: buildUscc(),
    CF_FRDB: '陈明',
    CF_WSH: `榕市监处罚〔2025〕${serial}号`,
    CF_WFXW: '销售不符合食品安全标准的食品',
    CF_SY: '经查，当事人于2025年3月销售超过保质期的食品，违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。',
    CF_YJ: '《中华人民共和国食品安全法》第一百二十四条第一款',
    CF_CFLB: '警告;罚款',
    CF_NR: '警告，并处罚款人民币伍仟元整',
    CF_NR_FK: '0.5',
    CF_JDRQ: '2025-06-10',
    CF_YXQ: '2026-06-10',
    CF_CFJG: '福州市市场监督管理局',
    CF_CFJGDM: AGENCY_USCC,
    CF_SJLY: '福州市市场监督管理局',
    CF_SJLYDM: AGENCY_USCC,
    ...overrides,
  };
}

/** A valid 市场主体登记信息 row (topic DJXX): an enterprise registered in 鼓楼区, 存续. */
export function buildRegistrationRow(overrides: Record<string, string> = {}): Record<string, string> {
  serial += 1;
  return {
    DJ_ZTMC: `福州登记测试${serial}号贸易有限公司`,
    DJ_ZTLB: '法人及非法人组织',
    DJ_SHXYM: buildUscc(),
    DJ_ZTLX: '有限责任公司（自然人投资或控股）',
    DJ_FRDB: '林芳',
    DJ_CLRQ: '2018-03-12',
    DJ_ZCZB: '500',
    DJ_ZS: '福建省福州市鼓楼区五四路 88 号',
    DJ_JYFW: '日用百货销售；食品销售（仅销售预包装食品）。',
    DJ_DJJG: '福州市鼓楼区市场监督管理局',
    DJ_DJZT: '存续',
    DJ_HZRQ: '2018-03-12',
    ...overrides,
  };
}

/** The penalty template's columns, in catalogue order. */
export const PENALTY_CODES = PENALTY_COLUMNS;

/** RFC 4180 CSV of rows, with the given header (default: field codes). */
export function toCsv(rows: Record<string, string>[], columns: readonly string[] = PENALTY_CODES, header: readonly string[] = columns): string {
  return [header.map(csvField).join(','), ...rows.map((row) => csvLine(row, columns))].join('\r\n') + '\r\n';
}

/** Inserts a department and returns its id. */
export async function insertDepartment(db: Kysely<DB>, code: string, name = `${code} 测试部门`): Promise<number> {
  const row = await db
    .insertInto('departments')
    .values({ code, name, uscc: null, kind: 'department', created_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A department submitter acting through an API token. */
export function submitterOf(departmentId: number, name = 'clerk'): Actor {
  return { type: 'token', id: '1', name, departmentId, roles: ['submitter'] };
}

/** Feeds a string or buffer to the pipeline as a stream. */
export async function* streamOf(content: string | Buffer, chunkSize = 64 * 1024): AsyncGenerator<Buffer> {
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  for (let i = 0; i < buffer.length; i += chunkSize) yield buffer.subarray(i, i + chunkSize);
}

export interface SubjectSpec {
  kind?: 'enterprise' | 'individual_business' | 'public_institution' | 'social_organisation' | 'government' | 'natural_person';
  name?: string;
  uscc?: string;
  /** Natural persons: the 居民身份证号码 (stored as keyed hash + ciphertext + masked form). */
  residentId?: string;
  /** Organisations: a natural-person legal representative. */
  legalRep?: { name: string; residentId: string };
  region?: string;
}

/**
 * Creates (or finds) a subject through the same resolver the ingest pipeline uses and returns its id.
 * An organisation gets a fresh USCC unless one is given; a person a fresh resident ID.
 */
export async function insertSubject(ctx: { db: Kysely<DB>; crypto: FieldCrypto }, spec: SubjectSpec = {}): Promise<number> {
  serial += 1;
  const kind = spec.kind ?? 'enterprise';
  const person = kind === 'natural_person';
  const name = spec.name ?? (person ? `测试人${serial}` : `福州测试主体${serial}号有限公司`);
  const region = spec.region ?? '350102';
  const personId = (residentId: string) => ({
    kind: 'resident-id' as const,
    valueKey: ctx.crypto.blindIndex('resident-id', residentId),
    valueEnc: ctx.crypto.encrypt(residentId),
    valueMasked: maskResidentId(residentId),
  });
  const input: SubjectInput = {
    kind,
    name,
    nameNorm: normalizeName(name),
    region,
    identifiers: person
      ? [personId(spec.residentId ?? buildResidentId())]
      : [{ kind: 'uscc', valueKey: spec.uscc ?? buildUscc(region) }],
    legalRep: spec.legalRep
      ? { name: spec.legalRep.name, nameNorm: normalizeName(spec.legalRep.name), region, identifier: personId(spec.legalRep.residentId) }
      : null,
  };
  const [resolved] = await new SubjectResolver(ctx.db, new Date()).resolve([input]);
  return resolved!.subjectId;
}
