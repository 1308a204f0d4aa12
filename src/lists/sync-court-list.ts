import type { AppContext } from '../app/context.js';
import { copyCell } from '../db/database.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { emitEvents } from '../kernel/outbox.js';
import { endJointTasks, openJointTasks } from '../measures/index.js';
import { SubjectResolver } from '../subjects/index.js';
import { LIST_CODES } from './builtin-list-types.js';
import {
  checkCourtRow,
  courtContentHash,
  draftCourtEntry,
  issueOf,
  readCourtFeed,
  type CheckedRow,
  type CourtFeedFormat,
  type CourtRowIssue,
  type FeedMeta,
} from './court-feed.js';
import * as court from './court-repository.js';
import { ListErrors } from './errors.js';
import { authorizeCourtSync } from './policies.js';
import { findListTypeByCode } from './repository.js';

export type CourtSyncPhase = 'stage' | 'diff' | 'apply';

export interface SyncCourtListInput {
  /**
   * Opens the feed's bytes afresh (the sync reads it twice: every row to stage it, then only the rows
   * that change the list). A file path's `fs.createReadStream`, a spooled upload.
   */
  open: () => AsyncIterable<Uint8Array>;
  /** snapshot: the whole current list (missing listings are revoked); delta: rows with `op` upsert | revoke. */
  mode: 'snapshot' | 'delta';
  /** Called as each phase begins, inside the transaction (progress; tests fail a sync midway with it). */
  onPhase?: (phase: CourtSyncPhase) => void | Promise<void>;
}

export interface CourtSyncSummary {
  mode: 'snapshot' | 'delta';
  format: CourtFeedFormat | null;
  rows: number;
  new: number;
  changed: number;
  revoked: number;
  unchanged: number;
  rejected: number;
  /** Refused rows (the first 1,000), each with a stable code and a Chinese message. */
  errors: CourtRowIssue[];
  errorsTruncated: boolean;
  tasksOpened: number;
  tasksCancelled: number;
  seconds: { stage: number; diff: number; apply: number; total: number };
}

const MAX_REPORTED_ERRORS = 1000;
/** Rows per COPY while staging, and per subject-resolution chunk while applying. */
const STAGE_COPY_ROWS = 32_768;
const DRAFT_CHUNK = 5000;
/** Entries per endJointTasks call (it binds one parameter per entry). */
const END_CHUNK = 10_000;

const REASON_NEW = '人民法院公布失信被执行人信息';
const REASON_CHANGED = '人民法院更新了失信被执行人信息';
const REASON_REVOKED_SNAPSHOT = '人民法院已撤销或屏蔽该失信信息（不在法院全量名单中）';
const REASON_REVOKED_DELTA = '人民法院已撤销或屏蔽该失信信息';

const since = (start: number) => Math.round((performance.now() - start) / 10) / 100;

/**
 * 失信被执行人 sync: imports a full snapshot or a delta of the court's list in one transaction.
 * Every row is checked and staged (case number, keyed content hash) with COPY; one SQL diff against the
 * mirror (`court_listings`) finds new, changed and revoked listings; only the rows that change the
 * list are read again in full, their subjects resolved set-based, and applied in bulk: new entries are
 * activated with their joint tasks opened, changed ones take the new content, revoked ones end with
 * their pending tasks cancelled. Outbox events, entry events and one audit row are written in the same
 * transaction, so an interrupted sync leaves the previous state and a repeated one changes nothing.
 */
