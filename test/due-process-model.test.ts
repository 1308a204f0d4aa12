/**
 * A model-based property test of due process (fast-check commands): random sequences of objections
 * (file, accept, refuse, uphold, reject) and credit repairs (file, review, grant, refuse) against two
 * records and one list entry of a fresh subject, each step checked against a small model of what must
 * have happened, and after every step the invariants a citizen relies on:
 *
 *   - the check API never reports a measure as applying while its entry is suspended, and never at all
 *     once the entry is revoked or repaired; it reports it as suspended exactly while the entry is;
 *   - a withdrawn or repaired record never appears on the subject's public page, an active one always
 *     does, flagged 异议处理中 exactly while an accepted objection about it is being verified.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, signIn } from '../src/access/test-factories.js';
import { invalidateCheckReferenceData, runCheck } from '../src/checks/index.js';
import type { Actor } from '../src/kernel/actor.js';
import { AppError } from '../src/kernel/errors.js';
import { submitObjection, transitionObjection } from '../src/objections/index.js';
import { getSubjectRecord } from '../src/records/index.js';
import { addMaterial, fileRepair, transitionRepair } from '../src/repairs/index.js';
import { submitBatch } from '../src/ingest/index.js';
import { createTestContext, type TestContext } from './context.js';
import { buildPenaltyRow, buildUscc, insertDepartment, streamOf, submitterOf, toCsv } from './factories.js';

type Target = 'r0' | 'r1' | 'entry';
const TARGETS: readonly Target[] = ['r0', 'r1', 'entry'];
type RecordStatus = 'active' | 'withdrawn' | 'repaired';
type EntryStatus = 'active' | 'suspended' | 'revoked' | 'repaired';
type ObjectionState = { id: number; status: 'submitted' | 'verifying'; suspendedEntry: boolean } | null;
type RepairState = { id: number; status: 'department_review' | 'platform_review' } | null;

interface Model {
  records: Record<'r0' | 'r1', { status: RecordStatus }>;
  entry: { status: EntryStatus };
  objection: Record<Target, ObjectionState>;
  repair: Record<Target, RepairState>;
}

interface Real {
  subjectId: number;
  uscc: string;
  ids: Record<Target, number>;
}

let ctx: TestContext;
let scjg: number;
let swj: number;
let admin: Actor;
let reviewer: Actor;
let listTypeId: number;
const MEASURE = 'MODEL_BAN';
const PDF = Buffer.from('%PDF-1.4 model');
const checker: Actor = { type: 'token', id: 'model', name: '交易系统', departmentId: null, roles: ['submitter'] };
/** Which steps the runs took, so the test can show it reached every kind of step. */
const ran = new Map<string, number>();
const count = (step: string) => ran.set(step, (ran.get(step) ?? 0) + 1);

async function errorCode(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error === undefined) return undefined;
  if (!(error instanceof AppError)) throw error;
  return error.code;
}

const targetOf = (real: Real, target: Target) => (target === 'entry' ? { kind: 'list_entry' as const, id: real.ids.entry } : { kind: 'record' as const, id: real.ids[target] });
const isLive = (model: Model, target: Target) => (target === 'entry' ? model.entry.status === 'active' || model.entry.status === 'suspended' : model.records[target].status === 'active');

/** The invariants, read through the public API of each module. */
async function checkInvariants(model: Model, real: Real): Promise<void> {
  const verdict = await runCheck(ctx, checker, { subject: { uscc: real.uscc }, matter: 'tendering', purpose: '投标资格审查', operator: '模型' });
  const blocking = verdict.blocking.map((m) => m.code).includes(MEASURE);
  const suspended = verdict.suspended.map((m) => m.code).includes(MEASURE);
  expect({ blocking, suspended }).toEqual({ blocking: model.entry.status === 'active', suspended: model.entry.status === 'suspended' });

  const view = await getSubjectRecord(ctx, real.subjectId, 'public');
  const shown = new Map((view?.sections ?? []).flatMap((s) => s.records).filter((r) => r.source !== 'list_entry').map((r) => [r.id, r.underObjection === true]));
  for (const key of ['r0', 'r1'] as const) {
    const active = model.records[key].status === 'active';
    expect(shown.has(real.ids[key])).toBe(active);
    if (active) expect(shown.get(real.ids[key])).toBe(model.objection[key]?.status === 'verifying');
  }
}

