import type { TableDefinition } from '../metadata/table-definition.js';
import type { StorageEngine } from '../storage/engine.js';
import { decodeShardIterator, encodeShardIterator, type ShardIterator } from './shard-iterators.js';
import { streamArnOf, streamStartMs, type StreamHistoryEntry } from './stream-catalogue.js';
import { streamErrors } from './stream-errors.js';
import { parseSequenceNumber, parseShardId, type ShardAddress } from './stream-identifiers.js';
import { streamLimits } from './stream-limits.js';
import { readShardRecords, type StreamRecordWire } from './stream-records.js';
import {
  describeShards,
  isShardOpen,
  partitionStreamState,
  shardExists,
  streamViewOf,
  trimPointOf,
  type ShardDescription,
  type StreamView,
} from './stream-shards.js';

/** A table as the stream operations see it: its definition, its streams and its partitions. */
export interface StreamTable {
  readonly definition: TableDefinition;
  readonly streams: readonly StreamHistoryEntry[];
  readonly partitionIds: readonly number[];
}

/** What the stream operations read: the tables, the storage engine (caught up by the caller), the time. */
export interface StreamReadContext {
  readonly tables: readonly StreamTable[];
  readonly engine: StorageEngine;
  readonly nowMs: number;
  readonly region: string;
}

export interface ResolvedStream {
  readonly table: StreamTable;
  readonly entry: StreamHistoryEntry;
  readonly arn: string;
}

export interface ListStreamsRequest {
  readonly TableName?: string;
  readonly Limit?: number;
  readonly ExclusiveStartStreamArn?: string;
}

export interface DescribeStreamRequest {
  readonly StreamArn: string;
  readonly Limit?: number;
  readonly ExclusiveStartShardId?: string;
}

export type ShardIteratorType = 'TRIM_HORIZON' | 'LATEST' | 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER';

export interface GetShardIteratorRequest {
  readonly StreamArn: string;
  readonly ShardId: string;
  readonly ShardIteratorType: ShardIteratorType;
  readonly SequenceNumber?: string;
}

export interface GetRecordsRequest {
  readonly ShardIterator: string;
  readonly Limit?: number;
}

/** Every readable stream, in ARN order (table name, then label). */
function allStreams(tables: readonly StreamTable[]): ResolvedStream[] {
  const streams = tables.flatMap((table) => table.streams.map((entry) => ({ table, entry, arn: streamArnOf(table.definition, entry) })));
  return streams.sort((left, right) => (left.arn < right.arn ? -1 : left.arn > right.arn ? 1 : 0));
}

export function resolveStream(tables: readonly StreamTable[], streamArn: string): ResolvedStream {
  const found = allStreams(tables).find((stream) => stream.arn === streamArn);
  if (found === undefined) throw streamErrors.streamNotFound(streamArn);
  return found;
}

export function listStreams(tables: readonly StreamTable[], request: ListStreamsRequest): Record<string, unknown> {
  const limit = Math.min(request.Limit ?? streamLimits.listStreamsLimitMax, streamLimits.listStreamsLimitMax);
  const after = request.ExclusiveStartStreamArn;
  const matching = allStreams(tables).filter(
    (stream) => (request.TableName === undefined || stream.table.definition.tableName === request.TableName) && (after === undefined || stream.arn > after),
  );
  const page = matching.slice(0, limit);
  const last = page[page.length - 1];
  return {
    Streams: page.map((stream) => ({ StreamArn: stream.arn, TableName: stream.table.definition.tableName, StreamLabel: stream.entry.label })),
    ...(matching.length > limit && last !== undefined ? { LastEvaluatedStreamArn: last.arn } : {}),
  };
}

export function describeStream(context: StreamReadContext, request: DescribeStreamRequest): Record<string, unknown> {
  const stream = resolveStream(context.tables, request.StreamArn);
  const view = streamViewOf(stream.entry, context.nowMs);
  const limit = Math.min(request.Limit ?? streamLimits.describeStreamLimitMax, streamLimits.describeStreamLimitMax);
  const after = request.ExclusiveStartShardId;
  const shards = describeShards(context.engine, view, stream.table.partitionIds).filter((shard) => after === undefined || shard.ShardId > after);
  const page: ShardDescription[] = shards.slice(0, limit);
  const last = page[page.length - 1];
  return {
    StreamDescription: {
      StreamArn: stream.arn,
      StreamLabel: stream.entry.label,
      StreamStatus: stream.entry.disabledMs === undefined ? 'ENABLED' : 'DISABLED',
      StreamViewType: stream.entry.viewType,
      CreationRequestDateTime: streamStartMs(stream.entry.label) / 1000,
      TableName: stream.table.definition.tableName,
      KeySchema: stream.table.definition.keySchema.map((element) => ({ ...element })),
      Shards: page,
      ...(shards.length > limit && last !== undefined ? { LastEvaluatedShardId: last.ShardId } : {}),
    },
  };
}

