import { publicationEndOf, SUBJECT_KIND_NAMES, type DataItem, type SubjectCategory, type TopicDefinition } from '../catalog/index.js';
import { USCC_PLACEHOLDER, validateOrgCode, validateRegNo, validateResidentId, validateUscc } from '../codes/index.js';
import { cleanName, normalizeName } from '../subjects/index.js';
import { cleanText, normalizeAmount, normalizeDate } from './normalize-value.js';

/** One problem of one row, as the batch error report shows it. */
export interface RowIssue {
  /** Item code of the column, or null for a problem of the whole row. */
  column: string | null;
  columnName: string | null;
  value: string | null;
  /** Stable code, e.g. `required`, `bad-date`, `uscc-category-mismatch`. */
  code: string;
  severity: 'error' | 'warning';
  /** Chinese, naming what is wrong. */
  message: string;
}

export type SubjectKind =
  | 'enterprise'
  | 'individual_business'
  | 'public_institution'
  | 'social_organisation'
  | 'government'
  | 'natural_person'
  | 'other';

/** Who a row is about, as far as the row says. */
export interface RowSubject {
  kind: SubjectKind;
  category: SubjectCategory;
  name: string;
  nameNorm: string;
  uscc: string | null;
  orgCode: string | null;
  regNo: string | null;
  taxNo: string | null;
  institutionCert: string | null;
  socialOrgCert: string | null;
  /** Plain resident ID number; the pipeline encrypts it before it leaves the process. */
  residentId: string | null;
  /** Other identity documents (`证件类型:号码`), plain; encrypted like resident IDs. */
  otherId: string | null;
  region: string | null;
}

/** A row that passed validation, normalised. */
export interface ValidRow {
  rowNo: number;
  /** Normalised values aligned to the topic's items; '' when empty. */
  values: string[];
  subject: RowSubject;
  legalRep: { name: string; nameNorm: string; residentId: string } | null;
  businessKey: string;
  decisionDate: string | null;
  /** Last day the record is published (its 公示截止期, or from the topic's publication rule); null = open-ended. */
  publishUntil: string | null;
}

interface Outcome {
  value?: string;
  code?: string;
  message?: string;
  severity?: 'error' | 'warning';
}
type Normalizer = (text: string) => Outcome;

export type RowResult = { ok: true; row: ValidRow; warnings: RowIssue[] } | { ok: false; issues: RowIssue[] };

export interface ValidatorOptions {
  /** Today's date in China (YYYY-MM-DD): decision dates after it are refused. */
  today: string;
}

const RESIDENT_ID_TYPE = '身份证';
const MULTI_SEPARATORS = /[;；、,，]/;

function subjectKindOf(category: SubjectCategory, uscc: string | null, hints: { institution: boolean; social: boolean }): SubjectKind {
  if (category === '自然人') return 'natural_person';
  if (category === '个体工商户') return 'individual_business';
  if (uscc) {
    const authority = uscc[0];
    const type = uscc[1];
    if (authority === '9') return type === '2' ? 'individual_business' : 'enterprise';
    if (authority === '1') return type === '1' ? 'government' : type === '2' ? 'public_institution' : 'other';
    if (authority === '5') return 'social_organisation';
    return 'other';
  }
  if (hints.institution) return 'public_institution';
  if (hints.social) return 'social_organisation';
  return 'enterprise';
}

/**
 * Compiles a topic's items into one fast row check: required items, lengths, dates, amounts,
 * enumerations (with legacy aliases), code checksums, and the cross-field rules of the national
 * validators (91 ↔ 法人及非法人组织, 92 ↔ 个体工商户, a legal person needs a code, a natural person
 * needs 证件类型 + 证件号码). Returns the normalised row or every issue found.
 */
