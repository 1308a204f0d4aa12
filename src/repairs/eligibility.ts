import { addMonths, SEVERITY_PERIOD_MONTHS } from '../catalog/publication-period.js';
import { LIST_CODES } from '../kernel/list-codes.js';
import { DEFAULT_MIN_MONTHS } from './periods.js';

export type Severity = keyof typeof SEVERITY_PERIOD_MONTHS;
export const SEVERITY_NAMES: Record<Severity, string> = { minor: '轻微', general: '一般', serious: '严重' };

export { DEFAULT_MIN_MONTHS };

/**
 * List types whose entries are not ended by credit repair, with the reason told to the applicant
 * (失信被执行人: the court removes the entry once the obligations are met).
 */
export const NON_REPAIRABLE_LIST_TYPES: Readonly<Record<string, string>> = {
  [LIST_CODES.courtDishonest]: '失信被执行人名单由人民法院决定移出，请在履行全部义务后向执行法院申请屏蔽或删除失信信息',
};

export interface RecordEligibility {
  eligible: boolean;
  /** The first day repair may be applied for; null when there is no minimum to wait (轻微, or no decision date). */
  eligibleFrom: string | null;
  tier: Severity | null;
  minMonths: number;
  explanation: string;
}

/**
 * Whether a record may be repaired on `today`: the minimum publication period of its severity tier
 * (轻微 none, 一般 3 months, 严重 1 year; STANDARDS.md §3) or, for a topic without tiers, 3 months,
 * counted from the decision date; eligible from the decision date plus that many months
 * (decided 2025-03-10, 3 months → from 2025-06-10). Without a decision date nothing can be waited for.
 */
export function recordEligibility(input: { tier: Severity | null; decisionDate: string | null; today: string }): RecordEligibility {
  const { tier, decisionDate, today } = input;
  const minMonths = tier ? SEVERITY_PERIOD_MONTHS[tier].min : DEFAULT_MIN_MONTHS;
  const basis = tier ? `失信信息为${SEVERITY_NAMES[tier]}等级，最短公示期 ${minMonths} 个月` : `未分级的行政处罚信息，按最短公示期 ${minMonths} 个月`;
  if (minMonths === 0 || decisionDate === null) {
    return { eligible: true, eligibleFrom: null, tier, minMonths, explanation: `${basis}${decisionDate === null ? '（无决定日期）' : ''}，可随时申请信用修复` };
  }
  const eligibleFrom = addMonths(decisionDate, minMonths);
  const eligible = today >= eligibleFrom;
  return {
    eligible,
    eligibleFrom,
    tier,
    minMonths,
    explanation: `${basis}，自决定日期 ${decisionDate} 起算，${eligible ? `已于 ${eligibleFrom} 届满，可以申请信用修复` : `自 ${eligibleFrom} 起方可申请信用修复`}`,
  };
}

/** Whether a list entry may be repaired: only an entry in force, and only on a list that allows repair. */
export function entryEligibility(input: { listTypeCode: string; listTypeName: string; status: string }): { eligible: boolean; repairable: boolean; explanation: string } {
  const forbidden = NON_REPAIRABLE_LIST_TYPES[input.listTypeCode];
  if (forbidden) return { eligible: false, repairable: false, explanation: `${input.listTypeName}不适用信用修复：${forbidden}` };
  if (input.status !== 'active') return { eligible: false, repairable: true, explanation: '仅对在列的名单条目可申请信用修复' };
  return { eligible: true, repairable: true, explanation: `${input.listTypeName}的在列条目，可申请信用修复移出` };
}
