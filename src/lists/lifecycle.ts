import { addMonths } from '../catalog/index.js';
import type { ListEntryStatus } from '../db/schema.js';
import { addCalendarDays } from '../kernel/calendar.js';
import type { ENTRY_ACTIONS } from './schemas.js';

/**
 * The lifecycle of a list entry (国办发〔2020〕49号: notice before listing, objection, exit, repair):
 *
 *   proposed ─notify→ notified ─activate→ active ⇄ suspended (objection under verification)
 *   active | suspended ─exit | repair | revoke→ exited | repaired | revoked;  time → expired
 *   proposed | notified ─withdraw | revoke→ withdrawn | revoked
 *
 * `proposed → active` directly is allowed only for list types without a notice period (a court's final
 * decision, an annual tax grade). Pure data: the operations and the tests read it.
 */
export type EntryAction = (typeof ENTRY_ACTIONS)[number];

export const TRANSITIONS: Record<EntryAction, { from: readonly ListEntryStatus[]; to: ListEntryStatus }> = {
  notify: { from: ['proposed'], to: 'notified' },
  activate: { from: ['proposed', 'notified'], to: 'active' },
  suspend: { from: ['active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'active' },
  exit: { from: ['active', 'suspended'], to: 'exited' },
  repair: { from: ['active', 'suspended'], to: 'repaired' },
  revoke: { from: ['proposed', 'notified', 'active', 'suspended'], to: 'revoked' },
  withdraw: { from: ['proposed', 'notified'], to: 'withdrawn' },
};

/** Statuses in which an entry is in force (its measures apply, suspended ones marked as such). */
export const LIVE_STATUSES: readonly ListEntryStatus[] = ['active', 'suspended'];
/** Statuses an entry never leaves. */
export const FINAL_STATUSES: readonly ListEntryStatus[] = ['exited', 'expired', 'repaired', 'revoked', 'withdrawn'];

export function isFinal(status: ListEntryStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** Actions that need a written reason (every ending and every suspension is explained). */
export function reasonRequired(action: EntryAction): boolean {
  return action !== 'notify' && action !== 'activate' && action !== 'resume';
}

/**
 * The status an entry has today: an entry in force past its last day is expired whether or not the
 * sweep has recorded it yet (derived state never waits for a job).
 */
export function effectiveStatus(status: ListEntryStatus, expiresOn: string | null, today: string): ListEntryStatus {
  if (LIVE_STATUSES.includes(status) && expiresOn !== null && expiresOn < today) return 'expired';
  return status;
}

/** The last day of an entry that starts on `from` and lasts `months` (null: until its exit conditions are met). */
export function lastDayOf(from: string, months: number | null): string | null {
  return months === null ? null : addCalendarDays(addMonths(from, months), -1);
}

/** The trail's reason for the actions that need none from the person taking them. */
export const DEFAULT_REASONS = {
  notify: '已书面告知拟列入的事由、依据及其依法享有的陈述、申辩和异议权利',
  activateWithoutNotice: '该名单无异议期，正式列入',
  activateAfterNotice: '异议期届满，正式列入',
  resume: '异议核查完毕，恢复',
} as const;
