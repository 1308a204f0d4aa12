import { AppError } from '../kernel/errors.js';
import { pick } from './create-rng.js';
import { CodesErrors } from './errors.js';
import { generateOrgCode } from './generate-org-code.js';
import { SAMPLE_REGION_CODES } from './sample-regions.js';
import { computeUsccCheckChar } from './uscc.js';
import { USCC_AUTHORITIES } from './uscc-authorities.js';

export interface GenerateUsccOptions {
  /** 登记管理部门 code; default '9' (工商). */
  authority?: string;
  /** 机构类别 code; default '1' for 工商, else the authority's first category. */
  category?: string;
  /** 6-digit division code; default one of a few real ones. */
  region?: string;
}

/** A valid USCC; throws when the options name a pair or region the standard does not allow. */
export function generateUscc(rng: () => number, opts: GenerateUsccOptions = {}): string {
  const authority = opts.authority ?? '9';
  const entry = USCC_AUTHORITIES[authority];
  if (!entry) {
    throw new AppError(CodesErrors.CODES_INVALID_ARGUMENT, { detail: `未知的登记管理部门代码“${authority}”` });
  }
  const category = opts.category ?? Object.keys(entry.categories)[0] ?? '1';
  if (!(category in entry.categories)) {
    throw new AppError(CodesErrors.CODES_INVALID_ARGUMENT, {
      detail: `登记管理部门“${entry.name}”下没有机构类别代码“${category}”`,
    });
  }
  const region = opts.region ?? pick(rng, SAMPLE_REGION_CODES);
  if (!/^\d{6}$/.test(region)) {
    throw new AppError(CodesErrors.CODES_INVALID_ARGUMENT, { detail: `行政区划码应为 6 位数字，收到“${region}”` });
  }
  const first17 = authority + category + region + generateOrgCode(rng);
  return first17 + (computeUsccCheckChar(first17) ?? '');
}
