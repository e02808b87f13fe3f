import type { Item } from '../model/attribute-value.js';
import { itemSizeBytes } from '../model/item-size.js';
import { assert } from '../lib/assert.js';
import { partitionForHash } from './partition-ranges.js';
import type { StorageEngine, WriteOperation } from '../storage/engine.js';
import { encodeIndexKey, encodeItemKey } from './item-key.js';
import { decodeJson, encodeJson } from './json-bytes.js';
import type { Partition, SizeStatistics } from './partition.js';
import type { GlobalIndexSchema, PartitionSchema } from './partition-schema.js';
import { hasIndexKey, projectItem } from './projection.js';
import {
  consumerCursorKey,
  globalIndexKey,
  keyspace,
  partitionPrefix,
  partitionStateKey,
  prefixEnd,
  writeLogKey,
} from './storage-keys.js';
import type { WriteLogEntry } from './write-log.js';
import { decodeStoredItem, encodeStoredItem } from './stored-item.js';

/** Name of the global-index consumer's cursor in each table partition's write log. */
export const GLOBAL_INDEX_CONSUMER = 'global-indexes';
/** Log entries applied per call, so catching up after a restart never blocks the event loop for long. */
export const GLOBAL_INDEX_BATCH_ENTRIES_MAX = 256;

/** The last log sequence the global indexes have applied. */
export function globalIndexCursor(engine: StorageEngine, partitionId: number): number {
  const storedCursor = engine.get(consumerCursorKey(partitionId, GLOBAL_INDEX_CONSUMER));
  return storedCursor === undefined ? 0 : decodeJson<number>(storedCursor);
}

/**
 * Applies a table partition's write log to its global secondary indexes, asynchronously, as DynamoDB
 * does: each entry removes the old item's index entry and adds the new one's, in log order. Each entry is
 * applied in one atomic storage write together with the cursor move and, once every other consumer has
 * consumed it too (`othersConsumedThrough`), the trimming of the entry, so a crash at any point resumes
 * exactly after the last durable entry.
 *
 * Returns the durability promise of the last entry applied, or undefined when the log was consumed.
 */
export function applyWriteLogBatch(engine: StorageEngine, partition: Partition, othersConsumedThrough = Infinity): Promise<void> | undefined {
  const cursorKey = consumerCursorKey(partition.id, GLOBAL_INDEX_CONSUMER);
  const cursor = globalIndexCursor(engine, partition.id);
  const logEnd = prefixEnd(partitionPrefix(keyspace.writeLog, partition.id));
  const entries = [
    ...engine.range({ start: writeLogKey(partition.id, cursor + 1), end: logEnd, limit: GLOBAL_INDEX_BATCH_ENTRIES_MAX }),
  ];
  let durable: Promise<void> | undefined;
  for (const entry of entries) {
    const logEntry = decodeJson<WriteLogEntry>(entry.value);
    const operations: WriteOperation[] = [];
    for (const index of partition.currentSchema.globalIndexes) {
      applyEntryToIndex(engine, partition.currentSchema, index, logEntry, operations);
    }
    if (logEntry.sequence <= othersConsumedThrough) operations.push({ kind: 'delete', key: entry.key });
    operations.push({ kind: 'put', key: cursorKey, value: encodeJson(logEntry.sequence) });
    durable = engine.write(operations);
  }
  return durable;
}

/**
 * Deletes what is left in the log of a partition that has no global index any more, and moves the cursor
 * to the log's head. Those entries were written for indexes that are gone, and from now on writes are not
 * logged: an index created later must not take them for its own, as the items may have changed since
 * (its backfill copies the items as they are). Returns the durability promise, or undefined when the log
 * was already empty.
 */
