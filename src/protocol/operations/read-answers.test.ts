/**
 * The exact bytes of read answers (Query, Scan, GetItem, BatchGetItem, TransactGetItems) over a table with
 * a local and a global index, against a golden file recorded when every answer was `JSON.stringify` of
 * parsed items: answers spliced from stored JSON must stay byte for byte what clients got.
 * `UPDATE_GOLDEN=1 node --test dist/src/protocol/operations/read-answers.test.js` rewrites the file;
 * review the diff before keeping it.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EmbeddedControlPlane } from '../../cluster/embedded-control-plane.js';
import { createLogger } from '../../lib/logger.js';
import { EmbeddedRouter } from '../../router/embedded-router.js';
import { ThroughputGovernor } from '../../router/throughput-governor.js';
import { MemoryStorageEngine } from '../../storage/memory-engine.js';
import type { OperationHandler } from '../http-server.js';
import { PreparedBody } from '../prepared-body.js';
import { createOperationHandlers } from './operation-handlers.js';

// Compiled tests run from dist/src/protocol/operations; the golden file stays in the source tree.
const goldenPath = fileURLToPath(new URL('../../../../src/protocol/operations/read-answers.golden.txt', import.meta.url));
const rewrite = process.env['UPDATE_GOLDEN'] === '1';
const CASE_PREFIX = '# ';

const TABLE = 'answers';
const OTHER_TABLE = 'others';

const tableBody = {
  TableName: TABLE,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'N' },
    { AttributeName: 'rank', AttributeType: 'N' },
    { AttributeName: 'group', AttributeType: 'S' },
  ],
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  LocalSecondaryIndexes: [
    { IndexName: 'byRank', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'rank', KeyType: 'RANGE' }], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['note'] } },
  ],
  GlobalSecondaryIndexes: [
    { IndexName: 'byGroup', KeySchema: [{ AttributeName: 'group', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'KEYS_ONLY' } },
  ],
};

const otherTableBody = {
  TableName: OTHER_TABLE,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
};

/** Items with every attribute type, names that order as integers, and strings JSON must escape. */
function item(pk: string, sk: number): Record<string, unknown> {
  const base: Record<string, unknown> = {
    pk: { S: pk },
    sk: { N: String(sk) },
    note: { S: `note "${sk}" \\ \u00e9\u2028\ud83d\ude00\u0001` },
    payload: { M: { list: { L: [{ N: '-1.50' }, { NULL: true }, { BOOL: false }, { B: 'AAEC' }] }, '10': { SS: ['b', 'a'] }, '2': { NS: ['3', '1'] } } },
    '7': { BS: ['AQ==', 'Ag=='] },
    zeta: { N: String(sk * 1000) },
  };
  if (sk % 3 !== 0) base['rank'] = { N: String(100 - sk) };
  if (sk % 2 === 0) base['group'] = { S: `g${sk % 4}` };
  return base;
}

async function loadedHandlers(): Promise<ReadonlyMap<string, OperationHandler>> {
  const engine = new MemoryStorageEngine();
  const router = new EmbeddedRouter(engine, (task) => setImmediate(task), () => undefined);
  const throughput = new ThroughputGovernor(false, () => 0);
  let nextTableId = 0;
  const clock = { nowMs: () => 0, newTableId: () => `table-${nextTableId++}`, schedule: (delayMs: number, task: () => void) => void setTimeout(task, delayMs) };
  const controlPlane = new EmbeddedControlPlane(engine, router, clock, { region: 'us-east-1', accountId: '000000000000', statusTransitionMs: 0 }, createLogger('silent'), throughput);
  await controlPlane.load();
  const handlers = createOperationHandlers({ controlPlane, tables: controlPlane, router, throughput, nowMs: () => 0 });
  const call = (operation: string, body: unknown): unknown => (handlers.get(operation) as OperationHandler)(body, { requestId: 'test', operation });
  await call('CreateTable', tableBody);
  await call('CreateTable', otherTableBody);
  await new Promise((resolve) => setTimeout(resolve, 10));
  for (const pk of ['a', 'b', 'c', 'd']) for (let sk = 1; sk <= 8; sk++) await call('PutItem', { TableName: TABLE, Item: item(pk, sk) });
  await call('PutItem', { TableName: OTHER_TABLE, Item: { id: { S: 'x' }, '1': { S: 'one' }, value: { N: '12' } } });
  await router.drainMaintenance();
  return handlers;
}

