/**
 * 双公示 rows: penalty and licence decisions as a department would submit them, keyed by the
 * national field codes. Valid by construction; `invalid.ts` spoils some on purpose.
 */
import { USCC_PLACEHOLDER } from '../codes/index.js';
import { DEPARTMENTS } from './departments.js';
import type { Department } from './departments.js';
import { addMonths, formatDay, LONG_TERM, parseDay, toWorkingDay, weekday, yearOf } from './dates.js';
import type { LicenceTemplate, Validity } from './licence-templates.js';
import { TRADITIONAL } from './names.js';
import type { Sector } from './names.js';
import type { CaseOutcome, PenaltyTemplate } from './penalty-templates.js';
import { yuanText } from './penalty-templates.js';
import { FUZHOU } from './region.js';
import type { DemoRegion } from './region.js';
import { chance, int, weighted } from './rng.js';
import type { Rng } from './rng.js';
import type {
  DemoEnterprise,
  DemoIndividualBusiness,
  DemoPerson,
  DemoPublicInstitution,
  DemoSocialOrganisation,
  DemoSubject,
  SubjectKind,
} from './subjects.js';
import { CATEGORY_SEPARATOR } from './vocab.js';
import type { SubjectCategory } from './vocab.js';

/** The subjects records are drawn from. */
export interface SubjectPool {
  enterprises: readonly DemoEnterprise[];
  individualBusinesses: readonly DemoIndividualBusiness[];
  persons: readonly DemoPerson[];
  publicInstitutions: readonly DemoPublicInstitution[];
  socialOrganisations: readonly DemoSocialOrganisation[];
}

/** How a submitted name differs from the subject's registered name. */
export type NameVariantKind = 'traditional' | 'half-width-brackets';

/** Options of `createRecordContext`. */
export interface RecordContextOptions {
  pool: SubjectPool;
  /** `YYYY-MM-DD`: decisions lie in the `years` before it. Never read from the clock. */
  today: string;
  /** Length of the decision window in years; default 3. */
  years?: number;
  /**
   * Share of rows whose 行政相对人名称 is written with traditional characters or half-width brackets
   * (the subject keeps its registered name), so that name normalisation has work to do. Default 0.02.
   */
  nameVariantRate?: number;
  region?: DemoRegion;
  departments?: readonly Department[];
}

/** State shared by the rows of one data set: the pool, the window and the document-number counters. */
export interface RecordContext {
  readonly pool: SubjectPool;
  readonly region: DemoRegion;
  readonly departments: readonly Department[];
  /** Day numbers of the first and last possible decision date. */
  readonly firstDay: number;
  readonly lastDay: number;
  readonly today: number;
  readonly todayText: string;
  readonly nameVariantRate: number;
  /** Last serial per department and year: document numbers are unique per department and year. */
  readonly serials: Map<Department, Map<number, number>>;
  /** Next sequence per licence template, for certificate numbers that carry no year. */
  readonly sequences: Map<string, number>;
  readonly index: PoolIndex;
  readonly pickPenaltyDepartment: (rng: Rng) => Department;
  readonly pickLicenceDepartment: (rng: Rng) => Department;
}

/** Options of one row. */
export interface RowOptions {
  /** `YYYY-MM-DD` decision date; default a working day in the context's window. */
  decidedOn?: string;
  /** Department code; default chosen by the departments' shares. */
  department?: string;
}

/** A generated row with what it was generated from, for tests and for the city's labels. */
export interface GeneratedRow {
  row: Record<string, string>;
  subject: DemoSubject;
  department: Department;
  templateId: string;
  /** Set when the submitted name deliberately differs from `subject.name`. */
  nameVariant?: NameVariantKind;
}

type PoolIndex = Map<SubjectKind, PoolEntry>;

type PoolEntry = { all: readonly DemoSubject[]; bySector: Map<Sector, DemoSubject[]>; buckets: Map<readonly Sector[], SectorBuckets> };
type SectorBuckets = { lists: DemoSubject[][]; total: number };

/** The non-empty sector lists of a kind for a template's sectors, computed once per template. */
function sectorBuckets(entry: PoolEntry, sectors: readonly Sector[]): SectorBuckets {
  let buckets = entry.buckets.get(sectors);
  if (!buckets) {
    const lists = sectors.map((s) => entry.bySector.get(s) ?? []).filter((l) => l.length > 0);
    buckets = { lists, total: lists.reduce((sum, l) => sum + l.length, 0) };
    entry.buckets.set(sectors, buckets);
  }
  return buckets;
}

