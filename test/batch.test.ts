import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  type AttributeValue,
  type BatchGetItemCommandInput,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { rawRequest, signedHeaders } from './support/raw-http.js';
import { clientFor, startTestServer } from './support/server.js';
import { createKeyedTable, createTable, failure, uniqueTableName } from './support/tables.js';

type Item = Record<string, AttributeValue>;

const text = (value: string): AttributeValue => ({ S: value });
const number = (value: string): AttributeValue => ({ N: value });
const put = (item: Item): WriteRequest => ({ PutRequest: { Item: item } });
const remove = (key: Item): WriteRequest => ({ DeleteRequest: { Key: key } });
/** Responses come in no particular order, as DynamoDB's do. */
const byKey = (items: readonly Item[] | undefined): Item[] =>
  [...(items ?? [])].sort((left, right) => JSON.stringify(left).localeCompare(JSON.stringify(right)));

describe('BatchWriteItem and BatchGetItem', () => {
  let server: EmbeddedServer;
  let client: DynamoDBClient;
  /** Keyed by pk (S). */
  let hashTable: string;
  /** Keyed by pk (S) and sk (N). */
  let sortedTable: string;
  /** Keyed by pk (S) and sk (S), with a global index on gpk (S). */
  let indexedTable: string;

  const send = {
    write: (requestItems: Record<string, WriteRequest[]>, extra: { ReturnConsumedCapacity?: 'TOTAL' | 'INDEXES' } = {}) =>
      client.send(new BatchWriteItemCommand({ RequestItems: requestItems, ...extra })),
    get: (requestItems: BatchGetItemCommandInput['RequestItems'], extra: { ReturnConsumedCapacity?: 'TOTAL' | 'INDEXES' } = {}) =>
      client.send(new BatchGetItemCommand({ RequestItems: requestItems, ...extra })),
  };
  const stored = async (table: string, key: Item): Promise<Item | undefined> =>
    (await client.send(new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;
  const refused = async (promise: Promise<unknown>, name: string, message: string): Promise<void> => {
    const error = await failure(promise);
    assert.deepEqual({ name: error.name, message: error.message, status: error.status }, { name, message, status: 400 });
  };

  before(async () => {
    server = await startTestServer();
    client = clientFor(server.endpoint);
    hashTable = uniqueTableName('batch-hash');
    sortedTable = uniqueTableName('batch-sorted');
    indexedTable = uniqueTableName('batch-indexed');
    await createKeyedTable(client, hashTable);
    await createKeyedTable(client, sortedTable, 'N');
    await createTable(client, {
      TableName: indexedTable,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'gpk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [{ IndexName: 'by-gpk', KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
    });
  });
  after(async () => {
    client.destroy();
    await server.close();
  });

  describe('functionality', () => {
    it('writes to two tables and reads back what exists, grouped by table', async () => {
      const first = { pk: text('two-1'), a: text('x') };
      const second = { pk: text('two-1'), sk: number('1.50'), b: { L: [number('1')] } };
      const written = await send.write({ [hashTable]: [put(first)], [sortedTable]: [put(second)] });
      assert.deepEqual(written.UnprocessedItems, {});
      assert.equal(written.ConsumedCapacity, undefined);
      assert.equal(written.ItemCollectionMetrics, undefined);

      const read = await send.get({
        [hashTable]: { Keys: [{ pk: text('two-1') }, { pk: text('two-absent') }] },
        [sortedTable]: { Keys: [{ pk: text('two-1'), sk: number('1.5') }], ConsistentRead: true },
      });
      assert.deepEqual(read.Responses, { [hashTable]: [first], [sortedTable]: [{ ...second, sk: number('1.5') }] });
      assert.deepEqual(read.UnprocessedKeys, {});
      assert.equal(read.ConsumedCapacity, undefined);
    });

    it('answers every requested table, with an empty list when nothing exists', async () => {
      const read = await send.get({ [hashTable]: { Keys: [{ pk: text('none-1') }] }, [sortedTable]: { Keys: [{ pk: text('none-1'), sk: number('1') }] } });
      assert.deepEqual(read.Responses, { [hashTable]: [], [sortedTable]: [] });
    });

    it('puts and deletes in one batch', async () => {
      await client.send(new PutItemCommand({ TableName: hashTable, Item: { pk: text('mixed-old') } }));
      const written = await send.write({ [hashTable]: [remove({ pk: text('mixed-old') }), put({ pk: text('mixed-new'), v: number('2') })] });
      assert.deepEqual(written.UnprocessedItems, {});
      assert.equal(await stored(hashTable, { pk: text('mixed-old') }), undefined);
      assert.deepEqual(await stored(hashTable, { pk: text('mixed-new') }), { pk: text('mixed-new'), v: number('2') });
    });

    it('projects with a ProjectionExpression and names, or with AttributesToGet, per table', async () => {
      await send.write({
        [hashTable]: [put({ pk: text('projected-1'), a: text('1'), b: { M: { c: text('deep'), d: text('other') } } }), put({ pk: text('projected-2') })],
        [sortedTable]: [put({ pk: text('projected-1'), sk: number('1'), a: text('1'), z: text('z') })],
      });
      const read = await send.get({
        [hashTable]: {
          Keys: [{ pk: text('projected-1') }, { pk: text('projected-2') }],
          ProjectionExpression: '#b.c, a',
          ExpressionAttributeNames: { '#b': 'b' },
        },
        [sortedTable]: { Keys: [{ pk: text('projected-1'), sk: number('1') }], AttributesToGet: ['z', 'missing'] },
      });
      assert.deepEqual(byKey(read.Responses?.[hashTable]), byKey([{ a: text('1'), b: { M: { c: text('deep') } } }, {}]));
      assert.deepEqual(read.Responses?.[sortedTable], [{ z: text('z') }]);
    });

    it('charges reads per key by size and consistency, one entry per table', async () => {
      const large = { pk: text('read-units-large'), data: text('x'.repeat(5000)) };
      await send.write({ [hashTable]: [put(large), put({ pk: text('read-units-small') })] });
      const keys = [{ pk: text('read-units-large') }, { pk: text('read-units-small') }, { pk: text('read-units-absent') }];
      const eventual = await send.get(
        { [hashTable]: { Keys: keys }, [sortedTable]: { Keys: [{ pk: text('read-units'), sk: number('1') }] } },
        { ReturnConsumedCapacity: 'TOTAL' },
      );
      // 5 KB is two 4 KB blocks: 1 unit eventually consistent; each of the others half a unit.
      assert.deepEqual(eventual.ConsumedCapacity, [
        { TableName: hashTable, CapacityUnits: 2 },
        { TableName: sortedTable, CapacityUnits: 0.5 },
      ]);
      const strong = await send.get(
        { [hashTable]: { Keys: keys, ConsistentRead: true }, [sortedTable]: { Keys: [{ pk: text('read-units'), sk: number('1') }] } },
        { ReturnConsumedCapacity: 'INDEXES' },
      );
      assert.deepEqual(strong.ConsumedCapacity, [
        { TableName: hashTable, CapacityUnits: 4, ReadCapacityUnits: 4, Table: { CapacityUnits: 4, ReadCapacityUnits: 4 } },
        { TableName: sortedTable, CapacityUnits: 0.5, ReadCapacityUnits: 0.5, Table: { CapacityUnits: 0.5, ReadCapacityUnits: 0.5 } },
      ]);
    });

    it('charges writes per table, with index shares under INDEXES', async () => {
      const total = await send.write(
        {
          [hashTable]: [put({ pk: text('write-units-1'), data: text('x'.repeat(1500)) }), put({ pk: text('write-units-2') })],
          [sortedTable]: [remove({ pk: text('write-units-absent'), sk: number('1') })],
        },
        { ReturnConsumedCapacity: 'TOTAL' },
      );
      // 1.5 KB is two 1 KB units; a delete of nothing still costs one.
      assert.deepEqual(total.ConsumedCapacity, [
        { TableName: hashTable, CapacityUnits: 3 },
        { TableName: sortedTable, CapacityUnits: 1 },
      ]);
      const indexes = await send.write(
        { [indexedTable]: [put({ pk: text('a'), sk: text('1'), gpk: text('g') }), put({ pk: text('a'), sk: text('2') })] },
        { ReturnConsumedCapacity: 'INDEXES' },
      );
      assert.deepEqual(indexes.ConsumedCapacity, [
        {
          TableName: indexedTable,
          CapacityUnits: 3,
          WriteCapacityUnits: 3,
          Table: { CapacityUnits: 2, WriteCapacityUnits: 2 },
          GlobalSecondaryIndexes: { 'by-gpk': { CapacityUnits: 1, WriteCapacityUnits: 1 } },
        },
      ]);
    });

    it('returns the keys past the 16 MB response budget in UnprocessedKeys, with the table request members', async () => {
      const count = 44;
      const data = 'x'.repeat(399_000);
      const keys = Array.from({ length: count }, (_, index) => ({ pk: text(`budget-${String(index).padStart(2, '0')}`) }));
      for (let start = 0; start < count; start += 22) {
        await send.write({ [hashTable]: keys.slice(start, start + 22).map((key) => put({ ...key, data: text(data) })) });
      }
      const first = await send.get({ [hashTable]: { Keys: keys, ConsistentRead: true, ProjectionExpression: 'pk, #d', ExpressionAttributeNames: { '#d': 'data' } } });
      const answered = first.Responses?.[hashTable] ?? [];
      const left = first.UnprocessedKeys?.[hashTable];
      assert.ok(left !== undefined && answered.length > 0);
      assert.equal(answered.length + (left.Keys?.length ?? 0), count);
      assert.deepEqual({ ...left, Keys: undefined }, { Keys: undefined, ConsistentRead: true, ProjectionExpression: 'pk, #d', ExpressionAttributeNames: { '#d': 'data' } });
      const rest = await send.get(first.UnprocessedKeys);
      assert.deepEqual(rest.UnprocessedKeys, {});
      const all = [...answered, ...(rest.Responses?.[hashTable] ?? [])].map((item) => item['pk']?.S).sort();
      assert.deepEqual(all, keys.map((key) => key.pk.S));
    });

    it('works through the DocumentClient', async () => {
      const documents = DynamoDBDocumentClient.from(clientFor(server.endpoint));
      try {
        const written = await documents.send(
          new BatchWriteCommand({
            RequestItems: {
              [hashTable]: [{ PutRequest: { Item: { pk: 'document-1', tags: new Set(['a', 'b']), count: 3 } } }],
              [sortedTable]: [{ PutRequest: { Item: { pk: 'document-1', sk: 7, nested: { list: [1, 'two'] } } } }],
            },
          }),
        );
        assert.deepEqual(written.UnprocessedItems, {});
        const read = await documents.send(
          new BatchGetCommand({ RequestItems: { [hashTable]: { Keys: [{ pk: 'document-1' }] }, [sortedTable]: { Keys: [{ pk: 'document-1', sk: 7 }] } } }),
        );
        assert.deepEqual(read.Responses, {
          [hashTable]: [{ pk: 'document-1', tags: new Set(['a', 'b']), count: 3 }],
          [sortedTable]: [{ pk: 'document-1', sk: 7, nested: { list: [1, 'two'] } }],
        });
      } finally {
        documents.destroy();
      }
    });
  });

  describe('BatchGetItem errors', () => {
    it('refuses more than 100 keys across tables', async () => {
      const keys = Array.from({ length: 100 }, (_, index) => ({ pk: text(String(index)) }));
      await refused(
        send.get({ [hashTable]: { Keys: keys }, [sortedTable]: { Keys: [{ pk: text('x'), sk: number('1') }] } }),
        'ValidationException',
        'Too many items requested for the BatchGetItem call',
      );
    });

    it('reports a missing table only after checking the key values', async () => {
      const keys = Array.from({ length: 100 }, (_, index) => ({ pk: text(String(index)) }));
      await refused(send.get({ [uniqueTableName('absent')]: { Keys: keys } }), 'ResourceNotFoundException', 'Requested resource not found');
      await refused(send.get({ [uniqueTableName('absent')]: { Keys: [{ pk: { N: 'b' } }] } }), 'ValidationException', 'The parameter cannot be converted to a numeric value: b');
    });

    it('refuses a key listed twice in one table, numbers compared by value', async () => {
      const duplicates = 'Provided list of item keys contains duplicates';
      await refused(send.get({ [hashTable]: { Keys: [{ pk: text('d') }, { pk: text('e') }, { pk: text('d') }] } }), 'ValidationException', duplicates);
      await refused(send.get({ [sortedTable]: { Keys: [{ pk: text('d'), sk: number('1') }, { sk: number('1.0'), pk: text('d') }] } }), 'ValidationException', duplicates);
      const separate = await send.get({ [hashTable]: { Keys: [{ pk: text('d') }] }, [sortedTable]: { Keys: [{ pk: text('d'), sk: number('1') }] } });
      assert.deepEqual(separate.UnprocessedKeys, {});
    });

    it('checks each key against its table schema', async () => {
      const mismatch = 'The provided key element does not match the schema';
      await refused(send.get({ [hashTable]: { Keys: [{ other: text('a') }] } }), 'ValidationException', mismatch);
      await refused(send.get({ [hashTable]: { Keys: [{ pk: text('a'), extra: text('b') }] } }), 'ValidationException', mismatch);
      await refused(send.get({ [hashTable]: { Keys: [{ pk: number('1') }] } }), 'ValidationException', mismatch);
      await refused(send.get({ [hashTable]: { Keys: [{ pk: text('a') }] }, [sortedTable]: { Keys: [{ pk: text('a') }] } }), 'ValidationException', mismatch);
    });

    it('checks the expression members of each table', async () => {
      await refused(
        send.get({ [hashTable]: { Keys: [{ pk: text('a') }] }, [sortedTable]: { Keys: [{ pk: text('a'), sk: number('1') }], AttributesToGet: ['a'], ProjectionExpression: 'a' } }),
        'ValidationException',
        'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}',
      );
      await refused(
        send.get({ [hashTable]: { Keys: [{ pk: text('a') }], ExpressionAttributeNames: { '#a': 'a' } } }),
        'ValidationException',
        'ExpressionAttributeNames can only be specified when using expressions',
      );
      await refused(
        send.get({ [hashTable]: { Keys: [{ pk: text('a') }], ProjectionExpression: 'a', ExpressionAttributeNames: { '#a': 'a' } } }),
        'ValidationException',
        'Value provided in ExpressionAttributeNames unused in expressions: keys: {#a}',
      );
      await refused(
        send.get({ [hashTable]: { Keys: [{ pk: text('a') }], AttributesToGet: ['a', 'a'] } }),
        'ValidationException',
        'One or more parameter values were invalid: Duplicate value in attribute name: a',
      );
    });
  });

  describe('BatchWriteItem errors', () => {
    it('refuses more than 25 requests across tables', async () => {
      const puts = Array.from({ length: 13 }, (_, index) => put({ pk: text(`many-${index}`) }));
      await refused(
        send.write({ [hashTable]: puts, [sortedTable]: puts.map((_, index) => put({ pk: text('many'), sk: number(String(index)) })) }),
        'ValidationException',
        'Too many items requested for the BatchWriteItem call',
      );
      assert.equal(await stored(hashTable, { pk: text('many-0') }), undefined);
    });

    it('needs exactly one of PutRequest and DeleteRequest in each request', async () => {
      const message = 'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes';
      await refused(send.write({ [hashTable]: [{}] }), 'ValidationException', message);
      await refused(send.write({ [hashTable]: [{ PutRequest: { Item: { pk: text('both') } }, DeleteRequest: { Key: { pk: text('both') } } }] }), 'ValidationException', message);
    });

    it('reads a member given as JSON null as absent', async () => {
      const body = JSON.stringify({
        RequestItems: { [hashTable]: [{ PutRequest: { Item: { pk: { S: 'null-member' } } }, DeleteRequest: null }, { DeleteRequest: { Key: { pk: { S: 'gone' } } }, PutRequest: null }] },
        ReturnConsumedCapacity: null,
      });
      const answer = await rawRequest(server.endpoint, { headers: signedHeaders('BatchWriteItem'), body });
      assert.deepEqual({ status: answer.status, body: JSON.parse(answer.body) }, { status: 200, body: { UnprocessedItems: {} } });
      assert.deepEqual(await stored(hashTable, { pk: text('null-member') }), { pk: text('null-member') });
    });

    it('refuses two requests on one item of a table', async () => {
      const duplicates = 'Provided list of item keys contains duplicates';
      await refused(send.write({ [hashTable]: [put({ pk: text('twice'), a: text('1') }), remove({ pk: text('twice') })] }), 'ValidationException', duplicates);
      await refused(send.write({ [sortedTable]: [put({ pk: text('twice'), sk: number('1') }), put({ sk: number('1.00'), pk: text('twice') })] }), 'ValidationException', duplicates);
      await send.write({ [hashTable]: [put({ pk: text('twice') })], [indexedTable]: [put({ pk: text('twice'), sk: text('1') })] });
    });

    it('validates items as PutItem does, with the key problems DynamoDB words as a schema mismatch', async () => {
      const mismatch = 'The provided key element does not match the schema';
      await refused(send.write({ [hashTable]: [put({ other: text('a') })] }), 'ValidationException', mismatch);
      await refused(send.write({ [hashTable]: [put({ pk: number('1') })] }), 'ValidationException', mismatch);
      await refused(send.write({ [sortedTable]: [put({ pk: text('a') })] }), 'ValidationException', mismatch);
      await refused(send.write({ [sortedTable]: [remove({ pk: text('a') })] }), 'ValidationException', mismatch);
      await refused(
        send.write({ [indexedTable]: [put({ pk: text('a'), sk: text('1'), gpk: number('1') })] }),
        'ValidationException',
        'One or more parameter values were invalid: Type mismatch for Index Key gpk Expected: S Actual: N IndexName: by-gpk',
      );
      await refused(
        send.write({ [uniqueTableName('absent')]: [put({ pk: text('a'), data: text('x'.repeat(410_000)) })] }),
        'ValidationException',
        'Item size has exceeded the maximum allowed size',
      );
      await refused(send.write({ [uniqueTableName('absent')]: [put({ pk: text('a') })] }), 'ResourceNotFoundException', 'Requested resource not found');
    });

    it('writes nothing when any request of the batch is refused', async () => {
      const good = [put({ pk: text('atomic-1') }), remove({ pk: text('mixed-new') })];
      await refused(send.write({ [hashTable]: good, [sortedTable]: [put({ pk: text('atomic') })] }), 'ValidationException', 'The provided key element does not match the schema');
      await refused(send.write({ [hashTable]: good, [uniqueTableName('absent')]: [put({ pk: text('a') })] }), 'ResourceNotFoundException', 'Requested resource not found');
      await refused(
        send.write({ [hashTable]: good, [sortedTable]: [put({ pk: text('a'), sk: number('1') }), remove({ pk: text('a'), sk: number('1') })] }),
        'ValidationException',
        'Provided list of item keys contains duplicates',
      );
      assert.equal(await stored(hashTable, { pk: text('atomic-1') }), undefined);
      assert.notEqual(await stored(hashTable, { pk: text('mixed-new') }), undefined);
      assert.equal(await stored(sortedTable, { pk: text('a'), sk: number('1') }), undefined);
    });
  });
});