const query = (members: Record<string, unknown>): Record<string, unknown> => ({
  TableName: TABLE,
  KeyConditionExpression: 'pk = :p',
  ExpressionAttributeValues: { ':p': { S: 'a' }, ...((members['ExpressionAttributeValues'] as object | undefined) ?? {}) },
  ...Object.fromEntries(Object.entries(members).filter(([name]) => name !== 'ExpressionAttributeValues')),
});

const key = (pk: string, sk: number): Record<string, unknown> => ({ pk: { S: pk }, sk: { N: String(sk) } });

const cases: ReadonlyArray<readonly [string, string, unknown]> = [
  ['query: whole partition', 'Query', query({})],
  ['query: limit, last evaluated key, total capacity', 'Query', query({ Limit: 3, ReturnConsumedCapacity: 'TOTAL' })],
  ['query: backwards, from a start key, capacity by index', 'Query', query({ ScanIndexForward: false, ExclusiveStartKey: key('a', 6), ReturnConsumedCapacity: 'INDEXES' })],
  ['query: sort-key range', 'Query', query({ KeyConditionExpression: 'pk = :p AND sk BETWEEN :low AND :high', ExpressionAttributeValues: { ':low': { N: '2' }, ':high': { N: '5' } } })],
  ['query: count only', 'Query', query({ Select: 'COUNT', ReturnConsumedCapacity: 'TOTAL' })],
  ['query: count only, filtered', 'Query', query({ Select: 'COUNT', FilterExpression: 'zeta > :z', ExpressionAttributeValues: { ':z': { N: '3000' } } })],
  ['query: filter', 'Query', query({ FilterExpression: 'attribute_exists(#g)', ExpressionAttributeNames: { '#g': 'group' }, Limit: 5 })],
  ['query: projection', 'Query', query({ ProjectionExpression: 'sk, payload.#ten, #seven, note', ExpressionAttributeNames: { '#ten': '10', '#seven': '7' } })],
  ['query: legacy key conditions and attributes', 'Query', { TableName: TABLE, KeyConditions: { pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'b' }] } }, AttributesToGet: ['zeta', 'sk'], Limit: 4 }],
  ['query: local index, its projection', 'Query', query({ IndexName: 'byRank', Limit: 3, ReturnConsumedCapacity: 'INDEXES' })],
  ['query: local index, all attributes (table items fetched)', 'Query', query({ IndexName: 'byRank', Select: 'ALL_ATTRIBUTES', ReturnConsumedCapacity: 'INDEXES' })],
  ['query: local index, projection beyond the index (fetched)', 'Query', query({ IndexName: 'byRank', ProjectionExpression: 'zeta, #r', ExpressionAttributeNames: { '#r': 'rank' }, ReturnConsumedCapacity: 'TOTAL' })],
  ['query: local index, filter beyond the index (fetched, reprojected)', 'Query', query({ IndexName: 'byRank', FilterExpression: 'zeta >= :z', ExpressionAttributeValues: { ':z': { N: '4000' } }, Limit: 4 })],
  ['query: global index', 'Query', { TableName: TABLE, IndexName: 'byGroup', KeyConditionExpression: '#g = :g', ExpressionAttributeNames: { '#g': 'group' }, ExpressionAttributeValues: { ':g': { S: 'g2' } }, Limit: 3, ReturnConsumedCapacity: 'INDEXES' }],
  ['query: nothing found', 'Query', query({ ExpressionAttributeValues: { ':p': { S: 'none' } }, ReturnConsumedCapacity: 'TOTAL' })],
  ['scan: table', 'Scan', { TableName: TABLE }],
  ['scan: limit and total capacity', 'Scan', { TableName: TABLE, Limit: 5, ReturnConsumedCapacity: 'TOTAL' }],
  ['scan: one segment of three', 'Scan', { TableName: TABLE, Segment: 1, TotalSegments: 3, ReturnConsumedCapacity: 'INDEXES' }],
  ['scan: count only, filtered', 'Scan', { TableName: TABLE, Select: 'COUNT', FilterExpression: 'sk < :s', ExpressionAttributeValues: { ':s': { N: '4' } } }],
  ['scan: projection', 'Scan', { TableName: TABLE, ProjectionExpression: 'pk, payload.#l[1]', ExpressionAttributeNames: { '#l': 'list' }, Limit: 4 }],
  ['scan: global index', 'Scan', { TableName: TABLE, IndexName: 'byGroup', ReturnConsumedCapacity: 'INDEXES' }],
  ['scan: local index, all attributes', 'Scan', { TableName: TABLE, IndexName: 'byRank', Select: 'ALL_ATTRIBUTES', Limit: 6 }],
  ['get: item', 'GetItem', { TableName: TABLE, Key: key('a', 2) }],
  ['get: missing item', 'GetItem', { TableName: TABLE, Key: key('a', 99), ReturnConsumedCapacity: 'TOTAL' }],
  ['get: projection', 'GetItem', { TableName: TABLE, Key: key('b', 4), ProjectionExpression: 'note, payload.#two', ExpressionAttributeNames: { '#two': '2' } }],
  ['get: strong read, capacity by index', 'GetItem', { TableName: TABLE, Key: key('b', 5), ConsistentRead: true, ReturnConsumedCapacity: 'INDEXES' }],
  ['get: integer-like names', 'GetItem', { TableName: OTHER_TABLE, Key: { id: { S: 'x' } }, ReturnConsumedCapacity: 'TOTAL' }],
  [
    'batch get: two tables, a missing key, a projection',
    'BatchGetItem',
    {
      RequestItems: {
        [TABLE]: { Keys: [key('a', 1), key('b', 9), key('b', 3)], ProjectionExpression: 'pk, sk, #r', ExpressionAttributeNames: { '#r': 'rank' } },
        [OTHER_TABLE]: { Keys: [{ id: { S: 'x' } }], ConsistentRead: true },
      },
      ReturnConsumedCapacity: 'TOTAL',
    },
  ],
  ['batch get: whole items', 'BatchGetItem', { RequestItems: { [TABLE]: { Keys: [key('a', 7), key('a', 8)] } } }],
  [
    'transact get: whole, projected, missing',
    'TransactGetItems',
    {
      TransactItems: [
        { Get: { TableName: TABLE, Key: key('a', 3) } },
        { Get: { TableName: TABLE, Key: key('b', 6), ProjectionExpression: 'zeta, #seven', ExpressionAttributeNames: { '#seven': '7' } } },
        { Get: { TableName: OTHER_TABLE, Key: { id: { S: 'missing' } } } },
      ],
      ReturnConsumedCapacity: 'TOTAL',
    },
  ],
];

