import type { Item } from '../model/attribute-value.js';

/** Who made a write when it was not a client: Time to Live deletions (Streams reports them as the service). */
export type WriteOrigin = 'timeToLive';

/**
 * One committed write in a partition's write log: the item before and after. The log feeds global
 * secondary indexes now, and replication, Streams and restores later. Entries are kept only while some
 * consumer still needs them: with no consumer registered, a partition writes none.
 */
export interface WriteLogEntry {
  readonly sequence: number;
  readonly old: Item | undefined;
  readonly new: Item | undefined;
  /** Absent for client writes. */
  readonly origin?: WriteOrigin;
}
