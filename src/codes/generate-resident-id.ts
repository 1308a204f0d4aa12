import { AppError } from '../kernel/errors.js';
import { parseIsoDate } from './calendar-date.js';
import { pick } from './create-rng.js';
import { CodesErrors } from './errors.js';
import { computeResidentIdCheckChar, PROVINCE_CODES } from './resident-id.js';
import { SAMPLE_REGION_CODES } from './sample-regions.js';

export interface GenerateResidentIdOptions {
  /** 6-digit address code whose first two digits are a province code; default one of a few real ones. */
  region?: string;
  /** `YYYY-MM-DD`, from 1900-01-01; default a date between 1950 and 2005. */
  birthDate?: string;
  sex?: 'M' | 'F';
}

const DAY_MS = 86_400_000;
const EARLIEST_DEFAULT = Date.UTC(1950, 0, 1);
const LATEST_DEFAULT = Date.UTC(2005, 11, 31);

/** A valid 18-character 居民身份证号码 — synthetic, for tests and demo data only. */
export function generateResidentId(rng: () => number, opts: GenerateResidentIdOptions = {}): string {
  const region = opts.region ?? pick(rng, SAMPLE_REGION_CODES);
  if (!/^\d{6}$/.test(region) || !(region.slice(0, 2) in PROVINCE_CODES)) {
    throw new AppError(CodesErrors.CODES_INVALID_ARGUMENT, {
      detail: `地址码应为以省级代码开头的 6 位数字，收到“${region}”`,
    });
  }
  let birthDate: string;
  if (opts.birthDate === undefined) {
    const days = Math.floor(rng() * ((LATEST_DEFAULT - EARLIEST_DEFAULT) / DAY_MS + 1));
    birthDate = new Date(EARLIEST_DEFAULT + days * DAY_MS).toISOString().slice(0, 10);
  } else {
    const parsed = parseIsoDate(opts.birthDate);
    if (!parsed || parsed.year < 1900) {
      throw new AppError(CodesErrors.CODES_INVALID_ARGUMENT, {
        detail: `出生日期应为 1900 年以后的真实日期（YYYY-MM-DD），收到“${opts.birthDate}”`,
      });
    }
    birthDate = opts.birthDate;
  }
  const sex = opts.sex ?? (rng() < 0.5 ? 'M' : 'F');
  // The third sequence digit carries the sex: odd for men, even for women.
  const sexDigit = 2 * Math.floor(rng() * 5) + (sex === 'M' ? 1 : 0);
  const sequence = pick(rng, '0123456789') + pick(rng, '0123456789') + String(sexDigit);
  const first17 = region + birthDate.replaceAll('-', '') + sequence;
  return first17 + (computeResidentIdCheckChar(first17) ?? '');
}
