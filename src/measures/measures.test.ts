import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { insertDepartment } from '../../test/factories.js';
import { buildUser, signIn } from '../access/test-factories.js';
import { buildServer } from '../http/build-server.js';
import type { HttpApp } from '../http/types.js';
import { LIST_CODES } from '../lists/index.js';
import { BUILTIN_MEASURES, ensureBuiltinMeasures } from './builtin-measures.js';
import type { Measure } from './schemas.js';

let ctx: TestContext;
let app: HttpApp;
let admin: string;
let clerk: string;

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

const input = {
  code: 'LOCAL_SUBSIDY',
  name: '限制申请市级产业扶持资金',
  content: '在名单有效期内不予安排市级产业扶持资金。',
  kind: 'punishment',
  strength: 'restrict',
  legalBasis: [{ title: '福州市社会信用条例', article: '第三十条' }],
  matters: ['fiscal_funds'],
  binds: ['subject', 'legal_rep'],
  listTypes: [LIST_CODES.seriousIllegal],
  departments: ['CZ'],
  responseWorkdays: 10,
  active: true,
};

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildServer(ctx, { rateLimitPerMinute: 10_000 });
  admin = (await signIn(ctx, await buildUser(ctx, { roles: ['admin'] }))).token;
  const scjg = await insertDepartment(ctx.db, 'SCJG', '市场监督管理局');
  clerk = (await signIn(ctx, await buildUser(ctx, { roles: ['reviewer'], departmentId: scjg }))).token;
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('the built-in measure library', () => {
  it('ships the 失信被执行人 restrictions with their basis, binding the organisation’s people, on the court list', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/measures?listType=${LIST_CODES.courtDishonest}`, headers: auth(clerk) });
    expect(res.statusCode).toBe(200);
    const measures = res.json<Measure[]>();
    const highConsumption = measures.find((m) => m.code === 'SXBZXR_HIGH_CONSUMPTION')!;
    expect(highConsumption).toMatchObject({ kind: 'punishment', strength: 'restrict', builtin: true, active: true });
    expect(highConsumption.matters).toEqual([{ code: 'high_consumption', name: '高消费' }]);
    expect(highConsumption.binds).toEqual(['subject', 'legal_rep', 'principal_officers', 'directly_responsible', 'actual_controller']);
    expect(highConsumption.legalBasis[0]).toEqual({ title: '最高人民法院关于限制被执行人高消费及有关消费的若干规定', article: '第三条', docNo: '法释〔2015〕17号' });
    for (const item of ['飞机', '星级以上宾馆', '购买不动产', '高档写字楼', '非经营必需车辆', '旅游、度假', '高收费私立学校', '高额保费', 'G字头动车组']) expect(highConsumption.content).toContain(item);
    expect(measures.flatMap((m) => m.matters.map((x) => x.code))).toEqual(
      expect.arrayContaining(['procurement', 'tendering', 'fiscal_funds', 'public_office', 'civil_service', 'honours', 'commitment_approval']),
    );
    // Only the departments this installation has are linked: here only 市场监管.
    expect(measures.flatMap((m) => m.departments.map((d) => d.code)).every((code) => code === 'SCJG')).toBe(true);
  });

  it('gives every built-in measure a legal basis, known matters and list types, and a strength that fits its kind', async () => {
    const matters = (await app.inject({ method: 'GET', url: '/api/v1/matters', headers: auth(admin) })).json<{ code: string }[]>().map((m) => m.code);
    for (const def of BUILTIN_MEASURES) {
      expect(def.legalBasis.length, def.code).toBeGreaterThan(0);
      for (const matter of def.matters) expect(matters, def.code).toContain(matter);
      for (const list of def.listTypes) expect(Object.values(LIST_CODES), def.code).toContain(list);
      expect(['fast_track', 'accept_missing', 'fewer_inspections', 'bonus_points'].includes(def.strength), def.code).toBe(def.kind === 'incentive');
    }
    const all = (await app.inject({ method: 'GET', url: '/api/v1/measures', headers: auth(admin) })).json<Measure[]>();
    expect(all).toHaveLength(BUILTIN_MEASURES.length);
    const red = all.filter((m) => m.kind === 'incentive');
    expect(red.map((m) => m.strength).sort()).toEqual(['accept_missing', 'bonus_points', 'fast_track', 'fewer_inspections']);
    expect(red.every((m) => m.listTypes.every((l) => l.kind === 'red'))).toBe(true);
  });

  it('links departments created later when run again, and stays idempotent', async () => {
    await insertDepartment(ctx.db, 'CZ', '财政局');
    await insertDepartment(ctx.db, 'GGZY', '公共资源交易中心');
    await ensureBuiltinMeasures(ctx.db, ctx.clock.now());
    await ensureBuiltinMeasures(ctx.db, ctx.clock.now());
    const measures = (await app.inject({ method: 'GET', url: '/api/v1/measures?matter=procurement', headers: auth(admin) })).json<Measure[]>();
    const ban = measures.find((m) => m.code === 'SXBZXR_PROCUREMENT')!;
    expect(ban.departments.map((d) => d.code)).toEqual(['CZ', 'GGZY']);
    const count = await ctx.db.selectFrom('measures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(BUILTIN_MEASURES.length);
  });
});

describe('editing the measure library', () => {
  it('creates and updates a measure with an audit trail; department staff may read but not write', async () => {
    const refused = await app.inject({ method: 'POST', url: '/api/v1/measures', headers: auth(clerk), payload: input });
    expect(refused.statusCode).toBe(403);

    const created = await app.inject({ method: 'POST', url: '/api/v1/measures', headers: auth(admin), payload: input });
    expect(created.statusCode).toBe(201);
    const measure = created.json<Measure>();
    expect(measure).toMatchObject({ code: 'LOCAL_SUBSIDY', builtin: false, listTypes: [{ code: LIST_CODES.seriousIllegal }], departments: [{ code: 'CZ' }] });

    const again = await app.inject({ method: 'POST', url: '/api/v1/measures', headers: auth(admin), payload: input });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('MEASURE_CODE_TAKEN');

    const updated = await app.inject({
      method: 'PUT',
      url: `/api/v1/measures/${measure.id}`,
      headers: auth(admin),
      payload: { ...input, strength: 'prohibit', departments: ['CZ', 'SCJG'] },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ strength: 'prohibit', departments: [{ code: 'CZ' }, { code: 'SCJG' }] });
    expect((await app.inject({ method: 'GET', url: `/api/v1/measures/${measure.id}`, headers: auth(clerk) })).json().strength).toBe('prohibit');

    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'detail']).where('entity_type', '=', 'measure').where('entity_id', '=', String(measure.id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['measure.create', 'measure.update']);
    expect(audit[1]!.detail).toMatchObject({ before: { strength: 'restrict', departments: ['CZ'] }, after: { strength: 'prohibit' }, pendingTasksUnchanged: 0 });
    expect((await app.inject({ method: 'GET', url: '/api/v1/measures/999999', headers: auth(admin) })).json().code).toBe('MEASURE_NOT_FOUND');
  });

  it('refuses a measure without a legal basis, with an unknown matter, list type or department, or a mismatched strength', async () => {
    const post = (payload: object) => app.inject({ method: 'POST', url: '/api/v1/measures', headers: auth(admin), payload: { ...input, code: 'BAD_ONE', ...payload } });
    const cases: [object, number, string][] = [
      [{ legalBasis: [] }, 400, 'MEASURE_LEGAL_BASIS_REQUIRED'],
      [{ legalBasis: [{ title: '   ' }] }, 400, 'MEASURE_LEGAL_BASIS_REQUIRED'],
      [{ matters: ['space_travel'] }, 400, 'MEASURE_MATTER_UNKNOWN'],
      [{ listTypes: ['NO_SUCH_LIST'] }, 400, 'MEASURE_LIST_TYPE_UNKNOWN'],
      [{ departments: ['NOPE'] }, 400, 'MEASURE_DEPARTMENT_UNKNOWN'],
      [{ strength: 'fast_track' }, 400, 'MEASURE_STRENGTH_MISMATCH'],
      [{ listTypes: [LIST_CODES.taxA] }, 400, 'MEASURE_LIST_KIND_MISMATCH'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await post(payload);
      expect(res.statusCode, code).toBe(status);
      expect(res.json().code).toBe(code);
    }
    const res = await post({ matters: ['space_travel'] });
    expect(res.json().message).toBe('未知事项「space_travel」，请先在事项清单中添加');
  });
});
