import type { StorageEngine, WriteOperation } from '../storage/engine.js';
import { applyWriteLogBatch, discardWriteLog, GLOBAL_INDEX_BATCH_ENTRIES_MAX, GLOBAL_INDEX_CONSUMER, globalIndexCursor } from './global-index-maintenance.js';
import { encodeJson } from './json-bytes.js';
import type { Partition } from './partition.js';
import type { PartitionSchema, StreamSchema } from './partition-schema.js';
import { STREAM_RETENTION_MS } from './stream-limits.js';
import { consumeStreamBatch, readStreamState, startStream, trimPartitionStreams } from './stream-log-consumer.js';
import { consumerCursorKey, keyspace, partitionPrefix, writeLogKey } from './storage-keys.js';
import { hasLogConsumers } from './write-log.js';

/**
 * The consumers of a partition's write log, together: global secondary indexes and the stream. Each keeps
 * its own cursor; an entry is deleted by whichever consumer passes it last, so it stays until every
 * consumer has consumed it.
 */

/** The last sequence the stream consumed, or Infinity when the partition has no stream (it keeps nothing). */
export function streamConsumedThrough(engine: StorageEngine, partition: Partition): number {
  const stream = partition.currentSchema.stream;
  if (stream === undefined) return Infinity;
  return readStreamState(engine, partition.id, stream.startMs)?.consumedSequence ?? 0;
}

/** The last sequence the global indexes applied, or Infinity when the partition has none. */
export function globalIndexesConsumedThrough(engine: StorageEngine, partition: Partition): number {
  return partition.currentSchema.globalIndexes.length === 0 ? Infinity : globalIndexCursor(engine, partition.id);
}

/**
 * One step of every consumer: a batch of the log into the global indexes, a batch into the stream, and
 * the trimming of stream records (of every stream the partition has had) older than 24 hours at `nowMs`. Returns the durability promise of the
 * work done, or undefined when every consumer had caught up.
 */
export function consumeWriteLog(engine: StorageEngine, partition: Partition, nowMs: number): Promise<void> | undefined {
  const pending: Promise<void>[] = [];
  const schema = partition.currentSchema;
  if (schema.globalIndexes.length > 0) {
    const applied = applyWriteLogBatch(engine, partition, streamConsumedThrough(engine, partition));
    if (applied !== undefined) pending.push(applied);
  }
  if (schema.stream !== undefined) {
    const consumed = consumeStreamBatch(engine, partition, schema.stream, globalIndexesConsumedThrough(engine, partition));
    if (consumed !== undefined) pending.push(consumed);
  }
  const trimmed = trimPartitionStreams(engine, partition.id, nowMs - STREAM_RETENTION_MS);
  if (trimmed !== undefined) pending.push(trimmed);
  return pending.length === 0 ? undefined : Promise.all(pending).then(() => undefined);
}

/**
 * Brings the partition's stream up to date with its log, synchronously (a stream read sees every write
 * made before it), and trims expired records. Returns the durability promise of the work, if any.
 */
export function catchUpStream(engine: StorageEngine, partition: Partition, nowMs: number): Promise<void> | undefined {
  const stream = partition.currentSchema.stream;
  if (stream === undefined) return trimPartitionStreams(engine, partition.id, nowMs - STREAM_RETENTION_MS);
  return drainStream(engine, partition, stream, nowMs);
}

/**
 * Adjusts the log's consumers when a partition's schema changes, in the same synchronous step, before
 * any write under the new schema: a stream being replaced or disabled takes every entry written under it;
 * a new stream starts at the log's head; global indexes that appear start at the head too (their backfill
 * copies what came before); entries no consumer needs any more are deleted.
 */
export function changeLogConsumers(engine: StorageEngine, partition: Partition, previous: PartitionSchema, nowMs: number): Promise<void> | undefined {
  const next = partition.currentSchema;
  const pending: Array<Promise<void> | undefined> = [];
  if (previous.stream !== undefined && previous.stream.startMs !== next.stream?.startMs) {
    pending.push(drainStream(engine, partition, previous.stream, nowMs, globalIndexesConsumedThrough(engine, partition)));
  }
  if (next.stream !== undefined && next.stream.startMs !== previous.stream?.startMs) pending.push(startStream(engine, partition, next.stream));
  if (previous.globalIndexes.length === 0 && next.globalIndexes.length > 0) {
    pending.push(engine.write([{ kind: 'put', key: consumerCursorKey(partition.id, GLOBAL_INDEX_CONSUMER), value: encodeJson(partition.lastSequence) }]));
  }
  pending.push(hasLogConsumers(next) ? trimConsumedEntries(engine, partition) : discardWriteLog(engine, partition));
  const writes = pending.filter((write): write is Promise<void> => write !== undefined);
  return writes.length === 0 ? undefined : Promise.all(writes).then(() => undefined);
}

function drainStream(
  engine: StorageEngine,
  partition: Partition,
  stream: StreamSchema,
  nowMs: number,
  othersConsumedThrough = globalIndexesConsumedThrough(engine, partition),
): Promise<void> | undefined {
  const pending: Promise<void>[] = [];
  for (;;) {
    const consumed = consumeStreamBatch(engine, partition, stream, othersConsumedThrough);
    if (consumed === undefined) break;
    pending.push(consumed);
  }
  const trimmed = trimPartitionStreams(engine, partition.id, nowMs - STREAM_RETENTION_MS);
  if (trimmed !== undefined) pending.push(trimmed);
  return pending.length === 0 ? undefined : Promise.all(pending).then(() => undefined);
}

/** Deletes the entries every remaining consumer has passed (a consumer that left may have held them). */
function trimConsumedEntries(engine: StorageEngine, partition: Partition): Promise<void> | undefined {
  const consumedThrough = Math.min(streamConsumedThrough(engine, partition), globalIndexesConsumedThrough(engine, partition));
  const start = partitionPrefix(keyspace.writeLog, partition.id);
  const end = writeLogKey(partition.id, Math.min(consumedThrough, partition.lastSequence) + 1);
  const pending: Promise<void>[] = [];
  for (;;) {
    const operations: WriteOperation[] = [];
    for (const entry of engine.range({ start, end, limit: GLOBAL_INDEX_BATCH_ENTRIES_MAX })) operations.push({ kind: 'delete', key: entry.key });
    if (operations.length === 0) break;
    pending.push(engine.write(operations));
  }
  return pending.length === 0 ? undefined : Promise.all(pending).then(() => undefined);
}
