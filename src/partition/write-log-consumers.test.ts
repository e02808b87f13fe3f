import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Item } from '../model/attribute-value.js';
import { MemoryStorageEngine } from '../storage/memory-engine.js';
import type { StorageEngine } from '../storage/engine.js';
import { decodeJson } from './json-bytes.js';
import { encodeItemKey } from './item-key.js';
import { Partition } from './partition.js';
import type { PartitionSchema, StreamSchema } from './partition-schema.js';
import { STREAM_RETENTION_MS, STREAM_SHARD_ROLLOVER_MS } from './stream-limits.js';
import { readStreamState, type StoredStreamRecord } from './stream-log-consumer.js';
import { keyspace, partitionPrefix, prefixEnd, streamRecordPrefix } from './storage-keys.js';
import { changeLogConsumers, catchUpStream, consumeWriteLog } from './write-log-consumers.js';

const START_MS = 1_764_000_000_000;
const stream: StreamSchema = { startMs: START_MS, viewType: 'NEW_AND_OLD_IMAGES' };
const plain: PartitionSchema = { tableName: 'streamed', key: { partitionKey: { name: 'pk', type: 'S' } }, localIndexes: [], globalIndexes: [] };
const withStream: PartitionSchema = { ...plain, stream };
const withStreamAndIndex: PartitionSchema = {
  ...withStream,
  globalIndexes: [{ name: 'byGroup', key: { partitionKey: { name: 'group', type: 'S' } }, projection: { type: 'ALL' }, partitions: [{ partitionId: 90, hashStart: 0 }] }],
};

function put(partition: Partition, item: Item): void {
  partition.write(encodeItemKey(item, plain.key), () => ({ kind: 'put', item }));
}

function remove(partition: Partition, pk: string): void {
  partition.write(encodeItemKey({ pk: { S: pk } }, plain.key), () => ({ kind: 'delete' }));
}

function logSequences(engine: StorageEngine, partitionId: number): number[] {
  const start = partitionPrefix(keyspace.writeLog, partitionId);
  return [...engine.range({ start, end: prefixEnd(start) })].map((entry) => decodeJson<{ sequence: number }>(entry.value).sequence);
}

function records(engine: StorageEngine, partitionId: number, streamStartMs = START_MS): StoredStreamRecord[] {
  const prefix = streamRecordPrefix(partitionId, streamStartMs);
  return [...engine.range({ start: prefix, end: prefixEnd(prefix) })].map((entry) => decodeJson<StoredStreamRecord>(entry.value));
}

function drain(engine: StorageEngine, partition: Partition, nowMs: number): void {
  while (consumeWriteLog(engine, partition, nowMs) !== undefined);
}

describe('write-log consumers', () => {
  test('a stream turns each change into one record, and nothing for a write that changes nothing', () => {
    const engine = new MemoryStorageEngine();
    let nowMs = START_MS + 5;
    const partition = new Partition(7, withStream, engine, () => nowMs);
    put(partition, { pk: { S: 'a' }, n: { N: '1' } });
    put(partition, { n: { N: '1' }, pk: { S: 'a' } });
    nowMs += 1000;
    put(partition, { pk: { S: 'a' }, n: { N: '2' } });
    remove(partition, 'a');
    remove(partition, 'a');
    catchUpStream(engine, partition, nowMs);
    assert.deepEqual(
      records(engine, 7).map((record) => [record.sequence, record.eventName, record.timeMs, record.window]),
      [
        [1, 'INSERT', START_MS + 5, 0],
        [3, 'MODIFY', START_MS + 1005, 0],
        [4, 'REMOVE', START_MS + 1005, 0],
      ],
    );
    assert.deepEqual(records(engine, 7)[1]?.oldImage, { pk: { S: 'a' }, n: { N: '1' } });
    assert.deepEqual(logSequences(engine, 7), [], 'with no other consumer, the stream trims what it consumed');
  });

  test('keeps each log entry until both the global indexes and the stream have consumed it', () => {
    const engine = new MemoryStorageEngine();
    const partition = new Partition(8, withStreamAndIndex, engine, () => START_MS);
    put(partition, { pk: { S: 'a' }, group: { S: 'g' } });
    put(partition, { pk: { S: 'b' }, group: { S: 'g' } });
    catchUpStream(engine, partition, START_MS);
    assert.deepEqual(logSequences(engine, 8), [1, 2], 'the global indexes have not consumed them yet');
    drain(engine, partition, START_MS);
    assert.deepEqual(logSequences(engine, 8), []);
    assert.equal(records(engine, 8).length, 2);
  });

  test('a disabled stream takes every write made before it was disabled; a new stream starts at the head', () => {
    const engine = new MemoryStorageEngine();
    const partition = new Partition(9, withStream, engine, () => START_MS + 10);
    put(partition, { pk: { S: 'before' } });
    partition.updateSchema(plain);
    changeLogConsumers(engine, partition, withStream, START_MS + 10);
    put(partition, { pk: { S: 'unlogged' } });
    const next: PartitionSchema = { ...plain, stream: { startMs: START_MS + 20, viewType: 'KEYS_ONLY' } };
    partition.updateSchema(next);
    changeLogConsumers(engine, partition, plain, START_MS + 20);
    put(partition, { pk: { S: 'after' } });
    catchUpStream(engine, partition, START_MS + 30);
    assert.deepEqual(records(engine, 9).map((record) => record.keys), [{ pk: { S: 'before' } }]);
    assert.deepEqual(records(engine, 9, START_MS + 20).map((record) => [record.keys, record.newImage]), [[{ pk: { S: 'after' } }, undefined]]);
    assert.equal(readStreamState(engine, 9, START_MS + 20)?.consumedSequence, 3);
  });

  test('records roll into the next window after four hours, and are trimmed after 24 hours', () => {
    const engine = new MemoryStorageEngine();
    let nowMs = START_MS;
    const partition = new Partition(10, withStream, engine, () => nowMs);
    put(partition, { pk: { S: 'first' } });
    nowMs += STREAM_SHARD_ROLLOVER_MS;
    put(partition, { pk: { S: 'second' } });
    catchUpStream(engine, partition, nowMs);
    assert.deepEqual(records(engine, 10).map((record) => record.window), [0, 1]);
    assert.deepEqual(readStreamState(engine, 10, START_MS)?.shards, [
      { window: 0, firstSequence: 1, lastSequence: 1 },
      { window: 1, firstSequence: 2, lastSequence: 2 },
    ]);
    catchUpStream(engine, partition, START_MS + STREAM_RETENTION_MS + 1);
    assert.deepEqual(records(engine, 10).map((record) => record.sequence), [2]);
    assert.equal(readStreamState(engine, 10, START_MS)?.trimmedThroughSequence, 1);
    assert.deepEqual(readStreamState(engine, 10, START_MS)?.shards, [{ window: 1, firstSequence: 2, lastSequence: 2 }]);
  });
});
