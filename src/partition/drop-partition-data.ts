import type { StorageEngine, WriteOperation } from '../storage/engine.js';
import { keyspace, partitionPrefix, prefixEnd } from './storage-keys.js';

/** Keys deleted per storage write while dropping data, so a large table never makes one huge write. */
export const DROP_BATCH_KEYS_MAX = 10_000;

const PARTITION_KEYSPACES = [
  keyspace.item,
  keyspace.localIndex,
  keyspace.globalIndex,
  keyspace.writeLog,
  keyspace.partitionState,
  keyspace.consumerCursor,
  keyspace.streamRecord,
  keyspace.streamState,
];

/**
 * Deletes everything stored for the given partitions (table or index partitions): items, index entries,
 * write log, state, cursors and stream records. Resolves when the deletions are durable.
 */
export async function dropPartitionData(engine: StorageEngine, partitionIds: readonly number[]): Promise<void> {
  const pending: Promise<void>[] = [];
  for (const partitionId of partitionIds) {
    for (const space of PARTITION_KEYSPACES) {
      const start = partitionPrefix(space, partitionId);
      const end = prefixEnd(start);
      for (;;) {
        const operations: WriteOperation[] = [];
        for (const entry of engine.range({ start, end, limit: DROP_BATCH_KEYS_MAX })) operations.push({ kind: 'delete', key: entry.key });
        if (operations.length === 0) break;
        pending.push(engine.write(operations));
      }
    }
  }
  await Promise.all(pending);
}
