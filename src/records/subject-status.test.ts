import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { buildPenaltyRow, buildRegistrationRow, buildResidentId, insertDepartment, streamOf, submitterOf, toCsv } from '../../test/factories.js';
import { REGISTRATION_TOPIC } from '../catalog/index.js';
import { buildServer } from '../http/build-server.js';
import type { HttpApp } from '../http/types.js';
import { submitBatch } from '../ingest/index.js';
import { searchSubjects } from '../subjects/index.js';
import { getSubjectRecord, rebuildSubjectStatus, SUBJECT_STATUS_CHANGED } from './index.js';

let ctx: TestContext;
let app: HttpApp;
let scjg: number;

const REGISTRATION_COLUMNS = REGISTRATION_TOPIC.items.map((item) => item.code);

async function register(rows: Record<string, string>[]) {
  return submitBatch(ctx, submitterOf(scjg), {
    departmentCode: 'SCJG',
    topicCode: 'DJXX',
    channel: 'api',
    fileName: 'registrations.csv',
    input: streamOf(toCsv(rows, REGISTRATION_COLUMNS)),
  });
}

async function statusOf(name: string) {
  return ctx.db.selectFrom('subjects').select(['id', 'status', 'status_date']).where('name', '=', name).executeTakeFirstOrThrow();
}