class FileObjection implements fc.AsyncCommand<Model, Real> {
  constructor(readonly target: Target) {}
  check = () => true;
  async run(model: Model, real: Real) {
    // A record no longer published has nothing left to dispute; that is judged before an open objection.
    const gone = this.target !== 'entry' && model.records[this.target].status !== 'active';
    const expectFail = gone ? 'OBJECTION_TARGET_NOT_FOUND' : model.objection[this.target] !== null ? 'OBJECTION_ALREADY_OPEN' : undefined;
    let filedId = 0;
    const code = await errorCode(
      submitObjection(ctx, admin, { target: targetOf(real, this.target), reasonCode: 'wrong', reasonText: '模型测试异议', onBehalfOf: '信用中国' }).then((o) => {
        filedId = o.id;
      }),
    );
    expect(code).toBe(expectFail);
    if (!expectFail) model.objection[this.target] = { id: filedId, status: 'submitted', suspendedEntry: false };
    await checkInvariants(model, real);
  }
  toString = () => `FileObjection(${this.target})`;
}

/** Moves an open objection one step: accept or refuse it while submitted; uphold or reject it while verified. */
class AdvanceObjection implements fc.AsyncCommand<Model, Real> {
  target: Target = 'r0';
  constructor(
    readonly pick: number,
    readonly forward: boolean,
    readonly remedy: 'withdraw' | 'correct',
  ) {}
  check = (model: Readonly<Model>) => TARGETS.some((t) => model.objection[t] !== null);
  async run(model: Model, real: Real) {
    const open = TARGETS.filter((t) => model.objection[t] !== null);
    this.target = open[this.pick % open.length]!;
    const objection = model.objection[this.target]!;
    if (objection.status === 'submitted') {
      if (this.forward) {
        await transitionObjection(ctx, admin, objection.id, { action: 'accept', reason: '' });
        objection.status = 'verifying';
        if (this.target === 'entry' && model.entry.status === 'active') {
          model.entry.status = 'suspended';
          objection.suspendedEntry = true;
        }
      } else {
        await transitionObjection(ctx, admin, objection.id, { action: 'refuse', reason: '不予受理' });
        model.objection[this.target] = null;
      }
      count(`objection.${this.forward ? 'accept' : 'refuse'}:${this.target === 'entry' ? 'entry' : 'record'}`);
    } else {
      const action = this.forward ? 'uphold' : 'reject';
      const remedy = this.forward && this.target !== 'entry' ? { remedy: this.remedy } : {};
      await transitionObjection(ctx, reviewer, objection.id, { action, reason: '模型测试决定', ...remedy });
      count(`objection.${action}:${this.target === 'entry' ? 'entry' : 'record'}`);
      if (this.forward) {
        if (this.target === 'entry') {
          if (model.entry.status === 'active' || model.entry.status === 'suspended') model.entry.status = 'revoked';
        } else if (model.records[this.target].status === 'active') model.records[this.target].status = 'withdrawn';
      } else if (this.target === 'entry' && objection.suspendedEntry && model.entry.status === 'suspended') {
        model.entry.status = 'active';
      }
      model.objection[this.target] = null;
    }
    await checkInvariants(model, real);
  }
  toString = () => `AdvanceObjection(#${this.pick}→${this.target}, ${this.forward ? 'forward' : 'back'}, ${this.remedy})`;
}

