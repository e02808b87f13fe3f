import { limits } from '../lib/limits.js';

/**
 * Capacity units as DynamoDB charges them (DESIGN.md §5): a read unit covers 4 KB read strongly
 * consistently (half a unit eventually consistently), a write unit covers 1 KB written; sizes round up,
 * and every request costs at least one unit of its kind (half, for an eventually consistent read).
 */
export type ReadConsistency = 'eventual' | 'strong' | 'transactional';

const READ_MULTIPLIER: Record<ReadConsistency, number> = { eventual: 0.5, strong: 1, transactional: 2 };

export function readCapacityUnits(sizeBytes: number, consistency: ReadConsistency): number {
  const blocks = Math.max(1, Math.ceil(sizeBytes / limits.readCapacityUnitBytes));
  return blocks * READ_MULTIPLIER[consistency];
}

export function writeCapacityUnits(sizeBytes: number, transactional = false): number {
  const blocks = Math.max(1, Math.ceil(sizeBytes / limits.writeCapacityUnitBytes));
  return transactional ? blocks * 2 : blocks;
}
