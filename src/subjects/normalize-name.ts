import * as OpenCC from 'opencc-js';

// Traditional characters (OpenCC's standard set, which covers the Taiwan and Hong Kong forms of names) → simplified.
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/**
 * The form of a name used to match subjects: full-width → half-width (NFKC), every bracket style as
 * ASCII parentheses, no whitespace, Latin letters upper-case, traditional characters simplified.
 * `福州華信達（集團） 有限公司` and `福州华信达(集团)有限公司` normalise alike.
 */
export function normalizeName(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  let out = name.normalize('NFKC');
  out = out.replace(/[［【〔〖[]/g, '(').replace(/[］】〕〗\]]/g, ')');
  out = out.replace(/[\s\u3000\u200b\ufeff]+/g, '');
  out = out.toUpperCase();
  // Converting only when a character could be traditional keeps ingest of plain names cheap.
  if (/[^\u0020-\u007e]/.test(out)) out = toSimplified(out);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, out);
  return out;
}

/** A name as it is shown and stored: trimmed, inner runs of whitespace collapsed, full-width ASCII half-width. */
export function cleanName(name: string): string {
  return name
    .replace(/[\uff01-\uff5e]/g, (ch) => (/[（）]/.test(ch) ? ch : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)))
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}
