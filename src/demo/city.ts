/**
 * A whole demo city from one seed, and streaming row generators for benchmarks that need millions
 * of rows without holding them in memory.
 */
import { createRng } from '../codes/index.js';
import { DEPARTMENTS } from './departments.js';
import type { Department } from './departments.js';
import { applicableKinds, spoilRow } from './invalid.js';
import type { InvalidKind, InvalidLabel, Topic } from './invalid.js';
import { createRecordContext, generateLicence, generatePenalty, spreadDay } from './records.js';
import type { NameVariantKind, RecordContext, SubjectPool } from './records.js';
import { generateGovernmentBodies, governmentDishonestyRows, type DemoGovernmentBody } from './government.js';
import { registrationRows } from './registrations.js';
import { FUZHOU } from './region.js';
import type { DemoRegion } from './region.js';
import { chance, deriveSeed } from './rng.js';
import type { Rng } from './rng.js';
import {
  generateEnterprise,
  generateIndividualBusiness,
  generatePerson,
  generatePublicInstitution,
  generateSocialOrganisation,
} from './subjects.js';
import type { SubjectOptions } from './subjects.js';

/** How many subjects of each kind a pool holds. */
export interface PoolSizes {
  enterprises?: number;
  individualBusinesses?: number;
  persons?: number;
  publicInstitutions?: number;
  socialOrganisations?: number;
}

/** Options of `generateCity`. */
export interface CityOptions extends PoolSizes {
  seed: number;
  /** `YYYY-MM-DD`; the city's “now”. Required so that the output never depends on the clock. */
  today: string;
  penalties?: number;
  licences?: number;
  /** Decision window in years before `today`; default 3. */
  years?: number;
  /** Share of rows spoiled on purpose (see `invalid.ts`); default 0. */
  invalidRate?: number;
  /** Restrict spoiled rows to these kinds; default all that apply to the row. */
  invalidKinds?: readonly InvalidKind[];
  /** Share of rows whose submitted name is a traditional or half-width-bracket variant; default 0.02. */
  nameVariantRate?: number;
}

/** Where and how a row was spoiled. */
export interface InvalidRowLabel extends InvalidLabel {
  /** Index of the row in its array. */
  index: number;
}

/** A row whose submitted 行政相对人名称 differs on purpose from the subject's registered name. */
export interface NameVariantLabel {
  index: number;
  kind: NameVariantKind;
  submitted: string;
  registered: string;
}

/** A generated city. Rows are in decision-date order (except 设立登记 licences, dated at establishment). */
export interface DemoCity extends SubjectPool {
  seed: number;
  today: string;
  region: DemoRegion;
  departments: readonly Department[];
  penaltyRows: Record<string, string>[];
  licenceRows: Record<string, string>[];
  /** 市场主体登记信息 of the enterprises and 个体工商户 (see `registrations.ts`); never spoiled. */
  registrationRows: Record<string, string>[];
  /** District and township governments (USCC 11…), subjects of 政务诚信. */
  governmentBodies: DemoGovernmentBody[];
  /** 政务失信记录 rows (topic ZWSX) against some of them, found by the court or the FGW. */
  governmentRows: Record<string, string>[];
  /** Spoiled rows: exactly the rows that should fail validation, each with its expected error. */
  penaltyInvalid: InvalidRowLabel[];
  licenceInvalid: InvalidRowLabel[];
  penaltyNameVariants: NameVariantLabel[];
  licenceNameVariants: NameVariantLabel[];
}

/** Builds a subject pool; each kind draws from its own stream, so changing one count leaves the others alone. */
export function generatePool(seed: number, today: string, sizes: PoolSizes, region: DemoRegion = FUZHOU): SubjectPool {
  const opts: SubjectOptions = { today, names: new Set(), codes: new Set(), region };
  const many = <T>(label: string, n: number, make: (rng: Rng, o: SubjectOptions) => T): T[] => {
    const rng = createRng(deriveSeed(seed, label));
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(make(rng, opts));
    return out;
  };
  return {
    enterprises: many('enterprises', sizes.enterprises ?? 0, generateEnterprise),
    individualBusinesses: many('individual-businesses', sizes.individualBusinesses ?? 0, generateIndividualBusiness),
    persons: many('persons', sizes.persons ?? 0, generatePerson),
    publicInstitutions: many('public-institutions', sizes.publicInstitutions ?? 0, generatePublicInstitution),
    socialOrganisations: many('social-organisations', sizes.socialOrganisations ?? 0, generateSocialOrganisation),
  };
}

interface TopicResult {
  rows: Record<string, string>[];
  invalid: InvalidRowLabel[];
  variants: NameVariantLabel[];
}

function generateTopic(seed: number, ctx: RecordContext, topic: Topic, n: number, opts: CityOptions): TopicResult {
  const rng = createRng(deriveSeed(seed, `${topic}-rows`));
  const spoilRng = createRng(deriveSeed(seed, `${topic}-invalid`));
  const result: TopicResult = { rows: [], invalid: [], variants: [] };
  const generate = topic === 'penalty' ? generatePenalty : generateLicence;
  for (let i = 0; i < n; i++) {
    const g = generate(rng, ctx, {}, spreadDay(rng, ctx, i, n));
    let row = g.row;
    if (g.nameVariant) {
      result.variants.push({ index: i, kind: g.nameVariant, submitted: row[topic === 'penalty' ? 'CF_XDR_MC' : 'XK_XDR_MC'] ?? '', registered: g.subject.name });
    }
    if ((opts.invalidRate ?? 0) > 0 && chance(spoilRng, opts.invalidRate ?? 0)) {
      const spoiled = spoilWith(spoilRng, row, topic, opts.invalidKinds);
      if (spoiled) {
        row = spoiled.row;
        result.invalid.push({ index: i, ...spoiled.label });
      }
    }
    result.rows.push(row);
  }
  return result;
}

