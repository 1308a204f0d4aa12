import { canSeeDepartment, requireSignedIn } from '../access/index.js';
import type { AppContext } from '../app/context.js';
import { hasRole, type Actor } from '../kernel/actor.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { writeAudit } from '../kernel/audit.js';
import { RecordErrors } from './errors.js';
import { presentRecord } from './present-record.js';
import { browseRecords as queryRecords, findRecordWithVersions, type BrowsedRecordRow } from './repository.js';
import { topicDefinition } from './topic-definitions.js';
import type { RecordDetail, RecordPage, RecordSummary } from './schemas.js';
import type { RecordFieldView } from './views.js';

export interface RecordBrowseQuery {
  subject?: number;
  topic?: string;
  department?: string;
  batch?: number;
  q?: string;
  /** Also list versions that a newer one replaced. */
  history?: boolean;
  page: number;
  pageSize: number;
}


export const RECORD_COUNT_CAP = 10_000;

/** Staff of a department, the credit centre and auditors may browse records; subject accounts may not. */
function authorizeBrowse(actor: Actor): void {
  requireSignedIn(actor);
  if (!hasRole(actor, 'admin', 'auditor', 'submitter', 'reviewer')) {
    throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅平台与部门工作人员可浏览信用记录' });
  }
}

async function summarize(ctx: AppContext, row: BrowsedRecordRow): Promise<RecordSummary & { fields: RecordFieldView[] }> {
  const def = await topicDefinition(ctx.db, row.topic_id, row.topic_version);
  const view = presentRecord(def, { ...row, category: def.category }, 'all');
  return {
    id: row.id,
    topicCode: row.topic_code,
    topicName: def.name,
    subjectId: row.subject_id,
    subjectName: row.subject_name,
    departmentCode: row.department_code,
    departmentName: row.department_name,
    decisionDate: row.decision_date,
    documentNo: view?.documentNo ?? null,
    title: view?.title ?? def.name,
    version: row.version,
    isCurrent: row.is_current,
    status: row.status,
    receivedAt: new Date(row.received_at).toISOString(),
    batchId: row.batch_id,
    publishUntil: row.publish_until,
    fields: view?.fields ?? [],
  };
}

/**
 * Records for the console, newest first. A department's staff see only their department's records;
 * the credit centre's admins and auditors see all. The listing is a read of non-public data: audited.
 */
export async function browseRecords(ctx: AppContext, actor: Actor, query: RecordBrowseQuery): Promise<RecordPage> {
  authorizeBrowse(actor);
  const all = hasRole(actor, 'admin', 'auditor');
  if (!all && actor.departmentId === null) throw new AppError(CommonErrors.FORBIDDEN, { detail: '账号未归属任何部门' });
  const q = query.q?.trim();
  return ctx.db.transaction().execute(async (trx) => {
    const { rows, total } = await queryRecords(trx, {
      subjectId: query.subject,
      topicCode: query.topic,
      departmentCode: query.department,
      departmentId: all ? undefined : (actor.departmentId ?? undefined),
      batchId: query.batch,
      q: q || undefined,
      currentOnly: !query.history,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
      countCap: RECORD_COUNT_CAP,
    });
    await writeAudit(trx, ctx.clock.now(), actor, { action: 'records.browsed', entityType: 'record', detail: { ...query, returned: rows.length } });
    const items: RecordSummary[] = [];
    for (const row of rows) {
      const { fields: _fields, ...summary } = await summarize({ ...ctx, db: trx }, row);
      items.push(summary);
    }
    return { total, totalIsLowerBound: total >= RECORD_COUNT_CAP, page: query.page, pageSize: query.pageSize, items };
  });
}

/** One record with every item (personal numbers masked) and the list of its versions; audited. */
export async function getRecord(ctx: AppContext, actor: Actor, id: number): Promise<RecordDetail> {
  authorizeBrowse(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const found = await findRecordWithVersions(trx, id);
    // Another department's record answers as if it did not exist.
    if (!found || !canSeeDepartment(actor, found.record.department_id)) throw new AppError(RecordErrors.RECORD_NOT_FOUND, { id });
    await writeAudit(trx, ctx.clock.now(), actor, { action: 'record.viewed', entityType: 'record', entityId: id });
    return {
      record: await summarize({ ...ctx, db: trx }, found.record),
      versions: found.versions.map((v) => ({
        id: v.id,
        version: v.version,
        isCurrent: v.is_current,
        receivedAt: new Date(v.received_at).toISOString(),
        batchId: v.batch_id,
        supersededAt: v.superseded_at ? new Date(v.superseded_at).toISOString() : null,
      })),
    };
  });
}
