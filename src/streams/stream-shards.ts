import type { StorageEngine } from '../storage/engine.js';
import { decodeJson } from '../partition/json-bytes.js';
import { STREAM_RETENTION_MS } from '../partition/stream-limits.js';
import { readStreamState, streamWindowAt, type StoredStreamRecord, type StreamPartitionState } from '../partition/stream-log-consumer.js';
import { prefixEnd, streamRecordPrefix } from '../partition/storage-keys.js';
import type { StreamSchema } from '../partition/partition-schema.js';
import { formatSequenceNumber, shardIdOf, type ShardAddress } from './stream-identifiers.js';
import { streamStartMs, type StreamHistoryEntry } from './stream-catalogue.js';

/**
 * A stream's shards: one lineage per table partition, a shard per rollover window, from the oldest window
 * still within the 24-hour retention to the current one (or the last, once the stream is disabled). Every
 * shard but the open one is closed; a child names its parent.
 */
export interface ShardDescription {
  readonly ShardId: string;
  readonly SequenceNumberRange: { readonly StartingSequenceNumber: string; readonly EndingSequenceNumber?: string };
  readonly ParentShardId?: string;
}

/** One stream as seen at one moment: its schema, whether it still takes records, and the time. */
export interface StreamView {
  readonly schema: StreamSchema;
  readonly disabledMs: number | undefined;
  readonly nowMs: number;
}

export function streamViewOf(entry: StreamHistoryEntry, nowMs: number): StreamView {
  return { schema: { startMs: streamStartMs(entry.label), viewType: entry.viewType }, disabledMs: entry.disabledMs, nowMs };
}

const EMPTY_STATE: StreamPartitionState = { consumedSequence: 0, trimmedThroughSequence: 0, shards: [] };

export function partitionStreamState(engine: StorageEngine, partitionId: number, view: StreamView): StreamPartitionState {
  return readStreamState(engine, partitionId, view.schema.startMs) ?? EMPTY_STATE;
}

/** The last window of a partition's lineage: the open shard, or the last one of a disabled stream. */
export function lastWindowOf(view: StreamView, state: StreamPartitionState): number {
  const recorded = state.shards[state.shards.length - 1]?.window ?? 0;
  return Math.max(recorded, streamWindowAt(view.schema, view.disabledMs ?? view.nowMs));
}

export function firstWindowOf(view: StreamView, state: StreamPartitionState): number {
  return Math.min(lastWindowOf(view, state), streamWindowAt(view.schema, view.nowMs - STREAM_RETENTION_MS));
}

export function isShardOpen(view: StreamView, state: StreamPartitionState, window: number): boolean {
  return view.disabledMs === undefined && window === lastWindowOf(view, state);
}

export function shardExists(view: StreamView, state: StreamPartitionState, window: number): boolean {
  return window >= firstWindowOf(view, state) && window <= lastWindowOf(view, state);
}

export function describeShards(engine: StorageEngine, view: StreamView, partitionIds: readonly number[]): ShardDescription[] {
  const shards: ShardDescription[] = [];
  for (const partitionId of partitionIds) {
    const state = partitionStreamState(engine, partitionId, view);
    for (let window = firstWindowOf(view, state); window <= lastWindowOf(view, state); window++) {
      shards.push(describeShard(view, state, { partitionId, window }));
    }
  }
  // Shard ids start with the window's creation time: in id order, a parent comes before its child.
  return shards.sort((left, right) => (left.ShardId < right.ShardId ? -1 : left.ShardId > right.ShardId ? 1 : 0));
}

function describeShard(view: StreamView, state: StreamPartitionState, address: ShardAddress): ShardDescription {
  const range = state.shards.find((shard) => shard.window === address.window);
  const before = state.shards.filter((shard) => shard.window < address.window).pop();
  const firstSequence = range?.firstSequence ?? (before?.lastSequence ?? state.trimmedThroughSequence) + 1;
  const starting = formatSequenceNumber({ ...address, sequence: firstSequence });
  const ending = isShardOpen(view, state, address.window)
    ? undefined
    : formatSequenceNumber({ ...address, sequence: range?.lastSequence ?? firstSequence });
  return {
    ShardId: shardIdOf(view.schema.startMs, address),
    SequenceNumberRange: { StartingSequenceNumber: starting, ...(ending === undefined ? {} : { EndingSequenceNumber: ending }) },
    ...(address.window > 0 ? { ParentShardId: shardIdOf(view.schema.startMs, { ...address, window: address.window - 1 }) } : {}),
  };
}

/**
 * The last sequence whose record is gone: deleted for age, or older than 24 hours and not deleted yet (a
 * stream no write has touched since). A position before it has lost records.
 */
export function trimPointOf(engine: StorageEngine, partitionId: number, view: StreamView, state: StreamPartitionState): number {
  const horizonMs = view.nowMs - STREAM_RETENTION_MS;
  const prefix = streamRecordPrefix(partitionId, view.schema.startMs);
  let point = state.trimmedThroughSequence;
  for (const entry of engine.range({ start: prefix, end: prefixEnd(prefix) })) {
    const record = decodeJson<StoredStreamRecord>(entry.value);
    if (record.timeMs >= horizonMs) break;
    point = record.sequence;
  }
  return point;
}