class FileRepair implements fc.AsyncCommand<Model, Real> {
  constructor(readonly target: Target) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const eligible = this.target === 'entry' ? model.entry.status === 'active' : model.records[this.target].status === 'active';
    // Eligibility is judged first (a suspended entry, a withdrawn record), then whether one is open.
    const expectFail = !eligible ? 'not eligible' : model.repair[this.target] !== null ? 'REPAIR_ALREADY_OPEN' : undefined;
    let filedId = 0;
    const code = await errorCode(
      fileRepair(ctx, admin, { target: targetOf(real, this.target), statement: '已整改' }).then((r) => {
        filedId = r.id;
      }),
    );
    if (expectFail === 'not eligible') expect(code).toMatch(/^REPAIR_/);
    else expect(code).toBe(expectFail);
    if (!expectFail) {
      await addMaterial(ctx, admin, filedId, { kind: 'commitment', fileName: '承诺书.pdf', content: PDF });
      await addMaterial(ctx, admin, filedId, { kind: 'proof', fileName: '证明.pdf', content: PDF });
      await transitionRepair(ctx, admin, filedId, { action: 'submit', reason: '' });
      model.repair[this.target] = { id: filedId, status: 'department_review' };
    }
    await checkInvariants(model, real);
  }
  toString = () => `FileRepair(${this.target})`;
}

/** Moves an open repair one step: the department approves or refuses it, then the credit centre grants or refuses it. */
class AdvanceRepair implements fc.AsyncCommand<Model, Real> {
  target: Target = 'r0';
  constructor(
    readonly pick: number,
    readonly forward: boolean,
  ) {}
  check = (model: Readonly<Model>) => TARGETS.some((t) => model.repair[t] !== null);
  async run(model: Model, real: Real) {
    const open = TARGETS.filter((t) => model.repair[t] !== null);
    this.target = open[this.pick % open.length]!;
    const repair = model.repair[this.target]!;
    const action = !this.forward ? 'refuse' : repair.status === 'department_review' ? 'approve' : 'grant';
    const actor = repair.status === 'platform_review' ? admin : reviewer;
    const live = isLive(model, this.target);
    const code = await errorCode(transitionRepair(ctx, actor, repair.id, { action, reason: action === 'refuse' ? '材料不符' : '' }));
    count(`repair.${action}${code ? '.failed' : ''}:${this.target === 'entry' ? 'entry' : 'record'}`);
    if (action === 'grant' && !live) {
      // The target left public view meanwhile (withdrawn, revoked): nothing is granted, nothing changes.
      expect(code).toBe('REPAIR_TARGET_CHANGED');
    } else {
      expect(code).toBeUndefined();
      if (action === 'approve') repair.status = 'platform_review';
      else {
        model.repair[this.target] = null;
        if (action === 'grant') {
          if (this.target === 'entry') model.entry.status = 'repaired';
          else model.records[this.target].status = 'repaired';
        }
      }
    }
    await checkInvariants(model, real);
  }
  toString = () => `AdvanceRepair(#${this.pick}→${this.target}, ${this.forward ? 'forward' : 'back'})`;
}

const target = fc.constantFrom<Target>(...TARGETS);
// Cases move forward three times in four, so that many reach their decision.
const forward = fc.integer({ min: 0, max: 3 }).map((n) => n > 0);
const pick = fc.nat({ max: 5 });
const advanceObjection = fc.tuple(pick, forward, fc.constantFrom('withdraw' as const, 'correct' as const)).map(([p, f, remedy]) => new AdvanceObjection(p, f, remedy));
const advanceRepair = fc.tuple(pick, forward).map(([p, f]) => new AdvanceRepair(p, f));
// Advancing is listed twice: open cases then move on more often than new ones are filed.
const commands = [target.map((t) => new FileObjection(t)), target.map((t) => new FileRepair(t)), advanceObjection, advanceObjection, advanceRepair, advanceRepair];

