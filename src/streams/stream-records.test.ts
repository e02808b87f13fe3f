import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStorageEngine } from '../storage/memory-engine.js';
import { decodeJson, encodeJson } from '../partition/json-bytes.js';
import { Partition } from '../partition/partition.js';
import type { PartitionSchema } from '../partition/partition-schema.js';
import { consumeStreamBatch, type StoredStreamRecord } from '../partition/stream-log-consumer.js';
import { prefixEnd, streamRecordPrefix, writeLogKey } from '../partition/storage-keys.js';
import type { WriteLogEntry } from '../partition/write-log.js';
import { renderRecord } from './stream-records.js';
import { streamViewOf } from './stream-shards.js';

const LABEL = '2026-11-26T12:00:00.000';
const START_MS = Date.parse(`${LABEL}Z`);
const schema: PartitionSchema = {
  tableName: 'expiring',
  key: { partitionKey: { name: 'pk', type: 'S' } },
  localIndexes: [],
  globalIndexes: [],
  stream: { startMs: START_MS, viewType: 'OLD_IMAGE' },
};

/** Writes one log entry as a partition would, turns it into a stream record and renders it. */
function rendered(entry: WriteLogEntry): ReturnType<typeof renderRecord> {
  const engine = new MemoryStorageEngine();
  void engine.write([{ kind: 'put', key: writeLogKey(3, entry.sequence), value: encodeJson(entry) }]);
  void consumeStreamBatch(engine, new Partition(3, schema, engine), { startMs: START_MS, viewType: 'OLD_IMAGE' }, Infinity);
  const prefix = streamRecordPrefix(3, START_MS);
  const [stored] = [...engine.range({ start: prefix, end: prefixEnd(prefix) })].map((item) => decodeJson<StoredStreamRecord>(item.value));
  assert.ok(stored !== undefined);
  return renderRecord(stored, streamViewOf({ label: LABEL, viewType: 'OLD_IMAGE' }, START_MS + 5000), 3, 'eu-west-1');
}

describe('stream records', () => {
  const item = { pk: { S: 'session-1' }, expiresAt: { N: '1764158400' } };

  test('a Time to Live deletion is a REMOVE made by the DynamoDB service', () => {
    const record = rendered({ sequence: 1, old: item, new: undefined, timeMs: START_MS + 2500, origin: 'timeToLive' });
    assert.equal(record.eventName, 'REMOVE');
    assert.deepEqual(record.userIdentity, { PrincipalId: 'dynamodb.amazonaws.com', Type: 'Service' });
    assert.deepEqual(record.dynamodb.OldImage, item);
    assert.equal(record.dynamodb.NewImage, undefined);
    assert.equal(record.dynamodb.ApproximateCreationDateTime, Math.floor((START_MS + 2500) / 1000));
    assert.equal(record.awsRegion, 'eu-west-1');
  });

  test('a client delete names no identity', () => {
    const record = rendered({ sequence: 1, old: item, new: undefined, timeMs: START_MS });
    assert.equal(record.eventName, 'REMOVE');
    assert.equal(record.userIdentity, undefined);
    assert.equal(record.dynamodb.SizeBytes, 11 + (11 + 14), 'the keys, then the old image');
  });
});
