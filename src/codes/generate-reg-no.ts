import { AppError } from '../kernel/errors.js';
import { pick } from './create-rng.js';
import { CodesErrors } from './errors.js';
import { computeRegNoCheckDigit } from './reg-no.js';
import { SAMPLE_REGION_CODES } from './sample-regions.js';

/** A valid 15-digit 工商注册号 registered in `region` (6 digits; default one of a few real ones). */
export function generateRegNo(rng: () => number, region?: string): string {
  const prefix = region ?? pick(rng, SAMPLE_REGION_CODES);
  if (!/^\d{6}$/.test(prefix)) {
    throw new AppError(CodesErrors.CODES_INVALID_ARGUMENT, { detail: `行政区划码应为 6 位数字，收到“${prefix}”` });
  }
  let first14 = prefix;
  for (let i = 0; i < 8; i++) first14 += pick(rng, '0123456789');
  return first14 + (computeRegNoCheckDigit(first14) ?? '');
}