let serial = 0;
/** A fresh subject with two penalty records (old enough to repair) and an entry in force on a repairable list. */
async function setup(): Promise<{ model: Model; real: Real }> {
  serial += 1;
  const uscc = buildUscc();
  const name = `福州模型测试${serial}号有限公司`;
  const rows = [0, 1].map((i) => buildPenaltyRow({ CF_XDR_MC: name, CF_XDR_SHXYM: uscc, CF_WSH: `榕模型〔2025〕${serial}-${i}号`, CF_JDRQ: '2025-01-10' }));
  const report = await submitBatch(ctx, submitterOf(scjg), { departmentCode: 'SCJG', topicCode: 'XZCF', channel: 'api', fileName: 'model.csv', input: streamOf(toCsv(rows)) });
  expect(report.rejected).toBe(0);
  const records = await ctx.db.selectFrom('records').select(['id', 'subject_id']).where('batch_id', '=', report.id).orderBy('source_row').execute();
  const subjectId = Number(records[0]!.subject_id);
  const now = ctx.clock.now();
  const entry = await ctx.db
    .insertInto('list_entries')
    .values({ list_type_id: listTypeId, subject_id: subjectId, status: 'active', source: 'console', department_id: scjg, decision_no: `榕市监列〔2025〕模${serial}号`, decision_date: '2025-01-20', reasons: '严重违法', effective_from: '2025-02-10', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    model: { records: { r0: { status: 'active' }, r1: { status: 'active' } }, entry: { status: 'active' }, objection: { r0: null, r1: null, entry: null }, repair: { r0: null, r1: null, entry: null } },
    real: { subjectId, uscc, ids: { r0: Number(records[0]!.id), r1: Number(records[1]!.id), entry: Number(entry.id) } },
  };
}

beforeAll(async () => {
  ctx = await createTestContext({ now: '2025-06-16T02:00:00Z' });
  scjg = await insertDepartment(ctx.db, 'SCJG', '福州市市场监督管理局');
  swj = await insertDepartment(ctx.db, 'SWJ', '福州市税务局');
  checker.departmentId = swj;
  admin = (await signIn(ctx, await buildUser(ctx, { roles: ['admin'] }))).actor;
  reviewer = (await signIn(ctx, await buildUser(ctx, { roles: ['reviewer'], departmentId: scjg }))).actor;
  const listType = await ctx.db.selectFrom('list_types').select('id').where('code', '=', 'YZWFSX').executeTakeFirstOrThrow();
  listTypeId = listType.id;
  const now = ctx.clock.now();
  const measure = await ctx.db
    .insertInto('measures')
    .values({ code: MEASURE, name: '限制投标（模型）', content: '限制参与投标', kind: 'punishment', strength: 'prohibit', legal_basis: JSON.stringify([{ title: '测试依据' }]), matters: ['tendering'], binds: ['subject'], created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db.insertInto('measure_list_types').values({ measure_id: measure.id, list_type_id: listTypeId }).execute();
  invalidateCheckReferenceData(ctx.db);
});

afterAll(async () => {
  await ctx?.dispose();
});

describe('due process, model-based (fast-check commands)', () => {
  it('keeps checks, the public record and the cases consistent under any sequence of objections and repairs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 20, size: 'max' }), async (cmds) => {
        await fc.asyncModelRun(setup, cmds);
      }),
      // A fixed seed keeps CI reproducible; XINYONG_FC_SEED explores other sequences.
      { numRuns: 40, seed: Number(process.env.XINYONG_FC_SEED ?? 20251122) },
    );
    // The runs reached every kind of decision on both kinds of target.
    const steps = ['repair.grant:record', 'repair.grant:entry', 'repair.refuse:record', 'objection.uphold:record', 'objection.uphold:entry', 'objection.reject:entry', 'objection.refuse:record'];
    for (const step of steps) {
      expect(ran.get(step) ?? 0, `${step} in ${JSON.stringify([...ran])}`).toBeGreaterThan(0);
    }
  });
});
