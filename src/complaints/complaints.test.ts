import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { buildResidentId, insertDepartment, insertSubject } from '../../test/factories.js';
import { buildUser, signIn } from '../access/test-factories.js';
import { buildServer } from '../http/build-server.js';
import type { HttpApp } from '../http/types.js';
import type { Actor } from '../kernel/actor.js';
import type { AppError } from '../kernel/errors.js';
import { COMPLAINT_HANDLING_WORKDAYS, getComplaint, listComplaints, transitionComplaint } from './index.js';

let ctx: TestContext;
let app: HttpApp;
let deptA: number;
let deptB: number;
let subjectId: number;
let admin: { token: string; actor: Actor };
let auditor: { token: string; actor: Actor };
let clerkA: { token: string; actor: Actor };
let clerkB: { token: string; actor: Actor };
let subjectAccount: { token: string; actor: Actor };

const identity = { name: '举报人王秘密', phone: '13912345678', idNumber: buildResidentId({ birthDate: '1985-04-12' }) };
const bearer = (who: { token: string }) => ({ authorization: `Bearer ${who.token}` });
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const PDF = Buffer.from('%PDF-1.7\n% evidence\n', 'latin1');

const multipart = (fileName: string, content: Buffer) => {
  const boundary = '----xinyong-complaint-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};

const input = (overrides: Record<string, unknown> = {}) => ({
  subject: { id: subjectId },
  category: 'fraud',
  description: '该公司收取预付款后拒不发货，且已更换联系方式，涉嫌合同欺诈。',
  complainant: identity,
  ...overrides,
});

/** Each anonymous request from its own address: the public endpoints are rate-limited per client. */
let client = 0;
const address = () => {
  client += 1;
  return `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`;
};
async function file(body: unknown = input(), remoteAddress = address()) {
  return app.inject({ method: 'POST', url: '/api/v1/public/complaints', payload: body as Record<string, unknown>, remoteAddress });
}
async function fileOk(body: unknown = input()): Promise<{ trackingNumber: string; queryCode: string; id: number }> {
  const response = await file(body);
  expect(response.statusCode, response.body).toBe(201);
  const receipt = response.json() as { trackingNumber: string; queryCode: string };
  const row = await ctx.db.selectFrom('complaints').select('id').where('tracking_number', '=', receipt.trackingNumber).executeTakeFirstOrThrow();
  return { ...receipt, id: row.id };
}
const track = (trackingNumber: string, code: string) => app.inject({ method: 'GET', url: `/api/v1/public/complaints/${trackingNumber}?code=${code}`, remoteAddress: address() });
const act = (who: { token: string }, id: number, body: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: `/api/v1/complaints/${id}/transitions`, headers: bearer(who), payload: body });
const countComplaints = async () => Number((await ctx.db.selectFrom('complaints').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  ctx = await createTestContext({ now: '2025-06-16T02:00:00Z' }); // a Monday
  app = await buildServer(ctx, { rateLimitPerMinute: 10_000 });
  deptA = await insertDepartment(ctx.db, 'SCJG', '福州市市场监督管理局');
  deptB = await insertDepartment(ctx.db, 'SWJ', '福州市税务局');
  subjectId = await insertSubject(ctx, { name: '福州投诉测试有限公司' });
  admin = await signIn(ctx, await buildUser(ctx, { roles: ['admin'] }));
  auditor = await signIn(ctx, await buildUser(ctx, { roles: ['auditor'] }));
  clerkA = await signIn(ctx, await buildUser(ctx, { roles: ['reviewer'], departmentId: deptA }));
  clerkB = await signIn(ctx, await buildUser(ctx, { roles: ['reviewer'], departmentId: deptB }));
  subjectAccount = await signIn(ctx, await buildUser(ctx, { roles: ['subject'], subjectId }));
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('filing and tracking', () => {
  it('files anonymously and answers a tracking number and a query code; only the code\'s hash is stored', async () => {
    const { trackingNumber, queryCode, id } = await fileOk();
    expect(trackingNumber).toMatch(/^TS20250616[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(queryCode).toMatch(/^[0-9A-Z]{12}$/);
    const row = await ctx.db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('submitted');
    expect(row.subject_name).toBe('福州投诉测试有限公司');
    expect(JSON.stringify(row)).not.toContain(queryCode);
    const view = await track(trackingNumber, queryCode);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ trackingNumber, status: 'submitted', departmentName: null, dueDate: null, outcome: null });
  });

  it('files about a subject named only, without any identity', async () => {
    const { trackingNumber, queryCode } = await fileOk({ subject: { name: '某某小吃店', code: '92350102MA2XXXXX0' }, category: 'quality', description: '出售过期食品，多次投诉无果，请核查处理。' });
    expect((await track(trackingNumber, queryCode)).json()).toMatchObject({ subjectName: '某某小吃店' });
  });

  it('answers a wrong code and an unknown tracking number with the same 404', async () => {
    const { trackingNumber, queryCode } = await fileOk();
    const wrong = await track(trackingNumber, queryCode.slice(0, 11) + (queryCode.endsWith('A') ? 'B' : 'A'));
    const unknown = await track('TS20250616AAAAAAAA', queryCode);
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.json().code).toBe('COMPLAINT_NOT_FOUND');
    expect(unknown.json().code).toBe('COMPLAINT_NOT_FOUND');
    expect((await track('not-a-number', queryCode)).statusCode).toBe(400);
  });

  it('refuses hostile or oversized input with a coded 400 and stores nothing', async () => {
    const before = await countComplaints();
    const cases: [unknown, string][] = [
      [input({ description: '长'.repeat(5001) }), 'VALIDATION_FAILED'],
      [input({ description: '含有控制字符\u0000的描述内容足够长' }), 'VALIDATION_FAILED'],
      [input({ status: 'concluded' }), 'VALIDATION_FAILED'],
      [input({ complainant: { ...identity, role: 'admin' } }), 'VALIDATION_FAILED'],
      [input({ complainant: { phone: "1391234'; drop table complaints;--" } }), 'VALIDATION_FAILED'],
      [input({ complainant: { idNumber: '350102198504120000' } }), 'COMPLAINT_ID_NUMBER_INVALID'],
      [input({ subject: { id: 999_999 } }), 'COMPLAINT_SUBJECT_NOT_FOUND'],
      [input({ subject: {} }), 'VALIDATION_FAILED'],
      [input({ category: 'spam' }), 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      const response = await file(body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.json().code).toBe(code);
    }
    const huge = await file({ ...input(), description: 'x'.repeat(200_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect(await countComplaints()).toBe(before);
  });

  it('limits anonymous filings per client to 10 a minute', async () => {
    const from = '192.0.2.77';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await file(input({ complainant: undefined }), from)).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('handling', () => {
  it('assigns to a department with a due date in working days; the department sees it, another does not; overdue by the clock', async () => {
    const { trackingNumber, queryCode, id } = await fileOk();
    expect((await app.inject({ method: 'GET', url: `/api/v1/complaints/${id}`, headers: bearer(clerkA) })).statusCode).toBe(404);
    expect((await act(clerkA, id, { action: 'assign', departmentId: deptA, reason: '' })).statusCode).toBe(403);
    expect((await act(admin, id, { action: 'assign', reason: '' })).json().code).toBe('COMPLAINT_DEPARTMENT_REQUIRED');
    const assigned = await act(admin, id, { action: 'assign', departmentId: deptA, reason: '请核查' });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const due = ctx.calendar.addWorkdays('2025-06-16', COMPLAINT_HANDLING_WORKDAYS);
    expect(assigned.json()).toMatchObject({ status: 'assigned', departmentId: deptA, departmentName: '福州市市场监督管理局', dueDate: due, overdue: false });

    const listA = (await app.inject({ method: 'GET', url: '/api/v1/complaints', headers: bearer(clerkA) })).json() as { items: { id: number; dueDate: string }[] };
    expect(listA.items.map((c) => c.id)).toContain(id);
    expect(listA.items.find((c) => c.id === id)?.dueDate).toBe(due);
    const listB = (await app.inject({ method: 'GET', url: '/api/v1/complaints', headers: bearer(clerkB) })).json() as { items: { id: number }[] };
    expect(listB.items.map((c) => c.id)).not.toContain(id);
    expect((await app.inject({ method: 'GET', url: `/api/v1/complaints/${id}`, headers: bearer(clerkB) })).statusCode).toBe(404);
    expect((await act(clerkB, id, { action: 'start', reason: '' })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/complaints', headers: bearer(subjectAccount) })).statusCode).toBe(403);
    const all = (await app.inject({ method: 'GET', url: '/api/v1/complaints', headers: bearer(auditor) })).json() as { total: number };
    expect(all.total).toBeGreaterThan(1);

    expect((await track(trackingNumber, queryCode)).json()).toMatchObject({ status: 'assigned', departmentName: '福州市市场监督管理局', dueDate: due });

    expect((await act(clerkA, id, { action: 'start', reason: '' })).json()).toMatchObject({ status: 'handling', overdue: false });
    // Sessions do not outlive a jump of weeks: past this point the operations are called directly.
    ctx.clock.set(`${due}T08:00:00Z`);
    expect((await getComplaint(ctx, clerkA.actor, id)).overdue).toBe(false);
    ctx.clock.set('2025-08-01T02:00:00Z');
    expect((await getComplaint(ctx, clerkA.actor, id)).overdue).toBe(true);
    const overdue = await listComplaints(ctx, admin.actor, { overdue: true, page: 1, pageSize: 50 });
    expect(overdue.items.map((c) => c.id)).toContain(id);

    const noResult = await transitionComplaint(ctx, clerkA.actor, id, { action: 'conclude', outcome: 'substantiated', reason: '' }).catch((e: unknown) => e);
    expect((noResult as AppError).code).toBe('COMPLAINT_OUTCOME_REQUIRED');
    const concluded = await transitionComplaint(ctx, clerkA.actor, id, { action: 'conclude', outcome: 'partly', result: '经查，拒不发货属实，已责令退款并立案调查。', reason: '' });
    expect(concluded).toMatchObject({ status: 'concluded', outcome: 'partly', overdue: false });
    const seen = (await track(trackingNumber, queryCode)).json();
    expect(seen).toMatchObject({ status: 'concluded', outcome: 'partly', outcomeName: '部分属实', result: '经查，拒不发货属实，已责令退款并立案调查。', departmentName: '福州市市场监督管理局' });
    expect(JSON.stringify(seen)).not.toMatch(/actor|events|测试用户/);
    const audits = await ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'complaint').where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(audits.map((a) => a.action)).toEqual(['complaint.submit', 'complaint.assign', 'complaint.start', 'complaint.conclude']);
    const topics = await ctx.db.selectFrom('outbox').select('topic').where('topic', 'like', 'complaint.%').where('entity_key', '=', String(id)).orderBy('id').execute();
    expect(topics.map((t) => t.topic)).toEqual(['complaint.submitted', 'complaint.assigned', 'complaint.handling', 'complaint.concluded']);
    ctx.clock.set('2025-06-16T02:00:00Z');
  });

  it('rejects out-of-scope complaints with a reason (admin only)', async () => {
    const { trackingNumber, queryCode, id } = await fileOk();
    expect((await act(admin, id, { action: 'reject', reason: '' })).json().code).toBe('COMPLAINT_REASON_REQUIRED');
    expect((await act(admin, id, { action: 'reject', reason: '属于民事纠纷，请通过诉讼途径解决' })).json()).toMatchObject({ status: 'rejected' });
    expect((await track(trackingNumber, queryCode)).json()).toMatchObject({ status: 'rejected', result: '属于民事纠纷，请通过诉讼途径解决' });
    expect((await act(admin, id, { action: 'assign', departmentId: deptA, reason: '' })).json().code).toBe('COMPLAINT_TRANSITION_INVALID');
  });

  it('lets one of two concurrent concludes win', async () => {
    const { id } = await fileOk();
    await transitionComplaint(ctx, admin.actor, id, { action: 'assign', departmentId: deptA, reason: '' });
    await transitionComplaint(ctx, clerkA.actor, id, { action: 'start', reason: '' });
    const results = await Promise.allSettled([
      transitionComplaint(ctx, clerkA.actor, id, { action: 'conclude', outcome: 'substantiated', result: '属实', reason: '' }),
      transitionComplaint(ctx, admin.actor, id, { action: 'conclude', outcome: 'unsubstantiated', result: '不属实', reason: '' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected');
    expect(((failed as PromiseRejectedResult).reason as AppError).code).toBe('COMPLAINT_TRANSITION_INVALID');
    const events = await ctx.db.selectFrom('complaint_events').select('to_status').where('complaint_id', '=', id).where('to_status', '=', 'concluded').execute();
    expect(events).toHaveLength(1);
  });
});

describe('the complainant\'s identity', () => {
  it('is stored only encrypted, never in events, audit or outbox, never in the department\'s or the subject\'s views', async () => {
    const { id } = await fileOk();
    await transitionComplaint(ctx, admin.actor, id, { action: 'assign', departmentId: deptA, reason: '' });
    const values = [identity.name, identity.phone, identity.idNumber];
    const dumps = [
      JSON.stringify(await ctx.db.selectFrom('complaints').selectAll().execute()),
      JSON.stringify(await ctx.db.selectFrom('complaint_events').selectAll().execute()),
      JSON.stringify(await ctx.db.selectFrom('complaint_evidence').select(['file_name', 'content_type']).execute()),
      JSON.stringify(await ctx.db.selectFrom('audit_log').selectAll().execute()),
      JSON.stringify(await ctx.db.selectFrom('outbox').selectAll().execute()),
    ];
    const sealed = await ctx.db.selectFrom('complaints').select(['complainant_name_enc', 'complainant_phone_enc', 'complainant_id_number_enc']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(sealed.complainant_name_enc).toMatch(/^v1:/);
    expect(sealed.complainant_id_number_enc).toMatch(/^v1:/);
    const views = [
      (await app.inject({ method: 'GET', url: `/api/v1/complaints/${id}`, headers: bearer(clerkA) })).body,
      (await app.inject({ method: 'GET', url: '/api/v1/complaints', headers: bearer(clerkA) })).body,
      (await app.inject({ method: 'GET', url: `/api/v1/complaints/${id}`, headers: bearer(admin) })).body,
      (await app.inject({ method: 'GET', url: `/api/v1/complaints/${id}`, headers: bearer(subjectAccount) })).body,
      (await app.inject({ method: 'GET', url: `/api/v1/public/subjects/${subjectId}` })).body,
    ];
    for (const text of [...dumps, ...views]) {
      for (const value of values) expect(text).not.toContain(value);
      expect(text).not.toContain(identity.idNumber.slice(6, 14));
    }
  });

  it('is revealed only to the credit centre\'s admin, with an audit row naming the reason', async () => {
    const { id } = await fileOk();
    await transitionComplaint(ctx, admin.actor, id, { action: 'assign', departmentId: deptA, reason: '' });
    const reveal = (who: { token: string }, reason = '需向举报人核实交易细节') =>
      app.inject({ method: 'POST', url: `/api/v1/complaints/${id}/reveal-complainant`, headers: bearer(who), payload: { reason } });
    expect((await reveal(clerkA)).statusCode).toBe(403);
    expect((await reveal(auditor)).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/api/v1/complaints/${id}/reveal-complainant`, payload: { reason: '看看' } })).statusCode).toBe(401);
    expect((await reveal(admin, '')).statusCode).toBe(400);
    const before = await ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'complaint.reveal_complainant').execute();
    expect(before).toHaveLength(0);
    const shown = await reveal(admin);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toEqual(identity);
    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'complaint.reveal_complainant').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity_type: 'complaint', entity_id: String(id), actor_id: admin.actor.id });
    const detail = typeof rows[0]!.detail === 'string' ? rows[0]!.detail : JSON.stringify(rows[0]!.detail);
    expect(detail).toContain('需向举报人核实交易细节');
    for (const value of Object.values(identity)) expect(detail).not.toContain(value);
  });
});

describe('evidence', () => {
  it('takes PDF/JPEG/PNG checked by magic bytes with the query code, five at most', async () => {
    const { trackingNumber, queryCode } = await fileOk();
    const upload = (name: string, content: Buffer, code = queryCode) =>
      app.inject({ method: 'POST', url: `/api/v1/public/complaints/${trackingNumber}/evidence?code=${code}`, remoteAddress: address(), ...multipart(name, content) });
    const wrongCode = await upload('a.pdf', PDF, 'WRONGCODE000');
    expect(wrongCode.statusCode).toBe(404);
    expect(wrongCode.json().code).toBe('COMPLAINT_NOT_FOUND');
    for (const [name, content] of [['a.pdf', PNG], ['script.exe', Buffer.from('MZ\x90\x00')], ['a.png', Buffer.from('<svg onload=alert(1)>')], ['empty.jpg', Buffer.alloc(0)]] as const) {
      const response = await upload(name, content);
      expect(response.statusCode, name).toBe(400);
      expect(response.json().code).toBe('COMPLAINT_EVIDENCE_TYPE');
    }
    const ok = await upload('../../etc/合同.pdf', PDF);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ fileName: '合同.pdf', contentType: 'application/pdf' });
    for (let i = 0; i < 4; i += 1) expect((await upload(`p${i}.png`, PNG)).statusCode).toBe(201);
    const sixth = await upload('p6.png', PNG);
    expect(sixth.statusCode).toBe(400);
    expect(sixth.json().code).toBe('COMPLAINT_TOO_MANY_EVIDENCE');
    expect((await track(trackingNumber, queryCode)).json().evidenceCount).toBe(5);
    const tooBig = await upload('big.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(tooBig.statusCode).toBe(413);
  });
});
