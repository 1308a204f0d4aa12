/**
 * Deliberately invalid rows for validation tests. Each spoiled row carries a label naming the one
 * error it should produce and the cell that was changed, so a test can assert exactly that error.
 */
import { generateUscc, USCC_ALPHABET } from '../codes/index.js';
import { int, pick } from './rng.js';
import type { Rng } from './rng.js';

/**
 * The kinds of error the generator can inject. `checksum-mismatch` matches the issue code of
 * `validateCode` in `src/codes`.
 */
export const INVALID_KINDS = [
  'missing-required',
  'checksum-mismatch',
  'category-mismatch',
  'bad-date',
  'negative-amount',
  'unknown-enum',
] as const;

/** One kind of injected error. */
export type InvalidKind = (typeof INVALID_KINDS)[number];

/** What was spoiled in a row. */
export interface InvalidLabel {
  kind: InvalidKind;
  /** The field code whose cell was changed (for `category-mismatch`: the cell that now contradicts the other). */
  field: string;
  /** The value now in that cell ('' for a blanked field). */
  value: string;
  /** Human-readable explanation, in English, for test failure messages. */
  note: string;
}

/** Which topic a row belongs to. */
export type Topic = 'penalty' | 'licence';

// Required fields whose absence is reported on its own, without a second, consequential error
// (blanking the category or the decision date would also upset the cross-field rules).
const BLANKABLE: Record<Topic, readonly string[]> = {
  penalty: ['CF_XDR_MC', 'CF_WSH', 'CF_WFXW', 'CF_SY', 'CF_YJ', 'CF_NR', 'CF_YXQ', 'CF_CFJG', 'CF_CFJGDM', 'CF_SJLY', 'CF_SJLYDM'],
  licence: ['XK_XDR_MC', 'XK_XKWS', 'XK_WSH', 'XK_YXQZ', 'XK_XKJG', 'XK_XKJGDM', 'XK_LYDW', 'XK_LYDWDM'],
};

const UNKNOWN_PENALTY_CATEGORIES = ['罚没款', '训诫', '责令改正'];
const UNKNOWN_LICENCE_CATEGORIES = ['审批', '备案', '许可'];

/** Kinds that can be applied to this row (a row without a fine cannot get a negative one). */
export function applicableKinds(row: Readonly<Record<string, string>>, topic: Topic): InvalidKind[] {
  const p = topic === 'penalty' ? 'CF' : 'XK';
  const kinds: InvalidKind[] = ['missing-required', 'bad-date', 'unknown-enum'];
  const code = row[`${p}_XDR_SHXYM`] ?? '';
  const lb = row[`${p}_XDR_LB`];
  if ((code.length === 18 && code !== '00000000000000000X') || (lb === '自然人' && /^\d{17}[\dX]$/.test(row[`${p}_XDR_ZJHM`] ?? ''))) {
    kinds.push('checksum-mismatch');
  }
  if (lb === '自然人' || (lb === '法人及非法人组织' && code.startsWith('91')) || (lb === '个体工商户' && code.startsWith('92'))) {
    kinds.push('category-mismatch');
  }
  if (topic === 'penalty' && row.CF_NR_FK) kinds.push('negative-amount');
  return kinds;
}

function otherChar(rng: Rng, alphabet: string, current: string): string {
  let c = current;
  while (c === current) c = alphabet.charAt(int(rng, 0, alphabet.length - 1));
  return c;
}

/** A date string that looks like YYYY-MM-DD but does not exist. */
function impossibleDate(rng: Rng, valid: string): string {
  const year = valid.slice(0, 4) || '2025';
  return pick(rng, [`${year}-02-30`, `${year}-13-08`, `${year}-04-31`, `${year}-00-15`]);
}

/**
 * Returns a copy of `row` with one error of `kind` (default: chosen among the applicable kinds)
 * and its label. Throws when the requested kind does not apply to this row.
 */
export function spoilRow(
  rng: Rng,
  row: Readonly<Record<string, string>>,
  topic: Topic,
  kind?: InvalidKind,
): { row: Record<string, string>; label: InvalidLabel } {
  const applicable = applicableKinds(row, topic);
  const chosen = kind ?? pick(rng, applicable);
  if (!applicable.includes(chosen)) throw new RangeError(`cannot inject ${chosen} into this ${topic} row`);
  const out: Record<string, string> = { ...row };
  const p = topic === 'penalty' ? 'CF' : 'XK';
  const set = (field: string, value: string, note: string): { row: Record<string, string>; label: InvalidLabel } => {
    out[field] = value;
    return { row: out, label: { kind: chosen, field, value, note } };
  };
  switch (chosen) {
    case 'missing-required': {
      const field = pick(rng, BLANKABLE[topic]);
      return set(field, '', `required field ${field} left empty`);
    }
    case 'bad-date': {
      const field = `${p}_JDRQ`;
      return set(field, impossibleDate(rng, row[field] ?? ''), 'decision date does not exist');
    }
    case 'unknown-enum': {
      const field = topic === 'penalty' ? 'CF_CFLB' : 'XK_XKLB';
      const value = pick(rng, topic === 'penalty' ? UNKNOWN_PENALTY_CATEGORIES : UNKNOWN_LICENCE_CATEGORIES);
      return set(field, value, `${field} is not in the vocabulary`);
    }
    case 'negative-amount': {
      return set('CF_NR_FK', `-${row.CF_NR_FK ?? '1'}`, 'fine amount is negative');
    }
    case 'checksum-mismatch': {
      if (row[`${p}_XDR_LB`] === '自然人') {
        const field = `${p}_XDR_ZJHM`;
        const id = row[field] ?? '';
        return set(field, id.slice(0, 17) + otherChar(rng, '0123456789X', id.charAt(17)), 'resident ID check character is wrong');
      }
      const field = `${p}_XDR_SHXYM`;
      const code = row[field] ?? '';
      return set(field, code.slice(0, 17) + otherChar(rng, USCC_ALPHABET, code.charAt(17)), 'USCC check character is wrong');
    }
    case 'category-mismatch': {
      const lb = row[`${p}_XDR_LB`];
      if (lb === '自然人') {
        // A natural person submitted with an enterprise's 91… code.
        const field = `${p}_XDR_SHXYM`;
        return set(field, generateUscc(rng, { authority: '9', category: '1', region: '350102' }), 'natural person with a 91… enterprise code');
      }
      const field = `${p}_XDR_LB`;
      return lb === '个体工商户'
        ? set(field, '法人及非法人组织', '92… code submitted as 法人及非法人组织')
        : set(field, '个体工商户', '91… code submitted as 个体工商户');
    }
  }
}
