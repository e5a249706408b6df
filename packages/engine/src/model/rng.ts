/**
 * Seeded PRNG (mulberry32). Its whole state is one uint32 kept inside engine state, so a
 * replay or a fork draws exactly the same numbers. Never falls back to a clock.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** The state to store back into engine state. */
  readonly state: number;
}

class Mulberry32 implements Rng {
  constructor(public state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

export function createRng(state: number): Rng {
  return new Mulberry32(state >>> 0);
}

/** Mixes a user seed (any integer) into a well-spread initial PRNG state. */
export function seedToRngState(seed: number): number {
  let h = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function uniform(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng.next();
}

export function triangular(rng: Rng, min: number, mode: number, max: number): number {
  if (max === min) return min;
  const u = rng.next();
  const c = (mode - min) / (max - min);
  return u < c
    ? min + Math.sqrt(u * (max - min) * (mode - min))
    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/** Integer in [min, max], inclusive. */
export function uniformInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng.next() * (max - min + 1));
}
