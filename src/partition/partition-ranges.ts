import { assert } from '../lib/assert.js';
import type { PartitionRange } from './partition-schema.js';

/** The full 32-bit hash space is split into `count` equal ranges, each the start of one partition. */
export function splitHashSpace(partitionIds: readonly number[]): PartitionRange[] {
  const count = partitionIds.length;
  assert(count > 0, 'a table has at least one partition');
  const width = 2 ** 32 / count;
  return partitionIds.map((partitionId, index) => ({ partitionId, hashStart: Math.floor(index * width) }));
}

/** The partition whose range holds `hash` (ranges sorted by hashStart, the first starting at 0). */
export function partitionForHash(ranges: readonly PartitionRange[], hash: number): number {
  assert(ranges.length > 0 && ranges[0]?.hashStart === 0, 'partition map must cover the hash space');
  let low = 0;
  let high = ranges.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((ranges[middle] as PartitionRange).hashStart <= hash) low = middle;
    else high = middle - 1;
  }
  return (ranges[low] as PartitionRange).partitionId;
}
