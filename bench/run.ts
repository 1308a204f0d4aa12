import { checksBench } from './checks.js';
import { courtSyncBench } from './court-sync.js';
import { ingestBench } from './ingest.js';
import { reportBench } from './report.js';
import { searchBench } from './search.js';

const BENCHES: Record<string, (args: string[]) => Promise<Record<string, unknown>>> = {
  checks: checksBench,
  'court-sync': courtSyncBench,
  ingest: ingestBench,
  report: reportBench,
  search: searchBench,
};

/** Runs the named benchmarks (all when none is named), one JSON line each. */
export async function runBench(argv: string[]): Promise<void> {
  const names = argv.filter((a) => !a.startsWith('--'));
  const options = argv.filter((a) => a.startsWith('--'));
  const selected = names.length > 0 ? names : Object.keys(BENCHES);
  for (const name of selected) {
    const bench = BENCHES[name];
    if (!bench) {
      process.stderr.write(`没有名为 ${name} 的基准测试；可用：${Object.keys(BENCHES).join('、')}\n`);
      process.exit(1);
    }
    const figures = await bench(options);
    process.stdout.write(JSON.stringify({ bench: name, ...figures }) + '\n');
  }
}
