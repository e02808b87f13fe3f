import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  QueryCommand,
  DescribeTableCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type DynamoDBClient,
  type StreamViewType,
} from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, ListStreamsCommand, type _Record, type DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { rawRequest, signedHeaders } from './support/raw-http.js';
import { streamRecords, startStreamsTestServer, type StreamsTestServer } from './support/streams.js';

/** What a test can compare: the event, the key and the images, as the SDK returns them. */
function summary(record: _Record): Record<string, unknown> {
  const change = record.dynamodb;
  return {
    eventName: record.eventName,
    keys: change?.Keys,
    ...(change?.NewImage === undefined ? {} : { newImage: change.NewImage }),
    ...(change?.OldImage === undefined ? {} : { oldImage: change.OldImage }),
    sizeBytes: change?.SizeBytes,
  };
}

describe('DynamoDB Streams', () => {
  let context: StreamsTestServer;
  let db: DynamoDBClient;
  let streams: DynamoDBStreamsClient;
  let tableNumber = 0;

  before(async () => {
    context = await startStreamsTestServer();
    ({ db, streams } = context);
  });
  after(() => context.close());

  /** A one-partition table (5 WCU), as in DynamoDB's recorded answers, with a stream; answers its stream ARN. */
  async function streamTable(viewType: StreamViewType, keyName = 'id'): Promise<{ table: string; streamArn: string }> {
    const table = `streams-${++tableNumber}`;
    const created = await db.send(
      new CreateTableCommand({
        TableName: table,
        KeySchema: [{ AttributeName: keyName, KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: keyName, AttributeType: 'S' }],
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
        StreamSpecification: { StreamEnabled: true, StreamViewType: viewType },
      }),
    );
    return { table, streamArn: created.TableDescription?.LatestStreamArn as string };
  }

  it('describes the stream in CreateTable, DescribeTable, ListStreams and DescribeStream', async () => {
    const { table, streamArn } = await streamTable('NEW_AND_OLD_IMAGES');
    const described = await db.send(new DescribeTableCommand({ TableName: table }));
    assert.deepEqual(described.Table?.StreamSpecification, { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    const label = described.Table?.LatestStreamLabel as string;
    assert.match(label, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
    assert.equal(described.Table?.LatestStreamArn, `arn:aws:dynamodb:us-east-1:000000000000:table/${table}/stream/${label}`);
    assert.equal(streamArn, described.Table?.LatestStreamArn);

    const listed = await streams.send(new ListStreamsCommand({ TableName: table }));
    assert.deepEqual(listed.Streams, [{ StreamArn: streamArn, TableName: table, StreamLabel: label }]);

    const description = (await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription;
    assert.equal(description?.StreamStatus, 'ENABLED');
    assert.equal(description?.StreamViewType, 'NEW_AND_OLD_IMAGES');
    assert.equal(description?.StreamLabel, label);
    assert.equal(description?.TableName, table);
    assert.deepEqual(description?.KeySchema, [{ AttributeName: 'id', KeyType: 'HASH' }]);
    assert.equal(description?.CreationRequestDateTime?.toISOString(), `${label}Z`);
    assert.equal(description?.Shards?.length, 1);
    const shard = description?.Shards?.[0];
    assert.match(shard?.ShardId as string, /^shardId-\d{20}-[0-9a-f]{8}$/);
    assert.ok((shard?.ShardId as string).length >= 28);
    assert.match(shard?.SequenceNumberRange?.StartingSequenceNumber as string, /^\d{21,}$/);
    assert.equal(shard?.SequenceNumberRange?.EndingSequenceNumber, undefined, 'the open shard has no end');
    assert.equal(shard?.ParentShardId, undefined);
    assert.equal(description?.LastEvaluatedShardId, undefined);
  });

  it('records each change of a batch once, and nothing for an identical put or a delete of a missing item', async () => {
    const { table, streamArn } = await streamTable('NEW_AND_OLD_IMAGES');
    await db.send(new PutItemCommand({ TableName: table, Item: { id: { S: 'Fred' } } }));
    await db.send(
      new BatchWriteItemCommand({
        RequestItems: { [table]: [{ PutRequest: { Item: { id: { S: 'Fred' } } } }, { PutRequest: { Item: { id: { S: 'NewKey' } } } }] },
      }),
    );
    await db.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [table]: [{ DeleteRequest: { Key: { id: { S: 'NewKey' } } } }, { PutRequest: { Item: { id: { S: 'Fred' }, name: { S: 'Fred' } } } }],
        },
      }),
    );
    await db.send(new DeleteItemCommand({ TableName: table, Key: { id: { S: 'Missing' } } }));
    const records = await streamRecords(streams, streamArn);
    // The records and sizes DynamoDB gave for these writes (a recorded answer of the real service).
    assert.deepEqual(records.map(summary), [
      { eventName: 'INSERT', keys: { id: { S: 'Fred' } }, newImage: { id: { S: 'Fred' } }, sizeBytes: 12 },
      { eventName: 'INSERT', keys: { id: { S: 'NewKey' } }, newImage: { id: { S: 'NewKey' } }, sizeBytes: 16 },
      { eventName: 'REMOVE', keys: { id: { S: 'NewKey' } }, oldImage: { id: { S: 'NewKey' } }, sizeBytes: 16 },
      { eventName: 'MODIFY', keys: { id: { S: 'Fred' } }, newImage: { id: { S: 'Fred' }, name: { S: 'Fred' } }, oldImage: { id: { S: 'Fred' } }, sizeBytes: 26 },
    ]);
    for (const record of records) {
      assert.equal(record.eventVersion, '1.1');
      assert.equal(record.eventSource, 'aws:dynamodb');
      assert.equal(record.awsRegion, 'us-east-1');
      assert.match(record.eventID as string, /^[0-9a-f]{32}$/);
      assert.equal(record.dynamodb?.StreamViewType, 'NEW_AND_OLD_IMAGES');
      assert.equal((record.dynamodb?.ApproximateCreationDateTime?.getTime() ?? 1) % 1000, 0, 'rounded down to the second');
      assert.ok(Math.abs((record.dynamodb?.ApproximateCreationDateTime?.getTime() ?? 0) - Date.now()) < 60_000);
      assert.equal(record.userIdentity, undefined);
    }
    const sequenceNumbers = records.map((record) => BigInt(record.dynamodb?.SequenceNumber as string));
    assert.deepEqual([...sequenceNumbers].sort((left, right) => (left < right ? -1 : 1)), sequenceNumbers, 'increasing');
    assert.equal(new Set(records.map((record) => record.eventID)).size, records.length);
  });

  it("records a transaction's writes as their individual changes", async () => {
    const { table, streamArn } = await streamTable('NEW_AND_OLD_IMAGES');
    const transact = (...items: NonNullable<ConstructorParameters<typeof TransactWriteItemsCommand>[0]['TransactItems']>): Promise<unknown> =>
      db.send(new TransactWriteItemsCommand({ TransactItems: items }));
    await db.send(new PutItemCommand({ TableName: table, Item: { id: { S: 'Fred' } } }));
    await transact({ Put: { TableName: table, Item: { id: { S: 'Fred' } } } }, { Put: { TableName: table, Item: { id: { S: 'NewKey' } } } });
    await transact({
      Update: {
        TableName: table,
        Key: { id: { S: 'NewKey' } },
        UpdateExpression: 'SET attr1 = :v1, attr2 = :v2',
        ExpressionAttributeValues: { ':v1': { S: 'value1' }, ':v2': { S: 'value2' } },
      },
    });
    await transact({
      Update: { TableName: table, Key: { id: { S: 'NonExistentKey' } }, UpdateExpression: 'SET attr1 = :v1', ExpressionAttributeValues: { ':v1': { S: 'value1' } } },
    });
    await transact({ Delete: { TableName: table, Key: { id: { S: 'NewKey' } } } }, { ConditionCheck: { TableName: table, Key: { id: { S: 'Fred' } }, ConditionExpression: 'attribute_exists(id)' } });
    await transact({ Put: { TableName: table, Item: { id: { S: 'Fred' }, name: { S: 'Fred' } } } });
    await assert.rejects(transact({ Put: { TableName: table, Item: { id: { S: 'Fred' } }, ConditionExpression: 'attribute_not_exists(id)' } }), { name: 'TransactionCanceledException' });
    const records = await streamRecords(streams, streamArn);
    // DynamoDB's recorded answer for the same transactions: event names and sizes.
    assert.deepEqual(
      records.map((record) => [record.eventName, record.dynamodb?.Keys?.['id']?.S, record.dynamodb?.SizeBytes]),
      [
        ['INSERT', 'Fred', 12],
        ['INSERT', 'NewKey', 16],
        ['MODIFY', 'NewKey', 46],
        ['INSERT', 'NonExistentKey', 43],
        ['REMOVE', 'NewKey', 38],
        ['MODIFY', 'Fred', 26],
      ],
    );
  });

  it('keeps the images each view type asks for', async () => {
    const expectations: Array<[StreamViewType, boolean, boolean]> = [
      ['KEYS_ONLY', false, false],
      ['NEW_IMAGE', true, false],
      ['OLD_IMAGE', false, true],
      ['NEW_AND_OLD_IMAGES', true, true],
    ];
    for (const [viewType, hasNew, hasOld] of expectations) {
      const { table, streamArn } = await streamTable(viewType, 'Username');
      await db.send(new PutItemCommand({ TableName: table, Item: { Username: { S: 'Fred' } } }));
      await db.send(new UpdateItemCommand({ TableName: table, Key: { Username: { S: 'Fred' } }, UpdateExpression: 'SET age = :a', ExpressionAttributeValues: { ':a': { N: '30' } } }));
      await db.send(new UpdateItemCommand({ TableName: table, Key: { Username: { S: 'Fred' } }, UpdateExpression: 'SET age = :a', ExpressionAttributeValues: { ':a': { N: '30' } } }));
      await db.send(new DeleteItemCommand({ TableName: table, Key: { Username: { S: 'Fred' } } }));
      const records = await streamRecords(streams, streamArn);
      assert.deepEqual(records.map((record) => record.eventName), ['INSERT', 'MODIFY', 'REMOVE'], viewType);
      const [insert, modify, remove] = records as [_Record, _Record, _Record];
      assert.equal(insert.dynamodb?.NewImage !== undefined, hasNew, viewType);
      assert.equal(insert.dynamodb?.OldImage, undefined, viewType);
      assert.equal(modify.dynamodb?.NewImage !== undefined, hasNew, viewType);
      assert.equal(modify.dynamodb?.OldImage !== undefined, hasOld, viewType);
      assert.equal(remove.dynamodb?.NewImage, undefined, viewType);
      assert.equal(remove.dynamodb?.OldImage !== undefined, hasOld, viewType);
      for (const record of records) assert.equal(record.dynamodb?.StreamViewType, viewType);
      if (viewType === 'KEYS_ONLY') assert.deepEqual(records.map((record) => record.dynamodb?.SizeBytes), [12, 12, 12]);
    }
  });
  it('feeds global secondary indexes and the stream from one log, each change to both', async () => {
    const table = `streams-${++tableNumber}`;
    const created = await db.send(
      new CreateTableCommand({
        TableName: table,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [
          { AttributeName: 'id', AttributeType: 'S' },
          { AttributeName: 'group', AttributeType: 'S' },
        ],
        GlobalSecondaryIndexes: [{ IndexName: 'byGroup', KeySchema: [{ AttributeName: 'group', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
      }),
    );
    for (let index = 0; index < 20; index++) {
      await db.send(new PutItemCommand({ TableName: table, Item: { id: { S: `item-${index}` }, group: { S: index % 2 === 0 ? 'even' : 'odd' } } }));
    }
    await db.send(new DeleteItemCommand({ TableName: table, Key: { id: { S: 'item-0' } } }));
    const records = await streamRecords(streams, created.TableDescription?.LatestStreamArn as string);
    assert.equal(records.filter((record) => record.eventName === 'INSERT').length, 20);
    assert.equal(records.filter((record) => record.eventName === 'REMOVE').length, 1);
    let even: number | undefined;
    for (let attempt = 0; attempt < 50 && even !== 9; attempt++) {
      const page = await db.send(new QueryCommand({ TableName: table, IndexName: 'byGroup', KeyConditionExpression: '#g = :g', ExpressionAttributeNames: { '#g': 'group' }, ExpressionAttributeValues: { ':g': { S: 'even' } } }));
      even = page.Count;
      if (even !== 9) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(even, 9, 'the index has every change too');
  });

  it('answers the Streams operations under their own target prefix only', async () => {
    const streamsTarget = { ...signedHeaders('ListStreams'), 'x-amz-target': 'DynamoDBStreams_20120810.ListStreams' };
    const listed = await rawRequest(context.server.endpoint, { headers: streamsTarget, body: '{}' });
    assert.equal(listed.status, 200);
    assert.ok(Array.isArray((JSON.parse(listed.body) as { Streams: unknown }).Streams));
    for (const target of ['DynamoDB_20120810.ListStreams', 'DynamoDBStreams_20120810.PutItem']) {
      const answer = await rawRequest(context.server.endpoint, { headers: { ...streamsTarget, 'x-amz-target': target }, body: '{}' });
      assert.equal(answer.status, 400, target);
      assert.equal((JSON.parse(answer.body) as { __type: string }).__type, 'com.amazon.coral.service#UnknownOperationException', target);
    }
  });
});
