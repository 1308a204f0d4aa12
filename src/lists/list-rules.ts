import type { Kysely } from 'kysely';
import type { AppContext } from '../app/context.js';
import { addMonths } from '../catalog/index.js';
import type { DB } from '../db/schema.js';
import { systemActor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { addCalendarDays, chinaDate } from '../kernel/calendar.js';
import { emitEvents } from '../kernel/outbox.js';
import { LIST_CODES } from './builtin-list-types.js';
import { proposeEntryIn } from './propose-entry.js';
import * as repo from './repository.js';

/**
 * Rules that move subjects between lists as time passes. Each is a pure description; `runListRules`
 * applies them. Today: 经营异常名录 still listed after 3 years → 严重违法失信名单, warned 60 days before
 * (企业信息公示暂行条例 第十八条; 市场监督管理严重违法失信名单管理办法).
 */
export interface ListRule {
  code: string;
  from: string;
  to: string;
  afterMonths: number;
  warnDaysBefore: number;
  reasons: (entry: { decision_no: string | null; effective_from: string | null }) => string;
}

export const LIST_RULES: readonly ListRule[] = [
  {
    code: 'JYYC_3Y',
    from: LIST_CODES.abnormalOperation,
    to: LIST_CODES.seriousIllegal,
    afterMonths: 36,
    warnDaysBefore: 60,
    reasons: (e) =>
      `自 ${e.effective_from} 起被列入经营异常名录${e.decision_no ? `（${e.decision_no}）` : ''}，届满三年仍未履行相关义务，依法拟列入严重违法失信名单`,
  },
];

export interface RuleResult {
  warned: number;
  proposed: number;
}

/** Applies every rule once for today: warnings first, then proposals for entries whose time has come. */
export async function runListRules(ctx: AppContext, db: Kysely<DB>): Promise<RuleResult> {
  const at = ctx.clock.now();
  const today = chinaDate(at);
  const result: RuleResult = { warned: 0, proposed: 0 };
  for (const rule of LIST_RULES) {
    const from = await repo.findListTypeByCode(db, rule.from);
    const to = await repo.findListTypeByCode(db, rule.to);
    if (!from || !to || from.status !== 'active' || to.status !== 'active') continue;

    // Entries whose due day (start + afterMonths) is at most warnDaysBefore away: those that began on or
    // before today + warnDaysBefore − afterMonths.
    const warnHorizon = addMonths(addCalendarDays(today, rule.warnDaysBefore), -rule.afterMonths);
    const toWarn = await repo.findLiveEntriesSince(db, from.id, warnHorizon, rule.code);
    const warnings = [];
    for (const entry of toWarn) {
      const dueOn = addMonths(entry.effective_from!, rule.afterMonths);
      if (!(await repo.insertRuleWarning(db, rule.code, entry.id, at, dueOn))) continue;
      warnings.push({ topic: 'list.rule.warning', key: entry.id, payload: { rule: rule.code, entryId: entry.id, subjectId: entry.subject_id, dueOn, to: to.code } });
    }
    if (warnings.length) {
      await emitEvents(db, at, warnings);
      await writeAudit(db, at, systemActor, { action: 'list.rule.warn', entityType: 'list_rule', entityId: rule.code, detail: { count: warnings.length, entryIds: warnings.map((w) => w.key) } });
      result.warned += warnings.length;
    }

    const dueHorizon = addMonths(today, -rule.afterMonths);
    for (const entry of await repo.findLiveEntriesSince(db, from.id, dueHorizon)) {
      const sourceKey = `${rule.code}:${entry.id}`;
      if (await repo.findRuleEntry(db, rule.code, sourceKey)) continue;
      if (await repo.findOpenEntryOfSubject(db, to.id, entry.subject_id)) continue;
      const subject = await repo.findSubjectName(db, entry.subject_id);
      await proposeEntryIn(
        ctx,
        db,
        systemActor,
        { listType: to.code, subject: { name: subject }, reasons: rule.reasons(entry), decisionDate: today, sourceKey, notify: true },
        'rule',
        { ruleCode: rule.code, subject: { id: entry.subject_id, name: subject } },
      );
      result.proposed += 1;
    }
  }
  return result;
}
