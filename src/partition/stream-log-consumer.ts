import type { Item } from '../model/attribute-value.js';
import { keyAttributes, type KeySchema } from '../model/key-schema.js';
import { valuesEqual } from '../expressions/compare-values.js';
import type { StorageEngine, WriteOperation } from '../storage/engine.js';
import { decodeJson, encodeJson } from './json-bytes.js';
import type { Partition } from './partition.js';
import type { StreamSchema, StreamViewType } from './partition-schema.js';
import { STREAM_BATCH_ENTRIES_MAX, STREAM_SHARD_ROLLOVER_MS, STREAM_TRIM_BATCH_RECORDS_MAX } from './stream-limits.js';
import { keyspace, partitionPrefix, prefixEnd, readUint64, streamRecordKey, streamRecordPrefix, streamStateKey, writeLogKey } from './storage-keys.js';
import type { WriteLogEntry, WriteOrigin } from './write-log.js';

export type StreamEventName = 'INSERT' | 'MODIFY' | 'REMOVE';

/** One change as a stream keeps it, with the images its view type asks for. */
export interface StoredStreamRecord {
  /** The partition's log sequence of the write. */
  readonly sequence: number;
  /** The shard (rollover window) of the partition's stream the record belongs to. */
  readonly window: number;
  readonly timeMs: number;
  readonly eventName: StreamEventName;
  readonly keys: Item;
  readonly newImage?: Item;
  readonly oldImage?: Item;
  readonly origin?: WriteOrigin;
}

/** The records one rollover window holds: a contiguous run of the partition's sequence numbers. */
export interface StreamShardRange {
  readonly window: number;
  readonly firstSequence: number;
  readonly lastSequence: number;
}

/** A stream's progress in one partition, stored in the same write as the records it describes. */
export interface StreamPartitionState {
  /** The last log sequence turned into records (or skipped: a write that changed nothing). */
  readonly consumedSequence: number;
  /** Records up to this sequence were deleted for age. */
  readonly trimmedThroughSequence: number;
  /** Windows that hold records, oldest first. */
  readonly shards: readonly StreamShardRange[];
}

export function readStreamState(engine: StorageEngine, partitionId: number, streamStartMs: number): StreamPartitionState | undefined {
  const stored = engine.get(streamStateKey(partitionId, streamStartMs));
  return stored === undefined ? undefined : decodeJson<StreamPartitionState>(stored);
}

/** The rollover window a write at `timeMs` falls in, never before the window of the last record. */
export function streamWindowAt(stream: StreamSchema, timeMs: number): number {
  return Math.max(0, Math.floor((timeMs - stream.startMs) / STREAM_SHARD_ROLLOVER_MS));
}

/**
 * Starts a stream in a partition: it will hold the writes after the partition's current head. Called in
 * the same synchronous step as the schema change that enables the stream, before any later write.
 */
export function startStream(engine: StorageEngine, partition: Partition, stream: StreamSchema): Promise<void> | undefined {
  if (readStreamState(engine, partition.id, stream.startMs) !== undefined) return undefined;
  const state: StreamPartitionState = { consumedSequence: partition.lastSequence, trimmedThroughSequence: 0, shards: [] };
  return engine.write([{ kind: 'put', key: streamStateKey(partition.id, stream.startMs), value: encodeJson(state) }]);
}

/**
 * Turns the next log entries into stream records, in one atomic write with the stream's state (and the
 * deletion of entries every other consumer has consumed too, `othersConsumedThrough`), so a crash resumes
 * exactly after the last durable record. A write that changed nothing (an identical put) makes no record,
 * as in DynamoDB. Returns the durability promise, or undefined when the stream had caught up.
 */
export function consumeStreamBatch(
  engine: StorageEngine,
  partition: Partition,
  stream: StreamSchema,
  othersConsumedThrough: number,
): Promise<void> | undefined {
  let state = readStreamState(engine, partition.id, stream.startMs) ?? { consumedSequence: 0, trimmedThroughSequence: 0, shards: [] };
  const logEnd = prefixEnd(partitionPrefix(keyspace.writeLog, partition.id));
  const entries = [...engine.range({ start: writeLogKey(partition.id, state.consumedSequence + 1), end: logEnd, limit: STREAM_BATCH_ENTRIES_MAX })];
  if (entries.length === 0) return undefined;
  const operations: WriteOperation[] = [];
  for (const stored of entries) {
    const entry = decodeJson<WriteLogEntry>(stored.value);
    const record = streamRecordOf(entry, partition.currentSchema.key, stream, state);
    if (record !== undefined) {
      operations.push({ kind: 'put', key: streamRecordKey(partition.id, stream.startMs, entry.sequence), value: encodeJson(record) });
      state = { ...state, shards: withRecord(state.shards, record) };
    }
    state = { ...state, consumedSequence: entry.sequence };
    if (entry.sequence <= othersConsumedThrough) operations.push({ kind: 'delete', key: stored.key });
  }
  operations.push({ kind: 'put', key: streamStateKey(partition.id, stream.startMs), value: encodeJson(state) });
  return engine.write(operations);
}

