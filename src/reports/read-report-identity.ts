/**
 * Reads the report number and verification code that `renderReportPdf` writes into a PDF's document
 * information dictionary. Only our own files are read this way: the values are short ASCII literal
 * strings, either inline or in an indirect object, so a scan of the raw bytes finds them without a PDF
 * parser. An editor that re-saves a file usually keeps them; when they are gone, the file cannot be
 * matched to a report by number (it may still match by its exact SHA-256).
 */
export function readReportIdentity(pdf: Buffer): { number: string | null; code: string | null } {
  const text = pdf.toString('latin1');
  return { number: infoString(text, 'ReportNumber', /^XY\d{14}$/), code: infoString(text, 'VerificationCode', /^[0-9A-Z]{4,16}$/) };
}

function infoString(text: string, key: string, shape: RegExp): string | null {
  // The last occurrence wins: an incremental update appends a newer information dictionary.
  const entries = [...text.matchAll(new RegExp(`/${key}\\s*(?:\\(([^()\\\\]{1,64})\\)|(\\d{1,9})\\s+(\\d{1,5})\\s+R)`, 'g'))];
  for (const entry of entries.reverse()) {
    let value = entry[1];
    if (value === undefined && entry[2] !== undefined) {
      const object = new RegExp(`(?:^|[\\s>])${entry[2]}\\s+${entry[3]}\\s+obj\\s*\\(([^()\\\\]{1,64})\\)`).exec(text);
      value = object?.[1];
    }
    if (value !== undefined && shape.test(value)) return value;
  }
  return null;
}
