import type { AppContext } from '../app/context.js';
import { copyCell } from '../db/database.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { emitEvents } from '../kernel/outbox.js';
import { endJointTasks, openJointTasks } from '../measures/index.js';
import { SubjectResolver } from '../subjects/index.js';
import { LIST_CODES } from './builtin-list-types.js';
import { byteLines, decodeLine, hasBom, isBlank, looksLikeObject, rawLineDigest, rawLineHash, readLines, StageCopy, type CourtFeedSource } from './court-feed-bytes.js';
import {
  checkCourtRow,
  courtContentHash,
  draftCourtEntry,
  issueOf,
  jsonRecord,
  readCourtFeed,
  type CheckedRow,
  type CourtFeedFormat,
  type CourtRowIssue,
  type FeedMeta,
  type FeedRecord,
} from './court-feed.js';
import * as court from './court-repository.js';
import { ListErrors } from './errors.js';
import { authorizeCourtSync } from './policies.js';
import { findListTypeByCode } from './repository.js';

export type CourtSyncPhase = 'stage' | 'diff' | 'apply';

export interface SyncCourtListInput {
  /**
   * The feed: streamed once from the start, then read by position (the lines to parse and the rows
   * that change the list). `courtFeedFile(path)` for a file or a spooled upload, `courtFeedBytes` in
   * memory. The sync closes it.
   */
  source: CourtFeedSource;
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
/** Rows per COPY while staging and checking, and per subject-resolution chunk while applying. */
const STAGE_COPY_ROWS = 32_768;
const DRAFT_CHUNK = 5000;
/** Lines fetched per round from the cursor of lines to check. */
const CHECK_FETCH = 20_000;
/** Entries per endJointTasks call (it binds one parameter per entry). */
const END_CHUNK = 10_000;

const REASON_NEW = '人民法院公布失信被执行人信息';
const REASON_CHANGED = '人民法院更新了失信被执行人信息';
const REASON_REVOKED_SNAPSHOT = '人民法院已撤销或屏蔽该失信信息（不在法院全量名单中）';
const REASON_REVOKED_DELTA = '人民法院已撤销或屏蔽该失信信息';

const since = (start: number) => Math.round((performance.now() - start) / 10) / 100;

/** The first non-blank byte of the feed tells its format: `{` is JSON Lines, anything else CSV. */
async function sniffJsonLines(source: CourtFeedSource): Promise<boolean> {
  const head = await source.read(0, 64 * 1024);
  let i = hasBom(head, 0, head.length) ? 3 : 0;
  while (i < head.length && (head[i] as number) <= 32) i++;
  return head[i] === 123;
}

/**
 * 失信被执行人 sync: imports a full snapshot or a delta of the court's list in one transaction.
 * A JSON Lines snapshot is staged without parsing: each line's keyed raw hash and position are COPYed,
 * and one join with the mirror (`court_listings`) finds the lines it knows byte for byte — unchanged
 * listings, parsed and checked by an earlier sync. Only the other lines (and every row of a CSV feed
 * or a delta) are parsed, checked and hashed by content; one SQL diff against the mirror finds new,
 * changed, re-formatted and revoked listings; only the rows that change the list are read again, by
 * position, their subjects resolved set-based, and applied in bulk: new entries are activated with
 * their joint tasks opened, changed ones take the new content, revoked ones end with their pending
 * tasks cancelled. Outbox events, entry events and one audit row are written in the same transaction,
 * so an interrupted sync leaves the previous state and a repeated one changes nothing.
 */
export async function syncCourtList(ctx: AppContext, actor: Actor, input: SyncCourtListInput): Promise<CourtSyncSummary> {
  try {
    return await runSync(ctx, actor, input);
  } finally {
    await input.source.close();
  }
}

async function runSync(ctx: AppContext, actor: Actor, input: SyncCourtListInput): Promise<CourtSyncSummary> {
  authorizeCourtSync(actor);
  const listType = await findListTypeByCode(ctx.db, LIST_CODES.courtDishonest);
  if (!listType || listType.status !== 'active') throw new AppError(ListErrors.LIST_TYPE_NOT_FOUND, { code: LIST_CODES.courtDishonest });
  const delta = input.mode === 'delta';
  const source = input.source;
  const started = performance.now();
  const at = ctx.clock.now();
  const errors: CourtRowIssue[] = [];
  let rejected = 0;
  const reject = (issue: CourtRowIssue) => {
    rejected++;
    if (errors.length < MAX_REPORTED_ERRORS) errors.push(issue);
  };
  const jsonLines = await sniffJsonLines(source);
  // The fast path: a JSON Lines snapshot. A delta is small and its lines carry `op`: parsed whole.
  const fastPath = jsonLines && !delta;

  const summary = await ctx.database.bulkTransaction(async ({ db, copyText }) => {
    await court.lockSubjectCreation(db);
    await court.createSyncTables(db, ctx.database.kind);

    // COPY text for the two staging tables; the next COPY is built while the database takes the previous one.
    let copying: Promise<void> = Promise.resolve();
    const stageRows = new StageCopy(STAGE_COPY_ROWS);
    const buffers = {
      checked: { table: 'court_sync_checked', columns: court.CHECKED_COLUMNS, text: '', rows: 0 },
    };
    const flush = async (which: 'stage' | 'checked') => {
      if (which === 'stage') {
        const data = stageRows.take();
        await copying;
        copying = copyText('court_sync_stage', court.STAGE_COLUMNS, data, 'binary');
        return;
      }
      const b = buffers[which];
      const text = b.text;
      b.text = '';
      b.rows = 0;
      await copying;
      copying = copyText(b.table, b.columns, text);
    };
    let okRows = 0;
    /** Checks one parsed row and stages it in court_sync_checked. */
    const check = async (record: FeedRecord, where: { pos: number; len: number; rawHash: string } | null) => {
      const checked = checkCourtRow(record, delta);
      const tail = where ? `\t${where.pos}\t${where.len}` : '\t\\N\t\\N';
      const b = buffers.checked;
      if (!checked.ok) {
        reject(issueOf(record.rowNo, checked));
        // A refused row of a snapshot still names a listing the court keeps: it must not be revoked.
        if (!delta && checked.caseCode !== null) b.text += `${record.rowNo}\t${copyCell(checked.caseCode)}\t\\N\t\\N\tk${tail}\n`;
      } else {
        okRows++;
        const hash = checked.op === 'u' ? courtContentHash(ctx.crypto, checked.values) : '\\N';
        b.text += `${record.rowNo}\t${copyCell(checked.caseCode)}\t${hash}\t${where && fastPath ? where.rawHash : '\\N'}\t${checked.op}${tail}\n`;
      }
      if (++b.rows >= STAGE_COPY_ROWS) await flush('checked');
    };

    // 1. Stage. A JSON Lines snapshot: every line unparsed (row, raw hash, position). Otherwise every
    //    row parsed and checked.
    await input.onPhase?.('stage');
    let t = performance.now();
    const meta: FeedMeta = { format: jsonLines ? 'jsonl' : null };
    let rows = 0;
    let fastRows = 0;
    if (jsonLines) {
      for await (const batch of byteLines(source.stream())) {
        const { data, starts, ends, base, firstLineNo } = batch;
        for (let i = 0; i < starts.length; i++) {
          const lineNo = firstLineNo + i;
          let start = starts[i] as number;
          const end = ends[i] as number;
          if (lineNo === 1 && hasBom(data, start, end)) start += 3;
          if (isBlank(data, start, end)) continue;
          rows++;
          if (fastPath && looksLikeObject(data, start, end)) {
            // A line the mirror knows byte for byte was parsed and checked by an earlier sync; any other
            // line is parsed in step 2, so a malformed line is still found wherever it is.
            fastRows++;
            stageRows.add(lineNo, rawLineDigest(ctx.crypto, data, start, end), base + start, end - start);
            if (stageRows.full) await flush('stage');
          } else {
            const record = jsonRecord(decodeLine(data, start, end), lineNo);
            await check(record, { pos: base + start, len: end - start, rawHash: rawLineHash(ctx.crypto, data, start, end) });
          }
        }
      }
    } else {
      for await (const batch of readCourtFeed(source.stream(), { delta, meta })) {
        rows += batch.length;
        for (const record of batch) await check(record, null);
      }
    }
    await flush('stage');
    await flush('checked');
    await copying;
    if (rows === 0) throw new AppError(ListErrors.COURT_SYNC_EMPTY_FILE);
    if (fastRows > 0) await court.analyzeStage(db);
    const stageSeconds = since(t);

    // 2. Diff. A snapshot's staged lines are matched with the mirror by raw hash; those it does not
    //    know are read back by position, parsed and checked. Then the checked rows are diffed with the
    //    mirror by case number.
    await input.onPhase?.('diff');
    t = performance.now();
    let toCheck = 0;
    if (fastRows > 0) {
      toCheck = await court.matchStage(db);
      if (toCheck > 0) {
        await court.openLinesToCheck(db);
        for (;;) {
          const lines = await court.fetchToCheck(db, CHECK_FETCH);
          if (lines.length === 0) break;
          const records: { record: FeedRecord; line: court.LineToCheck }[] = [];
          await readLines(source, lines, (line, data) => {
            records.push({ record: jsonRecord(decodeLine(data, 0, data.length), line.row_no), line });
          });
          for (const { record, line } of records) await check(record, { pos: line.pos, len: line.len, rawHash: line.raw_hash });
        }
        await court.closeLinesToCheck(db);
        await flush('checked');
        await copying;
      }
    }
    // Lines matched by raw hash are unchanged listings, checked before.
    let staged = fastRows - toCheck + okRows;
    // An empty or wholly refused snapshot would revoke the whole list: surely a broken export, not the court's word.
    if (!delta && staged === 0) throw new AppError(ListErrors.COURT_SYNC_EMPTY_SNAPSHOT);
    await court.analyzeChecked(db);
    if (delta) await court.diffDelta(db);
    else await court.diffSnapshot(db, fastRows > 0);
    for (const dup of await court.dropDuplicateCases(db)) {
      reject(issueOf(dup.row_no, { ok: false, caseCode: dup.case_code, def: ListErrors.COURT_SYNC_DUPLICATE_CASE, params: { caseCode: dup.case_code } }));
      staged--;
    }
    const counts = await court.countChanges(db);
    const wanted = await court.rowsToDraft(db);
    const diffSeconds = since(t);

    // 3. Read the changing rows again in full, resolve their subjects, stage them, apply set-based.
    await input.onPhase?.('apply');
    t = performance.now();
    const resolver = new SubjectResolver(db, at);
    let chunk: { rowNo: number; row: CheckedRow }[] = [];
    let drafted = 0;
    const rawHashes = new Map<number, string>();
    const draftChunk = async () => {
      if (chunk.length === 0) return;
      const drafts = chunk.map(({ row }) => draftCourtEntry(ctx.crypto, row));
      const subjects = await resolver.resolve(drafts.map((d) => d.subject));
      let lines = '';
      chunk.forEach(({ rowNo, row }, i) => {
        const d = drafts[i]!;
        lines += `${rowNo}\t${copyCell(row.caseCode)}\t${courtContentHash(ctx.crypto, row.values)}\t${rawHashes.get(rowNo) ?? '\\N'}\t${subjects[i]!.subjectId}\t${copyCell(d.decisionNo)}\t${d.decisionDate}\t${d.effectiveFrom}\t${copyCell(d.reasons)}\t${copyCell(d.data)}\t${copyCell(d.dataEnc)}\n`;
      });
      await copyText('court_sync_rows', court.DRAFT_COLUMNS, lines);
      drafted += chunk.length;
      chunk = [];
    };
    const take = (record: FeedRecord) => {
      const checked = checkCourtRow(record, delta);
      if (!checked.ok || checked.op !== 'u') throw new AppError(ListErrors.COURT_SYNC_FILE_CHANGED);
      chunk.push({ rowNo: record.rowNo, row: checked });
    };
    if (jsonLines) {
      // By position: only the rows that change the list are read.
      for (let i = 0; i < wanted.length; i += DRAFT_CHUNK) {
        const ranges = wanted.slice(i, i + DRAFT_CHUNK).map((w) => ({ row_no: w.row_no, pos: w.pos ?? 0, len: w.len ?? 0 }));
        await readLines(source, ranges, (range, data) => {
          if (fastPath) rawHashes.set(range.row_no, rawLineHash(ctx.crypto, data, 0, data.length));
          take(jsonRecord(decodeLine(data, 0, data.length), range.row_no));
        });
        chunk.sort((x, y) => x.rowNo - y.rowNo);
        await draftChunk();
        rawHashes.clear();
      }
    } else if (wanted.length > 0) {
      // CSV: a record may span lines, so the file is read again, building only the wanted rows.
      const want = new Set(wanted.map((w) => w.row_no));
      for await (const batch of readCourtFeed(source.stream(), { delta, want: (rowNo) => want.has(rowNo) })) {
        for (const record of batch) take(record);
        if (chunk.length >= DRAFT_CHUNK) await draftChunk();
      }
      await draftChunk();
    }
    if (drafted !== wanted.length) throw new AppError(ListErrors.COURT_SYNC_FILE_CHANGED);
    await court.updateRawHashes(db, at);

    await court.analyzeDrafts(db);
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
