import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import * as OpenCC from 'opencc-js';
import { createRng, orgCodeFromUscc } from '../src/codes/index.js';
import { copyCell } from '../src/db/database.js';
import {
  deriveSeed,
  generateEnterprise,
  generateIndividualBusiness,
  generatePerson,
  generatePublicInstitution,
  generateSocialOrganisation,
  type Rng,
  type SubjectOptions,
} from '../src/demo/index.js';
import { normalizeName, rebuildSearchIndex, searchSubjects } from '../src/subjects/index.js';
import { initialsOf } from '../src/subjects/search-text.js';
import { benchDatabase, option, seconds } from './support.js';

interface Loaded {
  id: number;
  kind: string;
  name: string;
  uscc: string | null;
}

type QueryClass = 'two-char' | 'substring' | 'full-name' | 'uscc' | 'pinyin' | 'traditional';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });

/**
 * `npm run bench -- search [--subjects=N] [--queries=N]`: loads N subjects (default 1,000,000) made by
 * the demo generators (enterprises, 个体工商户, institutions, social organisations, persons; 2% with an
 * earlier name) into a fresh database on the PostgreSQL server with COPY, builds the search index with
 * `rebuildSearchIndex` (what `xinyong search-index --rebuild` runs), then times a mix of public searches
 * one after another: two-character substrings of real names (the common case), 3–6-character
 * substrings, full names, USCCs, pinyin initials and traditional-character input.
 */
export async function searchBench(args: string[]): Promise<Record<string, unknown>> {
  const total = option(args, 'subjects', 1_000_000);
  const queryCount = option(args, 'queries', 3000);
  const bench = await benchDatabase('xinyong_bench_search');
  try {
    const start = process.hrtime.bigint();
    const loaded = await loadSubjects(bench.url, total);
    const loadSeconds = seconds(start);

    let t = process.hrtime.bigint();
    const rebuilt = await rebuildSearchIndex(bench.ctx);
    const indexSeconds = seconds(t);
    const client = new pg.Client({ connectionString: bench.url });
    await client.connect();
    // What autovacuum does after a bulk load; the figures are for a settled database.
    await client.query('vacuum analyze subject_search_docs');
    const { rows: size } = await client.query<{ db: string; index: string }>(
      `select pg_database_size(current_database())::int8 as db,
        pg_total_relation_size('subject_search_docs')::int8 as index`,
    );
    await client.end();

    const rng = createRng(20250617);
    const queries = Array.from({ length: queryCount }, () => makeQuery(rng, loaded));
    for (const query of queries.slice(0, 200)) await searchSubjects(bench.ctx, { q: query.q, audience: 'public' });

    const times = new Map<QueryClass | 'all', number[]>();
    const hits = new Map<QueryClass, number>();
    for (const query of queries) {
      t = process.hrtime.bigint();
      const result = await searchSubjects(bench.ctx, { q: query.q, audience: 'public' });
      const ms = seconds(t) * 1000;
      for (const key of ['all', query.kind] as const) times.set(key, [...(times.get(key) ?? []), ms]);
      if (result.total > 0) hits.set(query.kind, (hits.get(query.kind) ?? 0) + 1);
    }
    const perClass: Record<string, unknown> = {};
    for (const [key, values] of times) if (key !== 'all') perClass[key] = { n: values.length, found: hits.get(key) ?? 0, ...percentiles(values) };
    return {
      subjects: total,
      queries: queries.length,
      ...percentiles(times.get('all') ?? []),
      perClass,
      loadSeconds: round(loadSeconds),
      indexSeconds: round(indexSeconds),
      indexGrams: rebuilt.grams,
      indexMB: Math.round(Number(size[0]?.index ?? 0) / 1_048_576),
      databaseMB: Math.round(Number(size[0]?.db ?? 0) / 1_048_576),
    };
  } finally {
    // --keep=1 leaves the database in place for EXPLAIN sessions (drop it by hand afterwards).
    if (option(args, 'keep', 0) === 1) await bench.ctx.database.close();
    else await bench.drop();
  }
}