function buildIndex(pool: SubjectPool): PoolIndex {
  const index: PoolIndex = new Map();
  const add = (kind: SubjectKind, list: readonly DemoSubject[]): void => {
    const bySector = new Map<Sector, DemoSubject[]>();
    for (const s of list) {
      if (s.kind === 'person') continue;
      let bucket = bySector.get(s.sector);
      if (!bucket) bySector.set(s.sector, (bucket = []));
      bucket.push(s);
    }
    index.set(kind, { all: list, bySector, buckets: new Map() });
  };
  add('enterprise', pool.enterprises);
  add('individual_business', pool.individualBusinesses);
  add('person', pool.persons);
  add('public_institution', pool.publicInstitutions);
  add('social_organisation', pool.socialOrganisations);
  return index;
}

/** Creates the shared state for a data set of rows. */
export function createRecordContext(opts: RecordContextOptions): RecordContext {
  const today = parseDay(opts.today);
  const departments = opts.departments ?? DEPARTMENTS;
  const active = departments.filter((d) => d.kind === 'department');
  // The latest working day on or before today: decisions are not dated in the future.
  let lastDay = today;
  while (weekday(lastDay) >= 5) lastDay--;
  return {
    pool: opts.pool,
    region: opts.region ?? FUZHOU,
    departments,
    firstDay: addMonths(today, -12 * (opts.years ?? 3)) + 1,
    lastDay,
    today,
    todayText: opts.today,
    nameVariantRate: opts.nameVariantRate ?? 0.02,
    serials: new Map(),
    sequences: new Map(),
    index: buildIndex(opts.pool),
    pickPenaltyDepartment: weighted(active.filter((d) => d.penaltyTemplates.length > 0).map((d) => [d, d.penaltyShare] as const)),
    pickLicenceDepartment: weighted(active.filter((d) => d.licenceTemplates.length > 0).map((d) => [d, d.licenceShare] as const)),
  };
}

/**
 * Decision day number `i` of `n` spread evenly over the window, in non-decreasing order, on working
 * days. Generating rows in this order keeps document serials increasing with the decision date.
 */
export function spreadDay(rng: Rng, ctx: RecordContext, i: number, n: number): number {
  const span = ctx.lastDay - ctx.firstDay + 1;
  const day = ctx.firstDay + Math.floor(((i + rng()) * span) / n);
  return Math.min(toWorkingDay(day), ctx.lastDay);
}

function randomDay(rng: Rng, ctx: RecordContext): number {
  return Math.min(toWorkingDay(int(rng, ctx.firstDay, ctx.lastDay)), ctx.lastDay);
}

function nextSerial(ctx: RecordContext, department: Department, year: number): number {
  let byYear = ctx.serials.get(department);
  if (!byYear) ctx.serials.set(department, (byYear = new Map()));
  const serial = (byYear.get(year) ?? 0) + 1;
  byYear.set(year, serial);
  return serial;
}

function nextSequence(ctx: RecordContext, templateId: string): number {
  const sequence = (ctx.sequences.get(templateId) ?? 0) + 1;
  ctx.sequences.set(templateId, sequence);
  return sequence;
}

/** `榕市监处罚〔2025〕123号`. */
function documentNumber(prefix: string, year: number, serial: number, width: number): string {
  return `${prefix}〔${year}〕${width > 0 ? String(serial).padStart(width, '0') : serial}号`;
}

const kindPickers = new WeakMap<object, (rng: Rng) => SubjectKind>();
function kindPicker(targets: Partial<Record<SubjectKind, number>>): (rng: Rng) => SubjectKind {
  let picker = kindPickers.get(targets);
  if (!picker) {
    picker = weighted(Object.entries(targets).map(([k, w]) => [k as SubjectKind, w ?? 0] as const));
    kindPickers.set(targets, picker);
  }
  return picker;
}

/**
 * A subject for a case: of a kind the template targets, nearly always from one of its sectors, and a
 * quarter of the time from a small “frequent offender” slice, so some subjects collect records.
 */
