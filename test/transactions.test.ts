import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  TransactionCanceledException,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactGetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { clientFor, startTestServer } from './support/server.js';
import { createKeyedTable, createTable, failure, uniqueTableName } from './support/tables.js';

const CANCELLED = 'Transaction cancelled, please refer cancellation reasons for specific reasons';

/** Runs a transaction expected to be cancelled and returns its message and reasons. */
async function cancellation(promise: Promise<unknown>): Promise<{ message: string; reasons: readonly Record<string, unknown>[] }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof TransactionCanceledException, `expected TransactionCanceledException, got ${String(error)}`);
    return { message: error.message, reasons: (error.CancellationReasons ?? []) as Record<string, unknown>[] };
  }
  throw new Error('expected the transaction to be cancelled');
}

/**
 * Whether this build's server answers transactions: the suite is skipped, and says so, until the
 * operations are registered in embedded-server.ts.
 */
async function transactionsRegistered(): Promise<boolean> {
  const server = await startTestServer();
  const client = clientFor(server.endpoint);
  try {
    const error = await failure(client.send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName: 'no-such-table', Key: { pk: { S: 'x' } } } }] })));
    return error.name !== 'UnknownOperationException';
  } finally {
    client.destroy();
    await server.close();
  }
}

const skip = (await transactionsRegistered()) ? false : 'TransactWriteItems and TransactGetItems are not registered in embedded-server.ts';

