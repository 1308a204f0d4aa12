import type { Kysely } from 'kysely';
import type { AppContext } from '../app/context.js';
import { BROKEN_COMMITMENT_TOPIC, COMMITMENT_TYPE_NAMES, commitmentNumber } from '../catalog/index.js';
import type { DB } from '../db/schema.js';
import { systemActor, type Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError } from '../kernel/errors.js';
import { emitEvent } from '../kernel/outbox.js';
import { LIST_CODES } from '../kernel/list-codes.js';
import { findListTypeByCode, findOpenEntryOfSubject, proposeEntryIn } from '../lists/index.js';
import { insertRecordFromCase } from '../records/index.js';
import { CommitmentErrors } from './errors.js';
import { authorizeRevoke, authorizeVerdict, commitmentScope, inScope } from './policies.js';
import { getCommitment } from './read-commitments.js';
import * as repo from './repository.js';
import { COMMITMENT_ACTION_NAMES, COMMITMENT_STATUS_NAMES, type Commitment, type CommitmentTransition, type CommitmentType } from './schemas.js';

const TARGET = { kept: 'kept', broken: 'broken', revoke: 'revoked' } as const;

/** 行政相对人类别 of the dishonesty record, from the subject's kind. */
function subjectCategory(kind: string): string {
  if (kind === 'natural_person') return '自然人';
  if (kind === 'individual_business') return '个体工商户';
  return '法人及非法人组织';
}

/**
 * Records whether a commitment was kept, in one transaction:
 *
 *   signed ─kept→ kept;   signed ─broken (reason)→ broken + a 违背信用承诺 record;   signed ─revoke (reason, admin)→ revoked
 *
 * kept / broken: a reviewer of the accepting department or the credit centre. The row is locked first,
 * so of two concurrent verdicts one wins and the other gets COMMITMENT_TRANSITION_INVALID (409) with the
 * winner's status. A breach writes the dishonesty record (topic XYCN_WY, the department as its source,
 * published by the topic's rule), proposes a broken 告知承诺 / 容缺受理 for the 违背告知承诺重点关注名单
 * (`proposeBreachListing`) and emits `commitment.broken` with both.
 */
export async function transitionCommitment(ctx: AppContext, actor: Actor, id: number, input: CommitmentTransition): Promise<Commitment> {
  const scope = commitmentScope(actor);
  const action = input.action;
  const actionName = COMMITMENT_ACTION_NAMES[action];
  const reason = input.reason.trim();
  if ((action === 'broken' || action === 'revoke') && reason === '') throw new AppError(CommitmentErrors.COMMITMENT_REASON_REQUIRED, { action: actionName });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockCommitment(trx, id);
    const row = await repo.findCommitment(trx, id);
    if (!row || !inScope(row, scope)) throw new AppError(CommitmentErrors.COMMITMENT_NOT_FOUND, { id });
    if (action === 'revoke') authorizeRevoke(actor);
    else authorizeVerdict(actor, row.department_id);
    const refuse = (status: keyof typeof COMMITMENT_STATUS_NAMES) => new AppError(CommitmentErrors.COMMITMENT_TRANSITION_INVALID, { id, status: COMMITMENT_STATUS_NAMES[status], action: actionName });
    if (row.status !== 'signed') throw refuse(row.status);
    if (action !== 'revoke' && row.signed_via === 'upload' && row.file_name === null) throw new AppError(CommitmentErrors.COMMITMENT_FILE_REQUIRED);
    const at = ctx.clock.now();
    const to = TARGET[action];
    const why = reason || (action === 'kept' ? '经核查已履行承诺' : actionName);
    const breachRecordId = action === 'broken' ? await writeBreachRecord(trx, at, actor, row, why) : undefined;
    const listEntryId = action === 'broken' ? await proposeBreachListing(ctx, trx, row, why) : undefined;
    const moved = await repo.recordVerdict(trx, id, to, {
      verdict_reason: why,
      verdict_by: actor.name ?? actor.type,
      verdict_department_id: actor.departmentId,
      verdict_at: at,
      ...(breachRecordId !== undefined ? { breach_record_id: breachRecordId } : {}),
    });
    if (!moved) throw refuse((await repo.findCommitment(trx, id))?.status ?? row.status);
    await repo.insertEvent(trx, at, actor, id, { from: 'signed', to, reason: why });
    await writeAudit(trx, at, actor, { action: `commitment.${action}`, entityType: 'commitment', entityId: id, detail: { action: actionName, from: 'signed', to, reason: why, breachRecordId, listEntryId } });
    await emitEvent(trx, at, {
      topic: `commitment.${to}`,
      key: id,
      payload: { commitmentId: id, type: row.type, subjectId: Number(row.subject_id), departmentId: row.department_id, matter: row.matter_code, reason: why, breachRecordId: breachRecordId ?? null, listEntryId: listEntryId ?? null },
    });
  });
  return getCommitment(ctx, actor, id);
}

