/**
 * The identifiers a stream hands out, in DynamoDB's forms:
 * - shard ids `shardId-<creation ms, 20 digits>-<8 hex digits>`: here the creation time of the shard's
 *   rollover window and the partition id, so a shard id names one window of one partition's stream;
 * - sequence numbers: numeric strings of 21 digits or more that increase along a partition's shards:
 *   the window plus one, then the partition id (10 digits) and the partition's log sequence (16 digits);
 * - event ids: 32 hex digits, unique per record.
 */
import { STREAM_SHARD_ROLLOVER_MS } from '../partition/stream-limits.js';

export interface ShardAddress {
  readonly partitionId: number;
  readonly window: number;
}

export interface SequenceAddress extends ShardAddress {
  readonly sequence: number;
}

const PARTITION_DIGITS = 10;
const SEQUENCE_DIGITS = 16;
const SHARD_ID = /^shardId-(\d{20})-([0-9a-f]{8})$/;

export function shardIdOf(streamStartMs: number, address: ShardAddress): string {
  const createdMs = streamStartMs + address.window * STREAM_SHARD_ROLLOVER_MS;
  return `shardId-${String(createdMs).padStart(20, '0')}-${address.partitionId.toString(16).padStart(8, '0')}`;
}

export function parseShardId(streamStartMs: number, shardId: string): ShardAddress | undefined {
  const match = SHARD_ID.exec(shardId);
  if (match === null) return undefined;
  const offsetMs = Number(match[1]) - streamStartMs;
  if (offsetMs < 0 || offsetMs % STREAM_SHARD_ROLLOVER_MS !== 0) return undefined;
  return { partitionId: Number.parseInt(match[2] as string, 16), window: offsetMs / STREAM_SHARD_ROLLOVER_MS };
}

export function formatSequenceNumber(address: SequenceAddress): string {
  return `${address.window + 1}${String(address.partitionId).padStart(PARTITION_DIGITS, '0')}${String(address.sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

export function parseSequenceNumber(text: string): SequenceAddress | undefined {
  if (!/^[1-9]\d{26,}$/.test(text)) return undefined;
  const tail = text.length - PARTITION_DIGITS - SEQUENCE_DIGITS;
  return {
    window: Number(text.slice(0, tail)) - 1,
    partitionId: Number(text.slice(tail, tail + PARTITION_DIGITS)),
    sequence: Number(text.slice(tail + PARTITION_DIGITS)),
  };
}

/** 32 hex digits from the stream, the partition and the sequence: unique within the table's streams. */
export function eventIdOf(streamStartMs: number, partitionId: number, sequence: number): string {
  return `${streamStartMs.toString(16).padStart(12, '0')}${partitionId.toString(16).padStart(8, '0')}${sequence.toString(16).padStart(12, '0')}`;
}
