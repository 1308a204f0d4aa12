import type { AppContext } from '../app/context.js';
import { findTopicByCode, GOVERNMENT_DISHONESTY_TOPIC, GOVERNMENT_DISHONESTY_TYPES } from '../catalog/index.js';
import { chinaDate } from '../kernel/calendar.js';
import { listPublicEntries } from '../lists/index.js';
import { findGovernmentRecords } from './repository.js';
import type { GovernmentIntegrity } from './schemas.js';

/** At most this many 政务失信记录 are counted and listed; a city has tens, not thousands. */
const RECORD_LIMIT = 1000;
const LISTED = 50;

/**
 * 政务诚信 for the website: how many government bodies the platform knows, their 政务失信记录 in force by
 * kind (with the newest), and the bodies on punishment lists in force (a government body on 失信被执行人).
 * Everything shown is public: records inside their publication window, list entries in force.
 */
export async function getGovernmentIntegrity(ctx: AppContext): Promise<GovernmentIntegrity> {
  const today = chinaDate(ctx.clock.now());
  const topic = await findTopicByCode(ctx.db, GOVERNMENT_DISHONESTY_TOPIC.code);
  const { bodies, rows } = topic
    ? await findGovernmentRecords(ctx.db, topic.id, today, { type: 'ZW_SXLX', finder: 'ZW_RDDW', amount: 'ZW_SJJE', remedy: 'ZW_ZGQK' }, RECORD_LIMIT)
    : { bodies: 0, rows: [] };
  const byType = GOVERNMENT_DISHONESTY_TYPES.map((type) => ({ type, count: rows.filter((r) => r.type === type).length }));
  const listed = await listPublicEntries(ctx, { kind: 'black', subjectKind: 'government', page: 1, pageSize: LISTED });
  return {
    bodies,
    bodiesWithRecords: new Set(rows.map((r) => r.subject_id)).size,
    records: rows.length,
    remedied: rows.filter((r) => r.remedied).length,
    byType,
    recent: rows.slice(0, 20).map((r) => ({
      recordId: r.id,
      subjectId: r.subject_id,
      subjectName: r.subject_name,
      type: r.type,
      decisionDate: r.decision_date,
      finder: r.finder,
      amount: r.amount,
      remedied: r.remedied,
    })),
    listedBodies: new Set(listed.items.map((e) => e.subjectId)).size,
    listEntries: listed.items.map((e) => ({ id: e.id, subjectId: e.subjectId, subjectName: e.subjectName, listName: e.listType.name, decisionNo: e.decisionNo, effectiveFrom: e.effectiveFrom, reasons: e.reasons })),
    asOf: ctx.clock.now().toISOString(),
  };
}
