import fs from 'node:fs';
import { sql } from 'kysely';
import { createRng, generateResidentId, maskResidentId, orgCodeCheckChar, USCC_ALPHABET, usccCheckChar } from '../src/codes/index.js';
import { checkLogStats, runBatchCheck, runCheck, type CheckSubjectQuery } from '../src/checks/index.js';
import type { MeasureBinds, MeasureStrength } from '../src/db/schema.js';
import type { Actor } from '../src/kernel/actor.js';
import { BUILTIN_LIST_TYPES, ensureBuiltinListTypes } from '../src/lists/index.js';
import { ensureBuiltinMatters } from '../src/measures/index.js';
import { benchDatabase, option, seconds } from './support.js';

/**
 * `npm run bench -- checks [--subjects=N] [--entries=N] [--checks=N] [--concurrency=N] [--rounds=N] [--batches=N] [--keep=1]`:
 * a fresh database on the PostgreSQL server with N subjects (default 1,000,000: 15% natural persons,
 * the rest organisations, 60% of which have a natural-person legal representative) and 200,000 list
 * entries in force over the built-in list types (a realistic mix: 经营异常名录 the largest; 2% under
 * objection), plus a measure library written here (the built-in one is another module's work). Then:
 * single checks through the domain function `runCheck` (not HTTP) with `concurrency` in flight —
 * p50/p95/p99 and checks/s, each check logged by group commit before it returns; batch checks of
 * 10,000 subjects (`runBatchCheck`); and, in the same run through the same Kysely/pg pool at the same
 * concurrency, a bare `select * from subjects where id = $1`. After a warm-up of both, `rounds` rounds of
 * `checks` look-ups and `checks` checks alternate; the figures are medians over the rounds, and `ratio` is
 * the median of each round's checks/s ÷ the look-ups/s of the round before it, so that load from elsewhere
 * on a shared machine moves both sides alike. CPU µs per operation, of this process and of the pool's
 * server backends (read from /proc when the server runs on this machine), show where a check's time goes.
 */
