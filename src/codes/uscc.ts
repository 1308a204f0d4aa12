import { AppError } from '../kernel/errors.js';
import { CodesErrors } from './errors.js';
import { isOrgCodeShaped } from './org-code.js';

/** GB 32100 leaves out I, O, Z, S and V so they cannot be misread as 1, 0, 2, 5 and U. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** 3^(i-1) mod 31 for positions 1–17. */
export const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/** The stand-in submitted for a 个体工商户 that has no USCC (the 工商注册号 is then required). */
export const USCC_PLACEHOLDER = '00000000000000000X';

/** Null when `first17` is not 17 characters of the USCC alphabet. */
export function computeUsccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** The check character for the first 17 characters of a USCC; throws if they are not well-formed. */
export function usccCheckChar(first17: string): string {
  const check = computeUsccCheckChar(first17);
  if (check === null) {
    throw new AppError(CodesErrors.CODES_INVALID_ARGUMENT, {
      detail: '计算统一社会信用代码校验码需要 17 位代码字符集内的字符',
    });
  }
  return check;
}

/**
 * Positions 9–17, the embedded 组织机构代码, or undefined when the input is not an 18-character
 * code or is the placeholder (which embeds no organisation).
 */
export function orgCodeFromUscc(uscc: string): string | undefined {
  if (uscc.length !== 18 || uscc === USCC_PLACEHOLDER) return undefined;
  const orgCode = uscc.slice(8, 17);
  return isOrgCodeShaped(orgCode) ? orgCode : undefined;
}

/** Positions 3–8, the registering authority's administrative division, when they are digits. */
export function regionOfUscc(uscc: string): string | undefined {
  if (uscc.length !== 18 || uscc === USCC_PLACEHOLDER) return undefined;
  const region = uscc.slice(2, 8);
  return /^\d{6}$/.test(region) ? region : undefined;
}