function pickSubject(
  rng: Rng,
  ctx: RecordContext,
  targets: Partial<Record<SubjectKind, number>>,
  sectors: readonly Sector[] | undefined,
): DemoSubject {
  let kind = kindPicker(targets)(rng);
  let entry = ctx.index.get(kind);
  if (!entry || entry.all.length === 0) {
    kind = (Object.keys(targets) as SubjectKind[]).find((k) => (ctx.index.get(k)?.all.length ?? 0) > 0) ?? 'enterprise';
    entry = ctx.index.get(kind);
    if (!entry || entry.all.length === 0) throw new RangeError('the subject pool has no subject for this record');
  }
  let list: readonly DemoSubject[] = entry.all;
  // A small share ignores the sectors: real offenders are not always where one expects them.
  if (sectors && kind !== 'person' && chance(rng, 0.95)) {
    const buckets = sectorBuckets(entry, sectors);
    if (buckets.total > 0) {
      // Uniform over the union of the sectors: choose a bucket in proportion to its size.
      let target = int(rng, 0, buckets.total - 1);
      for (const bucket of buckets.lists) {
        if (target < bucket.length) {
          list = bucket;
          break;
        }
        target -= bucket.length;
      }
    }
  }
  const hot = chance(rng, 0.25);
  const limit = hot ? Math.max(1, Math.ceil(list.length * 0.04)) : list.length;
  return list[Math.floor(rng() * limit)] as DemoSubject;
}

/** A subject that already existed on `day` (a few tries; the pool is mostly older than the window). */
function pickExistingSubject(
  rng: Rng,
  ctx: RecordContext,
  targets: Partial<Record<SubjectKind, number>>,
  sectors: readonly Sector[] | undefined,
  day: number,
): DemoSubject {
  const date = formatDay(day);
  let subject = pickSubject(rng, ctx, targets, sectors);
  for (let i = 0; i < 8 && subject.kind !== 'person' && subject.establishedOn > date; i++) {
    subject = pickSubject(rng, ctx, targets, sectors);
  }
  return subject;
}