/**
 * Deletes a stream's records of one partition written before `horizonMs` (older than 24 hours), a batch
 * per call, with the trim point in the same write. Returns the durability promise, or undefined when
 * nothing had expired.
 */
export function trimStreamRecords(engine: StorageEngine, partitionId: number, streamStartMs: number, horizonMs: number): Promise<void> | undefined {
  const state = readStreamState(engine, partitionId, streamStartMs);
  if (state === undefined) return undefined;
  const prefix = streamRecordPrefix(partitionId, streamStartMs);
  const operations: WriteOperation[] = [];
  let trimmedThrough = state.trimmedThroughSequence;
  for (const entry of engine.range({ start: prefix, end: prefixEnd(prefix), limit: STREAM_TRIM_BATCH_RECORDS_MAX })) {
    const record = decodeJson<StoredStreamRecord>(entry.value);
    if (record.timeMs >= horizonMs) break;
    operations.push({ kind: 'delete', key: entry.key });
    trimmedThrough = record.sequence;
  }
  if (operations.length === 0) return undefined;
  const trimmed: StreamPartitionState = {
    ...state,
    trimmedThroughSequence: trimmedThrough,
    shards: state.shards.filter((shard) => shard.lastSequence > trimmedThrough),
  };
  operations.push({ kind: 'put', key: streamStateKey(partitionId, streamStartMs), value: encodeJson(trimmed) });
  return engine.write(operations);
}

/**
 * Trims every stream a partition has kept records for: the enabled one and those disabled, whose records
 * go once they are 24 hours old too. Returns the durability promise, or undefined when nothing expired.
 */
export function trimPartitionStreams(engine: StorageEngine, partitionId: number, horizonMs: number): Promise<void> | undefined {
  const prefix = partitionPrefix(keyspace.streamState, partitionId);
  const pending: Promise<void>[] = [];
  for (const entry of [...engine.range({ start: prefix, end: prefixEnd(prefix) })]) {
    const trimmed = trimStreamRecords(engine, partitionId, readUint64(entry.key, prefix.length), horizonMs);
    if (trimmed !== undefined) pending.push(trimmed);
  }
  return pending.length === 0 ? undefined : Promise.all(pending).then(() => undefined);
}

function streamRecordOf(entry: WriteLogEntry, key: KeySchema, stream: StreamSchema, state: StreamPartitionState): StoredStreamRecord | undefined {
  const { old } = entry;
  const next = entry.new;
  const item = next ?? old;
  if (item === undefined || (old !== undefined && next !== undefined && sameItem(old, next))) return undefined;
  const timeMs = entry.timeMs ?? 0;
  const lastWindow = state.shards[state.shards.length - 1]?.window ?? 0;
  return {
    sequence: entry.sequence,
    window: Math.max(lastWindow, streamWindowAt(stream, timeMs)),
    timeMs,
    eventName: old === undefined ? 'INSERT' : next === undefined ? 'REMOVE' : 'MODIFY',
    keys: keysOf(item, key),
    ...(next !== undefined && includesNewImage(stream.viewType) ? { newImage: next } : {}),
    ...(old !== undefined && includesOldImage(stream.viewType) ? { oldImage: old } : {}),
    ...(entry.origin === undefined ? {} : { origin: entry.origin }),
  };
}

function withRecord(shards: readonly StreamShardRange[], record: StoredStreamRecord): StreamShardRange[] {
  const last = shards[shards.length - 1];
  if (last !== undefined && last.window === record.window) {
    return [...shards.slice(0, -1), { ...last, lastSequence: record.sequence }];
  }
  return [...shards, { window: record.window, firstSequence: record.sequence, lastSequence: record.sequence }];
}

function keysOf(item: Item, key: KeySchema): Item {
  const keys: Record<string, Item[string]> = {};
  for (const attribute of keyAttributes(key)) {
    const value = item[attribute.name];
    if (value !== undefined) keys[attribute.name] = value;
  }
  return keys;
}

function sameItem(left: Item, right: Item): boolean {
  return valuesEqual({ M: left }, { M: right });
}

function includesNewImage(viewType: StreamViewType): boolean {
  return viewType === 'NEW_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES';
}

function includesOldImage(viewType: StreamViewType): boolean {
  return viewType === 'OLD_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES';
}
