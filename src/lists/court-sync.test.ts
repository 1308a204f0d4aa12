import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { buildResidentId, insertDepartment } from '../../test/factories.js';
import { courtFeedCsvHeader, courtFeedCsvLine, courtFeedJsonLine, courtFeedRow } from '../demo/court-feed.js';
import { createApiToken } from '../access/index.js';
import { buildDepartment } from '../access/test-factories.js';
import { buildServer } from '../http/build-server.js';
import type { HttpApp } from '../http/types.js';
import { systemActor, type Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/errors.js';
import { courtFeedBytes, courtFeedFile } from './court-feed-bytes.js';
import type { CourtFeedRow } from './court-feed.js';
import { LIST_CODES, syncCourtList, type CourtSyncPhase, type CourtSyncSummary } from './index.js';

let ctx: TestContext;
let measureDept: number;
const SEED = 7;
const rows = (indexes: number[], version: (i: number) => number = () => 0) => indexes.map((i) => courtFeedRow(SEED, i, version(i)));
const jsonl = (feed: CourtFeedRow[], op?: 'upsert' | 'revoke') => feed.map((row) => courtFeedJsonLine(row, op)).join('');
const csv = (feed: CourtFeedRow[]) => courtFeedCsvHeader() + feed.map((row) => courtFeedCsvLine(row)).join('');

function sync(content: string, mode: 'snapshot' | 'delta' = 'snapshot', extra: { onPhase?: (p: CourtSyncPhase) => void; actor?: Actor } = {}): Promise<CourtSyncSummary> {
  return syncCourtList(ctx, extra.actor ?? systemActor, { mode, source: courtFeedBytes(content, 1000), ...(extra.onPhase ? { onPhase: extra.onPhase } : {}) });
}

async function state() {
  const { rows: [row] } = await sql<{ entries: number; active: number; revoked: number; mirror: number; events: number; tasks: number; pending: number; outbox: number; subjects: number }>`
    select (select count(*)::int from list_entries) as entries,
      (select count(*)::int from list_entries where status = 'active') as active,
      (select count(*)::int from list_entries where status = 'revoked') as revoked,
      (select count(*)::int from court_listings) as mirror,
      (select count(*)::int from list_entry_events) as events,
      (select count(*)::int from joint_tasks) as tasks,
      (select count(*)::int from joint_tasks where status = 'pending') as pending,
      (select count(*)::int from outbox where topic like 'list.entry.%') as outbox,
      (select count(*)::int from subjects) as subjects`.execute(ctx.db);
  return row!;
}

async function entryOf(caseCode: string) {
  return ctx.db.selectFrom('list_entries').selectAll().where('source_key', '=', caseCode).orderBy('id', 'desc').executeTakeFirstOrThrow();
}

beforeAll(async () => {
  ctx = await createTestContext();
  measureDept = await insertDepartment(ctx.db, 'MHJ', '民航福建监管局');
  const listType = await ctx.db.selectFrom('list_types').select('id').where('code', '=', LIST_CODES.courtDishonest).executeTakeFirstOrThrow();
  const measure = await ctx.db
    .insertInto('measures')
    .values({
      code: 'XZCZFJ',
      name: '限制乘坐飞机',
      content: '限制被执行人及其法定代表人乘坐飞机',
      kind: 'punishment',
      strength: 'restrict',
      legal_basis: JSON.stringify([{ title: '最高人民法院关于限制被执行人高消费及有关消费的若干规定', article: '第三条' }]),
      matters: [],
      binds: ['subject', 'legal_rep'],
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db.insertInto('measure_list_types').values({ measure_id: measure.id, list_type_id: listType.id }).execute();
  await ctx.db.insertInto('measure_departments').values({ measure_id: measure.id, department_id: measureDept }).execute();
});

afterAll(async () => {
  await ctx?.dispose();
});

describe('court list sync', () => {
  const first = rows([0, 1, 2, 3, 4, 5]);

  it('lists every row of a first snapshot and opens the joint tasks', async () => {
    const summary = await sync(jsonl(first));
    expect(summary).toMatchObject({ mode: 'snapshot', format: 'jsonl', rows: 6, new: 6, changed: 0, revoked: 0, unchanged: 0, rejected: 0, tasksOpened: 6 });
    expect(await state()).toMatchObject({ entries: 6, active: 6, mirror: 6, events: 6, tasks: 6, pending: 6, outbox: 6 });
    const entry = await entryOf(first[0]!.caseCode);
    expect(entry).toMatchObject({ status: 'active', source: 'court_sync', decision_no: first[0]!.gistId, decision_date: first[0]!.regDate, effective_from: first[0]!.publishDate, expires_on: null });
    expect(entry.reasons).toContain(first[0]!.disruptTypeName);
    const tasks = await ctx.db.selectFrom('joint_tasks').select(['department_id', 'status']).where('entry_id', '=', entry.id).execute();
    expect(tasks).toEqual([{ department_id: measureDept, status: 'pending' }]);
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'list.court_sync').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ new: 6, changed: 0, revoked: 0, unchanged: 0, rejected: 0 });
  });

  it('changes nothing when the same snapshot comes again, in JSON Lines or in CSV', async () => {
    const before = await state();
    expect(await sync(jsonl(first))).toMatchObject({ new: 0, changed: 0, revoked: 0, unchanged: 6, rejected: 0 });
    expect(await sync(csv(first))).toMatchObject({ format: 'csv', new: 0, changed: 0, revoked: 0, unchanged: 6, rejected: 0 });
    expect(await state()).toEqual(before);
  });

  it('updates a changed listing and revokes one missing from the next snapshot, cancelling its tasks', async () => {
    const next = rows([0, 1, 2, 3, 4], (i) => (i === 2 ? 1 : 0));
    const summary = await sync(jsonl(next));
    expect(summary).toMatchObject({ new: 0, changed: 1, revoked: 1, unchanged: 4, tasksCancelled: 1 });
    const changed = await entryOf(next[2]!.caseCode);
    expect(changed.status).toBe('active');
    expect(changed.data).toMatchObject({ performedPart: next[2]!.performedPart, unperformPart: next[2]!.unperformPart });
    const changeEvents = await ctx.db.selectFrom('list_entry_events').selectAll().where('entry_id', '=', changed.id).orderBy('id').execute();
    expect(changeEvents.map((e) => [e.from_status, e.to_status])).toEqual([[null, 'active'], ['active', 'active']]);
    const revoked = await entryOf(first[5]!.caseCode);
    expect(revoked.status).toBe('revoked');
    expect(revoked.ended_at).not.toBeNull();
    expect(revoked.end_reason).toContain('撤销');
    const tasks = await ctx.db.selectFrom('joint_tasks').select('status').where('entry_id', '=', revoked.id).execute();
    expect(tasks).toEqual([{ status: 'cancelled' }]);
    expect(await ctx.db.selectFrom('court_listings').select('case_code').where('case_code', '=', first[5]!.caseCode).execute()).toEqual([]);
    const topics = await ctx.db.selectFrom('outbox').select('topic').where('topic', 'in', ['list.entry.changed', 'list.entry.ended']).execute();
    expect(topics.map((t) => t.topic).sort()).toEqual(['list.entry.changed', 'list.entry.ended']);
  });

  it('applies a delta of upserts and revocations', async () => {
    const added = courtFeedRow(SEED, 100);
    const revokeRow = { caseCode: first[0]!.caseCode } as CourtFeedRow;
    const summary = await sync(courtFeedJsonLine(added, 'upsert') + courtFeedJsonLine(revokeRow, 'revoke') + courtFeedJsonLine(first[1]!, 'upsert'), 'delta');
    expect(summary).toMatchObject({ mode: 'delta', rows: 3, new: 1, changed: 0, revoked: 1, unchanged: 1, rejected: 0, tasksOpened: 1, tasksCancelled: 1 });
    expect((await entryOf(added.caseCode)).status).toBe('active');
    expect((await entryOf(first[0]!.caseCode)).status).toBe('revoked');
    // A CSV delta names the operation in an `op` column.
    const csvDelta = courtFeedCsvHeader(true) + courtFeedCsvLine({ caseCode: added.caseCode }, 'revoke');
    expect(await sync(csvDelta, 'delta')).toMatchObject({ format: 'csv', revoked: 1 });
  });

  it('refuses minors and bad rows with a stable code and a Chinese message, and applies the rest', async () => {
    const minor = { ...courtFeedRow(SEED, 200), age: '16' };
    const minorById = { ...courtFeedRow(SEED, 201), partyTypeName: '自然人', age: '', cardNum: buildResidentId({ birthDate: '2012-05-01' }), regDate: '2024-03-01' };
    const good = courtFeedRow(SEED, 202);
    const validId = buildResidentId({ birthDate: '1990-01-01' });
    const wrongId = validId.slice(0, 17) + (validId[17] === '1' ? '2' : '1');
    const badCard = { ...courtFeedRow(SEED, 203), partyTypeName: '自然人', age: '', cardNum: wrongId };
    const noCase = { ...courtFeedRow(SEED, 204), caseCode: '' };
    const badDate = { ...courtFeedRow(SEED, 205), regDate: '2024-02-30' };
    const before = await state();
    const summary = await sync(jsonl([minor, minorById, good, badCard, noCase, badDate]), 'snapshot');
    expect(summary.rejected).toBe(5);
    expect(summary.errors.map((e) => [e.rowNo, e.code])).toEqual([
      [1, 'COURT_SYNC_MINOR'],
      [2, 'COURT_SYNC_MINOR'],
      [4, 'COURT_SYNC_BAD_CARD_NUM'],
      [5, 'COURT_SYNC_MISSING_FIELD'],
      [6, 'COURT_SYNC_BAD_DATE'],
    ]);
    expect(summary.errors[0]!.message).toBe('被执行人未满十八周岁（16 岁），依法不得纳入失信被执行人名单（法释〔2017〕7号第三条）');
    expect(summary.errors[3]!.message).toBe('缺少必填字段「caseCode」');
    expect(JSON.stringify(summary.errors)).not.toContain(wrongId);
    expect(summary.new).toBe(1);
    // The snapshot holds only those rows: every earlier listing is revoked, minors are never listed.
    expect(summary.revoked).toBe(before.active);
    expect(await ctx.db.selectFrom('list_entries').select('id').where('source_key', 'in', [minor.caseCode, minorById.caseCode]).execute()).toEqual([]);
  });

  it('stores resident ID numbers only as keyed hash, ciphertext and masked form', async () => {
    const people = rows([300, 301, 302, 303, 304, 305, 306, 307]).filter((row) => row.partyTypeName === '自然人');
    expect(people.length).toBeGreaterThan(2);
    await sync(jsonl(people), 'snapshot');
    const entry = await entryOf(people[0]!.caseCode);
    expect((entry.data as unknown as Record<string, string>).cardNum).toBe(`${people[0]!.cardNum.slice(0, 10)}****${people[0]!.cardNum.slice(14)}`);
    expect(ctx.crypto.decrypt(entry.data_enc!)).toBe(JSON.stringify({ cardNum: people[0]!.cardNum }));
    const tables = ['list_entries', 'list_entry_events', 'court_listings', 'subjects', 'subject_identifiers', 'subject_names', 'outbox', 'audit_log', 'joint_tasks'];
    for (const table of tables) {
      const { rows: dump } = await sql<{ t: string }>`select string_agg(x::text, '|') as t from ${sql.table(table)} x`.execute(ctx.db);
      for (const person of people) expect(dump[0]?.t ?? '', table).not.toContain(person.cardNum);
    }
  });

  it('is one transaction: a failure midway leaves the previous state', async () => {
    const before = await state();
    const next = rows([400, 401, 402]);
    for (const phase of ['diff', 'apply'] as const) {
      const failing = sync(jsonl(next), 'snapshot', {
        onPhase: (p) => {
          if (p === phase) throw new Error(`killed at ${phase}`);
        },
      });
      await expect(failing).rejects.toThrow(`killed at ${phase}`);
      expect(await state()).toEqual(before);
    }
    // A malformed line at the end refuses the whole file, after thousands of rows were staged.
    const broken = jsonl(rows(Array.from({ length: 5000 }, (_, i) => 1000 + i))) + '{"caseCode": "(2024)闽01执1号"\n';
    const error = await sync(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('COURT_SYNC_MALFORMED_FILE');
    expect((error as AppError).messageZh).toContain('第 5001 行');
    expect(await state()).toEqual(before);
  });

  it('refuses a snapshot without a usable row and a CSV without the feed fields', async () => {
    const before = await state();
    await expect(sync(jsonl([{ ...courtFeedRow(SEED, 500), age: '12' }]))).rejects.toMatchObject({ code: 'COURT_SYNC_EMPTY_SNAPSHOT' });
    await expect(sync('iname,caseCode\r\n张三,(2024)闽01执1号\r\n')).rejects.toMatchObject({ code: 'COURT_SYNC_MISSING_COLUMNS' });
    expect(await state()).toEqual(before);
  });
});

describe('court list sync: the fast path of a JSON Lines snapshot', () => {
  const listed = rows([800, 801, 802, 803, 804, 805]);
  const mirror = () => ctx.db.selectFrom('court_listings').select(['case_code', 'content_hash', 'raw_hash']).orderBy('case_code').execute();

  it('stores a keyed raw hash per listing, and takes a line the mirror knows byte for byte without parsing it', async () => {
    await sync(jsonl(listed));
    const stored = await mirror();
    expect(stored).toHaveLength(6);
    for (const row of stored) expect(row.raw_hash).toMatch(/^[0-9a-f-]{36}$/);
    // The raw hash is keyed: not a plain digest of the line.
    const { createHash } = await import('node:crypto');
    const plain = createHash('sha256').update(courtFeedJsonLine(listed[0]!).trimEnd()).digest('hex').slice(0, 32);
    expect(stored.map((r) => r.raw_hash!.replace(/-/g, ''))).not.toContain(plain);
    // A known line is not checked again: even a mirror content hash that no longer fits goes unnoticed.
    await sql`update court_listings set content_hash = 'stale' where case_code = ${listed[0]!.caseCode}`.execute(ctx.db);
    const before = await state();
    expect(await sync(jsonl(listed))).toMatchObject({ new: 0, changed: 0, revoked: 0, unchanged: 6, rejected: 0 });
    expect(await state()).toEqual(before);
    await sql`update court_listings set content_hash = ${stored.find((r) => r.case_code === listed[0]!.caseCode)!.content_hash} where case_code = ${listed[0]!.caseCode}`.execute(ctx.db);
  });

  it('takes a re-formatted feed (other key order, spaces, CRLF, a BOM) as unchanged and learns its raw hashes', async () => {
    const before = await state();
    const old = await mirror();
    const reformatted =
      '\uFEFF' +
      listed
        .map((row) => {
          const reordered = Object.fromEntries(Object.entries(row).reverse());
          return JSON.stringify(reordered, null, 0).replace(/,"/g, ', "') + '\r\n';
        })
        .join('');
    expect(await sync(reformatted)).toMatchObject({ new: 0, changed: 0, revoked: 0, unchanged: 6, rejected: 0 });
    expect(await state()).toEqual(before);
    const now = await mirror();
    expect(now.map((r) => r.content_hash)).toEqual(old.map((r) => r.content_hash));
    for (let i = 0; i < now.length; i++) expect(now[i]!.raw_hash).not.toBe(old[i]!.raw_hash);
    expect(await sync(reformatted)).toMatchObject({ new: 0, changed: 0, revoked: 0, unchanged: 6 });
    // Back to the first form: checked again, same content, so only the raw hashes change back.
    expect(await sync(jsonl(listed))).toMatchObject({ new: 0, changed: 0, revoked: 0, unchanged: 6 });
    expect(await mirror()).toEqual(old);
    expect(await state()).toEqual(before);
  });

  it('still refuses the whole file for a malformed line among known ones, wherever it is', async () => {
    const before = await state();
    const lines = listed.map((row) => courtFeedJsonLine(row));
    const cases: [string, string, string][] = [
      ['a line cut short', lines[2]!.slice(0, -10) + '\n', 'COURT_SYNC_MALFORMED_FILE'],
      ['an object-shaped line that is not JSON', lines[2]!.replace('",', '",,'), 'COURT_SYNC_MALFORMED_FILE'],
      ['an array', '[1, 2]\n', 'COURT_SYNC_MALFORMED_FILE'],
    ];
    for (const [what, bad, code] of cases) {
      const feed = [...lines.slice(0, 2), bad, ...lines.slice(3)].join('');
      const error = await sync(feed).catch((e: unknown) => e);
      expect((error as AppError).code, what).toBe(code);
      expect((error as AppError).messageZh, what).toContain('第 3 行');
    }
    // Invalid UTF-8 inside an object-shaped line.
    const badBytes = Buffer.concat([Buffer.from(lines.slice(0, 2).join('')), Buffer.from('{"caseCode":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n'), Buffer.from(lines.slice(3).join(''))]);
    const error = await syncCourtList(ctx, systemActor, { mode: 'snapshot', source: courtFeedBytes(badBytes, 700) }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('COURT_SYNC_BAD_ENCODING');
    expect(await state()).toEqual(before);
  });

  it('reads a feed from a file, streamed and then by position', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyong-court-test-'));
    try {
      const file = path.join(dir, 'feed.jsonl');
      const next = rows([800, 801, 802, 803, 804, 805, 806], (i) => (i === 801 ? 3 : 0));
      fs.writeFileSync(file, jsonl(next));
      const summary = await syncCourtList(ctx, systemActor, { mode: 'snapshot', source: courtFeedFile(file) });
      expect(summary).toMatchObject({ new: 1, changed: 1, revoked: 0, unchanged: 5, rejected: 0 });
      expect((await entryOf(next[1]!.caseCode)).data).toMatchObject({ performedPart: next[1]!.performedPart });
      fs.writeFileSync(file, jsonl(listed));
      expect(await syncCourtList(ctx, systemActor, { mode: 'snapshot', source: courtFeedFile(file) })).toMatchObject({ changed: 1, revoked: 1, unchanged: 5 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads back by position a changed row whose line straddles chunks, and keeps a refused row from being revoked', async () => {
    const next = rows([800, 801, 802, 803, 804, 805], (i) => (i === 803 ? 2 : 0));
    const refused = { ...next[4]!, regDate: 'someday' };
    const feed = jsonl([...next.slice(0, 4), refused, next[5]!]);
    // Chunks of 97 bytes: nearly every line is split across chunks.
    const summary = await syncCourtList(ctx, systemActor, { mode: 'snapshot', source: courtFeedBytes(feed, 97) });
    expect(summary).toMatchObject({ new: 0, changed: 1, revoked: 0, unchanged: 4, rejected: 1 });
    expect(summary.errors.map((e) => [e.rowNo, e.code])).toEqual([[5, 'COURT_SYNC_BAD_DATE']]);
    expect((await entryOf(next[3]!.caseCode)).data).toMatchObject({ performedPart: next[3]!.performedPart });
    expect((await entryOf(listed[4]!.caseCode)).status).toBe('active');
  });
});

describe('POST /api/v1/lists/court-sync', () => {
  let app: HttpApp;
  beforeAll(async () => {
    app = await buildServer(ctx, { rateLimitPerMinute: 10_000 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('takes a raw body from an admin and answers the summary; others are refused', async () => {
    const dept = await buildDepartment(ctx, { code: 'FY', name: '福州市中级人民法院' });
    const reviewer = (await createApiToken(ctx, systemActor, dept.id, { name: '法院对接', roles: ['reviewer'] })).token;
    const body = jsonl(rows([600, 601]));
    const anonymous = await app.inject({ method: 'POST', url: '/api/v1/lists/court-sync?mode=delta', headers: { 'content-type': 'application/x-ndjson' }, payload: body });
    expect(anonymous.statusCode).toBe(401);
    const forbidden = await app.inject({
      method: 'POST',
      url: '/api/v1/lists/court-sync?mode=delta',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${reviewer}` },
      payload: body,
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('FORBIDDEN');
  });
});