const TRADITIONAL_RE = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`, 'g');

/** The name as a careless clerk might type it, or null when this kind of variant cannot apply. */
export function nameVariant(name: string, kind: NameVariantKind): string | null {
  if (kind === 'half-width-brackets') {
    return name.includes('（') ? name.replaceAll('（', '(').replaceAll('）', ')') : null;
  }
  const out = name.replace(TRADITIONAL_RE, (c) => TRADITIONAL[c] ?? c);
  return out === name ? null : out;
}

function submittedName(rng: Rng, ctx: RecordContext, name: string): { name: string; variant?: NameVariantKind } {
  if (ctx.nameVariantRate <= 0 || !chance(rng, ctx.nameVariantRate)) return { name };
  const order: NameVariantKind[] = chance(rng, 0.7) ? ['traditional', 'half-width-brackets'] : ['half-width-brackets', 'traditional'];
  for (const kind of order) {
    const variant = nameVariant(name, kind);
    if (variant !== null) return { name: variant, variant: kind };
  }
  return { name };
}

/** 行政相对人类别 of a subject. */
export function subjectCategory(subject: DemoSubject): SubjectCategory {
  return subject.kind === 'person' ? '自然人' : subject.kind === 'individual_business' ? '个体工商户' : '法人及非法人组织';
}

/** The 行政相对人 block shared by both topics, before it is spelled with the CF_ or XK_ prefix. */
interface SubjectCells {
  lb: SubjectCategory;
  shxym: string;
  gszc: string;
  zzjg: string;
  sydw: string;
  frdb: string;
  frZjlx: string;
  frZjhm: string;
  zjlx: string;
  zjhm: string;
}

/**
 * The 行政相对人 cells. Organisations carry their USCC (or the placeholder plus 工商注册号),
 * sometimes legacy codes as departments still send them, and the legal representative; natural
 * persons carry 证件类型 and 证件号码.
 */
function subjectCells(rng: Rng, subject: DemoSubject): SubjectCells {
  const cells: SubjectCells = { lb: subjectCategory(subject), shxym: '', gszc: '', zzjg: '', sydw: '', frdb: '', frZjlx: '', frZjhm: '', zjlx: '', zjhm: '' };
  if (subject.kind === 'person') {
    cells.zjlx = subject.idType;
    cells.zjhm = subject.idNumber;
    return cells;
  }
  if (subject.kind === 'individual_business') {
    cells.shxym = subject.uscc ?? USCC_PLACEHOLDER;
    if (subject.regNo !== undefined && (subject.uscc === null || chance(rng, 0.3))) cells.gszc = subject.regNo;
  } else {
    cells.shxym = subject.uscc;
    if (subject.kind === 'enterprise' && subject.regNo !== undefined && chance(rng, 0.3)) cells.gszc = subject.regNo;
    if (chance(rng, 0.12)) {
      // Half the departments still write the organisation code with its hyphen.
      cells.zzjg = chance(rng, 0.5) ? subject.orgCode : `${subject.orgCode.slice(0, 8)}-${subject.orgCode.slice(8)}`;
    }
    if (subject.kind === 'public_institution' && chance(rng, 0.4)) cells.sydw = subject.certificateNo;
  }
  cells.frdb = subject.legalRepName;
  cells.frZjlx = subject.legalRepIdType;
  cells.frZjhm = subject.legalRepId;
  return cells;
}

/** 万元 with up to six decimals, from fen: 5,000,000 fen → `5`, 12,345,678 fen → `12.345678`. */
export function fenToWan(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 1_000_000);
  let rest = abs % 1_000_000;
  if (rest === 0) return `${negative ? '-' : ''}${whole}`;
  // Drop trailing zeros arithmetically: cheaper than a regular expression on every amount.
  let digits = 6;
  while (rest % 10 === 0) {
    rest /= 10;
    digits--;
  }
  return `${negative ? '-' : ''}${whole}.${String(rest).padStart(digits, '0')}`;
}

function penaltyContent(o: CaseOutcome): string {
  const parts: string[] = [];
  for (const c of o.categories) {
    switch (c) {
      case '警告':
        parts.push('给予警告');
        break;
      case '罚款':
        parts.push(`罚款人民币${yuanText(o.fineFen ?? 0)}`);
        break;
      case '没收违法所得':
        parts.push(`没收违法所得人民币${yuanText(o.confiscatedFen ?? 0)}`);
        break;
      case '没收非法财物':
        parts.push('没收违法经营的物品');
        break;
      case '暂扣许可证件':
        parts.push(`暂扣${o.licenceAffected ?? '许可证件'}${o.suspendedMonths ?? 6}个月`);
        break;
      case '责令停产停业':
        parts.push(`责令停产停业${o.suspendedMonths ?? 1}个月`);
        break;
      case '行政拘留':
        parts.push(`行政拘留${o.detentionDays ?? 5}日`);
        break;
      default:
        parts.push(c);
    }
  }
  return parts.length === 1 ? `${parts[0]}。` : `${parts.map((p, i) => `${i + 1}.${p}`).join('；')}。`;
}

const MITIGATION = '《中华人民共和国行政处罚法》第三十二条第（一）项';

/**
 * Publication end (公示截止期), from the severity of the outcome: warnings and small fines are
 * 轻微 (3 months), most cases 一般 (1 year), closures and large fines 严重 (3 years); fire, work and
 * special-equipment safety at least a year (NDRC Order 58). Counted from the decision date.
 */
function publicationEnd(o: CaseOutcome, t: PenaltyTemplate, decisionDay: number): number {
  const heavy = o.categories.some((c) => c === '吊销许可证件' || c === '责令关闭' || c === '责令停产停业' || c === '限制从业');
  const fine = o.fineFen ?? 0;
  let months: number;
  if (heavy || fine >= 1_000_000 * 100) months = 36;
  else if (o.categories.every((c) => c === '警告' || c === '通报批评') || (o.categories.length === 1 && fine < 1000 * 100)) months = 3;
  else months = 12;
  if (t.safety) months = Math.max(months, 12);
  return addMonths(decisionDay, months);
}

/** 处罚有效期: when the penalty's effect ends; permanent ones are long-term (2099-12-31). */
function penaltyValidity(o: CaseOutcome, decisionDay: number): string {
  if (o.categories.some((c) => c === '吊销许可证件' || c === '责令关闭')) return LONG_TERM;
  if (o.detentionDays !== undefined) return formatDay(decisionDay + o.detentionDays);
  if (o.suspendedMonths !== undefined) return formatDay(addMonths(decisionDay, o.suspendedMonths));
  return formatDay(addMonths(decisionDay, 12));
}

const penaltyTemplatePickers = new WeakMap<Department, (rng: Rng) => PenaltyTemplate>();
const licenceTemplatePickers = new WeakMap<Department, (rng: Rng) => LicenceTemplate>();

function resolveDepartment(ctx: RecordContext, code: string | undefined, pickDefault: (rng: Rng) => Department, rng: Rng): Department {
  if (code === undefined) return pickDefault(rng);
  const found = ctx.departments.find((d) => d.code === code);
  if (!found) throw new RangeError(`unknown department ${code}`);
  return found;
}

const PENALTY_NOTES = ['当事人已履行处罚决定', '适用简易程序', '当事人已缴纳罚款', '已责令当事人改正违法行为'];

/**
 * One penalty decision with its provenance. `decisionDay` (a day number) overrides the random
 * date; the city and the streaming generator pass evenly spread dates in increasing order.
 */
export function generatePenalty(rng: Rng, ctx: RecordContext, opts: RowOptions = {}, decisionDay?: number): GeneratedRow {
  const department = resolveDepartment(ctx, opts.department, ctx.pickPenaltyDepartment, rng);
  if (department.penaltyTemplates.length === 0) throw new RangeError(`${department.name} decides no penalties`);
  let pickTemplate = penaltyTemplatePickers.get(department);
  if (!pickTemplate) {
    pickTemplate = weighted(department.penaltyTemplates.map((t) => [t, t.weight] as const));
    penaltyTemplatePickers.set(department, pickTemplate);
  }
  const template = pickTemplate(rng);
  const day = decisionDay ?? (opts.decidedOn !== undefined ? parseDay(opts.decidedOn) : randomDay(rng, ctx));
  // Simple-procedure tax cases are decided within days; investigated cases take weeks to months.
  const foundDay = day - (template.docPrefix === '榕税简罚' ? int(rng, 1, 15) : int(rng, 15, 120));
  const subject = pickExistingSubject(rng, ctx, template.targets, template.sectors, foundDay);
  const outcome = template.build(rng, { subject, decisionDay: day, foundDay, authority: department.name });
  const year = yearOf(day);
  const serial = nextSerial(ctx, department, year);
  const submitted = submittedName(rng, ctx, subject.name);

  const c = subjectCells(rng, subject);
  // One object literal in template order: every row has the same shape and every column, with ''
  // for an empty cell, which is what a CSV or spreadsheet row holds and keeps V8 on its fast path.
  const row: Record<string, string> = {
    CF_XDR_MC: submitted.name,
    CF_XDR_LB: c.lb,
    CF_XDR_SHXYM: c.shxym,
    CF_XDR_GSZC: c.gszc,
    CF_XDR_ZZJG: c.zzjg,
    CF_XDR_SWDJ: '',
    CF_XDR_SYDW: c.sydw,
    CF_XDR_SHZZ: '',
    CF_FRDB: c.frdb,
    CF_FR_ZJLX: c.frZjlx,
    CF_FR_ZJHM: c.frZjhm,
    CF_XDR_ZJLX: c.zjlx,
    CF_XDR_ZJHM: c.zjhm,
    CF_WSH: documentNumber(template.docPrefix ?? department.penaltyDocPrefix, year, serial, department.serialWidth),
    CF_WFXW: template.violation,
    CF_SY: outcome.fact + (template.conclusion ?? `${template.party ?? '当事人'}的上述行为违反了${template.violatedLaw ?? template.law}${template.violated}的规定。`),
    CF_YJ: `${template.law}${template.basis}${template.extraBasis ? `、${template.extraBasis}` : ''}${outcome.mitigated ? `、${MITIGATION}` : ''}`,
    CF_CFLB: outcome.categories.join(CATEGORY_SEPARATOR),
    CF_NR: penaltyContent(outcome),
    CF_NR_FK: outcome.fineFen !== undefined && outcome.categories.includes('罚款') ? fenToWan(outcome.fineFen) : '',
    CF_NR_WFFF: outcome.confiscatedFen !== undefined && outcome.categories.includes('没收违法所得') ? fenToWan(outcome.confiscatedFen) : '',
    CF_NR_ZKDX: outcome.licenceAffected ?? '',
    CF_JDRQ: formatDay(day),
    CF_YXQ: penaltyValidity(outcome, day),
    CF_GSJZQ: formatDay(publicationEnd(outcome, template, day)),
    CF_CFJG: department.name,
    CF_CFJGDM: department.uscc,
    CF_SJLY: department.name,
    CF_SJLYDM: department.uscc,
    BZ: chance(rng, 0.05) ? (PENALTY_NOTES[int(rng, 0, PENALTY_NOTES.length - 1)] as string) : '',
  };
  return { row, subject, department, templateId: template.id, ...(submitted.variant ? { nameVariant: submitted.variant } : {}) };
}

/** One 行政处罚 row keyed by the national field codes (see `PENALTY_COLUMNS`). */
export function generatePenaltyRow(rng: Rng, ctx: RecordContext, opts: RowOptions = {}): Record<string, string> {
  return generatePenalty(rng, ctx, opts).row;
}

function validityEnd(v: Validity, decisionDay: number): string {
  return v === 'long' ? LONG_TERM : formatDay(addMonths(decisionDay, v.months) - 1);
}

/** One licence decision with its provenance; see `generatePenalty` for `decisionDay`. */
export function generateLicence(rng: Rng, ctx: RecordContext, opts: RowOptions = {}, decisionDay?: number): GeneratedRow {
  const department = resolveDepartment(ctx, opts.department, ctx.pickLicenceDepartment, rng);
  if (department.licenceTemplates.length === 0) throw new RangeError(`${department.name} grants no licences`);
  let pickTemplate = licenceTemplatePickers.get(department);
  if (!pickTemplate) {
    pickTemplate = weighted(department.licenceTemplates.map((t) => [t, t.weight] as const));
    licenceTemplatePickers.set(department, pickTemplate);
  }
  let template = pickTemplate(rng);
  let day = decisionDay ?? (opts.decidedOn !== undefined ? parseDay(opts.decidedOn) : randomDay(rng, ctx));
  let subject = pickExistingSubject(rng, ctx, template.targets, template.sectors, day);
  if (template.atEstablishment) {
    const established = subject.kind === 'person' ? -Infinity : parseDay(subject.establishedOn);
    if (established >= ctx.firstDay && established <= ctx.lastDay) {
      day = established;
    } else {
      const fallback = department.licenceTemplates.find((t) => t.id === template.fallback);
      if (fallback) template = fallback;
    }
  }
  if (!template.targets[subject.kind]) subject = pickExistingSubject(rng, ctx, template.targets, template.sectors, day);
  const year = yearOf(day);
  const serial = nextSerial(ctx, department, year);
  const lc = { subject, decisionDay: day, region: ctx.region, serial, sequence: nextSequence(ctx, template.id) };
  const number = template.number ? template.number(rng, lc) : '';
  const validity = typeof template.validity === 'function' ? template.validity(rng) : template.validity;
  const end = validityEnd(validity, day);
  const submitted = submittedName(rng, ctx, subject.name);

  const c = subjectCells(rng, subject);
  const decided = formatDay(day);
  const row: Record<string, string> = {
    XK_XDR_MC: submitted.name,
    XK_XDR_LB: c.lb,
    XK_XDR_SHXYM: c.shxym,
    XK_XDR_GSZC: c.gszc,
    XK_XDR_ZZJG: c.zzjg,
    XK_XDR_SWDJ: '',
    XK_XDR_SYDW: c.sydw,
    XK_XDR_SHZZ: '',
    XK_FRDB: c.frdb,
    XK_FR_ZJLX: c.frZjlx,
    XK_FR_ZJHM: c.frZjhm,
    XK_XDR_ZJLX: c.zjlx,
    XK_XDR_ZJHM: c.zjhm,
    XK_XKWS: template.documentName,
    XK_WSH: template.docPrefix ? documentNumber(template.docPrefix, year, serial, 0) : number,
    XK_XKLB: template.category,
    XK_XKZS: template.certificate ?? '',
    XK_XKBH: number,
    XK_NR: template.content(rng, lc),
    XK_JDRQ: decided,
    XK_YXQZ: decided,
    XK_YXQZI: end,
    XK_XKJG: department.name,
    XK_XKJGDM: department.uscc,
    XK_ZT: end >= ctx.todayText ? '1' : '2',
    XK_LYDW: department.name,
    XK_LYDWDM: department.uscc,
    BZ: '',
  };
  return { row, subject, department, templateId: template.id, ...(submitted.variant ? { nameVariant: submitted.variant } : {}) };
}

/** One 行政许可 row keyed by the national field codes (see `LICENCE_COLUMNS`). */
export function generateLicenceRow(rng: Rng, ctx: RecordContext, opts: RowOptions = {}): Record<string, string> {
  return generateLicence(rng, ctx, opts).row;
}
