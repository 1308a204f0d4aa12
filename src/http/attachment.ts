/**
 * A `Content-Disposition` that downloads a file under its Chinese name (RFC 5987 `filename*`), with an
 * ASCII name for clients that do not read it.
 */
export function attachmentDisposition(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
