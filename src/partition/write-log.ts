import type { Item } from '../model/attribute-value.js';
import type { PartitionSchema } from './partition-schema.js';

/** Why a write happened when no client asked for it: Time to Live deletions carry it into Streams. */
export type WriteOrigin = 'timeToLive';

/**
 * One committed write in a partition's write log: the item before and after, and when it committed. The
 * log feeds global secondary indexes and Streams now, and replication and restores later. Entries are kept
 * only while some consumer still needs them: with no consumer registered, a partition writes none.
 */
export interface WriteLogEntry {
  readonly sequence: number;
  readonly old: Item | undefined;
  readonly new: Item | undefined;
  /** Milliseconds since the epoch, from the partition's caller (a stream record's creation time). */
  readonly timeMs?: number;
  readonly origin?: WriteOrigin;
}

/** Whether anything consumes this partition's log: global secondary indexes or an enabled stream. */
export function hasLogConsumers(schema: PartitionSchema): boolean {
  return schema.globalIndexes.length > 0 || schema.stream !== undefined;
}
