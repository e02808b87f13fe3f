import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AssertionError } from '../lib/assert.js';
import { partitionForHash, splitHashSpace } from './partition-ranges.js';
import type { PartitionRange } from './partition-schema.js';

const HASH_SPACE = 2 ** 32;
const HASH_MAX = HASH_SPACE - 1;

const idsOf = (count: number): number[] => Array.from({ length: count }, (_, index) => 1000 + 3 * index);

/** [start, end) of each range, the last ending at 2^32. */
function bounds(ranges: readonly PartitionRange[]): Array<{ partitionId: number; start: number; end: number }> {
  return ranges.map((range, index) => ({ partitionId: range.partitionId, start: range.hashStart, end: ranges[index + 1]?.hashStart ?? HASH_SPACE }));
}

describe('splitHashSpace', () => {
  test('covers the 32-bit hash space exactly with near-equal contiguous ranges, in the order of the ids', () => {
    for (const count of [1, 2, 3, 4, 5, 7, 8, 10, 64, 100, 255, 1000, 4096]) {
      const ids = idsOf(count);
      const ranges = splitHashSpace(ids);
      assert.deepEqual(
        ranges.map((range) => range.partitionId),
        ids,
      );
      assert.equal(ranges[0]?.hashStart, 0);
      const widths = bounds(ranges).map(({ start, end }) => end - start);
      assert.equal(
        widths.reduce((sum, width) => sum + width, 0),
        HASH_SPACE,
        `${count} ranges`,
      );
      for (const width of widths) {
        assert.ok(width === Math.floor(HASH_SPACE / count) || width === Math.ceil(HASH_SPACE / count), `width ${width} of ${count}`);
      }
      for (const range of ranges) assert.ok(Number.isInteger(range.hashStart) && range.hashStart >= 0 && range.hashStart <= HASH_MAX);
    }
  });

  test('splits powers of two at round boundaries', () => {
    assert.deepEqual(
      splitHashSpace([1, 2, 3, 4]).map((range) => range.hashStart),
      [0, 0x40000000, 0x80000000, 0xc0000000],
    );
  });

  test('refuses an empty list of partitions', () => {
    assert.throws(() => splitHashSpace([]), AssertionError);
  });
});

describe('partitionForHash', () => {
  test('places the first and last hash of every range in that range', () => {
    for (const count of [1, 2, 3, 4, 7, 64, 1000]) {
      const ranges = splitHashSpace(idsOf(count));
      for (const { partitionId, start, end } of bounds(ranges)) {
        assert.equal(partitionForHash(ranges, start), partitionId);
        assert.equal(partitionForHash(ranges, end - 1), partitionId);
      }
      assert.equal(partitionForHash(ranges, 0), ranges[0]?.partitionId);
      assert.equal(partitionForHash(ranges, HASH_MAX), ranges[count - 1]?.partitionId);
    }
  });

  test('maps every hash to the range that contains it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: HASH_MAX }), (count, hash) => {
        const ranges = splitHashSpace(idsOf(count));
        const found = bounds(ranges).find(({ start, end }) => start <= hash && hash < end);
        assert.equal(partitionForHash(ranges, hash), found?.partitionId);
      }),
      { numRuns: 2000 },
    );
  });

  test('works on uneven maps too (as splits will make them)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: HASH_MAX }), { maxLength: 20 }), fc.integer({ min: 0, max: HASH_MAX }), (starts, hash) => {
        const ranges = [0, ...starts.sort((left, right) => left - right)].map((hashStart, index) => ({ partitionId: index, hashStart }));
        const found = bounds(ranges).find(({ start, end }) => start <= hash && hash < end);
        assert.equal(partitionForHash(ranges, hash), found?.partitionId);
      }),
      { numRuns: 1000 },
    );
  });

  test('refuses a map that does not start at hash 0', () => {
    assert.throws(() => partitionForHash([], 5), AssertionError);
    assert.throws(() => partitionForHash([{ partitionId: 1, hashStart: 10 }], 5), AssertionError);
  });
});
