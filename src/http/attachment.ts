import type { FastifyReply } from 'fastify';

/**
 * A `Content-Disposition` that downloads a file under its Chinese name (RFC 5987 `filename*`), with an
 * ASCII name for clients that do not read it.
 */
export function attachmentDisposition(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A stored upload (evidence, material) as a download: its checked type, a safe name, never sniffed or cached. */
export function sendStoredFile(reply: FastifyReply, file: { fileName: string; contentType: string; content: Buffer }) {
  const dot = file.fileName.lastIndexOf('.');
  const ext = dot > 0 ? file.fileName.slice(dot).toLowerCase().replace(/[^.a-z0-9]/g, '') : '';
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', attachmentDisposition(`file${ext}`, file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.content);
}