/** The shard a request names, if it is one of the stream's (a known partition, a window still kept). */
function shardOf(context: StreamReadContext, stream: ResolvedStream, view: StreamView, shardId: string): ShardAddress {
  const address = parseShardId(view.schema.startMs, shardId);
  if (address === undefined || !stream.table.partitionIds.includes(address.partitionId)) throw streamErrors.shardNotFound();
  if (!shardExists(view, partitionStreamState(context.engine, address.partitionId, view), address.window)) throw streamErrors.shardNotFound();
  return address;
}

export function getShardIterator(context: StreamReadContext, request: GetShardIteratorRequest): Record<string, unknown> {
  const stream = resolveStream(context.tables, request.StreamArn);
  const view = streamViewOf(stream.entry, context.nowMs);
  const address = shardOf(context, stream, view, request.ShardId);
  const state = partitionStreamState(context.engine, address.partitionId, view);
  const trimPoint = trimPointOf(context.engine, address.partitionId, view, state);
  let afterSequence: number;
  switch (request.ShardIteratorType) {
    case 'TRIM_HORIZON': {
      const range = state.shards.find((shard) => shard.window === address.window);
      afterSequence = Math.max(trimPoint, range === undefined ? state.consumedSequence : range.firstSequence - 1);
      break;
    }
    case 'LATEST':
      afterSequence = state.consumedSequence;
      break;
    case 'AT_SEQUENCE_NUMBER':
    case 'AFTER_SEQUENCE_NUMBER': {
      const sequence = sequenceInShard(request, address);
      afterSequence = request.ShardIteratorType === 'AT_SEQUENCE_NUMBER' ? sequence - 1 : sequence;
      if (afterSequence < trimPoint) throw streamErrors.trimmed();
      break;
    }
  }
  const iterator: ShardIterator = { streamArn: stream.arn, ...address, afterSequence, issuedMs: context.nowMs };
  return { ShardIterator: encodeShardIterator(iterator) };
}

function sequenceInShard(request: GetShardIteratorRequest, address: ShardAddress): number {
  if (request.SequenceNumber === undefined) throw streamErrors.sequenceNumberRequired(request.ShardIteratorType);
  const parsed = parseSequenceNumber(request.SequenceNumber);
  if (parsed === undefined || parsed.partitionId !== address.partitionId || parsed.window !== address.window) {
    throw streamErrors.sequenceNumberNotInShard(request.SequenceNumber, request.ShardId);
  }
  return parsed.sequence;
}

/** The iterator a GetRecords request carries, checked before anything is read: well formed, not expired. */
export function checkShardIterator(text: string, nowMs: number): ShardIterator {
  const iterator = decodeShardIterator(text);
  if (iterator === undefined) throw streamErrors.invalidIterator();
  if (nowMs - iterator.issuedMs > streamLimits.shardIteratorLifetimeMs) throw streamErrors.iteratorExpired();
  return iterator;
}

export function getRecords(context: StreamReadContext, request: GetRecordsRequest): { Records: StreamRecordWire[]; NextShardIterator?: string } {
  const limit = request.Limit ?? streamLimits.getRecordsLimitMax;
  if (limit > streamLimits.getRecordsLimitMax) throw streamErrors.getRecordsLimitExceeded(limit);
  const iterator = checkShardIterator(request.ShardIterator, context.nowMs);
  const stream = resolveStream(context.tables, iterator.streamArn);
  const view = streamViewOf(stream.entry, context.nowMs);
  if (!stream.table.partitionIds.includes(iterator.partitionId)) throw streamErrors.invalidIterator();
  const state = partitionStreamState(context.engine, iterator.partitionId, view);
  if (iterator.afterSequence < trimPointOf(context.engine, iterator.partitionId, view, state)) throw streamErrors.trimmed();
  const page = readShardRecords(context.engine, view, iterator, limit, context.region);
  const finished = page.ending === 'shardEnd' || (page.ending === 'caughtUp' && !isShardOpen(view, state, iterator.window));
  return {
    Records: [...page.records],
    ...(finished ? {} : { NextShardIterator: encodeShardIterator({ ...iterator, afterSequence: page.lastSequence, issuedMs: context.nowMs }) }),
  };
}