/** The answer's bytes as the front door sends them. */
function bodyOf(answer: unknown): string {
  return answer instanceof PreparedBody ? Buffer.from(answer.bytes).toString('utf8') : JSON.stringify(answer ?? {});
}

async function answers(): Promise<string[]> {
  const handlers = await loadedHandlers();
  const bodies: string[] = [];
  for (const [, operation, body] of cases) {
    bodies.push(bodyOf(await (handlers.get(operation) as OperationHandler)(body, { requestId: 'test', operation })));
  }
  return bodies;
}

function parseGolden(text: string): Map<string, string> {
  const golden = new Map<string, string>();
  const lines = text.split('\n');
  for (let index = 0; index + 1 < lines.length; index += 2) {
    golden.set((lines[index] as string).slice(CASE_PREFIX.length), lines[index + 1] as string);
  }
  return golden;
}

describe('read answers', () => {
  if (rewrite) {
    it('rewritten', async () => {
      const bodies = await answers();
      writeFileSync(goldenPath, cases.map(([name], index) => `${CASE_PREFIX}${name}\n${bodies[index] as string}\n`).join(''));
    });
    return;
  }
  it('are byte for byte the recorded answers', async () => {
    const golden = parseGolden(readFileSync(goldenPath, 'utf8'));
    const bodies = await answers();
    assert.equal(golden.size, cases.length);
    cases.forEach(([name], index) => assert.equal(bodies[index], golden.get(name), name));
  });
});
