import { hash } from 'node:crypto';
import {
  maskResidentId,
  orgCodeCheckChar,
  orgCodeFromUscc,
  PROVINCE_CODES,
  regionOfUscc,
  residentIdCheckChar,
  usccCheckChar,
  validateResidentId,
} from '../codes/index.js';
import { AppError, type ErrorDefinition, type ErrorParams } from '../kernel/errors.js';
import type { FieldCrypto } from '../kernel/field-crypto.js';
import { normalizeName, type IdentifierInput, type SubjectInput } from '../subjects/index.js';
import { ListErrors } from './errors.js';

/**
 * The 失信被执行人 feed (STANDARDS.md §4): reading JSON Lines or CSV as a stream, checking and
 * normalising each row, and the keyed content hash a snapshot is diffed by. Pure: no database.
 */

/** The court feed's fields, in this order everywhere (COPY lines, canonical text, CSV templates). */
export const COURT_FEED_FIELDS = [
  'iname',
  'caseCode',
  'age',
  'sexy',
  'cardNum',
  'businessEntity',
  'courtName',
  'areaName',
  'partyTypeName',
  'gistId',
  'regDate',
  'gistUnit',
  'duty',
  'performance',
  'performedPart',
  'unperformPart',
  'disruptTypeName',
  'publishDate',
] as const;

export type CourtFeedField = (typeof COURT_FEED_FIELDS)[number];
export type CourtFeedRow = Record<CourtFeedField, string>;
export type CourtFeedFormat = 'jsonl' | 'csv';

const F = Object.fromEntries(COURT_FEED_FIELDS.map((field, i) => [field, i])) as Record<CourtFeedField, number>;

/** Fields a row must carry (the rest may be empty). */
const REQUIRED: readonly CourtFeedField[] = ['iname', 'caseCode', 'cardNum', 'courtName', 'partyTypeName', 'regDate', 'publishDate'];

/** One record of the feed: values aligned to COURT_FEED_FIELDS ('' when absent), and the delta's `op`. */
export interface FeedRecord {
  rowNo: number;
  values: string[];
  op: string;
}

/** What the reader learnt about the file, filled in as it reads. */
export interface FeedMeta {
  format: CourtFeedFormat | null;
}

const BATCH = 4096;

function malformed(row: number, detail: string): AppError {
  return new AppError(ListErrors.COURT_SYNC_MALFORMED_FILE, { row, detail });
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value as number);
}

/** Lines of UTF-8 text (BOM dropped, CR before LF dropped); invalid UTF-8 refuses the file. */
async function* linesOf(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let carry = '';
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new AppError(ListErrors.COURT_SYNC_BAD_ENCODING);
    }
  };
  for await (const chunk of chunks) {
    const text = carry + decode(chunk);
    const lines = text.split('\n');
    carry = lines.pop() ?? '';
    if (lines.length > 0) yield lines;
  }
  const rest = carry + decode();
  if (rest.length > 0) yield [rest];
}

function stripCr(line: string): string {
  return line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
}

function countQuotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) n++;
  return n;
}

/** Splits one complete CSV record (RFC 4180: quoted fields, doubled quotes, newlines inside quotes). */
function splitCsv(text: string, rowNo: number): string[] {
  if (text.indexOf('"') < 0) return text.split(',');
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let value = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw malformed(rowNo, '引号未闭合');
        value += text.slice(i, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(value);
      if (i >= text.length) return out;
      if (text.charCodeAt(i) !== 44) throw malformed(rowNo, '引号后应为逗号');
      i++;
    } else {
      const comma = text.indexOf(',', i);
      if (comma < 0) {
        out.push(text.slice(i));
        return out;
      }
      out.push(text.slice(i, comma));
      i = comma + 1;
    }
  }
}