describe('TransactWriteItems and TransactGetItems', { skip }, () => {
  let server: EmbeddedServer;
  let client: DynamoDBClient;
  let documents: DynamoDBDocumentClient;
  let first: string;
  let second: string;
  const put = (table: string, item: Record<string, unknown>) =>
    client.send(new PutItemCommand({ TableName: table, Item: item as never }));
  const get = async (table: string, pk: string) =>
    (await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: pk } } }))).Item;

  before(async () => {
    server = await startTestServer();
    client = clientFor(server.endpoint);
    documents = DynamoDBDocumentClient.from(clientFor(server.endpoint));
    first = uniqueTableName('transactions-a');
    second = uniqueTableName('transactions-b');
    await createKeyedTable(client, first);
    await createKeyedTable(client, second, 'N');
  });
  after(async () => {
    documents.destroy();
    client.destroy();
    await server.close();
  });

  it('applies Put, Update, Delete and ConditionCheck across two tables, with transactional capacity', async () => {
    await put(first, { pk: { S: 'counter' }, count: { N: '1' } });
    await put(first, { pk: { S: 'doomed' } });
    const result = await client.send(
      new TransactWriteItemsCommand({
        ReturnConsumedCapacity: 'TOTAL',
        TransactItems: [
          { Put: { TableName: second, Item: { pk: { S: 'new' }, sk: { N: '1' } }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Update: { TableName: first, Key: { pk: { S: 'counter' } }, UpdateExpression: 'SET #c = #c + :one', ExpressionAttributeNames: { '#c': 'count' }, ExpressionAttributeValues: { ':one': { N: '1' } } } },
          { Delete: { TableName: first, Key: { pk: { S: 'doomed' } }, ConditionExpression: 'attribute_exists(pk)' } },
          { ConditionCheck: { TableName: first, Key: { pk: { S: 'absent' } }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
    assert.deepEqual(result.ConsumedCapacity, [
      { TableName: second, CapacityUnits: 2 },
      { TableName: first, CapacityUnits: 6 },
    ]);
    assert.deepEqual(await client.send(new GetItemCommand({ TableName: second, Key: { pk: { S: 'new' }, sk: { N: '1' } } })).then((r) => r.Item), {
      pk: { S: 'new' },
      sk: { N: '1' },
    });
    assert.deepEqual(await get(first, 'counter'), { pk: { S: 'counter' }, count: { N: '2' } });
    assert.equal(await get(first, 'doomed'), undefined);
    assert.equal(await get(first, 'absent'), undefined);
  });

  it('cancels everything when a condition fails, with a reason per action in order', async () => {
    await put(first, { pk: { S: 'kept' }, v: { S: 'old' } });
    const { message, reasons } = await cancellation(
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: first, Item: { pk: { S: 'kept' }, v: { S: 'new' } }, ConditionExpression: 'v = :new', ExpressionAttributeValues: { ':new': { S: 'new' } }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
            { Put: { TableName: first, Item: { pk: { S: 'never' } } } },
            { ConditionCheck: { TableName: first, Key: { pk: { S: 'nothing' } }, ConditionExpression: 'attribute_exists(pk)' } },
          ],
        }),
      ),
    );
    assert.equal(message, `${CANCELLED} [ConditionalCheckFailed, None, ConditionalCheckFailed]`);
    assert.deepEqual(reasons, [
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { pk: { S: 'kept' }, v: { S: 'old' } } },
      { Code: 'None' },
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
    ]);
    assert.deepEqual(await get(first, 'kept'), { pk: { S: 'kept' }, v: { S: 'old' } });
    assert.equal(await get(first, 'never'), undefined);
  });

  it('cancels with ValidationError for the first key the table refuses, None for the rest', async () => {
    const { message, reasons } = await cancellation(
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: first, Item: { pk: { S: 'fine' } } } },
            { Put: { TableName: first, Item: { pk: { N: '7' } } } },
            { Put: { TableName: first, Item: { pk: { N: '8' } } } },
          ],
        }),
      ),
    );
    assert.equal(message, `${CANCELLED} [None, ValidationError, None]`);
    assert.deepEqual(reasons, [
      { Code: 'None' },
      { Code: 'ValidationError', Message: 'One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N' },
      { Code: 'None' },
    ]);
    assert.equal(await get(first, 'fine'), undefined);
  });

  it('cancels with ValidationError when an update cannot apply to the current item', async () => {
    await put(first, { pk: { S: 'text' }, v: { S: 'words' } });
    const { message, reasons } = await cancellation(
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [{ Update: { TableName: first, Key: { pk: { S: 'text' } }, UpdateExpression: 'SET v = v + :one', ExpressionAttributeValues: { ':one': { N: '1' } } } }],
        }),
      ),
    );
    assert.equal(message, `${CANCELLED} [ValidationError]`);
    assert.equal(reasons[0]?.['Code'], 'ValidationError');
    assert.match(String(reasons[0]?.['Message']), /An operand in the update expression has an incorrect data type/);
  });

  it('answers a retry with the same ClientRequestToken without applying it again', async () => {
    await put(first, { pk: { S: 'once' }, n: { N: '0' } });
    const increment = {
      ClientRequestToken: 'token-once',
      TransactItems: [{ Update: { TableName: first, Key: { pk: { S: 'once' } }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } } }],
    };
    await client.send(new TransactWriteItemsCommand(increment));
    await client.send(new TransactWriteItemsCommand(increment));
    assert.deepEqual(await get(first, 'once'), { pk: { S: 'once' }, n: { N: '1' } });
    const mismatch = await failure(
      client.send(new TransactWriteItemsCommand({ ...increment, TransactItems: [{ Put: { TableName: first, Item: { pk: { S: 'other' } } } }] })),
    );
    assert.equal(mismatch.name, 'IdempotentParameterMismatchException');
    assert.equal(await get(first, 'other'), undefined);
  });

  it('lets a token be used again after its transaction was cancelled', async () => {
    const attempt = (condition: string) =>
      client.send(
        new TransactWriteItemsCommand({
          ClientRequestToken: 'token-retry',
          TransactItems: [{ Put: { TableName: first, Item: { pk: { S: 'retry' } }, ConditionExpression: condition } }],
        }),
      );
    await cancellation(attempt('attribute_exists(pk)'));
    await attempt('attribute_not_exists(pk)');
    assert.deepEqual(await get(first, 'retry'), { pk: { S: 'retry' } });
  });

  it('refuses two actions on one item, a ConditionCheck included', async () => {
    const error = await failure(
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: first, Item: { pk: { S: 'twice' } } } },
            { ConditionCheck: { TableName: first, Key: { pk: { S: 'twice' } }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      ),
    );
    assert.deepEqual([error.name, error.message], ['ValidationException', 'Transaction request cannot include multiple operations on one item']);
  });

  it('validates every action before writing anything', async () => {
    const cases: Array<[TransactWriteItem[], string, string]> = [
      [[{ Put: { TableName: first, Item: { pk: { S: 'a' } } }, Delete: { TableName: first, Key: { pk: { S: 'a' } } } }], 'ValidationException', 'TransactItems can only contain one of Check, Put, Update or Delete'],
      [[{ Put: { TableName: first, Item: { pk: { S: 'a' } } } }, { ConditionCheck: { TableName: first, Key: { pk: { S: 'b' } } } as never }], 'ValidationException', 'The ConditionExpression parameter must be specified in the request.'],
      [[{ Put: { TableName: first, Item: { pk: { S: 'a' } } } }, { Put: { TableName: first, Item: { pk: { S: 'b' } }, ConditionExpression: 'attribute_exists(#missing)' } }], 'ValidationException', 'Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #missing'],
      [[{ Put: { TableName: first, Item: { pk: { S: 'a' } } } }, { Update: { TableName: first, Key: { pk: { S: 'b' } } } as never }], 'ValidationException', 'The UpdateExpression parameter must be specified in the request.'],
      [[{ Delete: { TableName: first, Key: { pk: { S: 'a' } }, ExpressionAttributeNames: { '#p': 'pk' } } }], 'ValidationException', 'ExpressionAttributeNames can only be specified when using expressions'],
      [[{ Put: { TableName: first, Item: { pk: { S: 'a' } }, ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':unused': { S: 'x' } } } }], 'ValidationException', 'Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}'],
      [[{ Put: { TableName: first, Item: { pk: { S: 'a' } } } }, { Put: { TableName: 'no-such-table', Item: { pk: { S: 'b' } } } }], 'ResourceNotFoundException', 'Requested resource not found'],
    ];
    for (const [TransactItems, name, message] of cases) {
      const error = await failure(client.send(new TransactWriteItemsCommand({ TransactItems })));
      assert.deepEqual([error.name, error.message], [name, message]);
    }
    assert.equal(await get(first, 'a'), undefined);
  });

  it('limits a transaction to 100 actions and 4 MB', async () => {
    const many = Array.from({ length: 101 }, (_, index) => ({ Put: { TableName: first, Item: { pk: { S: `many-${index}` } } } }));
    const tooMany = await failure(client.send(new TransactWriteItemsCommand({ TransactItems: many })));
    assert.equal(tooMany.name, 'ValidationException');
    assert.match(tooMany.message, /Member must have length less than or equal to 100/);
    const large = 'x'.repeat(100_000);
    const heavy = Array.from({ length: 50 }, (_, index) => ({ Put: { TableName: first, Item: { pk: { S: `heavy-${index}` }, v: { S: large } } } }));
    const tooLarge = await failure(client.send(new TransactWriteItemsCommand({ TransactItems: heavy })));
    assert.deepEqual([tooLarge.name, tooLarge.message], ['ValidationException', 'Transaction size cannot exceed 4 MB']);
    assert.equal(await get(first, 'heavy-0'), undefined);
  });

  it('reads items in request order, {} for a missing one, with projections and doubled capacity', async () => {
    await put(first, { pk: { S: 'read-a' }, x: { S: '1' }, y: { S: '2' } });
    const result = await client.send(
      new TransactGetItemsCommand({
        ReturnConsumedCapacity: 'TOTAL',
        TransactItems: [
          { Get: { TableName: first, Key: { pk: { S: 'read-a' } }, ProjectionExpression: '#y', ExpressionAttributeNames: { '#y': 'y' } } },
          { Get: { TableName: first, Key: { pk: { S: 'read-missing' } } } },
        ],
      }),
    );
    assert.deepEqual(result.Responses, [{ Item: { y: { S: '2' } } }, {}]);
    assert.deepEqual(result.ConsumedCapacity, [{ TableName: first, CapacityUnits: 4 }]);
  });

  it('refuses a TransactGetItems naming one item twice or a missing table', async () => {
    const twice = await failure(
      client.send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName: first, Key: { pk: { S: 'x' } } } }, { Get: { TableName: first, Key: { pk: { S: 'x' } } } }] })),
    );
    assert.deepEqual([twice.name, twice.message], ['ValidationException', 'Transaction request cannot include multiple operations on one item']);
    const missing = await failure(client.send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName: 'no-such-table', Key: { pk: { S: 'x' } } } }] })));
    assert.deepEqual([missing.name, missing.message], ['ResourceNotFoundException', 'Requested resource not found']);
  });

  it('keeps local and global secondary indexes in step with a transaction', async () => {
    const indexed = uniqueTableName('transactions-indexed');
    await createTable(client, {
      TableName: indexed,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'rank', AttributeType: 'N' },
        { AttributeName: 'group', AttributeType: 'S' },
      ],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      LocalSecondaryIndexes: [{ IndexName: 'by-rank', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'rank', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
      GlobalSecondaryIndexes: [{ IndexName: 'by-group', KeySchema: [{ AttributeName: 'group', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
    });
    const result = await client.send(
      new TransactWriteItemsCommand({
        ReturnConsumedCapacity: 'INDEXES',
        TransactItems: [
          { Put: { TableName: indexed, Item: { pk: { S: 'p' }, sk: { S: '1' }, rank: { N: '5' }, group: { S: 'g' } } } },
          { Put: { TableName: indexed, Item: { pk: { S: 'p' }, sk: { S: '2' }, rank: { N: '3' } } } },
        ],
      }),
    );
    assert.deepEqual(result.ConsumedCapacity, [
      {
        TableName: indexed,
        CapacityUnits: 10,
        WriteCapacityUnits: 10,
        Table: { CapacityUnits: 4, WriteCapacityUnits: 4 },
        LocalSecondaryIndexes: { 'by-rank': { CapacityUnits: 4, WriteCapacityUnits: 4 } },
        GlobalSecondaryIndexes: { 'by-group': { CapacityUnits: 2, WriteCapacityUnits: 2 } },
      },
    ]);
    const byRank = await client.send(
      new QueryCommand({ TableName: indexed, IndexName: 'by-rank', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'p' } } }),
    );
    assert.deepEqual(byRank.Items?.map((item) => item['sk']?.S), ['2', '1']);
    let byGroup: Record<string, unknown>[] = [];
    for (let attempt = 0; attempt < 50 && byGroup.length === 0; attempt++) {
      const page = await client.send(
        new QueryCommand({ TableName: indexed, IndexName: 'by-group', KeyConditionExpression: '#g = :g', ExpressionAttributeNames: { '#g': 'group' }, ExpressionAttributeValues: { ':g': { S: 'g' } } }),
      );
      byGroup = page.Items ?? [];
      if (byGroup.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.deepEqual(byGroup, [{ pk: { S: 'p' }, sk: { S: '1' }, group: { S: 'g' } }]);
  });

  it('works through the DocumentClient', async () => {
    await documents.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: first, Item: { pk: 'doc-1', n: 1 } } },
          { Put: { TableName: second, Item: { pk: 'doc-2', sk: 2, tags: new Set(['a']) } } },
        ],
      }),
    );
    const read = await documents.send(
      new TransactGetCommand({
        TransactItems: [{ Get: { TableName: first, Key: { pk: 'doc-1' } } }, { Get: { TableName: second, Key: { pk: 'doc-2', sk: 2 } } }],
      }),
    );
    assert.deepEqual(read.Responses, [{ Item: { pk: 'doc-1', n: 1 } }, { Item: { pk: 'doc-2', sk: 2, tags: new Set(['a']) } }]);
  });
});