export async function syncCourtList(ctx: AppContext, actor: Actor, input: SyncCourtListInput): Promise<CourtSyncSummary> {
  authorizeCourtSync(actor);
  const listType = await findListTypeByCode(ctx.db, LIST_CODES.courtDishonest);
  if (!listType || listType.status !== 'active') throw new AppError(ListErrors.LIST_TYPE_NOT_FOUND, { code: LIST_CODES.courtDishonest });
  const delta = input.mode === 'delta';
  const started = performance.now();
  const at = ctx.clock.now();
  const errors: CourtRowIssue[] = [];
  let rejected = 0;
  const reject = (issue: CourtRowIssue) => {
    rejected++;
    if (errors.length < MAX_REPORTED_ERRORS) errors.push(issue);
  };

  const summary = await ctx.database.bulkTransaction(async ({ db, copyText }) => {
    await court.lockSubjectCreation(db);
    await court.createSyncTables(db, ctx.database.kind);

    // 1. Stage every row: check it, hash it, COPY one narrow line. The next COPY is built while the
    //    database takes the previous one.
    await input.onPhase?.('stage');
    let t = performance.now();
    const meta: FeedMeta = { format: null };
    let rows = 0;
    let staged = 0;
    let text = '';
    let inText = 0;
    let copying: Promise<void> = Promise.resolve();
    const flush = async () => {
      await copying;
      copying = copyText('court_sync_stage', court.STAGE_COLUMNS, text);
      text = '';
      inText = 0;
    };
    for await (const batch of readCourtFeed(input.open(), { delta, meta })) {
      for (const record of batch) {
        rows++;
        const checked = checkCourtRow(record, delta);
        if (!checked.ok) {
          reject(issueOf(record.rowNo, checked));
          // A refused row of a snapshot still names a listing the court keeps: it must not be revoked.
          if (!delta && checked.caseCode !== null) text += `${record.rowNo}\t${copyCell(checked.caseCode)}\t\\N\tk\n`;
          continue;
        }
        staged++;
        const hash = checked.op === 'u' ? courtContentHash(ctx.crypto, checked.values) : '\\N';
        text += `${record.rowNo}\t${copyCell(checked.caseCode)}\t${hash}\t${checked.op}\n`;
        if (++inText >= STAGE_COPY_ROWS) await flush();
      }
    }
    await flush();
    await copying;
    if (rows === 0) throw new AppError(ListErrors.COURT_SYNC_EMPTY_FILE);
    // An empty or wholly refused snapshot would revoke the whole list: surely a broken export, not the court's word.
    if (!delta && staged === 0) throw new AppError(ListErrors.COURT_SYNC_EMPTY_SNAPSHOT);
    await court.analyzeStage(db);
    const stageSeconds = since(t);

    // 2. Diff against the mirror.
    await input.onPhase?.('diff');
    t = performance.now();
    if (delta) await court.diffDelta(db);
    else await court.diffSnapshot(db);
    for (const dup of await court.dropDuplicateCases(db)) {
      reject(issueOf(dup.row_no, { ok: false, caseCode: dup.case_code, def: ListErrors.COURT_SYNC_DUPLICATE_CASE, params: { caseCode: dup.case_code } }));
      staged--;
    }
    const counts = await court.countChanges(db);
    const wanted = new Set(await court.rowsToDraft(db));
    const diffSeconds = since(t);

    // 3. Read the changing rows again in full, resolve their subjects, stage them, apply set-based.
    await input.onPhase?.('apply');
    t = performance.now();
    const resolver = new SubjectResolver(db, at);
    let chunk: { rowNo: number; row: CheckedRow }[] = [];
    let drafted = 0;
    const draftChunk = async () => {
      if (chunk.length === 0) return;
      const drafts = chunk.map(({ row }) => draftCourtEntry(ctx.crypto, row));
      const subjects = await resolver.resolve(drafts.map((d) => d.subject));
      let lines = '';
      chunk.forEach(({ rowNo, row }, i) => {
        const d = drafts[i]!;
        lines += `${rowNo}\t${copyCell(row.caseCode)}\t${courtContentHash(ctx.crypto, row.values)}\t${subjects[i]!.subjectId}\t${copyCell(d.decisionNo)}\t${d.decisionDate}\t${d.effectiveFrom}\t${copyCell(d.reasons)}\t${copyCell(d.data)}\t${copyCell(d.dataEnc)}\n`;
      });
      await copyText('court_sync_rows', court.DRAFT_COLUMNS, lines);
      drafted += chunk.length;
      chunk = [];
    };
    if (wanted.size > 0) {
      for await (const batch of readCourtFeed(input.open(), { delta, want: (rowNo) => wanted.has(rowNo) })) {
        for (const record of batch) {
          const checked = checkCourtRow(record, delta);
          if (!checked.ok || checked.op !== 'u') throw new AppError(ListErrors.COURT_SYNC_FILE_CHANGED);
          chunk.push({ rowNo: record.rowNo, row: checked });
        }
        if (chunk.length >= DRAFT_CHUNK) await draftChunk();
      }
      await draftChunk();
    }
    if (drafted !== wanted.size) throw new AppError(ListErrors.COURT_SYNC_FILE_CHANGED);

    const apply = { at, actor, listTypeId: listType.id };
    const created = await court.insertNewEntries(db, apply, REASON_NEW);
    const changed = await court.updateChangedEntries(db, apply, REASON_CHANGED);
    const revokeReason = delta ? REASON_REVOKED_DELTA : REASON_REVOKED_SNAPSHOT;
    const revoked = await court.revokeEntries(db, apply, revokeReason);
    const tasks = await openJointTasks(db, ctx.calendar, at, created.map((e) => e.id));
    let cancelled = 0;
    const endedIds = revoked.map((e) => e.id);
    for (let i = 0; i < endedIds.length; i += END_CHUNK) cancelled += await endJointTasks(db, at, endedIds.slice(i, i + END_CHUNK), revokeReason);
    const event = (topic: string, e: court.AppliedEntry, extra: Record<string, unknown> = {}) => ({
      topic,
      key: e.id,
      payload: { entryId: e.id, subjectId: e.subject_id, listType: LIST_CODES.courtDishonest, caseCode: e.case_code, ...extra },
    });
    await emitEvents(db, at, [
      ...created.map((e) => event('list.entry.activated', e, { status: 'active' })),
      ...changed.map((e) => event('list.entry.changed', e, { status: e.from_status })),
      ...revoked.map((e) => event('list.entry.ended', e, { status: 'revoked', reason: revokeReason })),
    ]);
    const unchanged = staged - counts.new - counts.changed - (delta ? counts.revoked : 0);
    const figures = {
      mode: input.mode,
      format: meta.format,
      rows,
      new: created.length,
      changed: changed.length,
      revoked: revoked.length,
      unchanged: Math.max(0, unchanged),
      rejected,
    };
    await writeAudit(db, at, actor, {
      action: 'list.court_sync',
      entityType: 'list_type',
      entityId: LIST_CODES.courtDishonest,
      detail: { ...figures, tasksOpened: tasks.length, tasksCancelled: cancelled },
    });
    return { ...figures, tasksOpened: tasks.length, tasksCancelled: cancelled, seconds: { stage: stageSeconds, diff: diffSeconds, apply: since(t) } };
  });
  return {
    ...summary,
    errors,
    errorsTruncated: rejected > errors.length,
    seconds: { ...summary.seconds, total: since(started) },
  };
}