/** One JSON Lines line as a record; anything but a JSON object refuses the file (COURT_SYNC_MALFORMED_FILE). */
export function jsonRecord(line: string, lineNo: number): FeedRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw malformed(lineNo, '不是有效的 JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw malformed(lineNo, '每行应为一个 JSON 对象');
  const obj = parsed as Record<string, unknown>;
  const values = new Array<string>(COURT_FEED_FIELDS.length);
  for (let i = 0; i < values.length; i++) values[i] = cell(obj[COURT_FEED_FIELDS[i] as string]);
  return { rowNo: lineNo, values, op: cell(obj.op) };
}

/**
 * Reads the feed as a stream, in batches of records. The format is told by the first character (`{`:
 * JSON Lines, otherwise CSV whose header names the feed fields). `want`, when given, skips the records
 * it refuses without building them (the sync's second pass reads only the rows that change the list).
 * A structural fault (broken JSON, an unclosed quote, a wrong number of cells) throws
 * COURT_SYNC_MALFORMED_FILE naming the row.
 */
export async function* readCourtFeed(
  chunks: AsyncIterable<Uint8Array>,
  options: { delta: boolean; want?: (rowNo: number) => boolean; meta?: FeedMeta },
): AsyncGenerator<FeedRecord[]> {
  const want = options.want;
  let format: CourtFeedFormat | null = null;
  let batch: FeedRecord[] = [];
  let lineNo = 0;
  // CSV state.
  let columns: number[] | null = null;
  let opColumn = -1;
  let width = 0;
  let recordNo = 1;
  let pending: string | null = null;
  let pendingQuotes = 0;

  const csvRecord = (text: string): void => {
    if (columns === null) {
      const header = splitCsv(text, 1).map((name) => name.trim());
      width = header.length;
      columns = COURT_FEED_FIELDS.map((field) => header.indexOf(field));
      opColumn = header.indexOf('op');
      const missing: string[] = REQUIRED.filter((field) => header.indexOf(field) < 0);
      if (options.delta && opColumn < 0) missing.unshift('op');
      // A delta may carry revocations only, which need nothing but the case number.
      if (missing.length > 0 && !(options.delta && header.includes('caseCode') && opColumn >= 0))
        throw new AppError(ListErrors.COURT_SYNC_MISSING_COLUMNS, { columns: missing.join('、') });
      return;
    }
    recordNo++;
    if (want && !want(recordNo)) return;
    if (text.length === 0) return;
    const cells = splitCsv(text, recordNo);
    if (cells.length !== width) throw malformed(recordNo, `应有 ${width} 列，实有 ${cells.length} 列`);
    const values = new Array<string>(COURT_FEED_FIELDS.length);
    for (let i = 0; i < values.length; i++) {
      const at = (columns as number[])[i] as number;
      values[i] = at < 0 ? '' : (cells[at] as string);
    }
    batch.push({ rowNo: recordNo, values, op: opColumn < 0 ? '' : (cells[opColumn] as string) });
  };

  for await (const lines of linesOf(chunks)) {
    for (const raw of lines) {
      lineNo++;
      if (format === null) {
        const first = raw.trimStart();
        if (first.length === 0) continue;
        format = first.startsWith('{') ? 'jsonl' : 'csv';
        if (options.meta) options.meta.format = format;
      }
      if (format === 'jsonl') {
        if (want && !want(lineNo)) continue;
        const line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
        if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim().length === 0)) continue;
        batch.push(jsonRecord(line, lineNo));
      } else {
        const line = stripCr(raw);
        if (pending !== null) {
          pending += '\n' + line;
          pendingQuotes += countQuotes(line);
          if (pendingQuotes % 2 === 1) continue;
          const record = pending;
          pending = null;
          csvRecord(record);
        } else {
          const quotes = line.indexOf('"') < 0 ? 0 : countQuotes(line);
          if (quotes % 2 === 1) {
            pending = line;
            pendingQuotes = quotes;
            continue;
          }
          csvRecord(line);
        }
      }
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
  }
  if (pending !== null) throw malformed(recordNo + 1, '引号未闭合');
  if (batch.length > 0) yield batch;
  if (format === 'csv' && columns === null) throw new AppError(ListErrors.COURT_SYNC_EMPTY_FILE);
}