export async function checksBench(args: string[]): Promise<Record<string, unknown>> {
  const total = option(args, 'subjects', 1_000_000);
  const entryCount = option(args, 'entries', 200_000);
  const checkCount = option(args, 'checks', 20_000);
  const concurrency = option(args, 'concurrency', 32);
  const batches = option(args, 'batches', 5);
  const rounds = option(args, 'rounds', 5);
  const bench = await benchDatabase('xinyong_bench_checks');
  const { ctx } = bench;
  try {
    const t = process.hrtime.bigint();
    await ensureBuiltinListTypes(ctx.db, new Date());
    await ensureBuiltinMatters(ctx.db);
    const dept = await ctx.db
      .insertInto('departments')
      .values({ code: 'GGZY', name: '福州市公共资源交易中心', uscc: null, kind: 'department', created_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const data = await loadData(ctx, total, entryCount);
    const loadSeconds = seconds(t);

    const actor: Actor = { type: 'token', id: '1', name: '交易系统', departmentId: dept.id, roles: ['submitter'] };
    const rng = createRng(20250618);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
    // What departments ask: mostly organisations by USCC (a quarter of them listed), persons by ID, some by name.
    const query = (): CheckSubjectQuery => {
      const r = rng();
      if (r < 0.2) return { uscc: data.usccOf(pick(data.listedOrgs)) };
      if (r < 0.7) return { uscc: data.usccOf(data.firstOrg + Math.floor(rng() * data.orgCount)) };
      if (r < 0.9) return { residentId: pick(data.residentIds) };
      return { name: data.nameOf(data.firstOrg + Math.floor(rng() * data.orgCount)) };
    };
    const matters = ['tendering', 'procurement', 'licensing', 'fiscal_funds', 'supervision'];
    const input = () => ({ subject: query(), matter: pick(matters), purpose: '公共资源交易投标报名资格审查', operator: '基准测试' });

    const maxId = data.firstOrg + data.orgCount - 1;
    const lookup = async () => {
      await sql`select * from subjects where id = ${1 + Math.floor(rng() * maxId)}`.execute(ctx.db);
    };
    const verdicts: Record<string, number> = {};
    const latencies: number[] = [];
    const checkOnce = async () => {
      const start = process.hrtime.bigint();
      const result = await runCheck(ctx, actor, input());
      latencies.push(seconds(start) * 1000);
      verdicts[result.verdict] = (verdicts[result.verdict] ?? 0) + 1;
    };
    // Warm-up: every pooled connection has planned (or prepared) both statements.
    await inParallel(1_000, concurrency, async () => {
      await runCheck(ctx, actor, input());
    });
    await inParallel(1_000, concurrency, lookup);
    latencies.length = 0;

    // Rounds of bare look-ups and checks alternate, so that whatever else the machine does moves both
    // alike; each round's ratio is checks/s over the look-ups/s of the round just before it.
    const backends = await backendPids(ctx);
    const log0 = checkLogStats(ctx.database);
    const lookupRounds: Round[] = [];
    const checkRounds: Round[] = [];
    for (let r = 0; r < rounds; r++) {
      lookupRounds.push(await measureRound(checkCount, concurrency, backends, lookup));
      checkRounds.push(await measureRound(checkCount, concurrency, backends, checkOnce));
    }
    const log1 = checkLogStats(ctx.database);
    const ratios = checkRounds.map((c, i) => c.perSecond / lookupRounds[i]!.perSecond);

    const batchTimes: number[] = [];
    for (let b = 0; b < batches; b++) {
      const subjects = Array.from({ length: 10_000 }, query);
      const start = process.hrtime.bigint();
      await runBatchCheck(ctx, actor, { subjects, matter: 'tendering', purpose: '政府采购供应商批量核查', operator: '基准测试' });
      batchTimes.push(seconds(start));
    }
    const logged = await ctx.db.selectFrom('checks').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();

    const batchMean = batchTimes.reduce((a, b) => a + b, 0) / batchTimes.length;
    return {
      subjects: total,
      entries: entryCount,
      measures: data.measureCount,
      via: 'domain function runCheck / runBatchCheck (no HTTP)',
      referenceCache: 'in-memory, 5 s TTL',
      concurrency,
      checks: checkCount,
      rounds,
      verdicts,
      ...percentiles(latencies),
      checksPerSecond: Math.round(median(checkRounds.map((c) => c.perSecond))),
      bareLookupsPerSecond: Math.round(median(lookupRounds.map((c) => c.perSecond))),
      ratio: round(median(ratios), 2),
      roundRatios: ratios.map((x) => round(x, 2)),
      // CPU time per operation (µs), medians over the rounds: this process and the server backends of the pool.
      nodeMicrosPerCheck: Math.round(median(checkRounds.map((c) => c.nodeMicros))),
      pgMicrosPerCheck: Math.round(median(checkRounds.map((c) => c.pgMicros))),
      nodeMicrosPerLookup: Math.round(median(lookupRounds.map((c) => c.nodeMicros))),
      pgMicrosPerLookup: Math.round(median(lookupRounds.map((c) => c.pgMicros))),
      // The same ratio from CPU time (a look-up's µs ÷ a check's), which load from elsewhere hardly moves.
      cpuRatio: round(median(lookupRounds.map((l, i) => (l.nodeMicros + l.pgMicros) / (checkRounds[i]!.nodeMicros + checkRounds[i]!.pgMicros))), 2),
      logRowsPerInsert: round((log1.rows - log0.rows) / Math.max(1, log1.inserts - log0.inserts), 1),
      batchSize: 10_000,
      batches,
      batchSeconds: round(batchMean, 2),
      batchSubjectsPerSecond: Math.round(10_000 / batchMean),
      checksLogged: Number(logged.n),
      loadSeconds: round(loadSeconds, 1),
    };
  } finally {
    if (option(args, 'keep', 0) === 1) await ctx.database.close();
    else await bench.drop();
  }
}

interface Round {
  perSecond: number;
  /** CPU µs per operation in this process. */
  nodeMicros: number;
  /** CPU µs per operation in the pool's server backends (only when the server runs on this machine). */
  pgMicros: number;
}

/** The server processes of the pool's connections (pg_stat_activity), to read their CPU time from /proc. */
async function backendPids(ctx: Awaited<ReturnType<typeof benchDatabase>>['ctx']): Promise<number[]> {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`.execute(ctx.db);
  return rows.map((r) => r.pid);
}

const CLOCK_TICKS = 100;

/** User + system CPU seconds of the processes, or NaN when /proc does not show them (a remote server). */
function cpuSecondsOf(pids: readonly number[]): number {
  let ticks = 0;
  try {
    for (const pid of pids) {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return Number.NaN;
  }
  return ticks / CLOCK_TICKS;
}

async function measureRound(count: number, concurrency: number, backends: readonly number[], task: () => Promise<void>): Promise<Round> {
  const pg0 = cpuSecondsOf(backends);
  const node0 = process.cpuUsage();
  const t = process.hrtime.bigint();
  await inParallel(count, concurrency, task);
  const elapsed = seconds(t);
  const node = process.cpuUsage(node0);
  const pg = cpuSecondsOf(backends) - pg0;
  return { perSecond: count / elapsed, nodeMicros: (node.user + node.system) / count, pgMicros: (pg * 1e6) / count };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function inParallel(count: number, concurrency: number, task: () => Promise<void>): Promise<void> {
  let started = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < count) {
        started += 1;
        await task();
      }
    }),
  );
}

function percentiles(values: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0, 2);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A valid, unique USCC for an organisation id (its 组织机构代码 body is the id in the USCC alphabet). */
function usccOf(id: number): string {
  let body = '';
  for (let n = id; body.length < 8; n = Math.floor(n / 31)) body = USCC_ALPHABET[n % 31] + body;
  const first17 = `91350102${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

// measure templates: strength, matters, binds, which list kinds trigger them.
const MEASURES: { code: string; name: string; strength: MeasureStrength; matters: string[]; binds: MeasureBinds[]; kinds: string[] }[] = [
  { code: 'BAN_PROCUREMENT', name: '限制参加政府采购活动', strength: 'prohibit', matters: ['procurement'], binds: ['subject'], kinds: ['black'] },
  { code: 'BAN_TENDERING', name: '限制参与招标投标', strength: 'prohibit', matters: ['tendering'], binds: ['subject'], kinds: ['black'] },
  { code: 'BAN_FUNDS', name: '限制申请财政性资金项目', strength: 'prohibit', matters: ['fiscal_funds'], binds: ['subject'], kinds: ['black'] },
  { code: 'BAN_LAND', name: '限制参与国有土地出让', strength: 'prohibit', matters: ['land_supply'], binds: ['subject'], kinds: ['black'] },
  { code: 'NO_COMMITMENT', name: '不适用告知承诺制', strength: 'prohibit', matters: ['commitment_approval'], binds: ['subject'], kinds: ['black'] },
  { code: 'BAN_HONOURS', name: '不得参加评优评先', strength: 'prohibit', matters: ['honours'], binds: ['subject', 'legal_rep'], kinds: ['black'] },
  { code: 'BAN_OFFICE', name: '限制担任国有企业法定代表人、董事、监事', strength: 'prohibit', matters: ['public_office'], binds: ['legal_rep'], kinds: ['black'] },
  { code: 'LIMIT_CONSUMPTION', name: '限制高消费', strength: 'prohibit', matters: ['high_consumption'], binds: ['subject', 'legal_rep'], kinds: ['black'] },
  { code: 'STRICT_LICENSING', name: '行政许可从严审核', strength: 'restrict', matters: ['licensing', 'market_access'], binds: ['subject'], kinds: ['black', 'watch'] },
  { code: 'FOCUS_SUPERVISION', name: '列为重点监管对象，提高抽查比例和频次', strength: 'supervise', matters: ['supervision'], binds: ['subject'], kinds: ['black', 'watch'] },
  { code: 'TENDER_REFERENCE', name: '招标投标评审中作为信用评价参考', strength: 'reference', matters: ['tendering', 'procurement'], binds: ['subject'], kinds: ['watch'] },
  { code: 'FINANCING_REFERENCE', name: '融资授信审查参考', strength: 'reference', matters: ['financing'], binds: ['subject', 'legal_rep'], kinds: ['black', 'watch'] },
  { code: 'REP_TENDER_LIMIT', name: '法定代表人所任职单位投标从严审查', strength: 'restrict', matters: ['tendering', 'procurement'], binds: ['legal_rep'], kinds: ['black'] },
  { code: 'FAST_TRACK', name: '行政审批绿色通道', strength: 'fast_track', matters: ['licensing', 'commitment_approval'], binds: ['subject'], kinds: ['red'] },
  { code: 'ACCEPT_MISSING', name: '容缺受理', strength: 'accept_missing', matters: ['licensing'], binds: ['subject'], kinds: ['red'] },
  { code: 'FEWER_INSPECTIONS', name: '减少日常检查频次', strength: 'fewer_inspections', matters: ['supervision'], binds: ['subject'], kinds: ['red'] },
  { code: 'BONUS_POINTS', name: '公共资源交易信用加分', strength: 'bonus_points', matters: ['tendering', 'procurement'], binds: ['subject'], kinds: ['red'] },
];

// Shares of the entries per list (经营异常名录 by far the largest, as in every city).
const ENTRY_SHARES: Record<string, number> = {
  JYYCML: 0.45, SXBZXR: 0.16, YZWFSX: 0.06, ZDSSWF: 0.03, ZFCGSX: 0.015, LYSCSX: 0.01, JTYSSX: 0.02, CPZLSX: 0.01, ZTBSX: 0.015,
  NSXYAJ: 0.18, CXDX: 0.02, SHTZXY: 0.03,
};

async function loadData(ctx: Awaited<ReturnType<typeof benchDatabase>>['ctx'], total: number, entryCount: number) {
  const now = new Date();
  const personCount = Math.round(total * 0.15);
  const firstOrg = personCount + 1;
  const orgCount = total - personCount;
  const nameOf = (id: number) => `福州测试${id}号商贸有限公司`;

  // Natural persons, with real (synthetic) resident IDs behind their keyed hashes.
  const idRng = createRng(4242);
  const residentIds: string[] = [];
  for (let from = 1; from <= personCount; from += 50_000) {
    const ids = Array.from({ length: Math.min(50_000, personCount - from + 1) }, (_, i) => from + i);
    const numbers = ids.map(() => generateResidentId(idRng, { region: '350102' }));
    residentIds.push(...numbers.slice(0, 2_000));
    await sql`insert into subjects (id, kind, name, name_norm, region_code, created_at, updated_at)
      select id, 'natural_person', '测试人' || id, '测试人' || id, '350102', ${now}, ${now} from unnest(${ids}::int8[]) as t(id)`.execute(ctx.db);
    await sql`insert into subject_identifiers (kind, value_key, subject_id, value_masked, first_seen)
      select 'resident-id', k, id, m, ${now} from unnest(${numbers.map((n) => ctx.crypto.blindIndex('resident-id', n))}::text[], ${ids}::int8[],
        ${numbers.map(maskResidentId)}::text[]) as t(k, id, m) on conflict do nothing`.execute(ctx.db);
  }
  // Organisations; 60% with a legal representative among the persons (some represent several).
  for (let from = firstOrg; from < firstOrg + orgCount; from += 100_000) {
    const ids = Array.from({ length: Math.min(100_000, firstOrg + orgCount - from) }, (_, i) => from + i);
    await sql`insert into subjects (id, kind, name, name_norm, uscc, region_code, legal_rep_id, created_at, updated_at)
      select id, 'enterprise', n, n, u, '350102', case when id % 10 < 6 then 1 + (id * 7919) % ${personCount} end, ${now}, ${now}
      from unnest(${ids}::int8[], ${ids.map(usccOf)}::text[], ${ids.map(nameOf)}::text[]) as t(id, u, n)`.execute(ctx.db);
  }
  await sql`select setval('subjects_id_seq', ${total})`.execute(ctx.db);

  // Measures.
  const listTypes = await ctx.db.selectFrom('list_types').select(['id', 'code', 'kind']).execute();
  for (const m of MEASURES) {
    const row = await ctx.db
      .insertInto('measures')
      .values({
        code: m.code,
        name: m.name,
        content: `对列入名单的主体，${m.name}。`,
        kind: m.kinds.includes('red') ? 'incentive' : 'punishment',
        strength: m.strength,
        legal_basis: JSON.stringify([{ title: '全国失信惩戒措施基础清单', docNo: '发改财金规〔2024〕203号' }]),
        matters: m.matters,
        binds: m.binds,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const triggers = listTypes.filter((lt) => m.kinds.includes(lt.kind));
    if (triggers.length) await ctx.db.insertInto('measure_list_types').values(triggers.map((lt) => ({ measure_id: row.id, list_type_id: lt.id }))).execute();
  }

  // Entries: mostly organisations; 失信被执行人 also persons; 2% under objection; a few past their expiry (not yet swept).
  const rng = createRng(99);
  const typeIds = new Map(listTypes.map((lt) => [lt.code, lt.id]));
  const cumulative: [number, number][] = [];
  let acc = 0;
  for (const def of BUILTIN_LIST_TYPES) {
    acc += ENTRY_SHARES[def.code] ?? 0.01;
    cumulative.push([acc, typeIds.get(def.code)!]);
  }
  const courtId = typeIds.get('SXBZXR')!;
  const listedOrgs: number[] = [];
  for (let done = 0; done < entryCount; done += 50_000) {
    const n = Math.min(50_000, entryCount - done);
    const types: number[] = [];
    const subjects: number[] = [];
    const statuses: string[] = [];
    const expires: (string | null)[] = [];
    for (let i = 0; i < n; i++) {
      const r = rng() * acc;
      const type = cumulative.find(([c]) => r < c)?.[1] ?? courtId;
      const person = type === courtId && rng() < 0.3;
      const subject = person ? 1 + Math.floor(rng() * personCount) : firstOrg + Math.floor(rng() * orgCount);
      if (!person && listedOrgs.length < 50_000) listedOrgs.push(subject);
      types.push(type);
      subjects.push(subject);
      statuses.push(rng() < 0.02 ? 'suspended' : 'active');
      expires.push(rng() < 0.03 ? '2024-12-31' : rng() < 0.5 ? '2027-06-30' : null);
    }
    await sql`insert into list_entries (list_type_id, subject_id, status, source, decision_no, decision_date, reasons, effective_from, expires_on, created_at, updated_at)
      select t, s, st, 'console', '榕决〔2025〕' || s || '号', '2025-01-10', '依据名单认定标准列入', '2025-01-20', e, ${now}, ${now}
      from unnest(${types}::int4[], ${subjects}::int8[], ${statuses}::text[], ${expires}::date[]) as x(t, s, st, e)`.execute(ctx.db);
  }
  await sql`analyze`.execute(ctx.db);
  return { firstOrg, orgCount, residentIds, listedOrgs, usccOf, nameOf, measureCount: MEASURES.length };
}
