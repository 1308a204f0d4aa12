import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { TOKEN_DISPLAY_PREFIX_LENGTH } from './limits.js';

/** Secrets and password hashes. Only hashes are stored; the plain secret is handed out once. */

/** A new bearer secret: the kind's prefix and 256 random bits in base64url. */
export function generateSecret(prefix: string): string {
  return prefix + crypto.randomBytes(32).toString('base64url');
}

/**
 * How a bearer secret is stored and looked up. A fast hash is enough (and keeps every request to one
 * indexed lookup): the secret is 256 random bits, so there is nothing to brute-force.
 */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The part of an API token kept in clear, to tell tokens apart in lists. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, TOKEN_DISPLAY_PREFIX_LENGTH);
}

/** argon2id with the library's defaults (19 MiB, 2 passes: the OWASP baseline). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let decoyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no stored hash (unknown user) it still spends the time
 * of one verification, so response times do not tell which usernames exist.
 */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (storedHash === undefined) {
    decoyHash ??= hash(crypto.randomBytes(16).toString('hex'));
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