// ——— Checking a row ———

/** A refused row: a stable code and its Chinese message (never the identity number itself). */
export interface CourtRowIssue {
  rowNo: number;
  caseCode: string | null;
  code: string;
  message: string;
}

export type CardKind = 'resident-id' | 'masked-id' | 'uscc' | 'org-code';

export interface CheckedRow {
  ok: true;
  caseCode: string;
  /** 'u': upsert (every snapshot row), 'r': revoke (delta). */
  op: 'u' | 'r';
  /** Normalised values (trimmed; dates as YYYY-MM-DD; cardNum upper case without separators). */
  values: string[];
  person: boolean;
  cardKind: CardKind | null;
}

export interface RefusedRow {
  ok: false;
  caseCode: string | null;
  def: ErrorDefinition;
  params: ErrorParams;
}

const PERSON_TYPES = new Set(['自然人', '个人']);
const ORGANISATION_TYPES = new Set(['法人或其他组织', '法人', '其他组织', '非法人组织', '企业', '单位', '法人或非法人组织']);
const DATE_FIELDS: readonly CourtFeedField[] = ['regDate', 'publishDate'];

const dateCache = new Map<string, string | null>();

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** YYYY-MM-DD, YYYYMMDD or YYYY年M月D日 (optionally followed by a time) → YYYY-MM-DD; null if not a real date. */
export function normalizeFeedDate(raw: string): string | null {
  const cached = dateCache.get(raw);
  if (cached !== undefined) return cached;
  const m = /^(\d{4})(?:-(\d{1,2})-(\d{1,2})|(\d{2})(\d{2})|年(\d{1,2})月(\d{1,2})日)(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(raw);
  let out: string | null = null;
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2] ?? m[4] ?? m[6]);
    const d = Number(m[3] ?? m[5] ?? m[7]);
    if (isRealDate(y, mo, d)) out = `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  if (dateCache.size < 100_000) dateCache.set(raw, out);
  return out;
}

function refuse(caseCode: string | null, def: ErrorDefinition, params: ErrorParams = {}): RefusedRow {
  return { ok: false, caseCode, def, params };
}

function residentIdProblem(id: string): string | null {
  const ok =
    /^\d{17}[\dX]$/.test(id) &&
    id.slice(0, 2) in PROVINCE_CODES &&
    isRealDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))) &&
    residentIdCheckChar(id.slice(0, 17)) === id[17];
  if (ok) return null;
  // The validator's messages name positions, never the whole number.
  return validateResidentId(id).issues.find((issue) => issue.severity === 'error')?.message ?? '校验码不正确';
}

function orgCodeProblem(code: string): string | null {
  try {
    if (code.length === 18) return usccCheckChar(code.slice(0, 17)) === code[17] ? null : '统一社会信用代码校验码不正确';
    if (code.length === 9) return orgCodeCheckChar(code.slice(0, 8)) === code[8] ? null : '组织机构代码校验码不正确';
  } catch {
    return '含有无效字符';
  }
  return '法人或其他组织的证件号码应为 18 位统一社会信用代码或 9 位组织机构代码';
}

const MASKED_ID = /^\d{6,10}\*{4,8}\d{0,4}[\dX]$/;

function ageOn(birth: string, day: string): number {
  // birth: YYYYMMDD from the ID; day: YYYY-MM-DD.
  let age = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  if (day.slice(5, 7) + day.slice(8, 10) < birth.slice(4, 8)) age--;
  return age;
}

/**
 * Checks and normalises one row. Snapshot rows are all upserts; a delta row says `op` (upsert |
 * revoke; a revocation needs only the case number). Minors are refused (法释〔2017〕7号), by the age
 * field or, when it is empty, by the birth date in the resident ID on the filing date.
 */
export function checkCourtRow(record: FeedRecord, delta: boolean): CheckedRow | RefusedRow {
  const values = record.values;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as string;
    // Trimming only what needs it: this runs for every row of an 8-million-row snapshot.
    if (v.length > 0 && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32 || v.charCodeAt(0) === 0x3000)) values[i] = v.trim();
  }
  const caseCode = values[F.caseCode] as string;
  if (caseCode === '') return refuse(null, ListErrors.COURT_SYNC_MISSING_FIELD, { field: 'caseCode' });
  let op: 'u' | 'r' = 'u';
  if (delta) {
    const o = record.op.trim().toLowerCase();
    if (o === 'revoke') op = 'r';
    else if (o !== 'upsert') return refuse(caseCode, ListErrors.COURT_SYNC_BAD_OPERATION);
  }
  if (op === 'r') return { ok: true, caseCode, op, values, person: false, cardKind: null };
  for (const field of REQUIRED) if (values[F[field]] === '') return refuse(caseCode, ListErrors.COURT_SYNC_MISSING_FIELD, { field });
  for (const field of DATE_FIELDS) {
    const date = normalizeFeedDate(values[F[field]] as string);
    if (date === null) return refuse(caseCode, ListErrors.COURT_SYNC_BAD_DATE, { field });
    values[F[field]] = date;
  }
  const party = values[F.partyTypeName] as string;
  const person = PERSON_TYPES.has(party);
  if (!person && !ORGANISATION_TYPES.has(party)) return refuse(caseCode, ListErrors.COURT_SYNC_BAD_PARTY_TYPE);
  const ageText = values[F.age] as string;
  let age: number | null = null;
  if (ageText !== '') {
    if (!/^\d{1,3}$/.test(ageText) || Number(ageText) > 150) return refuse(caseCode, ListErrors.COURT_SYNC_BAD_AGE);
    age = Number(ageText);
    values[F.age] = String(age);
  }
  let card = values[F.cardNum] as string;
  if (/[\s\-a-z]/.test(card)) card = card.replace(/[\s-]/g, '').toUpperCase();
  values[F.cardNum] = card;
  let cardKind: CardKind;
  if (person) {
    if (card.includes('*')) {
      if (!MASKED_ID.test(card) || card.length !== 18) return refuse(caseCode, ListErrors.COURT_SYNC_BAD_CARD_NUM, { detail: '脱敏的居民身份证号码格式不正确' });
      cardKind = 'masked-id';
    } else {
      const problem = residentIdProblem(card);
      if (problem !== null) return refuse(caseCode, ListErrors.COURT_SYNC_BAD_CARD_NUM, { detail: problem });
      cardKind = 'resident-id';
      if (age === null) age = ageOn(card.slice(6, 14), values[F.regDate] as string);
    }
    if (age !== null && age < 18) return refuse(caseCode, ListErrors.COURT_SYNC_MINOR, { age });
  } else {
    const problem = orgCodeProblem(card);
    if (problem !== null) return refuse(caseCode, ListErrors.COURT_SYNC_BAD_CARD_NUM, { detail: problem });
    cardKind = card.length === 18 ? 'uscc' : 'org-code';
  }
  return { ok: true, caseCode, op, values, person, cardKind };
}

/** The per-row report of a refused row. */
export function issueOf(rowNo: number, refused: RefusedRow): CourtRowIssue {
  const error = new AppError(refused.def, refused.params);
  return { rowNo, caseCode: refused.caseCode, code: error.code, message: error.messageZh };
}

const hashPrefixes = new WeakMap<FieldCrypto, string>();

/**
 * The content hash a snapshot is diffed by: keyed, not a plain digest — the values include the
 * resident ID and the other fields are public, so a plain digest would let anyone holding the table
 * recover the ID by trying the few million candidates. MD5 over a secret prefix (derived from the
 * master key) and the normalised values: a keyed equality check, at a third of an HMAC's cost per row
 * (it runs for every row of an 8-million-row snapshot); collisions would need to be found without
 * the key.
 */
export function courtContentHash(crypto: FieldCrypto, values: readonly string[]): string {
  let prefix = hashPrefixes.get(crypto);
  if (prefix === undefined) {
    prefix = crypto.blindIndex('court-feed-row-key', 'v1');
    hashPrefixes.set(crypto, prefix);
  }
  return hash('md5', prefix + '\u001f' + values.join('\u001f'), 'base64url');
}

// ——— Building an entry from a checked row ———

/** What the sync writes for a new or changed listing. */
export interface CourtEntryDraft {
  subject: SubjectInput;
  decisionNo: string | null;
  decisionDate: string;
  effectiveFrom: string;
  reasons: string;
  /** The feed fields as JSON, a person's cardNum masked. */
  data: string;
  /** A person's full cardNum, encrypted (null for organisations and already-masked numbers). */
  dataEnc: string | null;
}

function subjectKindOfUscc(uscc: string): string {
  const authority = uscc[0];
  const category = uscc[1];
  if (authority === '9') return category === '2' ? 'individual_business' : 'enterprise';
  if (authority === '1') return category === '1' ? 'government' : 'public_institution';
  if (authority === '5') return 'social_organisation';
  return 'other';
}

/** Subject, reasons and stored data of a checked upsert row. */
export function draftCourtEntry(crypto: FieldCrypto, row: CheckedRow): CourtEntryDraft {
  const v = row.values;
  const name = v[F.iname] as string;
  const card = v[F.cardNum] as string;
  const data: Record<string, string> = {};
  COURT_FEED_FIELDS.forEach((field, i) => (data[field] = v[i] as string));
  let identifiers: IdentifierInput[];
  let region: string | null;
  let dataEnc: string | null = null;
  let kind: string;
  if (row.person) {
    kind = 'natural_person';
    region = card.slice(0, 6);
    if (row.cardKind === 'resident-id') {
      const masked = maskResidentId(card);
      identifiers = [{ kind: 'resident-id', valueKey: crypto.blindIndex('resident-id', card), valueEnc: crypto.encrypt(card), valueMasked: masked }];
      data.cardNum = masked;
      dataEnc = crypto.encrypt(JSON.stringify({ cardNum: card }));
    } else {
      // The court published only a masked number: name + masked number is as close as it identifies.
      identifiers = [{ kind: 'other-id', valueKey: crypto.blindIndex('court-masked-id', `${normalizeName(name)}|${card}`), valueMasked: card }];
    }
  } else if (row.cardKind === 'uscc') {
    kind = subjectKindOfUscc(card);
    region = regionOfUscc(card) ?? null;
    const orgCode = orgCodeFromUscc(card);
    identifiers = [{ kind: 'uscc', valueKey: card }, ...(orgCode ? [{ kind: 'org-code' as const, valueKey: orgCode }] : [])];
  } else {
    kind = 'other';
    region = null;
    identifiers = [{ kind: 'org-code', valueKey: card }];
  }
  const disrupt = v[F.disruptTypeName] as string;
  const duty = v[F.duty] as string;
  const reasons = [disrupt ? `失信情形：${disrupt}` : '', duty ? `生效法律文书确定的义务：${duty}` : ''].filter(Boolean).join('；') || '人民法院依法公布的失信被执行人';
  return {
    subject: { kind, name, nameNorm: normalizeName(name), region, identifiers, legalRep: null },
    decisionNo: (v[F.gistId] as string) || null,
    decisionDate: v[F.regDate] as string,
    effectiveFrom: v[F.publishDate] as string,
    reasons,
    data: JSON.stringify(data),
    dataEnc,
  };
}