export function compileRowValidator(def: TopicDefinition, options: ValidatorOptions): (rowNo: number, raw: readonly string[]) => RowResult {
  const allowedKinds = def.subjectKinds ? new Set<string>(def.subjectKinds) : null;
  const allowedKindNames = def.subjectKinds?.map((k) => SUBJECT_KIND_NAMES[k]).join('、') ?? '';
  const items = def.items;
  const indexOf = new Map(items.map((item, index) => [item.code, index]));
  const at = (code: string | undefined) => (code === undefined ? -1 : (indexOf.get(code) ?? -1));
  const m = def.subject;
  const idx = {
    name: at(m.name),
    category: at(m.category),
    uscc: at(m.uscc),
    orgCode: at(m.orgCode),
    regNo: at(m.regNo),
    taxNo: at(m.taxNo),
    institutionCert: at(m.institutionCert),
    socialOrgCert: at(m.socialOrgCert),
    idType: at(m.idType),
    idNumber: at(m.idNumber),
    repName: at(m.legalRepName),
    repIdType: at(m.legalRepIdType),
    repIdNumber: at(m.legalRepIdNumber),
    decision: at(def.decisionDateItem),
    publicationEnd: at(def.publicationEndItem),
    validityEnd: at(def.validityEndItem),
  };
  const keyIndexes = def.businessKey.map((code) => at(code));
  const personalIndexes = new Set([idx.idNumber, idx.repIdNumber].filter((i) => i >= 0));
  const enumSets = items.map((item) => (item.enum ? new Set(item.enum) : undefined));
  // The end of a record's publication window depends only on its decision date (or its own dates):
  // computed once per distinct date of the batch.
  const endByDecision = new Map<string, string | null>();
  const publicationEnd = (decisionDate: string | null, validityEnd: string | null): string | null => {
    if (decisionDate === null || def.publication.kind === 'validity') return publicationEndOf(def, decisionDate, null, validityEnd);
    let end = endByDecision.get(decisionDate);
    if (end === undefined) endByDecision.set(decisionDate, (end = publicationEndOf(def, decisionDate, null, null)));
    return end;
  };
  // Values recur across rows (categories, dates, the deciding agency's USCC): enumerations, dates and
  // codes are normalised once per distinct value per batch; amounts and integers are cheap to redo.
  const normalizers: Normalizer[] = items.map((item, i) => {
    const compute = (text: string): Outcome => {
      let outcome: Outcome = {};
      const value = normalizeItem(item, enumSets[i], text, (code, message, severity) => {
        outcome = { code, message, ...(severity ? { severity } : {}) };
      });
      return value === undefined ? outcome : { ...outcome, value };
    };
    if (item.type === 'amount' || item.type === 'integer') return compute;
    const cache = new Map<string, Outcome>();
    return (text) => {
      let outcome = cache.get(text);
      if (outcome === undefined) {
        outcome = compute(text);
        if (cache.size >= 50_000) cache.clear();
        cache.set(text, outcome);
      }
      return outcome;
    };
  });
  const residentIds = new Map<string, ReturnType<typeof validateResidentId>>();
  const checkResidentId = (value: string) => {
    let check = residentIds.get(value);
    if (check === undefined) {
      check = validateResidentId(value, { today: options.today });
      if (residentIds.size >= 100_000) residentIds.clear();
      residentIds.set(value, check);
    }
    return check;
  };

  // Helpers of the row check, created once (not per row: this runs for every row of every batch).
  const issue = (issues: RowIssue[], raw: readonly string[], index: number, code: string, message: string, severity: 'error' | 'warning' = 'error') => {
    const item = index >= 0 ? items[index] : undefined;
    const value = index >= 0 ? (raw[index] ?? '') : null;
    issues.push({
      column: item?.code ?? null,
      columnName: item?.name ?? null,
      // Personal values never reach the error report in full.
      value: value !== null && personalIndexes.has(index) ? maskAny(value) : value,
      code,
      severity,
      message,
    });
  };
  const get = (values: readonly string[], index: number) => (index >= 0 ? (values[index] ?? '') : '');
  // A code typed but invalid has its own error already; "missing" means no code was typed at all.
  const typed = (raw: readonly string[], index: number) => index >= 0 && cleanText(raw[index] ?? '') !== '';
  const codeColumns = [idx.uscc, idx.orgCode, idx.regNo, idx.taxNo, idx.institutionCert, idx.socialOrgCert];

  return (rowNo, raw) => {
    const issues: RowIssue[] = [];
    const values: string[] = new Array<string>(items.length);

    for (let i = 0; i < items.length; i++) {
      const item = items[i] as DataItem;
      const text = cleanText(raw[i] ?? '');
      if (text === '') {
        values[i] = '';
        if (item.required) issue(issues, raw, i, 'required', `必填项「${item.name}」为空`);
        continue;
      }
      if (item.maxLength !== undefined && text.length > item.maxLength) {
        issue(issues, raw, i, 'too-long', `「${item.name}」长度为 ${text.length} 个字符，超过上限 ${item.maxLength}`);
        values[i] = '';
        continue;
      }
      if (item.type === 'text') {
        values[i] = text;
        continue;
      }
      const outcome = (normalizers[i] as Normalizer)(text);
      if (outcome.code !== undefined) issue(issues, raw, i, outcome.code, outcome.message ?? '', outcome.severity);
      values[i] = outcome.value ?? '';
    }

    const categoryText = get(values, idx.category);
    const category = (categoryText || (idx.idNumber >= 0 && get(values, idx.idNumber) ? '自然人' : '法人及非法人组织')) as SubjectCategory;
    const rawUscc = get(values, idx.uscc);
    const placeholder = rawUscc === USCC_PLACEHOLDER;
    const uscc = placeholder ? null : rawUscc || null;
    const orgCode = get(values, idx.orgCode) || (uscc ? uscc.slice(8, 17) : '') || null;
    const regNo = get(values, idx.regNo) || null;
    const taxNo = get(values, idx.taxNo) || null;
    const institutionCert = get(values, idx.institutionCert) || null;
    const socialOrgCert = get(values, idx.socialOrgCert) || null;
    const idType = get(values, idx.idType);
    const idNumber = get(values, idx.idNumber);
    let residentId: string | null = null;
    let otherId: string | null = null;

    if (category === '法人及非法人组织') {
      if (!codeColumns.some((index) => typed(raw, index))) {
        issue(issues, raw, idx.uscc, 'missing-code', '行政相对人类别为「法人及非法人组织」时，统一社会信用代码、工商注册号、组织机构代码、税务登记号、事业单位证书号、社会组织登记证号至少填写一项');
      }
      if (placeholder) issue(issues, raw, idx.uscc, 'placeholder-not-allowed', `占位代码 ${USCC_PLACEHOLDER} 仅适用于无统一社会信用代码的个体工商户`);
      if (uscc?.startsWith('92')) issue(issues, raw, idx.uscc, 'uscc-category-mismatch', '统一社会信用代码以 92 开头表示个体工商户，与行政相对人类别「法人及非法人组织」不符');
      if (idNumber) issue(issues, raw, idx.idNumber, 'unexpected-id', '行政相对人类别为「法人及非法人组织」时不应填写证件号码（法定代表人的证件号码请填入法定代表人证件号码）');
    } else if (category === '个体工商户') {
      if (!typed(raw, idx.uscc)) issue(issues, raw, idx.uscc, 'missing-code', `个体工商户须填写统一社会信用代码；没有的填 ${USCC_PLACEHOLDER} 并填写工商注册号`);
      if (placeholder && !typed(raw, idx.regNo)) issue(issues, raw, idx.regNo, 'missing-reg-no', `统一社会信用代码为占位代码 ${USCC_PLACEHOLDER} 时，工商注册号必填`);
      if (uscc?.startsWith('91')) issue(issues, raw, idx.uscc, 'uscc-category-mismatch', '统一社会信用代码以 91 开头表示企业法人，与行政相对人类别「个体工商户」不符');
    } else {
      if (uscc || placeholder) issue(issues, raw, idx.uscc, 'uscc-category-mismatch', '行政相对人类别为「自然人」时不应填写统一社会信用代码');
      if (!typed(raw, idx.idType)) issue(issues, raw, idx.idType, 'missing-id-type', '行政相对人类别为「自然人」时，证件类型必填');
      if (!typed(raw, idx.idNumber)) issue(issues, raw, idx.idNumber, 'missing-id-number', '行政相对人类别为「自然人」时，证件号码必填');
    }
    if (idNumber) {
      if (idType === RESIDENT_ID_TYPE) {
        const check = checkResidentId(idNumber);
        if (check.valid) residentId = check.normalized;
        else issue(issues, raw, idx.idNumber, 'bad-resident-id', `证件号码不是有效的居民身份证号码：${firstError(check.issues)}`);
      } else if (!idType) {
        issue(issues, raw, idx.idType, 'missing-id-type', '填写了证件号码时，证件类型必填');
      } else {
        otherId = `${idType}:${idNumber.normalize('NFKC').toUpperCase().replace(/\s+/g, '')}`;
      }
    }

    let legalRep: ValidRow['legalRep'] = null;
    const repName = get(values, idx.repName);
    const repIdType = get(values, idx.repIdType);
    const repIdNumber = get(values, idx.repIdNumber);
    if (repIdNumber) {
      if (!repIdType) issue(issues, raw, idx.repIdType, 'missing-id-type', '填写了法定代表人证件号码时，法定代表人证件类型必填');
      else if (repIdType === RESIDENT_ID_TYPE) {
        const check = checkResidentId(repIdNumber);
        if (!check.valid) issue(issues, raw, idx.repIdNumber, 'bad-resident-id', `法定代表人证件号码不是有效的居民身份证号码：${firstError(check.issues)}`);
        else if (!repName) issue(issues, raw, idx.repName, 'missing-rep-name', '填写了法定代表人证件号码时，法定代表人姓名必填');
        else legalRep = { name: cleanName(repName), nameNorm: normalizeName(repName), residentId: check.normalized };
      }
    }

    const decisionDate = get(values, idx.decision) || null;
    if (decisionDate && decisionDate > options.today) {
      issue(issues, raw, idx.decision, 'future-date', `「${items[idx.decision]?.name}」${decisionDate} 晚于今天（${options.today}）`);
    }
    const givenEnd = get(values, idx.publicationEnd) || null;
    if (givenEnd && decisionDate && givenEnd < decisionDate) {
      issue(issues, raw, idx.publicationEnd, 'date-order', `公示截止期 ${givenEnd} 早于决定日期 ${decisionDate}`);
    }
    const publishUntil = givenEnd ?? publicationEnd(decisionDate, get(values, idx.validityEnd) || null);

    const kind = subjectKindOf(category, uscc, { institution: Boolean(institutionCert), social: Boolean(socialOrgCert) });
    if (allowedKinds && !allowedKinds.has(kind)) {
      issue(issues, raw, idx.uscc >= 0 ? idx.uscc : idx.name, 'subject-kind-not-allowed', `「${def.name}」只收录${allowedKindNames}的信息，该行的主体是${SUBJECT_KIND_NAMES[kind]}`);
    }
    for (const found of issues) if (found.severity === 'error') return { ok: false, issues };

    const name = cleanName(get(values, idx.name));
    const nameNorm = normalizeName(name);
    const region = uscc && /^\d{6}$/.test(uscc.slice(2, 8)) ? uscc.slice(2, 8) : regNo ? regNo.slice(0, 6) : residentId ? residentId.slice(0, 6) : null;
    let businessKey = '';
    for (let k = 0; k < keyIndexes.length; k++) {
      const index = keyIndexes[k] as number;
      const value = index === idx.name ? nameNorm : (values[index] ?? '');
      businessKey += (k > 0 ? '\u001f' : '') + value;
    }
    return {
      ok: true,
      warnings: issues,
      row: {
        rowNo,
        values,
        subject: {
          kind,
          category,
          name,
          nameNorm,
          uscc,
          orgCode,
          regNo,
          taxNo,
          institutionCert,
          socialOrgCert,
          residentId,
          otherId,
          region,
        },
        legalRep,
        businessKey,
        decisionDate,
        publishUntil,
      },
    };
  };

  function normalizeItem(
    item: DataItem,
    enumSet: Set<string> | undefined,
    text: string,
    fail: (code: string, message: string, severity?: 'error' | 'warning') => void,
  ): string | undefined {
    switch (item.type) {
      case 'text':
        return text;
      case 'date': {
        const date = normalizeDate(text);
        if (date === undefined) fail('bad-date', `「${item.name}」的值「${text}」不是有效日期，应为 YYYY-MM-DD`);
        return date;
      }
      case 'amount': {
        const amount = normalizeAmount(text);
        if (amount.ok) return amount.value;
        const why = {
          format: '不是数字',
          negative: '不能为负数',
          'too-large': '超出合理范围（单位为万元）',
          precision: '小数位数超过 6 位',
        }[amount.reason];
        fail(amount.reason === 'format' ? 'bad-amount' : `amount-${amount.reason}`, `「${item.name}」的值「${text}」${why}`);
        return undefined;
      }
      case 'integer': {
        const value = text.normalize('NFKC').trim();
        if (/^-?\d{1,15}$/.test(value)) return String(Number(value));
        fail('bad-integer', `「${item.name}」的值「${text}」不是整数`);
        return undefined;
      }
      case 'enum':
        return normalizeEnum(item, enumSet ?? new Set(), text, fail);
      case 'code':
        return normalizeCodeItem(item, text, fail);
    }
  }

  function normalizeEnum(item: DataItem, enumSet: Set<string>, text: string, fail: (code: string, message: string, severity?: 'error' | 'warning') => void) {
    const parts = item.multiple ? text.split(MULTI_SEPARATORS) : [text];
    const out: string[] = [];
    for (const part of parts) {
      const value = part.normalize('NFKC').trim();
      if (value === '') continue;
      const mapped = item.enumAliases?.[value] ?? value;
      for (const one of mapped.split(';')) {
        if (enumSet.has(one) || (item.enumOpenPrefix && one.startsWith(item.enumOpenPrefix) && one.length > item.enumOpenPrefix.length)) {
          if (!out.includes(one)) out.push(one);
        } else {
          fail('bad-enum', `「${item.name}」的值「${value}」不在取值范围内（${item.enum?.join('、')}）`);
          return undefined;
        }
      }
    }
    return out.join(';');
  }

  function normalizeCodeItem(item: DataItem, text: string, fail: (code: string, message: string, severity?: 'error' | 'warning') => void) {
    switch (item.codeKind) {
      case 'uscc': {
        const check = validateUscc(text);
        if (check.valid) return check.normalized;
        if (check.details.pilotEraCandidate && def.acceptPilotChecksum) {
          fail('pilot-checksum', `「${item.name}」${firstError(check.issues)}（按目录设置作为试点期代码接收）`, 'warning');
          return check.normalized;
        }
        fail('bad-uscc', `「${item.name}」${firstError(check.issues)}`);
        return undefined;
      }
      case 'org-code': {
        const check = validateOrgCode(text);
        if (check.valid) return check.normalized;
        fail('bad-org-code', `「${item.name}」${firstError(check.issues)}`);
        return undefined;
      }
      case 'reg-no': {
        const check = validateRegNo(text);
        if (check.valid) return check.normalized;
        fail('bad-reg-no', `「${item.name}」${firstError(check.issues)}`);
        return undefined;
      }
      case 'resident-id': {
        const check = validateResidentId(text, { today: options.today });
        if (check.valid) return check.normalized;
        fail('bad-resident-id', `「${item.name}」${firstError(check.issues)}`);
        return undefined;
      }
      default:
        return text;
    }
  }
}

function firstError(issues: readonly { severity: string; message: string }[]): string {
  return issues.find((i) => i.severity === 'error')?.message ?? '格式不正确';
}

/** Masks a personal value for error reports: keeps the first 6 and last 4 characters. */
function maskAny(value: string): string {
  return value.length <= 10 ? '*'.repeat(value.length) : value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}