export function discardWriteLog(engine: StorageEngine, partition: Partition): Promise<void> | undefined {
  assert(partition.currentSchema.globalIndexes.length === 0, 'the write log of a partition with global indexes is still needed');
  const start = partitionPrefix(keyspace.writeLog, partition.id);
  const end = prefixEnd(start);
  const pending: Promise<void>[] = [];
  for (;;) {
    const operations: WriteOperation[] = [];
    for (const entry of engine.range({ start, end, limit: GLOBAL_INDEX_BATCH_ENTRIES_MAX })) operations.push({ kind: 'delete', key: entry.key });
    if (operations.length === 0) break;
    operations.push({ kind: 'put', key: consumerCursorKey(partition.id, GLOBAL_INDEX_CONSUMER), value: encodeJson(partition.lastSequence) });
    pending.push(engine.write(operations));
  }
  return pending.length === 0 ? undefined : Promise.all(pending).then(() => undefined);
}

/** Adds one existing table item to a new index (its backfill), as if the item had just been put. */
export function backfillItem(engine: StorageEngine, schema: PartitionSchema, index: GlobalIndexSchema, item: Item): Promise<void> {
  const operations: WriteOperation[] = [];
  applyEntryToIndex(engine, schema, index, { sequence: 0, old: undefined, new: item }, operations);
  return engine.write(operations);
}

export function readIndexPartitionStatistics(engine: StorageEngine, indexPartitionId: number): SizeStatistics {
  const stored = engine.get(partitionStateKey(indexPartitionId));
  return stored === undefined ? { itemCount: 0, sizeBytes: 0 } : decodeJson<SizeStatistics>(stored);
}

/** Appends the storage operations that move one log entry into one index, statistics included. */
function applyEntryToIndex(
  engine: StorageEngine,
  schema: PartitionSchema,
  index: GlobalIndexSchema,
  entry: WriteLogEntry,
  operations: WriteOperation[],
): void {
  const changes = new Map<number, SizeStatistics>();
  const statisticsOf = (partitionId: number): SizeStatistics => {
    let value = changes.get(partitionId);
    if (value === undefined) {
      value = readIndexPartitionStatistics(engine, partitionId);
      changes.set(partitionId, value);
    }
    return value;
  };
  const removed = new Set<string>();
  if (entry.old !== undefined && hasIndexKey(entry.old, index.key)) {
    const { partitionId, key } = indexEntryKey(schema, index, entry.old);
    const existing = engine.get(key);
    if (existing !== undefined) {
      operations.push({ kind: 'delete', key });
      removed.add(keyText(key));
      const statistics = statisticsOf(partitionId);
      statistics.itemCount--;
      statistics.sizeBytes -= decodeStoredItem(existing).sizeBytes;
    }
  }
  if (entry.new !== undefined && hasIndexKey(entry.new, index.key)) {
    const { partitionId, key } = indexEntryKey(schema, index, entry.new);
    const projected = projectItem(entry.new, schema.key, index.key, index.projection);
    const statistics = statisticsOf(partitionId);
    const existing = engine.get(key);
    if (existing !== undefined && !removed.has(keyText(key))) {
      statistics.itemCount--;
      statistics.sizeBytes -= decodeStoredItem(existing).sizeBytes;
    }
    const sizeBytes = itemSizeBytes(projected);
    operations.push({ kind: 'put', key, value: encodeStoredItem(projected, sizeBytes) });
    statistics.itemCount++;
    statistics.sizeBytes += sizeBytes;
  }
  for (const [partitionId, statistics] of changes) {
    operations.push({ kind: 'put', key: partitionStateKey(partitionId), value: encodeJson(statistics) });
  }
}

function indexEntryKey(schema: PartitionSchema, index: GlobalIndexSchema, item: Item): { partitionId: number; key: Uint8Array } {
  const indexKey = encodeItemKey(item, index.key);
  const partitionId = partitionForHash(index.partitions, indexKey.hash);
  const tableKey = encodeItemKey(item, schema.key);
  return { partitionId, key: globalIndexKey(partitionId, indexKey.hash, encodeIndexKey(item, index.key), tableKey.bytes) };
}

function keyText(key: Uint8Array): string {
  return Array.from(key, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
