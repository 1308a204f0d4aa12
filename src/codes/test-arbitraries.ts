import fc from 'fast-check';
import { createRng } from './create-rng.js';

/** A seeded rng per fast-check run, so a failing case shrinks to a reproducible seed. */
export const rngArb = fc.integer({ min: 0, max: 0xffffffff }).map((seed) => createRng(seed));

export function substitute(code: string, position: number, char: string): string {
  return code.slice(0, position) + char + code.slice(position + 1);
}

export function swapAdjacent(code: string, position: number): string {
  return code.slice(0, position) + code.charAt(position + 1) + code.charAt(position) + code.slice(position + 2);
}
