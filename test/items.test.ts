import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { clientFor, startTestServer } from './support/server.js';
import { createKeyedTable, createTable, failure, uniqueTableName } from './support/tables.js';

describe('PutItem, GetItem, DeleteItem', () => {
  let server: EmbeddedServer;
  let client: DynamoDBClient;
  let table: string;
  let sorted: string;
  before(async () => {
    server = await startTestServer();
    client = clientFor(server.endpoint);
    table = uniqueTableName('items');
    sorted = uniqueTableName('sorted');
    await createKeyedTable(client, table);
    await createKeyedTable(client, sorted, 'N');
  });
  after(async () => {
    client.destroy();
    await server.close();
  });

  it('stores and returns every attribute type, numbers in canonical form', async () => {
    const item = {
      pk: { S: 'all-types' },
      s: { S: 'text' },
      empty: { S: '' },
      n: { N: '00123.4500' },
      b: { B: new Uint8Array([0, 1, 2, 255]) },
      bool: { BOOL: false },
      nul: { NULL: true },
      ss: { SS: ['a', 'b'] },
      ns: { NS: ['1', '2.50'] },
      bs: { BS: [new Uint8Array([1]), new Uint8Array([2])] },
      l: { L: [{ S: 'x' }, { N: '1e3' }, { M: { deep: { BOOL: true } } }] },
      m: { M: { inner: { S: 'y' }, list: { L: [] } } },
    };
    await client.send(new PutItemCommand({ TableName: table, Item: item }));
    const result = await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'all-types' } } }));
    assert.deepEqual(result.Item, {
      ...item,
      n: { N: '123.45' },
      ns: { NS: ['1', '2.5'] },
      l: { L: [{ S: 'x' }, { N: '1000' }, { M: { deep: { BOOL: true } } }] },
    });
  });

  it('returns nothing for a missing item', async () => {
    const result = await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'absent' } } }));
    assert.equal(result.Item, undefined);
  });

  it('replaces a whole item on put and returns the old one with ALL_OLD', async () => {
    await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'replace' }, a: { S: '1' } } }));
    const second = await client.send(
      new PutItemCommand({ TableName: table, Item: { pk: { S: 'replace' }, b: { S: '2' } }, ReturnValues: 'ALL_OLD' }),
    );
    assert.deepEqual(second.Attributes, { pk: { S: 'replace' }, a: { S: '1' } });
    const third = await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'replace' } }, ReturnValues: 'NONE' }));
    assert.equal(third.Attributes, undefined);
    const result = await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'replace' } }, ConsistentRead: true }));
    assert.deepEqual(result.Item, { pk: { S: 'replace' } });
  });

  it('deletes, returning the old item with ALL_OLD, and deleting nothing is fine', async () => {
    await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'gone' }, v: { N: '1' } } }));
    const deleted = await client.send(new DeleteItemCommand({ TableName: table, Key: { pk: { S: 'gone' } }, ReturnValues: 'ALL_OLD' }));
    assert.deepEqual(deleted.Attributes, { pk: { S: 'gone' }, v: { N: '1' } });
    const again = await client.send(new DeleteItemCommand({ TableName: table, Key: { pk: { S: 'gone' } }, ReturnValues: 'ALL_OLD' }));
    assert.equal(again.Attributes, undefined);
    const result = await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'gone' } } }));
    assert.equal(result.Item, undefined);
  });

  it('keeps items with the same partition key apart by sort key', async () => {
    for (const sk of ['-1', '0', '1.5', '10']) {
      await client.send(new PutItemCommand({ TableName: sorted, Item: { pk: { S: 'p' }, sk: { N: sk }, v: { S: sk } } }));
    }
    const result = await client.send(new GetItemCommand({ TableName: sorted, Key: { pk: { S: 'p' }, sk: { N: '1.50' } } }));
    assert.deepEqual(result.Item, { pk: { S: 'p' }, sk: { N: '1.5' }, v: { S: '1.5' } });
  });

  it('projects AttributesToGet', async () => {
    await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'proj' }, a: { S: 'A' }, b: { S: 'B' } } }));
    const result = await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'proj' } }, AttributesToGet: ['b', 'zz'] }));
    assert.deepEqual(result.Item, { b: { S: 'B' } });
    const duplicate = await failure(
      client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'proj' } }, AttributesToGet: ['b', 'b'] })),
    );
    assert.equal(duplicate.name, 'ValidationException');
    assert.equal(duplicate.message, 'One or more parameter values were invalid: Duplicate value in attribute name: b');
  });

  it('reports consumed capacity, TOTAL and INDEXES', async () => {
    const put = await client.send(
      new PutItemCommand({ TableName: table, Item: { pk: { S: 'cap' }, big: { S: 'x'.repeat(1500) } }, ReturnConsumedCapacity: 'TOTAL' }),
    );
    assert.deepEqual(put.ConsumedCapacity, { TableName: table, CapacityUnits: 2 });
    const eventual = await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'cap' } }, ReturnConsumedCapacity: 'TOTAL' }));
    assert.deepEqual(eventual.ConsumedCapacity, { TableName: table, CapacityUnits: 0.5 });
    const strong = await client.send(
      new GetItemCommand({ TableName: table, Key: { pk: { S: 'cap' } }, ConsistentRead: true, ReturnConsumedCapacity: 'INDEXES' }),
    );
    assert.deepEqual(strong.ConsumedCapacity, { TableName: table, CapacityUnits: 1, ReadCapacityUnits: 1, Table: { CapacityUnits: 1, ReadCapacityUnits: 1 } });
    const deleted = await client.send(new DeleteItemCommand({ TableName: table, Key: { pk: { S: 'cap' } }, ReturnConsumedCapacity: 'TOTAL' }));
    assert.deepEqual(deleted.ConsumedCapacity, { TableName: table, CapacityUnits: 2 });
    const none = await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'cap' } }, ReturnConsumedCapacity: 'NONE' }));
    assert.equal(none.ConsumedCapacity, undefined);
  });

  it('charges index writes and reports them with INDEXES', async () => {
    const indexed = uniqueTableName('indexed');
    await createTable(client, {
      TableName: indexed,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'lsk', AttributeType: 'S' },
        { AttributeName: 'gpk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      LocalSecondaryIndexes: [
        { IndexName: 'by-lsk', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'lsk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'KEYS_ONLY' } },
      ],
      GlobalSecondaryIndexes: [
        { IndexName: 'by-gpk', KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } },
      ],
    });
    const first = await client.send(
      new PutItemCommand({
        TableName: indexed,
        Item: { pk: { S: 'a' }, sk: { S: '1' }, lsk: { S: 'l' }, gpk: { S: 'g' } },
        ReturnConsumedCapacity: 'INDEXES',
      }),
    );
    assert.deepEqual(first.ConsumedCapacity, {
      TableName: indexed,
      CapacityUnits: 3,
      WriteCapacityUnits: 3,
      Table: { CapacityUnits: 1, WriteCapacityUnits: 1 },
      LocalSecondaryIndexes: { 'by-lsk': { CapacityUnits: 1, WriteCapacityUnits: 1 } },
      GlobalSecondaryIndexes: { 'by-gpk': { CapacityUnits: 1, WriteCapacityUnits: 1 } },
    });
    const moved = await client.send(
      new PutItemCommand({ TableName: indexed, Item: { pk: { S: 'a' }, sk: { S: '1' }, gpk: { S: 'h' } }, ReturnConsumedCapacity: 'TOTAL' }),
    );
    // table 1 + LSI removal 1 + GSI key change 2
    assert.deepEqual(moved.ConsumedCapacity, { TableName: indexed, CapacityUnits: 4 });
    const wrongType = await failure(
      client.send(new PutItemCommand({ TableName: indexed, Item: { pk: { S: 'a' }, sk: { S: '2' }, gpk: { N: '1' } } })),
    );
    assert.equal(wrongType.name, 'ValidationException');
    assert.match(wrongType.message, /Type mismatch for Index Key gpk Expected: S Actual: N IndexName: by-gpk/);
  });

  describe('validation', () => {
    const cases: Array<{ title: string; send: () => Promise<unknown>; name: string; message: string | RegExp }> = [];
    before(() => {
      cases.push(
        {
          title: 'missing table',
          send: () => client.send(new GetItemCommand({ TableName: 'no-such-table', Key: { pk: { S: 'x' } } })),
          name: 'ResourceNotFoundException',
          message: 'Requested resource not found',
        },
        {
          title: 'put into a missing table',
          send: () => client.send(new PutItemCommand({ TableName: 'no-such-table', Item: { pk: { S: 'x' } } })),
          name: 'ResourceNotFoundException',
          message: 'Requested resource not found',
        },
        {
          title: 'item without its key',
          send: () => client.send(new PutItemCommand({ TableName: table, Item: { other: { S: 'x' } } })),
          name: 'ValidationException',
          message: 'One or more parameter values were invalid: Missing the key pk in the item',
        },
        {
          title: 'key of the wrong type',
          send: () => client.send(new PutItemCommand({ TableName: table, Item: { pk: { N: '1' } } })),
          name: 'ValidationException',
          message: 'One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N',
        },
        {
          title: 'empty string key',
          send: () => client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: '' } } })),
          name: 'ValidationException',
          message: 'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk',
        },
        {
          title: 'GetItem key with an extra attribute',
          send: () => client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'x' }, extra: { S: 'y' } } })),
          name: 'ValidationException',
          message: 'The provided key element does not match the schema',
        },
        {
          title: 'GetItem key missing the sort key',
          send: () => client.send(new GetItemCommand({ TableName: sorted, Key: { pk: { S: 'x' } } })),
          name: 'ValidationException',
          message: 'The provided key element does not match the schema',
        },
        {
          title: 'DeleteItem key of the wrong type',
          send: () => client.send(new DeleteItemCommand({ TableName: table, Key: { pk: { B: new Uint8Array([1]) } } })),
          name: 'ValidationException',
          message: 'The provided key element does not match the schema',
        },
        {
          title: 'item over 400 KB',
          send: () => client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'big' }, v: { S: 'x'.repeat(400 * 1024) } } })),
          name: 'ValidationException',
          message: 'Item size has exceeded the maximum allowed size',
        },
        {
          title: 'partition key over 2048 bytes',
          send: () => client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'k'.repeat(2049) } } })),
          name: 'ValidationException',
          message: /maximum size limit of\s?2048 bytes/,
        },
        {
          title: 'unsupported ReturnValues for PutItem',
          send: () => client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'x' } }, ReturnValues: 'ALL_NEW' })),
          name: 'ValidationException',
          message: 'ReturnValues can only be ALL_OLD or NONE',
        },
        {
          title: 'number with 39 significant digits',
          send: () => client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'x' }, n: { N: '1'.repeat(39) } } })),
          name: 'ValidationException',
          message: 'Attempting to store more than 38 significant digits in a Number',
        },
        {
          title: 'empty set',
          send: () => client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'x' }, s: { SS: [] } } })),
          name: 'ValidationException',
          message: /may not be empty/,
        },
        {
          title: 'duplicate set members',
          send: () => client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'x' }, s: { NS: ['1', '1.0'] } } })),
          name: 'ValidationException',
          message: /contains duplicates/,
        },
      );
    });
    it('answers bad input as DynamoDB does, writing nothing', async () => {
      for (const testCase of cases) {
        const error = await failure(testCase.send());
        assert.equal(error.name, testCase.name, testCase.title);
        assert.equal(error.status, 400, testCase.title);
        if (typeof testCase.message === 'string') assert.equal(error.message, testCase.message, testCase.title);
        else assert.match(error.message, testCase.message, testCase.title);
      }
      const result = await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'x' } } }));
      assert.equal(result.Item, undefined);
    });
  });
});
