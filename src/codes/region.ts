import { warning } from './issues.js';
import { PROVINCE_CODES } from './resident-id.js';
import type { CodeIssue } from './types.js';

/**
 * Registration authorities sit in a province, or are national (division 100000). Anything else is
 * worth a warning, not an error: the division list changes and we do not ship the full GB/T 2260.
 */
export function checkAuthorityRegion(region: string, firstPosition: number): CodeIssue | null {
  const province = region.slice(0, 2);
  if (province === '10' || province in PROVINCE_CODES) return null;
  return warning(
    'unknown-region',
    `第 ${firstPosition}–${firstPosition + 1} 位“${province}”不是已知的省级行政区划代码（GB/T 2260），请核对登记管理机关行政区划码`,
  );
}
