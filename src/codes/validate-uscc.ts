import { error, hasError, info, showChar, warning } from './issues.js';
import { normalizeCode } from './normalize-code.js';
import { computeOrgCodeCheckChar } from './org-code.js';
import { checkAuthorityRegion } from './region.js';
import { computeUsccCheckChar, USCC_ALPHABET, USCC_PLACEHOLDER } from './uscc.js';
import { USCC_AUTHORITIES } from './uscc-authorities.js';
import type { CodeIssue, UsccDetails, UsccValidation } from './types.js';

// Letters GB 32100 leaves out, and the character the writer most likely meant.
const EXCLUDED_LETTER_HINTS: Readonly<Record<string, string>> = { I: '1', O: '0', Z: '2', S: '5', V: 'U' };

function badCharacterMessage(position: number, char: string): string {
  const hint = EXCLUDED_LETTER_HINTS[char];
  const base = `第 ${position} 位字符${showChar(char)}不在统一社会信用代码字符集内（数字 0–9 和除 I、O、Z、S、V 以外的大写字母）`;
  return hint === undefined ? base : `${base}，是否应为“${hint}”？`;
}

/** Validates a 统一社会信用代码 (GB 32100-2015). */
export function validateUscc(input: string): UsccValidation {
  const normalized = normalizeCode(input);
  const issues: CodeIssue[] = [];
  const details: UsccDetails = {};
  const done = (): UsccValidation => ({ valid: !hasError(issues), kind: 'uscc', normalized, issues, details });

  if (normalized === '') {
    issues.push(error('empty', '统一社会信用代码为空'));
    return done();
  }
  if (normalized === USCC_PLACEHOLDER) {
    details.placeholder = true;
    issues.push(
      info('placeholder', `“${USCC_PLACEHOLDER}”是无统一社会信用代码的个体工商户的占位代码，此时必须填写工商注册号`),
    );
    return done();
  }
  if (normalized.length !== 18) {
    issues.push(error('bad-length', `统一社会信用代码应为 18 位，实际为 ${normalized.length} 位`));
    return done();
  }

  const chars = normalized.split('');
  const inAlphabet = chars.map((char) => USCC_ALPHABET.includes(char));
  chars.forEach((char, i) => {
    if (!inAlphabet[i]) issues.push(error('bad-character', badCharacterMessage(i + 1, char)));
  });

  const authority = normalized.charAt(0);
  const category = normalized.charAt(1);
  const authorityEntry = USCC_AUTHORITIES[authority];
  if (authorityEntry) {
    details.authority = authority;
    details.authorityName = authorityEntry.name;
    const categoryName = authorityEntry.categories[category];
    if (categoryName !== undefined) {
      details.category = category;
      details.categoryName = categoryName;
    } else if (inAlphabet[1]) {
      const allowed = Object.entries(authorityEntry.categories)
        .map(([code, name]) => `${code}（${name}）`)
        .join('、');
      issues.push(
        error(
          'unknown-category',
          `第 2 位机构类别代码“${category}”对登记管理部门“${authority}（${authorityEntry.name}）”无效，应为 ${allowed}之一`,
        ),
      );
    }
  } else if (inAlphabet[0]) {
    issues.push(
      error(
        'unknown-authority',
        `第 1 位登记管理部门代码“${authority}”无效，应为 ${Object.keys(USCC_AUTHORITIES).join('、')} 之一`,
      ),
    );
  }

  const region = normalized.slice(2, 8);
  if (/^\d{6}$/.test(region)) {
    details.region = region;
    const regionIssue = checkAuthorityRegion(region, 3);
    if (regionIssue) issues.push(regionIssue);
  } else {
    region.split('').forEach((char, i) => {
      // A character outside the alphabet has already been reported; one report per position is enough.
      if (!/\d/.test(char) && inAlphabet[i + 2]) {
        issues.push(
          error('region-not-digits', `第 ${i + 3} 位字符“${char}”应为数字：第 3–8 位是登记管理机关行政区划码，只能是数字`),
        );
      }
    });
  }

  const orgCode = normalized.slice(8, 17);
  if (inAlphabet.slice(8, 17).every(Boolean)) {
    details.orgCode = orgCode;
    const expectedOrgCheck = computeOrgCodeCheckChar(orgCode.slice(0, 8));
    if (expectedOrgCheck !== null && expectedOrgCheck !== orgCode.charAt(8)) {
      // The USCC check character already guards the whole code; a bad inner check is only suspicious.
      issues.push(
        warning(
          'org-code-checksum-mismatch',
          `第 9–17 位主体标识码（组织机构代码）“${orgCode.slice(0, 8)}-${orgCode.charAt(8)}”的校验码应为“${expectedOrgCheck}”，实际为“${orgCode.charAt(8)}”`,
        ),
      );
    }
  }

  const expected = computeUsccCheckChar(normalized.slice(0, 17));
  const actual = normalized.charAt(17);
  if (expected !== null && inAlphabet[17] && expected !== actual) {
    const wellFormedOtherwise = issues.length === 0;
    issues.push(error('checksum-mismatch', `第 18 位校验码应为“${expected}”，实际为“${actual}”`));
    details.expectedCheck = expected;
    if (wellFormedOtherwise) details.pilotEraCandidate = true;
  }
  return done();
}
