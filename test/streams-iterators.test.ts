import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CreateTableCommand, PutItemCommand, UpdateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
  type DynamoDBStreamsClient,
  type ShardIteratorType,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import { allShards, shardRecords, streamRecords, startStreamsTestServer, type StreamsTestServer } from './support/streams.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Shard iterators, stream lifecycle, shard rollover, trimming and the errors of the Streams API. */
describe('DynamoDB Streams iterators and lifecycle', () => {
  let context: StreamsTestServer;
  let db: DynamoDBClient;
  let streams: DynamoDBStreamsClient;
  /** The server's clock runs this far ahead of the real one. */
  let clockOffsetMs = 0;
  let tableNumber = 0;

  before(async () => {
    context = await startStreamsTestServer(() => Date.now() + clockOffsetMs);
    ({ db, streams } = context);
  });
  after(() => context.close());

  async function streamTable(billing: 'one partition' | 'on demand' = 'one partition'): Promise<{ table: string; streamArn: string }> {
    const table = `iterators-${++tableNumber}`;
    const created = await db.send(
      new CreateTableCommand({
        TableName: table,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        ...(billing === 'on demand' ? { BillingMode: 'PAY_PER_REQUEST' } : { ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } }),
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
      }),
    );
    return { table, streamArn: created.TableDescription?.LatestStreamArn as string };
  }

  async function put(table: string, id: string, value = 'v'): Promise<void> {
    await db.send(new PutItemCommand({ TableName: table, Item: { id: { S: id }, value: { S: value } } }));
  }

  async function onlyShardId(streamArn: string): Promise<string> {
    const shards = await allShards(streams, streamArn);
    assert.equal(shards.length, 1);
    return shards[0]?.ShardId as string;
  }

  async function iterator(streamArn: string, shardId: string, type: ShardIteratorType, sequenceNumber?: string): Promise<string> {
    const answer = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: type, SequenceNumber: sequenceNumber }));
    return answer.ShardIterator as string;
  }

  const ids = (records: readonly _Record[]): Array<string | undefined> =>
    records.map((record) => record.dynamodb?.Keys?.['id']?.S);

  it('starts where each iterator type says, pages with Limit, and keeps an open shard open', async () => {
    const { table, streamArn } = await streamTable();
    await put(table, 'a');
    await put(table, 'b');
    const shardId = await onlyShardId(streamArn);
    const latest = await iterator(streamArn, shardId, 'LATEST');
    assert.match(latest, new RegExp(`^${streamArn.replace(/[.]/g, '\\.')}\\|1\\|.+$`), 'DynamoDB shapes iterators as <stream ARN>|1|…');
    await put(table, 'c');

    const fromLatest = await streams.send(new GetRecordsCommand({ ShardIterator: latest }));
    assert.deepEqual(ids(fromLatest.Records ?? []), ['c']);

    const trimHorizon = await iterator(streamArn, shardId, 'TRIM_HORIZON');
    const first = await streams.send(new GetRecordsCommand({ ShardIterator: trimHorizon, Limit: 2 }));
    assert.deepEqual(ids(first.Records ?? []), ['a', 'b']);
    const second = await streams.send(new GetRecordsCommand({ ShardIterator: first.NextShardIterator, Limit: 2 }));
    assert.deepEqual(ids(second.Records ?? []), ['c']);
    const third = await streams.send(new GetRecordsCommand({ ShardIterator: second.NextShardIterator }));
    assert.deepEqual(third.Records, []);
    assert.ok(third.NextShardIterator !== undefined, 'an open shard always gives a next iterator');

    const bSequence = first.Records?.[1]?.dynamodb?.SequenceNumber as string;
    const at = await streams.send(new GetRecordsCommand({ ShardIterator: await iterator(streamArn, shardId, 'AT_SEQUENCE_NUMBER', bSequence) }));
    assert.deepEqual(ids(at.Records ?? []), ['b', 'c']);
    const afterB = await streams.send(new GetRecordsCommand({ ShardIterator: await iterator(streamArn, shardId, 'AFTER_SEQUENCE_NUMBER', bSequence) }));
    assert.deepEqual(ids(afterB.Records ?? []), ['c']);
  });

  it('pages DescribeStream over the shards of every partition, and ListStreams over streams', async () => {
    const { table, streamArn } = await streamTable('on demand');
    const shards = await allShards(streams, streamArn);
    assert.equal(shards.length, 4, 'an on-demand table has four partitions, each with its shard');
    const pageIds: string[] = [];
    let start: string | undefined;
    for (let page = 0; page < 10; page++) {
      const answer = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, Limit: 1, ExclusiveStartShardId: start }));
      pageIds.push(...(answer.StreamDescription?.Shards ?? []).map((shard) => shard.ShardId as string));
      start = answer.StreamDescription?.LastEvaluatedShardId;
      if (start === undefined) break;
    }
    assert.deepEqual(pageIds, shards.map((shard) => shard.ShardId));
    assert.equal(new Set(pageIds).size, 4);

    const second = await streamTable();
    const listed: string[] = [];
    let exclusiveStart: string | undefined;
    for (let page = 0; page < 100; page++) {
      const answer = await streams.send(new ListStreamsCommand({ Limit: 1, ExclusiveStartStreamArn: exclusiveStart }));
      assert.ok((answer.Streams ?? []).length <= 1);
      listed.push(...(answer.Streams ?? []).map((stream) => stream.StreamArn as string));
      exclusiveStart = answer.LastEvaluatedStreamArn;
      if (exclusiveStart === undefined) break;
    }
    assert.ok(listed.includes(streamArn) && listed.includes(second.streamArn));
    assert.equal(new Set(listed).size, listed.length);
    const ofTable = await streams.send(new ListStreamsCommand({ TableName: table }));
    assert.deepEqual(ofTable.Streams?.map((stream) => stream.StreamArn), [streamArn]);
  });

  it('closes a disabled stream, keeps it readable, and starts a new stream with a new label on enabling again', async () => {
    const { table, streamArn } = await streamTable();
    await put(table, 'before');
    await db.send(new UpdateTableCommand({ TableName: table, StreamSpecification: { StreamEnabled: false } }));
    await put(table, 'between');
    const enabled = await db.send(new UpdateTableCommand({ TableName: table, StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } }));
    const newArn = enabled.TableDescription?.LatestStreamArn as string;
    assert.notEqual(newArn, streamArn);
    assert.notEqual(enabled.TableDescription?.LatestStreamLabel, streamArn.split('/stream/')[1]);
    await put(table, 'after');

    const old = (await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription;
    assert.equal(old?.StreamStatus, 'DISABLED');
    const oldShard = old?.Shards?.[0];
    assert.ok(oldShard?.SequenceNumberRange?.EndingSequenceNumber !== undefined, 'a closed shard has an end');
    const oldRecords = await streams.send(new GetRecordsCommand({ ShardIterator: await iterator(streamArn, oldShard?.ShardId as string, 'TRIM_HORIZON') }));
    assert.deepEqual(ids(oldRecords.Records ?? []), ['before']);
    assert.equal(oldRecords.NextShardIterator, undefined, 'a closed shard read to its end gives no next iterator');
    assert.equal(oldShard?.SequenceNumberRange?.EndingSequenceNumber, oldRecords.Records?.[0]?.dynamodb?.SequenceNumber);

    const fresh = (await streams.send(new DescribeStreamCommand({ StreamArn: newArn }))).StreamDescription;
    assert.equal(fresh?.StreamStatus, 'ENABLED');
    assert.equal(fresh?.StreamViewType, 'KEYS_ONLY');
    assert.deepEqual(ids(await streamRecords(streams, newArn)), ['after']);
    const listed = await streams.send(new ListStreamsCommand({ TableName: table }));
    assert.deepEqual(listed.Streams?.map((stream) => stream.StreamArn).sort(), [streamArn, newArn].sort());
  });

  it('rolls a shard over after four hours: the parent closes, a child takes the new records', async () => {
    const { table, streamArn } = await streamTable();
    await put(table, 'early');
    const parentId = await onlyShardId(streamArn);
    const parentIterator = await iterator(streamArn, parentId, 'TRIM_HORIZON');
    clockOffsetMs += 4 * HOUR_MS + MINUTE_MS;
    try {
      await put(table, 'late');
      const shards = await allShards(streams, streamArn);
      assert.equal(shards.length, 2);
      const [parent, child] = shards;
      assert.equal(parent?.ShardId, parentId);
      assert.ok(parent?.SequenceNumberRange?.EndingSequenceNumber !== undefined);
      assert.equal(child?.ParentShardId, parentId);
      assert.equal(child?.SequenceNumberRange?.EndingSequenceNumber, undefined);
      assert.ok(BigInt(child?.SequenceNumberRange?.StartingSequenceNumber as string) > BigInt(parent?.SequenceNumberRange?.EndingSequenceNumber as string));
      const fromParent = await streams.send(new GetRecordsCommand({ ShardIterator: await iterator(streamArn, parentId, 'TRIM_HORIZON') }));
      assert.deepEqual(ids(fromParent.Records ?? []), ['early']);
      assert.equal(fromParent.NextShardIterator, undefined);
      assert.deepEqual(ids(await shardRecords(streams, streamArn, child?.ShardId as string)), ['late']);
      // The iterator taken before the rollover is 4 hours old by now.
      await assert.rejects(streams.send(new GetRecordsCommand({ ShardIterator: parentIterator })), {
        name: 'ExpiredIteratorException',
        message: 'Shard iterator has expired',
      });
    } finally {
      clockOffsetMs -= 4 * HOUR_MS + MINUTE_MS;
    }
  });

  it('expires iterators after 15 minutes and trims records after 24 hours', async () => {
    const { table, streamArn } = await streamTable();
    await put(table, 'old');
    const shardId = await onlyShardId(streamArn);
    const oldSequence = (await shardRecords(streams, streamArn, shardId))[0]?.dynamodb?.SequenceNumber as string;
    const fresh = await iterator(streamArn, shardId, 'TRIM_HORIZON');
    const offsetBefore = clockOffsetMs;
    try {
      clockOffsetMs += 14 * MINUTE_MS;
      assert.deepEqual(ids((await streams.send(new GetRecordsCommand({ ShardIterator: fresh }))).Records ?? []), ['old']);
      clockOffsetMs += 2 * MINUTE_MS;
      await assert.rejects(streams.send(new GetRecordsCommand({ ShardIterator: fresh })), { name: 'ExpiredIteratorException', message: 'Shard iterator has expired' });

      clockOffsetMs = offsetBefore + 24 * HOUR_MS - MINUTE_MS;
      const beforeTrim = await iterator(streamArn, shardId, 'TRIM_HORIZON');
      clockOffsetMs = offsetBefore + 24 * HOUR_MS + MINUTE_MS;
      await assert.rejects(streams.send(new GetRecordsCommand({ ShardIterator: beforeTrim })), {
        name: 'TrimmedDataAccessException',
        message: 'The data you are trying to access has been trimmed.',
      });
      await assert.rejects(streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'AT_SEQUENCE_NUMBER', SequenceNumber: oldSequence })), {
        name: 'TrimmedDataAccessException',
      });
      await put(table, 'new');
      assert.deepEqual(ids(await streamRecords(streams, streamArn)), ['new'], 'TRIM_HORIZON starts after the trimmed records');
    } finally {
      clockOffsetMs = offsetBefore;
    }
  });

  it("answers DynamoDB's errors for unknown streams and shards and for bad requests", async () => {
    const { streamArn } = await streamTable();
    const shardId = await onlyShardId(streamArn);
    const missingArn = streamArn.replace(/stream\/.*$/, 'stream/2024-11-18T14:36:44.149');
    await assert.rejects(streams.send(new DescribeStreamCommand({ StreamArn: missingArn })), {
      name: 'ResourceNotFoundException',
      message: `Requested resource not found: Stream: ${missingArn} not found`,
    });
    await assert.rejects(streams.send(new GetShardIteratorCommand({ StreamArn: missingArn, ShardId: shardId, ShardIteratorType: 'LATEST' })), {
      name: 'ResourceNotFoundException',
    });
    await assert.rejects(
      streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: 'shardId-00000001700000000000-0000ffff', ShardIteratorType: 'LATEST' })),
      { name: 'ResourceNotFoundException', message: 'Requested resource not found: Shard does not exist' },
    );
    await assert.rejects(streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'AT_SEQUENCE_NUMBER' })), {
      name: 'ValidationException',
      message: 'SequenceNumber must be specified for ShardIteratorType AT_SEQUENCE_NUMBER',
    });
    await assert.rejects(streams.send(new GetRecordsCommand({ ShardIterator: `${streamArn}|1|not-an-iterator` })), { name: 'ValidationException', message: 'Invalid ShardIterator' });
    await assert.rejects(streams.send(new GetRecordsCommand({ ShardIterator: await iterator(streamArn, shardId, 'LATEST'), Limit: 1001 })), {
      name: 'LimitExceededException',
    });
    await assert.rejects(streams.send(new DescribeStreamCommand({ StreamArn: 'too-short' })), {
      name: 'ValidationException',
      message: "1 validation error detected: Value 'too-short' at 'streamArn' failed to satisfy constraint: Member must have length greater than or equal to 37",
    });
  });
});