/** The dishonesty record of a breach (违背信用承诺), from the accepting department, decided today. */
async function writeBreachRecord(trx: Kysely<DB>, at: Date, actor: Actor, row: repo.CommitmentRow, reason: string): Promise<number> {
  const matter = row.matter_detail ? `${row.matter_name}（${row.matter_detail}）` : row.matter_name;
  const data: Record<string, string> = {
    WY_XDR_MC: row.subject_name,
    WY_XDR_LB: subjectCategory(row.subject_kind),
    WY_CNBH: commitmentNumber(row.id, row.signed_on),
    WY_CNLX: COMMITMENT_TYPE_NAMES[row.type],
    WY_CNSX: matter,
    WY_CNRQ: row.signed_on,
    WY_CNNR: row.content,
    WY_WYQX: reason,
    WY_RDRQ: chinaDate(at),
    WY_RDJG: row.department_name,
  };
  if (row.subject_uscc) data.WY_XDR_SHXYM = row.subject_uscc;
  if (row.department_uscc) data.WY_RDJGDM = row.department_uscc;
  return insertRecordFromCase(trx, at, actor, { topicCode: BROKEN_COMMITMENT_TOPIC.code, subjectId: Number(row.subject_id), departmentId: row.department_id, data, source: { kind: 'commitment', id: row.id } });
}

/** The commitment types whose breach lists the subject (告知承诺 and 容缺受理: the promise replaced a check). */
export const LISTED_BREACH_TYPES: readonly CommitmentType[] = ['approval_substitute', 'tolerance'];

/**
 * The list rule of a breach: a broken 告知承诺 or 容缺受理 proposes the subject for the 违背告知承诺重点关注名单
 * (`LIST_CODES.brokenCommitment`), decided by the accepting department, with notice (the subject may
 * object before it comes into force), in the verdict's transaction. Nothing when the credit centre has
 * turned the list off, or when the subject is on it already (a second breach does not list it twice).
 */
async function proposeBreachListing(ctx: AppContext, trx: Kysely<DB>, row: repo.CommitmentRow, reason: string): Promise<number | undefined> {
  if (!LISTED_BREACH_TYPES.includes(row.type)) return undefined;
  const listType = await findListTypeByCode(trx, LIST_CODES.brokenCommitment);
  if (!listType || listType.status !== 'active') return undefined;
  const subjectId = Number(row.subject_id);
  if (await findOpenEntryOfSubject(trx, listType.id, subjectId)) return undefined;
  const rule: Actor = { ...systemActor, name: '规则：违背告知承诺', departmentId: row.department_id };
  const number = commitmentNumber(row.id, row.signed_on);
  return proposeEntryIn(
    ctx,
    trx,
    rule,
    {
      listType: listType.code,
      subject: { name: row.subject_name },
      reasons: `${row.department_name}认定违背${COMMITMENT_TYPE_NAMES[row.type]}（承诺编号 ${number}）：${reason}`,
      basis: '国办发〔2020〕42号：对违背承诺的申请人依法依规实施失信惩戒',
      decisionDate: chinaDate(ctx.clock.now()),
      sourceKey: `commitment:${row.id}`,
      notify: true,
    },
    'rule',
    { ruleCode: 'CN_WY', subject: { id: subjectId, name: row.subject_name } },
  );
}