function spoilWith(
  rng: Rng,
  row: Record<string, string>,
  topic: Topic,
  kinds: readonly InvalidKind[] | undefined,
): { row: Record<string, string>; label: InvalidLabel } | null {
  if (!kinds) return spoilRow(rng, row, topic);
  const applicable = applicableKinds(row, topic);
  const usable = kinds.filter((k) => applicable.includes(k));
  if (usable.length === 0) return null;
  return spoilRow(rng, row, topic, usable[Math.floor(rng() * usable.length)]);
}

/**
 * A complete demo city, identical for the same options: subjects, departments, and penalty and
 * licence rows over the `years` before `today`, optionally with spoiled rows and name variants.
 */
export function generateCity(opts: CityOptions): DemoCity {
  const {
    seed,
    today,
    enterprises = 3000,
    individualBusinesses = 800,
    persons = 1500,
    publicInstitutions = 150,
    socialOrganisations = 100,
    penalties = 6000,
    licences = 9000,
  } = opts;
  const pool = generatePool(seed, today, { enterprises, individualBusinesses, persons, publicInstitutions, socialOrganisations });
  const ctx = createRecordContext({ pool, today, years: opts.years, nameVariantRate: opts.nameVariantRate });
  const p = generateTopic(seed, ctx, 'penalty', penalties, opts);
  const l = generateTopic(seed, ctx, 'licence', licences, opts);
  const governmentBodies = generateGovernmentBodies(seed, FUZHOU);
  const agency = (code: string) => {
    const dept = DEPARTMENTS.find((d) => d.code === code);
    if (!dept) throw new Error(`demo department ${code} missing`);
    return { name: dept.name, uscc: dept.uscc };
  };
  return {
    seed,
    today,
    region: FUZHOU,
    departments: DEPARTMENTS,
    ...pool,
    penaltyRows: p.rows,
    licenceRows: l.rows,
    registrationRows: registrationRows(pool, { seed, today }),
    governmentBodies,
    governmentRows: governmentDishonestyRows(seed, today, governmentBodies, pool.enterprises, { court: agency('FY'), centre: agency('FGW') }),
    penaltyInvalid: p.invalid,
    licenceInvalid: l.invalid,
    penaltyNameVariants: p.variants,
    licenceNameVariants: l.variants,
  };
}

/** Options of the streaming generators. */
export interface StreamOptions {
  /** `YYYY-MM-DD`; default 2026-06-30, fixed so that a benchmark is comparable between runs. */
  today?: string;
  years?: number;
  /** Subject pool generated once before streaming; default 50,000 subjects in city proportions. */
  pool?: PoolSizes;
  invalidRate?: number;
  invalidKinds?: readonly InvalidKind[];
  nameVariantRate?: number;
  /** Called for each spoiled row with its index in the stream and its label. */
  onInvalid?: (label: InvalidRowLabel) => void;
}

/** The default streaming pool: 50,000 subjects. */
export const STREAM_POOL: Required<PoolSizes> = {
  enterprises: 30_000,
  individualBusinesses: 12_000,
  persons: 6_000,
  publicInstitutions: 500,
  socialOrganisations: 1_500,
};

const STREAM_TODAY = '2026-06-30';

function* streamRows(seed: number, n: number, topic: Topic, opts: StreamOptions): Generator<Record<string, string>, void, undefined> {
  const today = opts.today ?? STREAM_TODAY;
  const pool = generatePool(seed, today, opts.pool ?? STREAM_POOL);
  const ctx = createRecordContext({ pool, today, years: opts.years, nameVariantRate: opts.nameVariantRate });
  const rng = createRng(deriveSeed(seed, `${topic}-stream`));
  const spoilRng = createRng(deriveSeed(seed, `${topic}-stream-invalid`));
  const generate = topic === 'penalty' ? generatePenalty : generateLicence;
  const invalidRate = opts.invalidRate ?? 0;
  for (let i = 0; i < n; i++) {
    let row = generate(rng, ctx, {}, spreadDay(rng, ctx, i, n)).row;
    if (invalidRate > 0 && chance(spoilRng, invalidRate)) {
      const spoiled = spoilWith(spoilRng, row, topic, opts.invalidKinds);
      if (spoiled) {
        row = spoiled.row;
        opts.onInvalid?.({ index: i, ...spoiled.label });
      }
    }
    yield row;
  }
}

/**
 * `n` penalty rows, one at a time, in decision-date order: memory stays flat however large `n` is.
 * The subject pool is built once at the start (about a second for the default 50,000 subjects).
 */
export function* penaltyRows(seed: number, n: number, opts: StreamOptions = {}): Generator<Record<string, string>, void, undefined> {
  yield* streamRows(seed, n, 'penalty', opts);
}

/** `n` licence rows, one at a time; see `penaltyRows`. */
export function* licenceRows(seed: number, n: number, opts: StreamOptions = {}): Generator<Record<string, string>, void, undefined> {
  yield* streamRows(seed, n, 'licence', opts);
}
