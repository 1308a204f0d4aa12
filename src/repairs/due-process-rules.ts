import type { AppContext } from '../app/context.js';
import { SEVERITY_PERIOD_MONTHS } from '../catalog/publication-period.js';
import { DEFAULT_MIN_MONTHS, NON_REPAIRABLE_LIST_TYPES, SEVERITY_NAMES, type Severity } from './eligibility.js';
import { MATERIAL_KIND_NAMES, MATERIAL_KINDS, type DueProcessRules } from './schemas.js';

/** The rules the website explains to a subject: deadlines in force (configuration) and who may repair when. */
export function dueProcessRules(ctx: AppContext): DueProcessRules {
  const tiers = (Object.keys(SEVERITY_PERIOD_MONTHS) as Severity[]).map((tier) => ({ tier, name: SEVERITY_NAMES[tier], minMonths: SEVERITY_PERIOD_MONTHS[tier].min }));
  return {
    deadlines: { ...ctx.config.dueProcess },
    repair: {
      tiers,
      defaultMinMonths: DEFAULT_MIN_MONTHS,
      nonRepairable: Object.entries(NON_REPAIRABLE_LIST_TYPES).map(([listTypeCode, explanation]) => ({ listTypeCode, explanation })),
      materials: MATERIAL_KINDS.map((kind) => ({ kind, name: MATERIAL_KIND_NAMES[kind], required: kind !== 'other' })),
    },
  };
}
