/**
 * Small helpers on top of the seeded PRNG from `codes`. Every random choice in the demo city goes
 * through an `Rng`, never `Math.random`, so a seed reproduces the whole city byte for byte.
 */

/** A seeded generator of numbers in [0, 1), as returned by `createRng` from `src/codes`. */
export type Rng = () => number;

/** Integer in [min, max], both inclusive. */
export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** True with probability `p`. */
export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** A uniformly chosen element of a non-empty array. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new RangeError('pick() needs a non-empty array');
  return item;
}

/**
 * A chooser over weighted items. The cumulative table is built once, because the streaming
 * generators call these millions of times.
 */
export function weighted<T>(entries: ReadonlyArray<readonly [T, number]>): (rng: Rng) => T {
  if (entries.length === 0) throw new RangeError('weighted() needs at least one entry');
  const items = entries.map(([item]) => item);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of entries) {
    total += weight;
    cumulative.push(total);
  }
  return (rng) => {
    const target = rng() * total;
    for (let i = 0; i < cumulative.length; i++) {
      if (target < (cumulative[i] as number)) return items[i] as T;
    }
    return items[items.length - 1] as T;
  };
}

/**
 * A number in [min, max] whose logarithm is uniform — the shape of fines and contract values,
 * where small amounts are common and large ones rare but not absent.
 */
export function logUniform(rng: Rng, min: number, max: number): number {
  return Math.exp(Math.log(min) + rng() * (Math.log(max) - Math.log(min)));
}

/**
 * A 32-bit seed for an independent stream, derived from a parent seed and a label
 * (FNV-1a, then the murmur3 finaliser). Each part of the city draws from its own stream, so asking
 * for more enterprises does not reshuffle the penalties.
 */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}
