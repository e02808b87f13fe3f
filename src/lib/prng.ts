/**
 * A seeded pseudo-random generator: xoshiro128** (Blackman and Vigna, 2018), its 128-bit state filled from
 * the seed by splitmix32. Small, fast, well studied, and identical on every platform, so a simulation run is
 * reproducible from its seed. Not for secrets.
 */
export interface Prng {
  /** A uniformly distributed 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniformly distributed number in [0, 1). */
  nextFloat(): number;
  /** A uniformly distributed integer in [0, bound). */
  nextInt(bound: number): number;
}

function splitmix32(state: { value: number }): number {
  state.value = (state.value + 0x9e3779b9) | 0;
  let z = state.value;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function rotateLeft(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

class Xoshiro128StarStar implements Prng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    const state = { value: seed | 0 };
    this.s0 = splitmix32(state);
    this.s1 = splitmix32(state);
    this.s2 = splitmix32(state);
    this.s3 = splitmix32(state);
    // The all-zero state is the one state xoshiro never leaves; splitmix32 cannot yield it for all four words.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  nextUint32(): number {
    const result = Math.imul(rotateLeft(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const shifted = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= shifted;
    this.s3 = rotateLeft(this.s3, 11);
    return result;
  }

  nextFloat(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  nextInt(bound: number): number {
    return Math.floor(this.nextFloat() * bound);
  }
}

export function createPrng(seed: number): Prng {
  return new Xoshiro128StarStar(seed);
}
