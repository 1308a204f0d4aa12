import crypto from 'node:crypto';
import type { FieldCrypto } from '../kernel/field-crypto.js';
import type { RecordScope } from '../records/views.js';

/** What the platform's signature covers: everything that identifies an issued report and its bytes. */
export interface SignedFields {
  number: string;
  sha256: string;
  issuedAt: Date;
  subjectId: number;
  scope: RecordScope;
}

/** The exact text signed: one `name=value` line each, fixed order, UTC milliseconds for the time. */
export function canonicalReportString(fields: SignedFields): string {
  return [
    'xinyong-report-v1',
    `number=${fields.number}`,
    `sha256=${fields.sha256}`,
    `issuedAt=${fields.issuedAt.toISOString()}`,
    `subjectId=${fields.subjectId}`,
    `scope=${fields.scope}`,
  ].join('\n');
}

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410): this prefix, then the seed.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The platform's report-signing key pair. The private key is derived from the master secret (HKDF with
 * its own label), so it needs no storage of its own and is the same after every restart; rotating the
 * master secret rotates it, and `keyId` tells which key signed a stored report.
 */
export class ReportSigner {
  readonly keyId: string;
  readonly publicKeyPem: string;
  private readonly privateKey: crypto.KeyObject;
  private readonly publicKey: crypto.KeyObject;

  constructor(masterKey: Uint8Array) {
    const seed = Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), 'xinyong report signing ed25519 v1', 32));
    this.privateKey = crypto.createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    this.publicKey = crypto.createPublicKey(this.privateKey);
    this.publicKeyPem = this.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const spki = this.publicKey.export({ format: 'der', type: 'spki' });
    this.keyId = crypto.createHash('sha256').update(spki).digest('hex').slice(0, 16);
  }

  /** Ed25519 signature (base64) of the canonical string. */
  sign(fields: SignedFields): string {
    return crypto.sign(null, Buffer.from(canonicalReportString(fields), 'utf8'), this.privateKey).toString('base64');
  }

  /** Whether a stored signature matches the fields, under this key. */
  verify(fields: SignedFields, signature: string, keyId: string): boolean {
    if (keyId !== this.keyId) return false;
    return crypto.verify(null, Buffer.from(canonicalReportString(fields), 'utf8'), this.publicKey, Buffer.from(signature, 'base64'));
  }
}

const signers = new WeakMap<FieldCrypto, ReportSigner>();

/** The signer of a running platform, derived once per master key. */
export function reportSignerOf(fieldCrypto: FieldCrypto): ReportSigner {
  let signer = signers.get(fieldCrypto);
  if (!signer) {
    signer = new ReportSigner(fieldCrypto.exportMasterKey());
    signers.set(fieldCrypto, signer);
  }
  return signer;
}
