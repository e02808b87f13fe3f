import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
  UpdateTimeToLiveCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { EXPIRY_AGE_SECONDS_MAX } from '../src/partition/time-to-live.js';
import { clientFor, startTestServer } from './support/server.js';
import { createKeyedTable, createTable, uniqueTableName } from './support/tables.js';

const SWEEP_INTERVAL_MS = 20;
const EXPIRY_WAIT_MS = 10_000;
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

function enableTtl(client: DynamoDBClient, tableName: string): Promise<unknown> {
  return client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' } }));
}

async function getItem(client: DynamoDBClient, tableName: string, key: Record<string, AttributeValue>): Promise<Record<string, AttributeValue> | undefined> {
  return (await client.send(new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;
}

/** Polls until `check` holds, failing after EXPIRY_WAIT_MS. */
async function eventually(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + EXPIRY_WAIT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`${what} did not happen within ${EXPIRY_WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, SWEEP_INTERVAL_MS));
  }
}

/** A table keyed by pk/sk with an LSI on `local` and a GSI on `group`, so a deletion must reach both. */
async function createIndexedTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await createTable(client, {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      { AttributeName: 'local', AttributeType: 'S' },
      { AttributeName: 'group', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    LocalSecondaryIndexes: [
      { IndexName: 'by-local', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'local', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } },
    ],
    GlobalSecondaryIndexes: [{ IndexName: 'by-group', KeySchema: [{ AttributeName: 'group', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
  });
}

describe('Time to Live expiry', () => {
  let server: EmbeddedServer;
  let client: DynamoDBClient;
  before(async () => {
    server = await startTestServer({ ttlSweepIntervalMs: SWEEP_INTERVAL_MS, ttlChangeIntervalMs: 0 });
    client = clientFor(server.endpoint);
  });
  after(async () => {
    client.destroy();
    await server.close();
  });

  it('deletes expired items from the table and both kinds of index, and only those', async () => {
    const table = uniqueTableName('expiry');
    await createIndexedTable(client, table);
    await enableTtl(client, table);
    const item = (sk: string, expires?: AttributeValue): Record<string, AttributeValue> => ({
      pk: { S: 'p' },
      sk: { S: sk },
      local: { S: `l-${sk}` },
      group: { S: 'g' },
      ...(expires === undefined ? {} : { expires }),
    });
    const kept = [
      item('future', { N: String(nowSeconds() + 3600) }),
      item('string', { S: String(nowSeconds() - 60) }),
      item('too-old', { N: String(nowSeconds() - EXPIRY_AGE_SECONDS_MAX - 3600) }),
      item('milliseconds-in-the-future', { N: String(Date.now()) }),
      item('none'),
    ];
    for (const each of [...kept, item('expired', { N: String(nowSeconds() - 60) })]) {
      await client.send(new PutItemCommand({ TableName: table, Item: each }));
    }
    const sortKeys = async (indexName: string | undefined, name: string, value: string): Promise<string[]> => {
      const page = await client.send(
        new QueryCommand({
          TableName: table,
          IndexName: indexName,
          KeyConditionExpression: '#key = :value',
          ExpressionAttributeNames: { '#key': name },
          ExpressionAttributeValues: { ':value': { S: value } },
        }),
      );
      return (page.Items ?? []).map((each) => each['sk']?.S as string).sort();
    };
    const keptSortKeys = kept.map((each) => each['sk']?.S as string).sort();
    await eventually('the expired item leaves the table', async () => (await getItem(client, table, { pk: { S: 'p' }, sk: { S: 'expired' } })) === undefined);
    assert.deepEqual(await sortKeys(undefined, 'pk', 'p'), keptSortKeys);
    assert.deepEqual(await sortKeys('by-local', 'pk', 'p'), keptSortKeys);
    await eventually('the expired item leaves the global index', async () => {
      return JSON.stringify(await sortKeys('by-group', 'group', 'g')) === JSON.stringify(keptSortKeys);
    });
  });

  it('deletes items that expire later, once their time has come', async () => {
    const table = uniqueTableName('expiry-later');
    await createKeyedTable(client, table);
    await enableTtl(client, table);
    await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'soon' }, expires: { N: String(nowSeconds() + 1) } } }));
    assert.notEqual(await getItem(client, table, { pk: { S: 'soon' } }), undefined);
    await eventually('the item expires', async () => (await getItem(client, table, { pk: { S: 'soon' } })) === undefined);
  });

  it('keeps an item whose TTL an update extended before the sweep reached it', async () => {
    const table = uniqueTableName('expiry-extended');
    await createKeyedTable(client, table);
    await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'renewed' }, expires: { N: String(nowSeconds() - 60) } } }));
    await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'marker' }, expires: { N: String(nowSeconds() - 60) } } }));
    await client.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { pk: { S: 'renewed' } },
        UpdateExpression: 'SET expires = :later',
        ExpressionAttributeValues: { ':later': { N: String(nowSeconds() + 3600) } },
      }),
    );
    await enableTtl(client, table);
    await eventually('the marker expires', async () => (await getItem(client, table, { pk: { S: 'marker' } })) === undefined);
    assert.notEqual(await getItem(client, table, { pk: { S: 'renewed' } }), undefined);
  });

  it('stops deleting once TTL is disabled', async () => {
    const table = uniqueTableName('expiry-disabled');
    await createKeyedTable(client, table);
    await enableTtl(client, table);
    await client.send(new UpdateTimeToLiveCommand({ TableName: table, TimeToLiveSpecification: { Enabled: false, AttributeName: 'expires' } }));
    await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'stays' }, expires: { N: String(nowSeconds() - 60) } } }));
    await new Promise((resolve) => setTimeout(resolve, SWEEP_INTERVAL_MS * 10));
    assert.notEqual(await getItem(client, table, { pk: { S: 'stays' } }), undefined);
  });
});

describe('expired items not yet deleted', () => {
  it('are still returned by reads, as in DynamoDB', async () => {
    // A sweep interval of an hour: nothing is deleted while the test reads.
    const server = await startTestServer({ ttlSweepIntervalMs: 3_600_000 });
    const client = clientFor(server.endpoint);
    try {
      const table = uniqueTableName('expired-visible');
      await createKeyedTable(client, table);
      await enableTtl(client, table);
      const item = { pk: { S: 'old' }, expires: { N: String(nowSeconds() - 3600) } };
      await client.send(new PutItemCommand({ TableName: table, Item: item }));
      assert.deepEqual(await getItem(client, table, { pk: { S: 'old' } }), item);
      assert.deepEqual((await client.send(new ScanCommand({ TableName: table }))).Items, [item]);
    } finally {
      client.destroy();
      await server.close();
    }
  });
});