async function statusEvents(subjectId: number) {
  const rows = await ctx.db
    .selectFrom('outbox')
    .select(['payload'])
    .where('topic', '=', SUBJECT_STATUS_CHANGED)
    .where('entity_key', '=', String(subjectId))
    .orderBy('id')
    .execute();
  return rows.map((row) => (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<string, unknown>);
}

beforeAll(async () => {
  ctx = await createTestContext({ now: '2025-06-16T02:00:00Z' });
  scjg = await insertDepartment(ctx.db, 'SCJG', '福州市市场监督管理局');
  app = await buildServer(ctx, { rateLimitPerMinute: 10_000 });
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('a subject’s registration status (登记状态)', () => {
  it('comes from its registration record and shows in search, on its public record and in the API', async () => {
    const row = buildRegistrationRow({ DJ_DJZT: '存续（在营、开业、在册）' });
    const name = row.DJ_ZTMC as string;
    expect((await register([row])).rejected).toBe(0);
    const subject = await statusOf(name);
    const id = Number(subject.id);
    expect(subject).toMatchObject({ status: '存续', status_date: '2018-03-12' });

    const found = await searchSubjects(ctx, { q: name, audience: 'public' });
    expect(found.items[0]).toMatchObject({ id, status: '存续', regionCode: '350102', regionName: '福建省福州市鼓楼区' });

    const view = await getSubjectRecord(ctx, id, 'public');
    expect(view?.subject).toMatchObject({ status: '存续', regionName: '福建省福州市鼓楼区', legalRepName: '林芳' });
    const fields = Object.fromEntries((view?.subject.registration?.fields ?? []).map((field) => [field.name, field.value]));
    expect(fields).toMatchObject({
      成立日期: '2018-03-12',
      '注册资本（万元）': '500',
      住所: '福建省福州市鼓楼区五四路 88 号',
      登记机关: '福州市鼓楼区市场监督管理局',
      // Submitted as the label registration systems export, stored and shown short.
      登记状态: '存续',
    });
    // The identity shown above it is not repeated.
    expect(Object.keys(fields)).not.toContain('主体名称');
    expect(view?.subject.registration).toMatchObject({ topicName: '市场主体登记信息', departmentName: '福州市市场监督管理局', approvedOn: '2018-03-12' });

    const search = await app.inject({ method: 'GET', url: `/api/v1/public/search?q=${encodeURIComponent(name)}` });
    expect(search.statusCode).toBe(200);
    expect(search.json().items[0]).toMatchObject({ status: '存续', regionName: '福建省福州市鼓楼区' });
    const page = await app.inject({ method: 'GET', url: `/api/v1/public/subjects/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.json().subject).toMatchObject({ status: '存续', registration: { approvedOn: '2018-03-12' } });
    expect(await statusEvents(id)).toEqual([{ subjectId: id, previous: null, status: '存续', statusDate: '2018-03-12', recordId: expect.any(Number) }]);
  });

  it('follows a newer record (注销), not a re-submission of an older one; a correction of the newest counts', async () => {
    const established = buildRegistrationRow({ DJ_CLRQ: '2016-05-03', DJ_HZRQ: '2016-05-03' });
    const name = established.DJ_ZTMC as string;
    await register([established]);
    const id = Number((await statusOf(name)).id);

    // A newer approval: deregistered.
    const cancelled = { ...established, DJ_DJZT: '注销', DJ_HZRQ: '2025-05-20' };
    await register([cancelled]);
    expect(await statusOf(name)).toMatchObject({ status: '注销', status_date: '2025-05-20' });
    expect((await searchSubjects(ctx, { q: name, audience: 'public' })).items[0]?.status).toBe('注销');

    // The older record again, unchanged and then corrected (a new version of it): still 注销.
    expect((await register([established])).unchanged).toBe(1);
    const corrected = await register([{ ...established, DJ_ZS: '福建省福州市鼓楼区杨桥中路 12 号' }]);
    expect(corrected.updated).toBe(1);
    expect(await statusOf(name)).toMatchObject({ status: '注销', status_date: '2025-05-20' });

    // Both records in one batch, newest first in the file: the date decides, not the order.
    const other = buildRegistrationRow({ DJ_CLRQ: '2019-01-08', DJ_HZRQ: '2019-01-08' });
    await register([{ ...other, DJ_DJZT: '吊销，未注销', DJ_HZRQ: '2024-11-11' }, other]);
    expect(await statusOf(other.DJ_ZTMC as string)).toMatchObject({ status: '吊销', status_date: '2024-11-11' });

    // The newest record corrected (same key, other content): its new version gives the status.
    await register([{ ...cancelled, DJ_DJZT: '迁出' }]);
    expect(await statusOf(name)).toMatchObject({ status: '迁出', status_date: '2025-05-20' });
    expect((await statusEvents(id)).map((event) => [event.previous, event.status])).toEqual([
      [null, '存续'],
      ['存续', '注销'],
      ['注销', '迁出'],
    ]);
    const view = await getSubjectRecord(ctx, id, 'public');
    // Both registrations are listed among the basic records; the newest one is the basic information.
    expect(view?.sections.find((section) => section.category === 'basic')?.records).toHaveLength(2);
    expect(view?.subject.registration?.fields.find((field) => field.code === 'DJ_DJZT')?.value).toBe('迁出');
  });

  it('is none for subjects without a registration record, and never for natural persons', async () => {
    const penalty = buildPenaltyRow();
    await submitBatch(ctx, submitterOf(scjg), { departmentCode: 'SCJG', topicCode: 'XZCF', channel: 'api', fileName: null, format: 'csv', input: streamOf(toCsv([penalty])) });
    const company = await statusOf(penalty.CF_XDR_MC as string);
    expect(company.status).toBeNull();
    expect((await searchSubjects(ctx, { q: penalty.CF_XDR_MC as string, audience: 'public' })).items[0]?.status).toBeNull();
    expect((await getSubjectRecord(ctx, Number(company.id), 'public'))?.subject).toMatchObject({ status: null, registration: null });

    const personId = buildResidentId();
    const person = buildPenaltyRow({ CF_XDR_MC: '王登记', CF_XDR_LB: '自然人', CF_XDR_SHXYM: '', CF_FRDB: '', CF_XDR_ZJLX: '身份证', CF_XDR_ZJHM: personId });
    await submitBatch(ctx, submitterOf(scjg), { departmentCode: 'SCJG', topicCode: 'XZCF', channel: 'api', fileName: null, format: 'csv', input: streamOf(toCsv([person], Object.keys(person))) });
    const staff = await searchSubjects(ctx, { q: personId, audience: 'staff' });
    expect(staff.items).toHaveLength(1);
    expect(staff.items[0]).toMatchObject({ kind: 'natural_person', status: null });
    // A registration names market entities only: a person cannot be registered through it.
    const refused = await register([buildRegistrationRow({ DJ_ZTMC: '王登记', DJ_ZTLB: '自然人', DJ_SHXYM: '' })]);
    expect(refused.rejected).toBe(1);
    expect((await statusOf('王登记')).status).toBeNull();
  });

  it('is recomputed from the records by a rebuild, which changes nothing when it was right', async () => {
    const row = buildRegistrationRow({ DJ_DJZT: '吊销', DJ_HZRQ: '2023-09-01' });
    const name = row.DJ_ZTMC as string;
    await register([row]);
    const clean = await rebuildSubjectStatus(ctx);
    expect(clean.changed).toBe(0);
    expect(clean.subjects).toBeGreaterThanOrEqual(4);

    // Derived state gone wrong (a restore, a hand edit): the rebuild puts back what the records say.
    await ctx.db.updateTable('subjects').set({ status: '存续', status_date: null, status_record_id: null }).where('name', '=', name).execute();
    const repaired = await rebuildSubjectStatus(ctx);
    expect(repaired).toMatchObject({ subjects: clean.subjects, changed: 1 });
    expect(await statusOf(name)).toMatchObject({ status: '吊销', status_date: '2023-09-01' });
  });
});
