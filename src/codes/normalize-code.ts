// Dashes people and office software put into codes: ASCII hyphen, full-width hyphen (mapped to ASCII
// first), hyphen/en/em dashes, the minus sign and the katakana long mark that IMEs produce for "－".
const SEPARATORS = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff\-\u2010-\u2015\u2212\u30fc]/g;

/**
 * The canonical form used for storage, comparison and validation: trimmed, full-width characters
 * made half-width, upper-case, and without spaces or hyphens (org codes are printed `XXXXXXXX-X`,
 * ID numbers are often grouped with spaces). It never guesses at look-alike characters such as O
 * for 0: that is reported by validation, not silently "fixed".
 */
export function normalizeCode(input: string): string {
  let halfWidth = '';
  for (const char of input) {
    const code = char.charCodeAt(0);
    halfWidth += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : char;
  }
  return halfWidth.replace(SEPARATORS, '').toUpperCase();
}
