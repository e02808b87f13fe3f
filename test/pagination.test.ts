import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DynamoDBClient, PutItemCommand, QueryCommand, ScanCommand, type AttributeValue, type QueryCommandInput, type ScanCommandInput } from '@aws-sdk/client-dynamodb';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { clientFor, startTestServer } from './support/server.js';
import { createTable, uniqueTableName } from './support/tables.js';

const COLLECTIONS = 2;
const ITEMS_PER_COLLECTION = 2000;
const PAYLOAD_BYTES = 1000;
const WRITERS = 32;

type Page = { Items?: Record<string, AttributeValue>[]; LastEvaluatedKey?: Record<string, AttributeValue> };

/** Follows LastEvaluatedKey to the end and returns every item and the number of pages. */
async function readAll<I extends QueryCommandInput | ScanCommandInput>(send: (input: I) => Promise<Page>, input: I): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let pages = 0;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await send({ ...input, ...(start === undefined ? {} : { ExclusiveStartKey: start }) });
    pages++;
    for (const item of page.Items ?? []) ids.push(`${item['pk']?.S}/${item['sk']?.N}`);
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return { ids, pages };
}

function assertExactlyOnce(ids: readonly string[], expected: number, what: string): void {
  assert.equal(ids.length, expected, `${what}: item count`);
  assert.equal(new Set(ids).size, expected, `${what}: no item twice`);
}

/**
 * Paging over a table of several MB returns every item exactly once, in both directions, on the table and
 * on each index: 4,000 items of about 1 KB, read in 1 MB pages and in small Limit pages.
 */
describe('pagination over several MB', () => {
  let server: EmbeddedServer;
  let client: DynamoDBClient;
  const table = uniqueTableName('paging');
  before(async () => {
    server = await startTestServer();
    client = clientFor(server.endpoint);
    await createTable(client, {
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
        { AttributeName: 'lsk', AttributeType: 'S' },
        { AttributeName: 'gpk', AttributeType: 'S' },
      ],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      LocalSecondaryIndexes: [
        { IndexName: 'by-lsk', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'lsk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } },
      ],
      GlobalSecondaryIndexes: [
        { IndexName: 'by-gpk', KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } },
      ],
    });
    const payload = 'p'.repeat(PAYLOAD_BYTES);
    const work: Array<[number, number]> = [];
    for (let collection = 0; collection < COLLECTIONS; collection++) {
      for (let sk = 0; sk < ITEMS_PER_COLLECTION; sk++) work.push([collection, sk]);
    }
    let next = 0;
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (next < work.length) {
          const [collection, sk] = work[next++] as [number, number];
          await client.send(
            new PutItemCommand({
              TableName: table,
              Item: {
                pk: { S: `c${collection}` },
                sk: { N: String(sk) },
                lsk: { S: `l${String(ITEMS_PER_COLLECTION - sk).padStart(5, '0')}` },
                gpk: { S: `g${sk % 3}` },
                payload: { S: payload },
              },
            }),
          );
        }
      }),
    );
  });
  after(async () => {
    client.destroy();
    await server.close();
  });

  const query = (input: QueryCommandInput) => client.send(new QueryCommand(input)) as Promise<Page>;
  const scan = (input: ScanCommandInput) => client.send(new ScanCommand(input)) as Promise<Page>;

  it('queries the table forward and backward in 1 MB pages and in Limit pages', async () => {
    for (const forward of [true, false]) {
      for (const limit of [undefined, 97]) {
        const { ids, pages } = await readAll(query, {
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: 'c1' } },
          ScanIndexForward: forward,
          ...(limit === undefined ? {} : { Limit: limit }),
        });
        const what = `table query forward=${forward} limit=${limit}`;
        assertExactlyOnce(ids, ITEMS_PER_COLLECTION, what);
        const order = ids.map((id) => Number(id.split('/')[1]));
        assert.deepEqual(order, [...order].sort((left, right) => (forward ? left - right : right - left)), `${what}: sort-key order`);
        assert.ok(pages >= (limit === undefined ? 2 : Math.ceil(ITEMS_PER_COLLECTION / 97)), `${what}: ${pages} pages`);
      }
    }
  });

  it('queries the local and the global index in both directions', async () => {
    for (const forward of [true, false]) {
      const local = await readAll(query, {
        TableName: table,
        IndexName: 'by-lsk',
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'c0' } },
        ScanIndexForward: forward,
        Limit: 250,
      });
      assertExactlyOnce(local.ids, ITEMS_PER_COLLECTION, `local index forward=${forward}`);
      const global = await readAll(query, {
        TableName: table,
        IndexName: 'by-gpk',
        KeyConditionExpression: 'gpk = :g',
        ExpressionAttributeValues: { ':g': { S: 'g1' } },
        ScanIndexForward: forward,
      });
      const expected = COLLECTIONS * Array.from({ length: ITEMS_PER_COLLECTION }, (_, sk) => sk).filter((sk) => sk % 3 === 1).length;
      assertExactlyOnce(global.ids, expected, `global index forward=${forward}`);
    }
  });

  it('scans the table, each index and parallel segments, every item exactly once', async () => {
    const total = COLLECTIONS * ITEMS_PER_COLLECTION;
    const whole = await readAll(scan, { TableName: table });
    assertExactlyOnce(whole.ids, total, 'table scan');
    assert.ok(whole.pages >= 4, `a scan of about 4 MB takes several 1 MB pages, took ${whole.pages}`);
    assertExactlyOnce((await readAll(scan, { TableName: table, IndexName: 'by-gpk', Limit: 333 })).ids, total, 'global index scan');
    assertExactlyOnce((await readAll(scan, { TableName: table, IndexName: 'by-lsk' })).ids, total, 'local index scan');
    const segments = await Promise.all(
      Array.from({ length: 4 }, (_, segment) => readAll(scan, { TableName: table, Segment: segment, TotalSegments: 4, Limit: 500 })),
    );
    assertExactlyOnce(segments.flatMap((result) => result.ids), total, 'parallel scan');
  });
});
