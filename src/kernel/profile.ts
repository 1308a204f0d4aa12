/**
 * Opt-in timing for performance work: with XINYONG_PROFILE=1 the process adds up the time spent per
 * named phase (pipeline stages, SQL statements) and prints the totals to stderr at exit. Names only —
 * never values, which may be personal.
 */
export const profiling = process.env.XINYONG_PROFILE === '1';

const totals = new Map<string, [count: number, ms: number]>();

/** Adds `ms` to the phase `name` (no-op unless profiling). */
export function addTiming(name: string, ms: number): void {
  if (!profiling) return;
  const [count, sum] = totals.get(name) ?? [0, 0];
  totals.set(name, [count + 1, sum + ms]);
}

/** Starts a stopwatch; each call of the returned function records the time since the previous one. */
export function stopwatch(): (name: string) => void {
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    addTiming(name, now - last);
    last = now;
  };
}

if (profiling) {
  process.on('exit', () => {
    const rows = [...totals].sort((a, b) => b[1][1] - a[1][1]).slice(0, 25);
    for (const [name, [count, ms]] of rows) process.stderr.write(`${Math.round(ms).toString().padStart(7)} ms ${String(count).padStart(6)}×  ${name}\n`);
  });
}
