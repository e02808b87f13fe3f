import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { clientFor, startTestServer, temporaryDirectory } from './support/server.js';
import { rawRequest, signedHeaders } from './support/raw-http.js';
import { createKeyedTable, failure, uniqueTableName } from './support/tables.js';

const invalid = (message: string) => ({ name: 'ValidationException', message, status: 400 });

function update(client: DynamoDBClient, tableName: string, enabled: boolean, attributeName: string) {
  return client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { Enabled: enabled, AttributeName: attributeName } }));
}

async function describeTtl(client: DynamoDBClient, tableName: string): Promise<unknown> {
  return (await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }))).TimeToLiveDescription;
}

/** An operation's raw answer: status and body, for members the SDK would not let through. */
async function raw(endpoint: string, operation: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await rawRequest(endpoint, { headers: signedHeaders(operation), body: JSON.stringify(body) });
  return { status: response.status, body: JSON.parse(response.body) as Record<string, unknown> };
}

describe('UpdateTimeToLive and DescribeTimeToLive', () => {
  let server: EmbeddedServer;
  let client: DynamoDBClient;
  before(async () => {
    server = await startTestServer({ ttlChangeIntervalMs: 0 });
    client = clientFor(server.endpoint);
  });
  after(async () => {
    client.destroy();
    await server.close();
  });

  it('enables and disables, as DynamoDB answers and describes it', async () => {
    const table = uniqueTableName('ttl');
    await createKeyedTable(client, table);
    assert.deepEqual(await describeTtl(client, table), { TimeToLiveStatus: 'DISABLED' });

    const enabled = await update(client, table, true, 'expires');
    assert.deepEqual(enabled.TimeToLiveSpecification, { Enabled: true, AttributeName: 'expires' });
    assert.deepEqual(await describeTtl(client, table), { TimeToLiveStatus: 'ENABLED', AttributeName: 'expires' });
    const described = await client.send(new DescribeTableCommand({ TableName: table }));
    assert.equal(JSON.stringify(described.Table).includes('expires'), false, 'DescribeTable does not show TTL');

    const disabled = await update(client, table, false, 'expires');
    assert.deepEqual(disabled.TimeToLiveSpecification, { Enabled: false, AttributeName: 'expires' });
    assert.deepEqual(await describeTtl(client, table), { TimeToLiveStatus: 'DISABLED' });

    await update(client, table, true, 'pk');
    assert.deepEqual(await describeTtl(client, table), { TimeToLiveStatus: 'ENABLED', AttributeName: 'pk' });
  });

  it('refuses changes that change nothing, and another attribute while enabled', async () => {
    const table = uniqueTableName('ttl');
    await createKeyedTable(client, table);
    assert.deepEqual(await failure(update(client, table, false, 'expires')), invalid('TimeToLive is already disabled'));
    await update(client, table, true, 'expires');
    assert.deepEqual(await failure(update(client, table, true, 'expires')), invalid('TimeToLive is already enabled'));
    const different = invalid('TimeToLive is active on a different AttributeName: current AttributeName is expires');
    assert.deepEqual(await failure(update(client, table, true, 'other')), different);
    assert.deepEqual(await failure(update(client, table, false, 'other')), different);
  });

  it('answers ResourceNotFoundException for a table that does not exist', async () => {
    const notFound = { name: 'ResourceNotFoundException', message: 'Requested resource not found: Table: no-such-table not found', status: 400 };
    assert.deepEqual(await failure(update(client, 'no-such-table', true, 'expires')), notFound);
    assert.deepEqual(await failure(client.send(new DescribeTimeToLiveCommand({ TableName: 'no-such-table' }))), notFound);
  });

  it('validates requests before it looks the table up', async () => {
    const checks: Array<[string, unknown, string]> = [
      ['UpdateTimeToLive', { TableName: 'no-such-table', TimeToLiveSpecification: { Enabled: true, AttributeName: '' } }, 'TimeToLiveSpecification.AttributeName must be non empty'],
      [
        'UpdateTimeToLive',
        { TableName: 'no-such-table', TimeToLiveSpecification: { Enabled: true, AttributeName: 'a'.repeat(256) } },
        `1 validation error detected: Value '${'a'.repeat(256)}' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have length less than or equal to 255`,
      ],
      [
        'UpdateTimeToLive',
        { TableName: 'no-such-table' },
        "1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null",
      ],
      [
        'UpdateTimeToLive',
        { TableName: 'no-such-table', TimeToLiveSpecification: { AttributeName: 'expires' } },
        "1 validation error detected: Value null at 'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be null",
      ],
      ['DescribeTimeToLive', {}, "The parameter 'TableName' is required but was not present in the request"],
      ['DescribeTimeToLive', { TableName: 'ab' }, 'TableName must be at least 3 characters long and at most 255 characters long'],
    ];
    for (const [operation, body, message] of checks) {
      assert.deepEqual(await raw(server.endpoint, operation, body), {
        status: 400,
        body: { __type: 'com.amazon.coral.validate#ValidationException', message },
      });
    }
    const mistyped = await raw(server.endpoint, 'UpdateTimeToLive', { TableName: 'abc', TimeToLiveSpecification: { Enabled: 'maybe', AttributeName: 'x' } });
    assert.equal(mistyped.body['__type'], 'com.amazon.coral.service#SerializationException');
  });
});

describe('the TTL change interval', () => {
  it('refuses a second change within the interval, after judging what the request asks', async () => {
    const server = await startTestServer({ ttlChangeIntervalMs: 60_000 });
    const client = clientFor(server.endpoint);
    try {
      const table = uniqueTableName('ttl-interval');
      await createKeyedTable(client, table);
      await update(client, table, true, 'expires');
      assert.deepEqual(await failure(update(client, table, false, 'expires')), invalid('Time to live has been modified multiple times within a fixed interval'));
      assert.deepEqual(await failure(update(client, table, true, 'expires')), invalid('TimeToLive is already enabled'));
      assert.deepEqual(await describeTtl(client, table), { TimeToLiveStatus: 'ENABLED', AttributeName: 'expires' });
    } finally {
      client.destroy();
      await server.close();
    }
  });
});

describe('the TTL setting', () => {
  it('survives a restart, change interval included, and expiry resumes', async () => {
    const dataDirectory = temporaryDirectory('ttl');
    const table = uniqueTableName('ttl-durable');
    const first = await startTestServer({ dataDirectory, ttlChangeIntervalMs: 60_000 });
    const firstClient = clientFor(first.endpoint);
    await createKeyedTable(firstClient, table);
    await update(firstClient, table, true, 'expires');
    firstClient.destroy();
    await first.close();

    const second = await startTestServer({ dataDirectory, ttlChangeIntervalMs: 60_000, ttlSweepIntervalMs: 20 });
    const secondClient = clientFor(second.endpoint);
    try {
      assert.deepEqual(await describeTtl(secondClient, table), { TimeToLiveStatus: 'ENABLED', AttributeName: 'expires' });
      assert.deepEqual(
        await failure(update(secondClient, table, false, 'expires')),
        invalid('Time to live has been modified multiple times within a fixed interval'),
      );
      const key = { pk: { S: 'expired' } };
      await secondClient.send(new PutItemCommand({ TableName: table, Item: { ...key, expires: { N: String(Math.floor(Date.now() / 1000) - 60) } } }));
      const deadline = Date.now() + 10_000;
      while ((await secondClient.send(new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item !== undefined) {
        assert.ok(Date.now() < deadline, 'the expired item is deleted after the restart');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      secondClient.destroy();
      await second.close();
    }
  });
});
