import path from 'node:path';

/** Largest evidence file (objections, repair materials, complaints). */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** PDF, JPEG and PNG only: the extension must name the type the file's first bytes show. */
const TYPES = [
  { contentType: 'application/pdf', extensions: ['.pdf'], magic: Buffer.from('%PDF-', 'latin1') },
  { contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'], magic: Buffer.from([0xff, 0xd8, 0xff]) },
  { contentType: 'image/png', extensions: ['.png'], magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
] as const;

/** The content type of an evidence file, or undefined when its name and its bytes do not agree on an allowed type. */
export function evidenceType(fileName: string, content: Buffer): string | undefined {
  const ext = path.extname(fileName).toLowerCase();
  const type = TYPES.find((t) => (t.extensions as readonly string[]).includes(ext));
  if (!type || content.length < type.magic.length || !content.subarray(0, type.magic.length).equals(type.magic)) return undefined;
  return type.contentType;
}
