import { AppError } from '../kernel/errors.js';
import { CodesErrors } from './errors.js';

/** ISO 7064 MOD 11,10 (hybrid); null when `first14` is not 14 digits. */
export function computeRegNoCheckDigit(first14: string): string | null {
  if (!/^\d{14}$/.test(first14)) return null;
  let product = 10;
  for (const char of first14) {
    const sum = (product + Number(char)) % 10 || 10;
    product = (sum * 2) % 11;
  }
  return String((11 - product) % 10);
}

/** The check digit of a 15-digit 工商注册号 from its first 14 digits; throws if they are not digits. */
export function regNoCheckDigit(first14: string): string {
  const check = computeRegNoCheckDigit(first14);
  if (check === null) {
    throw new AppError(CodesErrors.CODES_INVALID_ARGUMENT, { detail: '计算工商注册号校验位需要 14 位数字' });
  }
  return check;
}
