import crypto from 'node:crypto';
import type { FieldCrypto } from '../kernel/field-crypto.js';

/** Crockford-style alphabet: no I, L, O, U, so a number read aloud or typed is unambiguous. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomChars(n: number): string {
  const bytes = crypto.randomBytes(n);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return out;
}

/** `TS` + China date `YYYYMMDD` + 8 random characters (40 bits): unique by index, not guessable in practice. */
export function newTrackingNumber(chinaDate: string): string {
  return `TS${chinaDate.replace(/-/g, '')}${randomChars(8)}`;
}

/** The secret query code (12 characters, 60 bits), shown once to the complainant. */
export function newQueryCode(): string {
  return randomChars(12);
}

/** Only this keyed hash of the code is stored (bound to the tracking number). */
export function queryCodeHash(fieldCrypto: FieldCrypto, trackingNumber: string, code: string): string {
  return fieldCrypto.blindIndex('complaint-query-code', `${trackingNumber}:${code.trim().toUpperCase()}`);
}

/** Constant-time comparison of a presented code with the stored hash. */
export function queryCodeMatches(fieldCrypto: FieldCrypto, trackingNumber: string, code: string, stored: string): boolean {
  const presented = Buffer.from(queryCodeHash(fieldCrypto, trackingNumber, code));
  const expected = Buffer.from(stored);
  return presented.length === expected.length && crypto.timingSafeEqual(presented, expected);
}
