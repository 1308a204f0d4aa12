import { AppError } from '../kernel/errors.js';
import { CodesErrors } from './errors.js';

export const ORG_CODE_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

/** 0–9 then A–Z: the character's GB 11714 value, or -1. */
function orgCodeValue(char: string): number {
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

/** Null when `body` is not 8 characters of 0–9 and A–Z. */
export function computeOrgCodeCheckChar(body: string): string | null {
  if (body.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = orgCodeValue(body.charAt(i));
    if (value < 0) return null;
    sum += value * (ORG_CODE_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** The GB 11714 check character for an 8-character body; throws if the body is not well-formed. */
export function orgCodeCheckChar(body: string): string {
  const check = computeOrgCodeCheckChar(body);
  if (check === null) {
    throw new AppError(CodesErrors.CODES_INVALID_ARGUMENT, { detail: '计算组织机构代码校验码需要 8 位数字或大写字母' });
  }
  return check;
}

/** Shape only (8 body characters and a digit or X), not the check. */
export function isOrgCodeShaped(code: string): boolean {
  return /^[0-9A-Z]{8}[0-9X]$/.test(code);
}

/** `XXXXXXXX-X`, how the code is printed; input is the 9-character normalized form. */
export function formatOrgCode(orgCode: string): string {
  return `${orgCode.slice(0, 8)}-${orgCode.slice(8)}`;
}
