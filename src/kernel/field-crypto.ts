import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encryption at rest for personal data (resident ID numbers and the like) and keyed hashes ("blind
 * index") to look them up without storing them in plain text. One 32-byte master key; two sub-keys are
 * derived from it so the hash key and the encryption key are never the same.
 */
export class FieldCrypto {
  private readonly encKey: Buffer;
  private readonly hashKey: Buffer;
  private readonly masterKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('the secret key must be 32 bytes (64 hex characters)');
    this.masterKey = Buffer.from(masterKey);
    this.encKey = Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), 'xinyong field encryption v1', 32));
    this.hashKey = Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), 'xinyong blind index v1', 32));
  }

  /** A copy of the master key, for a worker thread of this process that seals and hashes for it. */
  exportMasterKey(): Uint8Array {
    return new Uint8Array(this.masterKey);
  }

  /** Random bytes for IVs, drawn from the system generator 4 KiB at a time (one call per IV is slow). */
  private ivPool = Buffer.alloc(0);
  private ivOffset = 0;

  private nextIv(): Buffer {
    if (this.ivOffset + 12 > this.ivPool.length) {
      this.ivPool = crypto.randomBytes(4096);
      this.ivOffset = 0;
    }
    const iv = this.ivPool.subarray(this.ivOffset, this.ivOffset + 12);
    this.ivOffset += 12;
    return iv;
  }

  /** AES-256-GCM with a random 96-bit IV; output `v1:<iv>:<tag>:<ciphertext>` in base64url. */
  encrypt(plain: string): string {
    const iv = this.nextIv();
    const cipher = crypto.createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1:${iv.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${body.toString('base64url')}`;
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split(':');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed value');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Keyed hash of a normalised value, for equality look-ups (`domain` separates kinds of value). */
  blindIndex(domain: string, value: string): string {
    return crypto.createHmac('sha256', this.hashKey).update(domain).update('\0').update(value).digest('base64url').slice(0, 32);
  }
}

/**
 * The master key: XINYONG_SECRET_KEY (64 hex chars) when set; otherwise a key file in the data
 * directory, created on first run with owner-only permissions.
 */
export function loadMasterKey(secretKeyHex: string | undefined, dataDir: string): Buffer {
  if (secretKeyHex) {
    if (!/^[0-9a-fA-F]{64}$/.test(secretKeyHex)) throw new Error('XINYONG_SECRET_KEY 必须是 64 位十六进制字符（32 字节）');
    return Buffer.from(secretKeyHex, 'hex');
  }
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}
