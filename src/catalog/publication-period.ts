import { addCalendarDays } from '../kernel/calendar.js';
import type { TopicDefinition } from './schemas.js';
import { SEVERITY_PERIOD_MONTHS } from './severity-periods.js';

export { SEVERITY_PERIOD_MONTHS };

/** Whether records of a topic are ever shown to the public (a rule and at least one 社会公开 item). */
export function isPublishable(def: TopicDefinition): boolean {
  return def.publication.kind !== 'none' && def.items.some((item) => item.disclosure === 'public');
}

/** `date` plus `months` calendar months, clamped to the month's end (2025-01-31 + 1 → 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(day, last))).toISOString().slice(0, 10);
}

/**
 * The last day a record is published, from its topic's rule: the record's own 公示截止期 when given;
 * otherwise, for severity tiers, the decision date plus the maximum period of the topic's severity
 * (a period of 12 months from 2025-03-10 runs through 2026-03-09); for a fixed number of months the
 * same; for licences published while in force, the 有效期至. Null means open-ended (or unknown: no
 * decision date), and for a `none` rule the record is never published whatever this says.
 */
export function publicationEndOf(def: TopicDefinition, decisionDate: string | null, givenEnd: string | null, validityEnd: string | null): string | null {
  if (givenEnd) return givenEnd;
  const rule = def.publication;
  switch (rule.kind) {
    case 'severity-tiers':
      return decisionDate ? addCalendarDays(addMonths(decisionDate, SEVERITY_PERIOD_MONTHS[rule.defaultSeverity ?? 'general'].max), -1) : null;
    case 'months':
      return decisionDate && rule.months ? addCalendarDays(addMonths(decisionDate, rule.months), -1) : null;
    case 'validity':
      return validityEnd;
    case 'none':
      return null;
  }
}