/** Generates the subjects and COPYs them, their identifiers and names into place. */
async function loadSubjects(url: string, total: number): Promise<Loaded[]> {
  const opts: SubjectOptions = { today: '2025-06-16', codes: new Set() };
  const mix: [string, number, (rng: Rng, o: SubjectOptions) => { name: string; uscc?: string | null; regNo?: string; region: string }][] = [
    ['enterprise', 0.66, generateEnterprise],
    ['individual_business', 0.26, generateIndividualBusiness],
    ['public_institution', 0.01, generatePublicInstitution],
    ['social_organisation', 0.01, generateSocialOrganisation],
    ['natural_person', 0.06, generatePerson],
  ];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const loaded: Loaded[] = [];
  const now = new Date().toISOString();
  const renameRng = createRng(deriveSeed(7, 'renames'));
  let id = 0;
  const rngs = new Map(mix.map(([kind]) => [kind, createRng(deriveSeed(7, kind))]));
  const shuffleRng = createRng(deriveSeed(7, 'order'));
  // Blocks of 50,000 holding every kind in its share, shuffled: ids follow registration order, not kind.
  for (let done = 0; done < total; ) {
    const size = Math.min(50_000, total - done);
    const block: { kind: string; s: ReturnType<(typeof mix)[number][2]> }[] = [];
    for (const [kind, share, generate] of mix) {
      const rng = rngs.get(kind) as Rng;
      for (let i = 0; i < Math.round(size * share); i++) block.push({ kind, s: generate(rng, opts) });
    }
    for (let i = block.length - 1; i > 0; i--) {
      const k = Math.floor(shuffleRng() * (i + 1));
      [block[i], block[k]] = [block[k]!, block[i]!];
    }
    let subjects = '';
    let identifiers = '';
    let names = '';
    for (const { kind, s } of block) {
      id++;
      const uscc = s.uscc ?? null;
      subjects += `${id}\t${kind}\t${copyCell(s.name)}\t${copyCell(normalizeName(s.name))}\t${copyCell(uscc)}\t${s.region}\t${now}\t${now}\n`;
      if (uscc) identifiers += `uscc\t${uscc}\t${id}\t${now}\norg-code\t${orgCodeFromUscc(uscc) ?? uscc.slice(8, 17)}\t${id}\t${now}\n`;
      if (s.regNo) identifiers += `reg-no\t${s.regNo}\t${id}\t${now}\n`;
      names += `${id}\t${copyCell(s.name)}\t${now}\n`;
      // One subject in fifty was renamed: its earlier name stays searchable.
      if (kind !== 'natural_person' && renameRng() < 0.02) names += `${id}\t${copyCell(`${s.name.slice(0, 2)}旧${s.name.slice(2)}`)}\t${now}\n`;
      loaded.push({ id, kind, name: s.name, uscc });
    }
    await copy(client, 'copy subjects (id, kind, name, name_norm, uscc, region_code, created_at, updated_at) from stdin', subjects);
    // Two generated subjects may share a code: the first keeps it, as ingest does.
    await copy(client, 'copy subject_identifiers (kind, value_key, subject_id, first_seen) from stdin', identifiers, true);
    await copy(client, 'copy subject_names (subject_id, name, first_seen) from stdin', names);
    done += size;
  }
  await client.query(`select setval('subjects_id_seq', ${id})`);
  await client.query('analyze subjects');
  await client.end();
  // Queries are the public's, about subjects it can see.
  return loaded.filter((s) => s.kind !== 'natural_person');
}

async function copy(client: pg.Client, statement: string, text: string, dedupe = false): Promise<void> {
  if (text === '') return;
  if (!dedupe) {
    const stream = client.query(copyFrom(statement));
    await new Promise<void>((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', reject);
      stream.end(text);
    });
    return;
  }
  await client.query('create temp table if not exists staged_identifiers (kind text, value_key text, subject_id int8, first_seen timestamptz)');
  await copy(client, statement.replace('subject_identifiers', 'staged_identifiers'), text);
  await client.query('insert into subject_identifiers (kind, value_key, subject_id, first_seen) select * from staged_identifiers on conflict do nothing');
  await client.query('truncate staged_identifiers');
}

function pickOf<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

function substringOf(rng: Rng, text: string, min: number, max: number): string {
  const chars = Array.from(text);
  const length = Math.min(chars.length, min + Math.floor(rng() * (max - min + 1)));
  const start = Math.floor(rng() * (chars.length - length + 1));
  return chars.slice(start, start + length).join('');
}

/** A query a visitor might type, about a subject the public can see. */
function makeQuery(rng: Rng, subjects: readonly Loaded[]): { kind: QueryClass; q: string } {
  const subject = pickOf(rng, subjects);
  const r = rng();
  if (r < 0.4) return { kind: 'two-char', q: substringOf(rng, subject.name, 2, 2) };
  if (r < 0.6) return { kind: 'substring', q: substringOf(rng, subject.name, 3, 6) };
  if (r < 0.7) return { kind: 'full-name', q: subject.name };
  if (r < 0.8 && subject.uscc) return { kind: 'uscc', q: rng() < 0.3 ? subject.uscc.toLowerCase() : subject.uscc };
  if (r < 0.9) return { kind: 'pinyin', q: substringOf(rng, initialsOf(normalizeName(subject.name)), 3, 5).toLowerCase() };
  return { kind: 'traditional', q: toTraditional(substringOf(rng, subject.name, 2, 4)) };
}

function percentiles(values: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(sorted[sorted.length - 1] ?? 0) };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
