/**
 * mulberry32: a tiny, fast 32-bit PRNG. Not cryptographic — it exists so that demo data, tests and
 * benchmarks are reproducible from a seed.
 */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniformly chosen element of a non-empty string or array. */
export function pick<T>(rng: () => number, items: readonly T[]): T;
export function pick(rng: () => number, items: string): string;
export function pick<T>(rng: () => number, items: readonly T[] | string): T | string {
  const index = Math.min(items.length - 1, Math.floor(rng() * items.length));
  const item = items[index];
  if (item === undefined) throw new RangeError('pick() needs a non-empty collection');
  return item;
}
