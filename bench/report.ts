import fs from 'node:fs';
import { generateUscc, createRng } from '../src/codes/index.js';
import { LICENCE_COLUMNS, PENALTY_COLUMNS, licenceRows, penaltyRows, toCsv } from '../src/demo/index.js';
import { submitBatch } from '../src/ingest/index.js';
import { systemActor } from '../src/kernel/actor.js';
import { getSubjectRecord } from '../src/records/index.js';
import { issueReport, renderReportPdf } from '../src/reports/index.js';
import { benchDatabase, option } from './support.js';

const NAME = '福州榕鑫达食品贸易有限公司';

/**
 * `npm run bench -- report [--records=N] [--runs=N]`: one enterprise with N records (default 300: half
 * 行政处罚, half 行政许可, submitted through the ingest pipeline) on the PostgreSQL server; issues its
 * public report `runs` times (default 50): read the record, render, hash, sign, store with the audit
 * row. Prints p50/p95/max of the whole issue and of rendering alone, in milliseconds, pages and size.
 * `REPORT_DUMP=file.pdf` writes the last report issued, to look at.
 */
export async function reportBench(args: string[]): Promise<Record<string, unknown>> {
  const records = option(args, 'records', 300);
  const runs = option(args, 'runs', 50);
  const bench = await benchDatabase('xinyong_bench_report');
  try {
    const { ctx } = bench;
    const uscc = generateUscc(createRng(7), { region: '350102' });
    await ctx.db
      .insertInto('departments')
      .values([
        { code: 'SCJG', name: '福州市市场监督管理局', uscc: null, kind: 'department', created_at: new Date() },
        { code: 'XYZX', name: '福州市公共信用信息中心', uscc: null, kind: 'credit_centre', created_at: new Date() },
      ])
      .execute();
    const penalties = Math.ceil(records / 2);
    await submit(ctx, 'XZCF', toCsv(aboutOneSubject([...penaltyRows(11, penalties)], 'CF', uscc), PENALTY_COLUMNS));
    await submit(ctx, 'XZXK', toCsv(aboutOneSubject([...licenceRows(12, records - penalties)], 'XK', uscc), LICENCE_COLUMNS));
    const subject = await ctx.db.selectFrom('subjects').select('id').where('uscc', '=', uscc).executeTakeFirstOrThrow();
    const view = await getSubjectRecord(ctx, subject.id, 'public');
    if (!view) throw new Error('the benchmark subject is missing');
    const shown = view.sections.reduce((sum, section) => sum + section.records.length, 0);

    // Warm-up: the first report loads the fonts and compiles the code paths.
    await issueReport(ctx, systemActor, { subjectId: subject.id, scope: 'public' });
    const issueMs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i += 1) {
      const start = performance.now();
      const report = await issueReport(ctx, systemActor, { subjectId: subject.id, scope: 'public' });
      issueMs.push(performance.now() - start);
      bytes = report.pdf.length;
      if (process.env.REPORT_DUMP) fs.writeFileSync(process.env.REPORT_DUMP, report.pdf);
    }
    const renderMs: number[] = [];
    let pages = 0;
    for (let i = 0; i < runs; i += 1) {
      const start = performance.now();
      const pdf = await renderReportPdf(view, { number: 'XY20250101000001', verificationCode: 'ABCDEFGH', issuedAt: new Date(), publicBaseUrl: ctx.config.publicBaseUrl, issuerName: null });
      renderMs.push(performance.now() - start);
      pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    }
    return {
      records: shown,
      runs,
      pages,
      pdfKB: Math.round(bytes / 1024),
      issueP50Ms: percentile(issueMs, 0.5),
      issueP95Ms: percentile(issueMs, 0.95),
      issueMaxMs: percentile(issueMs, 1),
      renderP50Ms: percentile(renderMs, 0.5),
      renderP95Ms: percentile(renderMs, 0.95),
      renderMaxMs: percentile(renderMs, 1),
    };
  } finally {
    await bench.drop();
  }
}

/** Demo rows rewritten to be about one enterprise, decided in the last 300 days (inside their publication window). */
function aboutOneSubject(rows: Record<string, string>[], prefix: 'CF' | 'XK', uscc: string): Record<string, string>[] {
  const day = 86_400_000;
  return rows.map((row, i) => {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(row)) out[key] = key.startsWith(`${prefix}_XDR_`) || key.startsWith(`${prefix}_FR_`) ? '' : value;
    const decided = new Date(Date.now() - ((i * 7) % 300) * day - 2 * day).toISOString().slice(0, 10);
    const later = (years: number) => `${Number(decided.slice(0, 4)) + years}${decided.slice(4)}`;
    Object.assign(out, { [`${prefix}_XDR_MC`]: NAME, [`${prefix}_XDR_LB`]: '法人及非法人组织', [`${prefix}_XDR_SHXYM`]: uscc, [`${prefix}_FRDB`]: '陈明' });
    if (prefix === 'CF') Object.assign(out, { CF_JDRQ: decided, CF_YXQ: later(1), CF_GSJZQ: '' });
    else Object.assign(out, { XK_JDRQ: decided, XK_YXQZ: decided, XK_YXQZI: later(5) });
    return out;
  });
}

async function submit(ctx: Parameters<typeof submitBatch>[0], topicCode: string, csv: string): Promise<void> {
  const report = await submitBatch(ctx, systemActor, {
    departmentCode: 'SCJG',
    topicCode,
    channel: 'cli',
    fileName: `${topicCode}.csv`,
    input: (async function* () {
      yield Buffer.from(csv, 'utf8');
    })(),
    limits: { maxBytes: 64 * 1024 * 1024 },
  });
  if (report.rejected > 0) throw new Error(`${report.rejected} rows of ${topicCode} were rejected`);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!);
}
