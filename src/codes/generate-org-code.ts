import { pick } from './create-rng.js';
import { computeOrgCodeCheckChar } from './org-code.js';

const DIGITS = '0123456789';
// Restricted to the USCC alphabet so the same generator can fill positions 9–17 of a USCC.
const USCC_BODY_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * A valid 9-character 组织机构代码 (no hyphen). Mostly legacy all-digit codes, some in the `MA…`
 * series that registration authorities have assigned since the USCC reform.
 */
export function generateOrgCode(rng: () => number): string {
  let body = '';
  if (rng() < 0.4) {
    body = 'MA';
    for (let i = 0; i < 6; i++) body += pick(rng, USCC_BODY_CHARS);
  } else {
    for (let i = 0; i < 8; i++) body += pick(rng, DIGITS);
  }
  return body + (computeOrgCodeCheckChar(body) ?? '');
}
