import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DeleteItemCommand, GetItemCommand, PutItemCommand, UpdateTableCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { clientFor, startTestServer } from './support/server.js';
import { streamRecords, streamsClientFor } from './support/streams.js';
import { createKeyedTable, uniqueTableName } from './support/tables.js';

const EXPIRY_WAIT_MS = 10_000;

describe('Time to Live deletions in Streams', () => {
  it('appear as REMOVE with the service as userIdentity; a client delete has none', async () => {
    const server = await startTestServer({ ttlChangeIntervalMs: 0, ttlSweepIntervalMs: 20 });
    const db = clientFor(server.endpoint);
    const streams = streamsClientFor(server.endpoint);
    try {
      const table = uniqueTableName('ttl-stream');
      await createKeyedTable(db, table);
      const enabled = await db.send(
        new UpdateTableCommand({ TableName: table, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } }),
      );
      const streamArn = enabled.TableDescription?.LatestStreamArn as string;
      await db.send(new UpdateTimeToLiveCommand({ TableName: table, TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' } }));
      const pastSeconds = String(Math.floor(Date.now() / 1000) - 60);
      const expiring = { pk: { S: 'expiring' } };
      const removedByClient = { pk: { S: 'removed-by-client' } };
      await db.send(new PutItemCommand({ TableName: table, Item: { ...removedByClient, expires: { S: 'not a number: never expires' } } }));
      await db.send(new DeleteItemCommand({ TableName: table, Key: removedByClient }));
      await db.send(new PutItemCommand({ TableName: table, Item: { ...expiring, expires: { N: pastSeconds } } }));

      const deadline = Date.now() + EXPIRY_WAIT_MS;
      while ((await db.send(new GetItemCommand({ TableName: table, Key: expiring, ConsistentRead: true }))).Item !== undefined) {
        assert.ok(Date.now() < deadline, 'the expired item is deleted');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }

      const records = await streamRecords(streams, streamArn);
      const removals = records.filter((record) => record.eventName === 'REMOVE');
      assert.equal(removals.length, 2);
      const byTimeToLive = removals.find((record) => record.dynamodb?.Keys?.['pk']?.S === 'expiring');
      const byClient = removals.find((record) => record.dynamodb?.Keys?.['pk']?.S === 'removed-by-client');
      assert.deepEqual(byTimeToLive?.userIdentity, { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' });
      assert.deepEqual(byTimeToLive?.dynamodb?.OldImage, { ...expiring, expires: { N: pastSeconds } });
      assert.equal(byTimeToLive?.dynamodb?.NewImage, undefined);
      assert.equal(byClient?.userIdentity, undefined);
      assert.equal(records.filter((record) => record.eventName === 'INSERT').length, 2);
    } finally {
      db.destroy();
      streams.destroy();
      await server.close();
    }
  });
});
