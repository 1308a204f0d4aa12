/** CSV output for generated rows (RFC 4180). */

const NEEDS_QUOTES = /[",\r\n]/;

/** One field, quoted only when it contains a comma, a double quote or a line break (RFC 4180 §2.6–2.7). */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV record of `row` in `columns` order, without the line break; missing cells are empty. */
export function csvLine(row: Readonly<Record<string, string>>, columns: readonly string[]): string {
  // A plain loop with concatenation: benchmarks write millions of lines, and map/join allocates twice.
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) line += ',';
    line += csvField(row[columns[i] as string] ?? '');
  }
  return line;
}

/**
 * A CSV document: header line of column codes, then one line per row, lines ended by CRLF as
 * RFC 4180 specifies. No byte-order mark; add one if the file is meant for Excel.
 */
export function toCsv(rows: Iterable<Readonly<Record<string, string>>>, columns: readonly string[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(csvLine(row, columns));
  return `${lines.join('\r\n')}\r\n`;
}
