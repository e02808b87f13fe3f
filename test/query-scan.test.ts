import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  type AttributeValue,
  DynamoDBClient,
  PutItemCommand,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
  ScanCommand,
  type ScanCommandInput,
  paginateScan,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { clientFor, startTestServer } from './support/server.js';
import { createKeyedTable, createTable, failure, uniqueTableName } from './support/tables.js';

type Item = Record<string, AttributeValue>;

const song = (pk: string, sk: number, extra: Item = {}): Item => ({ pk: { S: pk }, sk: { N: String(sk) }, ...extra });

describe('Query and Scan', () => {
  let server: EmbeddedServer;
  let client: DynamoDBClient;
  let music: string;
  let plain: string;
  const songs = [1, 2, 3, 4, 5, 6].map((sk) =>
    song('band', sk, { colour: { S: ['red', 'blue', 'green'][sk % 3] as string }, group: { S: sk % 2 === 0 ? 'even' : 'odd' }, note: { S: `n${sk}` }, plays: { N: String(sk * 10) } }),
  );

  const query = (input: Omit<QueryCommandInput, 'TableName'>, table = music): Promise<QueryCommandOutput> =>
    client.send(new QueryCommand({ TableName: table, ...input }));
  const scan = (input: Omit<ScanCommandInput, 'TableName'>, table = plain) => client.send(new ScanCommand({ TableName: table, ...input }));
  const queryError = async (input: Omit<QueryCommandInput, 'TableName'>, table = music) => failure(query(input, table));
  const scanError = async (input: Omit<ScanCommandInput, 'TableName'>, table = plain) => failure(scan(input, table));
  const byBand = { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: 'band' } } };
  const sortKeys = (items: readonly Item[] | undefined): number[] => (items ?? []).map((item) => Number(item['sk']?.N));

  before(async () => {
    server = await startTestServer();
    client = clientFor(server.endpoint);
    music = uniqueTableName('music');
    plain = uniqueTableName('plain');
    await createTable(client, {
      TableName: music,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
        { AttributeName: 'colour', AttributeType: 'S' },
        { AttributeName: 'group', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: 'byColour',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'colour', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byGroup',
          KeySchema: [
            { AttributeName: 'group', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['note'] },
        },
        { IndexName: 'allByGroup', KeySchema: [{ AttributeName: 'group', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } },
      ],
    });
    await createKeyedTable(client, plain);
    for (const item of [...songs, song('other', 1, { colour: { S: 'red' }, group: { S: 'odd' } })]) {
      await client.send(new PutItemCommand({ TableName: music, Item: item }));
    }
    for (let index = 0; index < 50; index++) await client.send(new PutItemCommand({ TableName: plain, Item: { pk: { S: `p${index}` }, n: { N: String(index) } } }));
    await eventually(async () => (await query({ IndexName: 'allByGroup', KeyConditionExpression: '#g = :g', ExpressionAttributeNames: { '#g': 'group' }, ExpressionAttributeValues: { ':g': { S: 'odd' } } })).Count === 4);
    await eventually(async () => (await query({ IndexName: 'byGroup', KeyConditionExpression: '#g = :g', ExpressionAttributeNames: { '#g': 'group' }, ExpressionAttributeValues: { ':g': { S: 'even' } } })).Count === 3);
  });
  after(async () => {
    client.destroy();
    await server.close();
  });

  describe('Query on a table', () => {
    it('returns one partition key in sort-key order, forward and backward', async () => {
      const forward = await query(byBand);
      assert.deepEqual(forward.Items, songs);
      assert.equal(forward.Count, 6);
      assert.equal(forward.ScannedCount, 6);
      assert.equal(forward.LastEvaluatedKey, undefined);
      assert.deepEqual(sortKeys((await query({ ...byBand, ScanIndexForward: false })).Items), [6, 5, 4, 3, 2, 1]);
    });

    it('selects sort-key ranges with every key-condition operator', async () => {
      const range = async (condition: string, values: Item) =>
        sortKeys((await query({ KeyConditionExpression: `pk = :pk AND ${condition}`, ExpressionAttributeValues: { ':pk': { S: 'band' }, ...values } })).Items);
      assert.deepEqual(await range('sk = :v', { ':v': { N: '3' } }), [3]);
      assert.deepEqual(await range('sk < :v', { ':v': { N: '3' } }), [1, 2]);
      assert.deepEqual(await range('sk <= :v', { ':v': { N: '3' } }), [1, 2, 3]);
      assert.deepEqual(await range(':v < sk', { ':v': { N: '4' } }), [5, 6]);
      assert.deepEqual(await range('sk >= :v', { ':v': { N: '4' } }), [4, 5, 6]);
      assert.deepEqual(await range('sk BETWEEN :a AND :b', { ':a': { N: '2' }, ':b': { N: '4' } }), [2, 3, 4]);
    });

    it('begins_with on a string sort key (through a local index)', async () => {
      const result = await query({
        IndexName: 'byColour',
        KeyConditionExpression: 'pk = :pk AND begins_with(colour, :c)',
        ExpressionAttributeValues: { ':pk': { S: 'band' }, ':c': { S: 'gr' } },
      });
      assert.deepEqual(result.Items, [{ pk: { S: 'band' }, sk: { N: '2' }, colour: { S: 'green' } }, { pk: { S: 'band' }, sk: { N: '5' }, colour: { S: 'green' } }]);
    });

    it('Limit counts items evaluated before the filter; LastEvaluatedKey resumes the query', async () => {
      const first = await query({ ...byBand, Limit: 4, FilterExpression: 'plays > :p', ExpressionAttributeValues: { ':pk': { S: 'band' }, ':p': { N: '25' } } });
      assert.deepEqual(sortKeys(first.Items), [3, 4]);
      assert.equal(first.Count, 2);
      assert.equal(first.ScannedCount, 4);
      assert.deepEqual(first.LastEvaluatedKey, { pk: { S: 'band' }, sk: { N: '4' } });
      const rest = await query({ ...byBand, Limit: 4, ExclusiveStartKey: first.LastEvaluatedKey });
      assert.deepEqual(sortKeys(rest.Items), [5, 6]);
      assert.equal(rest.LastEvaluatedKey, undefined);
      const exact = await query({ ...byBand, Limit: 6 });
      assert.deepEqual(exact.LastEvaluatedKey, { pk: { S: 'band' }, sk: { N: '6' } }, 'a page that reaches its Limit has a LastEvaluatedKey');
      const backward = await query({ ...byBand, ScanIndexForward: false, ExclusiveStartKey: { pk: { S: 'band' }, sk: { N: '3' } } });
      assert.deepEqual(sortKeys(backward.Items), [2, 1]);
    });

    it('projects with ProjectionExpression and AttributesToGet; COUNT returns no items', async () => {
      const projected = await query({ ...byBand, ProjectionExpression: 'note, #p', ExpressionAttributeNames: { '#p': 'plays' }, Limit: 1 });
      assert.deepEqual(projected.Items, [{ note: { S: 'n1' }, plays: { N: '10' } }]);
      const legacy = await query({
        KeyConditions: { pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'band' }] }, sk: { ComparisonOperator: 'GT', AttributeValueList: [{ N: '4' }] } },
        QueryFilter: { plays: { ComparisonOperator: 'LT', AttributeValueList: [{ N: '60' }] } },
        AttributesToGet: ['sk', 'note'],
      });
      assert.deepEqual(legacy.Items, [{ sk: { N: '5' }, note: { S: 'n5' } }]);
      assert.equal(legacy.ScannedCount, 2);
      const counted = await query({ ...byBand, Select: 'COUNT' });
      assert.equal(counted.Items, undefined);
      assert.equal(counted.Count, 6);
    });

    it('reports consumed capacity: item bytes read rounded up to 4 KB, halved when eventually consistent', async () => {
      const eventual = await query({ ...byBand, ReturnConsumedCapacity: 'TOTAL' });
      assert.deepEqual(eventual.ConsumedCapacity, { TableName: music, CapacityUnits: 0.5 });
      const strong = await query({ ...byBand, ConsistentRead: true, ReturnConsumedCapacity: 'INDEXES' });
      assert.deepEqual(strong.ConsumedCapacity, { TableName: music, CapacityUnits: 1, ReadCapacityUnits: 1, Table: { CapacityUnits: 1, ReadCapacityUnits: 1 } });
    });
  });

  describe('Query on indexes', () => {
    it('a local index returns its projection by default, and whole items for ALL_ATTRIBUTES', async () => {
      const keysOnly = await query({ ...byBand, IndexName: 'byColour', Limit: 2, ReturnConsumedCapacity: 'INDEXES' });
      assert.deepEqual(keysOnly.Items, [
        { pk: { S: 'band' }, sk: { N: '1' }, colour: { S: 'blue' } },
        { pk: { S: 'band' }, sk: { N: '4' }, colour: { S: 'blue' } },
      ]);
      assert.deepEqual(keysOnly.LastEvaluatedKey, { pk: { S: 'band' }, sk: { N: '4' }, colour: { S: 'blue' } });
      assert.deepEqual(keysOnly.ConsumedCapacity?.LocalSecondaryIndexes, { byColour: { CapacityUnits: 0.5, ReadCapacityUnits: 0.5 } });
      const all = await query({ ...byBand, IndexName: 'byColour', Select: 'ALL_ATTRIBUTES', ExclusiveStartKey: keysOnly.LastEvaluatedKey });
      assert.deepEqual(all.Items, [songs[1], songs[4], songs[2], songs[5]]);
    });

    it('a local index fetches table items for a filter on attributes it does not project, and answers its projection', async () => {
      const result = await query({
        IndexName: 'byColour',
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: 'plays >= :p',
        ExpressionAttributeValues: { ':pk': { S: 'band' }, ':p': { N: '50' } },
      });
      assert.deepEqual(result.Items, [
        { pk: { S: 'band' }, sk: { N: '5' }, colour: { S: 'green' } },
        { pk: { S: 'band' }, sk: { N: '6' }, colour: { S: 'red' } },
      ]);
      assert.equal(result.ScannedCount, 6);
      const projected = await query({ ...byBand, IndexName: 'byColour', ProjectionExpression: 'note', Limit: 1 });
      assert.deepEqual(projected.Items, [{ note: { S: 'n1' } }]);
    });

    it('a global index is read by its own key; LastEvaluatedKey holds the table and index keys', async () => {
      const condition = { KeyConditionExpression: '#g = :g', ExpressionAttributeNames: { '#g': 'group' }, ExpressionAttributeValues: { ':g': { S: 'odd' } } };
      const first = await query({ ...condition, IndexName: 'byGroup', Limit: 2, ReturnConsumedCapacity: 'INDEXES' });
      assert.equal(first.Count, 2);
      assert.deepEqual(Object.keys(first.Items?.[0] ?? {}).sort(), ['group', 'note', 'pk', 'sk']);
      assert.deepEqual(Object.keys(first.LastEvaluatedKey ?? {}).sort(), ['group', 'pk', 'sk']);
      assert.deepEqual(first.ConsumedCapacity?.GlobalSecondaryIndexes, { byGroup: { CapacityUnits: 0.5, ReadCapacityUnits: 0.5 } });
      const rest = await query({ ...condition, IndexName: 'byGroup', ExclusiveStartKey: first.LastEvaluatedKey });
      assert.equal(rest.Count, 2);
    });
  });

  describe('Query errors', () => {
    const cases: [string, Omit<QueryCommandInput, 'TableName'>, string][] = [
      ['no key condition', {}, 'Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.'],
      ['an unknown index', { ...byBand, IndexName: 'nope' }, 'The table does not have the specified index: nope'],
      ['a consistent read on a GSI', { ...byBand, IndexName: 'byGroup', ConsistentRead: true }, 'Consistent reads are not supported on global secondary indexes'],
      [
        'ALL_ATTRIBUTES from a GSI without ALL projection',
        { KeyConditionExpression: '#g = :g', ExpressionAttributeNames: { '#g': 'group' }, ExpressionAttributeValues: { ':g': { S: 'odd' } }, IndexName: 'byGroup', Select: 'ALL_ATTRIBUTES' },
        'One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index byGroup because its projection type is not ALL',
      ],
      ['COUNT with a projection', { ...byBand, Select: 'COUNT', ProjectionExpression: 'note' }, '1 validation error detected: Cannot specify the ProjectionExpression when choosing to get only the Count'],
      ['ALL_ATTRIBUTES with AttributesToGet', { KeyConditions: { pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'band' }] } }, Select: 'ALL_ATTRIBUTES', AttributesToGet: ['note'] }, '1 validation error detected: Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES'],
      ['SPECIFIC_ATTRIBUTES without a projection', { ...byBand, Select: 'SPECIFIC_ATTRIBUTES' }, '1 validation error detected: Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES'],
      ['ALL_PROJECTED_ATTRIBUTES on a table', { ...byBand, Select: 'ALL_PROJECTED_ATTRIBUTES' }, '1 validation error detected: ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName'],
      ['a condition on a non-key attribute only', { KeyConditionExpression: 'note = :n', ExpressionAttributeValues: { ':n': { S: 'x' } } }, 'Query condition missed key schema element: pk'],
      ['a range condition on the partition key', { KeyConditionExpression: 'pk < :pk', ExpressionAttributeValues: { ':pk': { S: 'band' } } }, 'Query key condition not supported'],
      ['no partition key condition', { KeyConditionExpression: 'sk = :s', ExpressionAttributeValues: { ':s': { N: '1' } } }, 'Query condition missed key schema element: pk'],
      ['a value of the wrong type', { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { N: '1' } } }, 'One or more parameter values were invalid: Condition parameter type does not match schema type'],
      ['an OR in the key condition', { KeyConditionExpression: 'pk = :pk OR pk = :pk', ExpressionAttributeValues: { ':pk': { S: 'band' } } }, 'Invalid operator used in KeyConditionExpression: OR'],
      ['a filter on a key attribute', { ...byBand, FilterExpression: 'sk > :pk' }, 'Filter Expression can only contain non-primary key attributes: Primary key attribute: sk'],
      [
        'a QueryFilter on a key attribute',
        { KeyConditions: { pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'band' }] } }, QueryFilter: { sk: { ComparisonOperator: 'GT', AttributeValueList: [{ N: '1' }] } } },
        'QueryFilter can only contain non-primary key attributes: Primary key attribute: sk',
      ],
      ['a start key missing an attribute', { ...byBand, ExclusiveStartKey: { pk: { S: 'band' } } }, 'The provided starting key is invalid'],
      ['a start key of the wrong type', { ...byBand, ExclusiveStartKey: { pk: { S: 'band' }, sk: { S: '1' } } }, 'The provided key element does not match the schema'],
      [
        'a start key whose table key has the wrong type (index query)',
        { ...byBand, IndexName: 'byColour', ExclusiveStartKey: { pk: { S: 'band' }, sk: { S: '1' }, colour: { S: 'red' } } },
        'The provided starting key is invalid: The provided key element does not match the schema',
      ],
      [
        'a start key with a NULL false value',
        { ...byBand, ExclusiveStartKey: { pk: { S: 'band' }, sk: { NULL: false } } },
        'The provided starting key is invalid: One or more parameter values were invalid: Null attribute value types must have the value of true',
      ],
      [
        'three key conditions',
        { KeyConditionExpression: 'pk = :pk AND sk = :pk AND note = :pk', ExpressionAttributeValues: { ':pk': { S: 'band' } } },
        'Conditions can be of length 1 or 2 only',
      ],
      [
        'a non-comparison function in the key condition',
        { KeyConditionExpression: 'attribute_type(pk, :t)', ExpressionAttributeValues: { ':t': { S: 'S' } } },
        'Invalid operator used in KeyConditionExpression: attribute_type',
      ],
      ['a start key with an invalid value', { ...byBand, ExclusiveStartKey: { pk: { S: 'band' }, sk: { N: 'x' } } }, 'The parameter cannot be converted to a numeric value: x'],
      ['a start key of another partition key', { ...byBand, ExclusiveStartKey: { pk: { S: 'other' }, sk: { N: '1' } } }, 'The provided starting key is outside query boundaries based on provided conditions'],
      [
        'a start key outside the sort-key condition',
        { KeyConditionExpression: 'pk = :pk AND sk > :s', ExpressionAttributeValues: { ':pk': { S: 'band' }, ':s': { N: '3' } }, ExclusiveStartKey: { pk: { S: 'band' }, sk: { N: '2' } } },
        'The provided starting key does not match the range key predicate',
      ],
      [
        'a start key of another partition key with a sort-key condition',
        { KeyConditionExpression: 'pk = :pk AND sk > :s', ExpressionAttributeValues: { ':pk': { S: 'band' }, ':s': { N: '3' } }, ExclusiveStartKey: { pk: { S: 'other' }, sk: { N: '4' } } },
        'The query can return at most one row and cannot be restarted',
      ],
      ['a projection inside a key attribute', { ...byBand, ProjectionExpression: 'sk.x' }, "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: sk"],
      [
        'a filter inside an index key attribute',
        { ...byBand, FilterExpression: 'colour[0] = :pk' },
        "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: colour",
      ],
      ['a start key without the index key', { ...byBand, IndexName: 'byColour', ExclusiveStartKey: { pk: { S: 'band' }, sk: { N: '1' } } }, 'The provided starting key is invalid'],
    ];
    for (const [name, input, message] of cases) {
      it(`refuses ${name}`, async () => {
        const error = await queryError(input);
        assert.equal(error.name, 'ValidationException');
        assert.equal(error.message, message);
      });
    }

    it('answers ResourceNotFoundException for a missing table', async () => {
      const error = await queryError(byBand, 'no-such-table');
      assert.equal(error.name, 'ResourceNotFoundException');
      assert.equal(error.message, 'Requested resource not found');
    });
  });

  describe('Scan', () => {
    it('returns every item once, in hash order, paging with LastEvaluatedKey', async () => {
      const seen: Item[] = [];
      let startKey: Item | undefined;
      let pages = 0;
      do {
        const page = await scan({ Limit: 7, ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }) });
        seen.push(...(page.Items ?? []));
        startKey = page.LastEvaluatedKey;
        pages++;
      } while (startKey !== undefined && pages < 20);
      assert.equal(seen.length, 50);
      assert.equal(new Set(seen.map((item) => item['pk']?.S)).size, 50);
      const whole = await scan({});
      assert.deepEqual(whole.Items, seen);
    });

    it('filters after reading, projects, and counts', async () => {
      const result = await scan({ FilterExpression: 'n < :n', ExpressionAttributeValues: { ':n': { N: '5' } }, ProjectionExpression: 'n' });
      assert.equal(result.Count, 5);
      assert.equal(result.ScannedCount, 50);
      assert.deepEqual(sortKeys(result.Items?.map((item) => ({ sk: item['n'] as AttributeValue }))).sort(), [0, 1, 2, 3, 4]);
      const legacy = await scan({ ScanFilter: { n: { ComparisonOperator: 'GE', AttributeValueList: [{ N: '48' }] } }, Select: 'COUNT' });
      assert.equal(legacy.Count, 2);
      assert.equal(legacy.Items, undefined);
    });

    it('parallel segments are disjoint and together cover the table', async () => {
      const totalSegments = 4;
      const bySegment: string[][] = [];
      for (let segment = 0; segment < totalSegments; segment++) {
        const keys: string[] = [];
        for await (const page of paginateScan({ client, pageSize: 5 }, { TableName: plain, Segment: segment, TotalSegments: totalSegments })) {
          keys.push(...(page.Items ?? []).map((item) => item['pk']?.S as string));
        }
        bySegment.push(keys);
      }
      const all = bySegment.flat();
      assert.equal(all.length, 50);
      assert.equal(new Set(all).size, 50);
      assert.ok(bySegment.filter((keys) => keys.length > 0).length > 1, 'items spread over segments');
    });

    it('scans a local index and a global index', async () => {
      const local = await scan({ IndexName: 'byColour' }, music);
      assert.equal(local.Count, 7);
      assert.deepEqual(Object.keys(local.Items?.[0] ?? {}).sort(), ['colour', 'pk', 'sk']);
      const global = await scan({ IndexName: 'allByGroup', ReturnConsumedCapacity: 'INDEXES' }, music);
      assert.equal(global.Count, 7);
      assert.ok(global.ConsumedCapacity?.GlobalSecondaryIndexes?.['allByGroup'] !== undefined);
    });

    const cases: [string, Omit<ScanCommandInput, 'TableName'>, string, string?][] = [
      ['Segment without TotalSegments', { Segment: 1 }, 'The TotalSegments parameter is required but was not present in the request when Segment parameter is present'],
      ['TotalSegments without Segment', { TotalSegments: 2 }, 'The Segment parameter is required but was not present in the request when parameter TotalSegments is present'],
      ['Segment not below TotalSegments', { Segment: 2, TotalSegments: 2 }, 'The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 2 is not less than TotalSegments: 2'],
      ['a start key with extra attributes', { ExclusiveStartKey: { pk: { S: 'p1' }, x: { S: 'y' } } }, 'The provided starting key is invalid: The provided key element does not match the schema'],
      ['an unknown index', { IndexName: 'nope' }, 'The table does not have the specified index: nope'],
      ['ALL_PROJECTED_ATTRIBUTES on a table', { Select: 'ALL_PROJECTED_ATTRIBUTES' }, 'ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName'],
      ['SPECIFIC_ATTRIBUTES without a projection', { Select: 'SPECIFIC_ATTRIBUTES' }, 'Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES'],
      ['COUNT with AttributesToGet', { Select: 'COUNT', AttributesToGet: ['pk'] }, 'Cannot specify the AttributesToGet when choosing to get only the Count'],
      [
        'ALL_ATTRIBUTES from a GSI without ALL projection',
        { IndexName: 'byGroup', Select: 'ALL_ATTRIBUTES' },
        'One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index byGroup because its projection type is not ALL',
        'music',
      ],
      ['a start key with an unknown index', { IndexName: 'nope', ExclusiveStartKey: { pk: { S: 'p1' } } }, 'The provided starting key is invalid'],
      ['a filter inside a key attribute', { FilterExpression: 'pk.x = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } }, "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk"],
      ['a start key with a mistyped key', { ExclusiveStartKey: { pk: { N: '1' } } }, 'The provided starting key is invalid: The provided key element does not match the schema'],
    ];
    for (const [name, input, message, table] of cases) {
      it(`refuses ${name}`, async () => {
        const error = await scanError(input, table === 'music' ? music : plain);
        assert.equal(error.name, 'ValidationException');
        assert.equal(error.message, message);
      });
    }

    it('refuses a start key from another segment', async () => {
      const first = await scan({ Segment: 0, TotalSegments: 2, Limit: 1 });
      const startKey = first.LastEvaluatedKey;
      assert.ok(startKey !== undefined);
      const error = await scanError({ Segment: 1, TotalSegments: 2, ExclusiveStartKey: startKey });
      assert.equal(
        error.message,
        'The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: 2 Segment: 1',
      );
    });
  });

  describe('1 MB pages', () => {
    it('a page stops once 1 MB of items is read, before the filter, and charges for the bytes read', async () => {
      const big = uniqueTableName('big');
      await createKeyedTable(client, big, 'N');
      const payload = 'x'.repeat(100 * 1024);
      for (let sk = 0; sk < 14; sk++) await client.send(new PutItemCommand({ TableName: big, Item: { pk: { S: 'p' }, sk: { N: String(sk) }, data: { S: payload } } }));
      const input = { KeyConditionExpression: 'pk = :p', FilterExpression: 'attribute_not_exists(nothing)', ExpressionAttributeValues: { ':p': { S: 'p' } } };
      const first = await query({ ...input, ReturnConsumedCapacity: 'TOTAL', ConsistentRead: true }, big);
      const firstCount = first.Count ?? 0;
      assert.ok(firstCount >= 10 && firstCount <= 11, `first page has ${firstCount} items`);
      assert.ok(first.LastEvaluatedKey !== undefined);
      const bytesRead = firstCount * (payload.length + 'data'.length + 'pk'.length + 1 + 'sk'.length + 3);
      assert.equal(first.ConsumedCapacity?.CapacityUnits, Math.ceil(bytesRead / 4096));
      const second = await query({ ...input, ExclusiveStartKey: first.LastEvaluatedKey }, big);
      assert.equal(firstCount + (second.Count ?? 0), 14);
      const scanned = await scan({ Select: 'COUNT' }, big);
      assert.equal(scanned.Count, firstCount);
    });
  });

  it('a DocumentClient paginator reads every page of a query', async () => {
    const documents = DynamoDBDocumentClient.from(clientFor(server.endpoint));
    try {
      const keys: number[] = [];
      for await (const page of paginateQuery({ client: documents, pageSize: 4 }, { TableName: music, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'band' } })) {
        keys.push(...(page.Items ?? []).map((item) => item['sk'] as number));
      }
      assert.deepEqual(keys, [1, 2, 3, 4, 5, 6]);
    } finally {
      documents.destroy();
    }
  });
});

async function eventually(check: () => Promise<boolean>, attempts = 200): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition not reached');
}
