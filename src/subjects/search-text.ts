import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
const KEEP = /[A-Z0-9]/;

// Characters common in names whose reading (and initial) depends on the word: 银行 HANG / 行政 XING,
// 长乐 CHANG / 行长 ZHANG, 重庆 CHONG, 厦门 XIA / 大厦 SHA, 会计 KUAI … A name holding one is read whole.
const IN_CONTEXT = new Set('行长重厦乐会藏传调朝都');

// Initial of each Han character met so far, in its usual reading.
const charInitials = new Map<string, string>();

function initialOfChar(ch: string): string {
  let initial = charInitials.get(ch);
  if (initial === undefined) {
    initial = IN_CONTEXT.has(ch) ? '' : keepAlnum(pinyin(ch, { pattern: 'first', toneType: 'none' }).toUpperCase()) || '?';
    charInitials.set(ch, initial);
  }
  return initial;
}

/**
 * Pinyin initials of a normalised name, upper-case: `福州华信达贸易有限公司` → `FZHXDMYYXGS`. Latin letters
 * and digits of the name stay as they are; brackets and other signs are dropped. Polyphonic characters
 * take the reading pinyin-pro chooses from their context (银行 → YH); names without any are done a
 * character at a time from a cache, which is what keeps ingest cheap.
 */
export function initialsOf(nameNorm: string): string {
  let out = '';
  for (const ch of nameNorm) {
    if (!HAN.test(ch)) {
      out += KEEP.test(ch) ? ch : '';
      continue;
    }
    const initial = initialOfChar(ch);
    if (initial === '') return initialsInContext(nameNorm);
    if (initial !== '?') out += initial;
  }
  return out;
}

function initialsInContext(nameNorm: string): string {
  const parts = pinyin(nameNorm, { pattern: 'first', toneType: 'none', type: 'array' });
  let out = '';
  for (const part of parts) out += keepAlnum(part.toUpperCase());
  return out;
}

function keepAlnum(text: string): string {
  let out = '';
  for (const ch of text) if (KEEP.test(ch)) out += ch;
  return out;
}

/** The distinct two-character grams of a text, in order of first appearance (characters are code points). */
export function gramsOf(text: string): string[] {
  const chars = Array.from(text);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

/** Length in characters (code points), as PostgreSQL counts it. */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The grams a subject is indexed under: those of its current name, its earlier names and its initials. */
export function searchGramsOf(parts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const part of parts) for (const gram of gramsOf(part)) out.add(gram);
  return [...out];
}
