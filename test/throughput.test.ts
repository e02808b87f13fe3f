import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BatchWriteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { clientFor, startTestServer } from './support/server.js';
import { createTable, failure, uniqueTableName } from './support/tables.js';

const BURST_SECONDS = 300;

describe('throughput enforcement (--enforce-throughput)', () => {
  let server: EmbeddedServer;
  let client: DynamoDBClient;
  before(async () => {
    server = await startTestServer({ enforceThroughput: true });
    client = clientFor(server.endpoint);
  });
  after(async () => {
    client.destroy();
    await server.close();
  });

  it('throttles writes past a provisioned table\'s burst credit with ProvisionedThroughputExceededException', async () => {
    const table = uniqueTableName('throttled');
    await createTable(client, {
      TableName: table,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
    });
    let accepted = 0;
    let refused: Awaited<ReturnType<typeof failure>> | undefined;
    const startedMs = Date.now();
    for (let attempt = 0; attempt < BURST_SECONDS + 50 && refused === undefined; attempt++) {
      try {
        await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: `item-${attempt}` } } }));
        accepted++;
      } catch (error) {
        refused = { name: (error as Error).name, message: (error as Error).message, status: (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode };
      }
    }
    assert.ok(refused !== undefined, 'a write was throttled');
    // 300 s of burst credit, plus what 1 WCU/s refilled while the loop ran.
    const refilled = Math.ceil((Date.now() - startedMs) / 1000);
    assert.ok(accepted >= BURST_SECONDS && accepted <= BURST_SECONDS + refilled + 1, `${accepted} writes for a 300 s burst of 1 WCU`);
    assert.deepEqual(refused, {
      name: 'ProvisionedThroughputExceededException',
      message: 'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
      status: 400,
    });
    // Reads draw on their own bucket.
    await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'item-0' } } }));
  });

  it('leaves on-demand tables without a maximum unthrottled', async () => {
    const table = uniqueTableName('unlimited');
    await createTable(client, {
      TableName: table,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
    for (let attempt = 0; attempt < BURST_SECONDS + 50; attempt++) {
      await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: `item-${attempt}` }, big: { S: 'x'.repeat(3000) } } }));
    }
  });

  it('throttles reads past an on-demand maximum with ThrottlingException', async () => {
    const table = uniqueTableName('capped');
    await createTable(client, {
      TableName: table,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      OnDemandThroughput: { MaxReadRequestUnits: 1 },
    });
    await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'hot' }, big: { S: 'x'.repeat(4000) } } }));
    let reads = 0;
    let refused: { name: string } | undefined;
    const startedMs = Date.now();
    while (refused === undefined && reads < 2 * BURST_SECONDS + 10) {
      try {
        await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'hot' } }, ConsistentRead: true }));
        reads++;
      } catch (error) {
        refused = error as { name: string };
      }
    }
    assert.equal(refused?.name, 'ThrottlingException');
    const refilled = Math.ceil((Date.now() - startedMs) / 1000);
    assert.ok(reads >= BURST_SECONDS - 1 && reads <= BURST_SECONDS + refilled + 1, `${reads} strongly consistent 4 KB reads for 300 s of 1 RCU`);
  });

  it('returns a throttled table\'s batch writes as UnprocessedItems, and refuses a batch no table can take', async () => {
    const spent = uniqueTableName('spent');
    const fresh = uniqueTableName('fresh');
    for (const name of [spent, fresh]) {
      await createTable(client, {
        TableName: name,
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
      });
    }
    const big = 'x'.repeat(10_000);
    const puts = (prefix: string, count = 25) => Array.from({ length: count }, (_, index) => ({ PutRequest: { Item: { pk: { S: `${prefix}-${index}` }, big: { S: big } } } }));
    // 25 items of 10 KB cost 250 write units: two batches spend the 300 s burst of 1 WCU.
    for (const round of [1, 2]) await client.send(new BatchWriteItemCommand({ RequestItems: { [spent]: puts(`round${round}`) } }));
    const mixed = await client.send(
      new BatchWriteItemCommand({ RequestItems: { [spent]: puts('late', 24), [fresh]: [{ PutRequest: { Item: { pk: { S: 'ok' } } } }] } }),
    );
    assert.equal((mixed.UnprocessedItems?.[spent] ?? []).length, 24);
    assert.equal(mixed.UnprocessedItems?.[fresh], undefined);
    assert.deepEqual((await client.send(new GetItemCommand({ TableName: fresh, Key: { pk: { S: 'ok' } } }))).Item, { pk: { S: 'ok' } });
    assert.equal((await client.send(new GetItemCommand({ TableName: spent, Key: { pk: { S: 'late-0' } } }))).Item, undefined);
    const refused = await failure(client.send(new BatchWriteItemCommand({ RequestItems: { [spent]: puts('again') } })));
    assert.equal(refused.name, 'ProvisionedThroughputExceededException');

    const transaction = await failure(
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: fresh, Item: { pk: { S: 'tx' } } } },
            { Put: { TableName: spent, Item: { pk: { S: 'tx' } } } },
          ],
        }),
      ),
    );
    assert.equal(transaction.name, 'TransactionCanceledException');
    assert.equal(transaction.message, 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ProvisionedThroughputExceeded]');
    assert.equal((await client.send(new GetItemCommand({ TableName: fresh, Key: { pk: { S: 'tx' } } }))).Item, undefined, 'nothing written');
  });
});
