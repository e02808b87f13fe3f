import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeShardIterator, encodeShardIterator } from './shard-iterators.js';
import { eventIdOf, formatSequenceNumber, parseSequenceNumber, parseShardId, shardIdOf } from './stream-identifiers.js';

const START_MS = 1_764_158_400_000;
const address = fc.record({ partitionId: fc.integer({ min: 0, max: 2 ** 32 - 1 }), window: fc.integer({ min: 0, max: 2000 }) });

describe('stream identifiers', () => {
  test("shard ids have DynamoDB's form and length, and name their shard", () => {
    fc.assert(
      fc.property(address, (shard) => {
        const shardId = shardIdOf(START_MS, shard);
        assert.match(shardId, /^shardId-\d{20}-[0-9a-f]{8}$/);
        assert.ok(shardId.length >= 28 && shardId.length <= 65);
        assert.deepEqual(parseShardId(START_MS, shardId), { ...shard });
      }),
    );
    assert.equal(parseShardId(START_MS, 'shardId-00000000000000000001-00000001'), undefined, 'before the stream');
  });

  test('sequence numbers are numeric strings of 21 digits or more, increasing along a lineage', () => {
    fc.assert(
      fc.property(address, fc.integer({ min: 0, max: 2 ** 50 }), fc.integer({ min: 0, max: 2 ** 50 }), (shard, left, right) => {
        const first = formatSequenceNumber({ ...shard, sequence: left });
        assert.match(first, /^\d{21,}$/);
        assert.deepEqual(parseSequenceNumber(first), { ...shard, sequence: left });
        const later = formatSequenceNumber({ ...shard, window: shard.window + 1, sequence: right });
        assert.ok(BigInt(later) > BigInt(first), 'a child shard numbers after its parent');
        const next = formatSequenceNumber({ ...shard, sequence: left + 1 });
        assert.ok(BigInt(next) > BigInt(first));
      }),
    );
    assert.equal(parseSequenceNumber('12345'), undefined);
  });

  test('event ids are 32 hex digits, one per record', () => {
    assert.match(eventIdOf(START_MS, 4, 99), /^[0-9a-f]{32}$/);
    assert.notEqual(eventIdOf(START_MS, 4, 99), eventIdOf(START_MS, 5, 99));
  });

  test('a shard iterator carries its stream, shard, position and time, and rejects anything else', () => {
    const streamArn = 'arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2026-11-26T12:00:00.000';
    const iterator = { streamArn, partitionId: 12, window: 3, afterSequence: 4567, issuedMs: START_MS };
    const text = encodeShardIterator(iterator);
    assert.ok(text.startsWith(`${streamArn}|1|`));
    assert.deepEqual(decodeShardIterator(text), iterator);
    for (const bad of ['', 'x', `${streamArn}|2|MTIuMy40NTY3LjE=`, `${streamArn}|1|!!!!`, `${streamArn}|1|${Buffer.from('1.2.3').toString('base64')}`]) {
      assert.equal(decodeShardIterator(bad), undefined, bad);
    }
  });
});
