import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPrng } from './prng.js';

describe('seeded PRNG (xoshiro128**)', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const first = createPrng(42);
    const second = createPrng(42);
    const other = createPrng(43);
    const a = Array.from({ length: 8 }, () => first.nextUint32());
    assert.deepEqual(a, Array.from({ length: 8 }, () => second.nextUint32()));
    assert.notDeepEqual(a, Array.from({ length: 8 }, () => other.nextUint32()));
  });

  it('keeps its golden values, so recorded simulation seeds replay', () => {
    const prng = createPrng(1);
    assert.deepEqual(Array.from({ length: 4 }, () => prng.nextUint32()), GOLDEN_SEED_1);
  });

  it('spreads floats evenly over [0, 1)', () => {
    const prng = createPrng(7);
    const buckets = new Array<number>(10).fill(0);
    const draws = 100_000;
    for (let index = 0; index < draws; index += 1) {
      const value = prng.nextFloat();
      assert.ok(value >= 0 && value < 1);
      buckets[Math.floor(value * 10)] = (buckets[Math.floor(value * 10)] ?? 0) + 1;
    }
    for (const count of buckets) assert.ok(Math.abs(count - draws / 10) < draws / 100, `bucket ${count}`);
  });

  it('draws integers below the bound', () => {
    const prng = createPrng(3);
    const seen = new Set<number>();
    for (let index = 0; index < 1000; index += 1) seen.add(prng.nextInt(6));
    assert.deepEqual([...seen].sort(), [0, 1, 2, 3, 4, 5]);
  });
});

const GOLDEN_SEED_1 = [2442144158, 3238099751, 3819917871, 2104621829];
