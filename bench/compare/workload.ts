/**
 * The benchmark's table, its initial data and the requests of each measured operation, all serialised once
 * before the run so the load generator only writes buffers.
 */
import { dynamoRequest } from './http-load.js';

export const TABLE_NAME = 'bench';
/** Query reads 25 items of a collection of this many. */
export const COLLECTION_SIZE = 100;
export const QUERY_PAGE_ITEMS = 25;
/** 40 collections of 100 items of about 300 bytes: more than the 1 MB a Scan page reads. */
export const COLLECTION_COUNT = 40;
const PAYLOAD = 'x'.repeat(200);
/** Distinct requests prepared per operation; the run cycles through them. */
const REQUESTS_PER_OPERATION = 2048;
const BATCH_ITEMS = 25;
const TRANSACTION_ITEMS = 4;

export interface Operation {
  readonly name: string;
  /** Prepared requests, cycled through by the load generator. */
  readonly requests: () => Buffer[];
}

type Attributes = Record<string, unknown>;

function item(partitionKey: string, sortKey: number): Attributes {
  return {
    pk: { S: partitionKey },
    sk: { N: String(sortKey) },
    payload: { S: PAYLOAD },
    n: { N: '1' },
    flag: { BOOL: true },
    attrs: { M: { color: { S: 'blue' }, size: { N: '42' } } },
  };
}

const collectionKey = (collection: number): string => `c${collection}`;

function prepared(operation: string, body: (index: number) => unknown): Buffer[] {
  return Array.from({ length: REQUESTS_PER_OPERATION }, (_, index) => dynamoRequest(operation, body(index)));
}

export const createTableBody = {
  TableName: TABLE_NAME,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'N' },
  ],
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
};

/** BatchWriteItem bodies that load every collection. */
export function initialDataBodies(): unknown[] {
  const bodies: unknown[] = [];
  for (let collection = 0; collection < COLLECTION_COUNT; collection++) {
    for (let first = 0; first < COLLECTION_SIZE; first += BATCH_ITEMS) {
      const puts = Array.from({ length: BATCH_ITEMS }, (_, offset) => ({ PutRequest: { Item: item(collectionKey(collection), first + offset) } }));
      bodies.push({ RequestItems: { [TABLE_NAME]: puts } });
    }
  }
  return bodies;
}

/** A key of the initial data, spread over every collection. */
function existingKey(index: number): Attributes {
  return { pk: { S: collectionKey(index % COLLECTION_COUNT) }, sk: { N: String(Math.floor(index / COLLECTION_COUNT) % COLLECTION_SIZE) } };
}

export const operations: readonly Operation[] = [
  {
    name: 'PutItem',
    requests: () => prepared('PutItem', (index) => ({ TableName: TABLE_NAME, Item: item(`put${index}`, index) })),
  },
  {
    name: 'GetItem',
    requests: () => prepared('GetItem', (index) => ({ TableName: TABLE_NAME, Key: existingKey(index) })),
  },
  {
    name: 'UpdateItem with a condition',
    requests: () =>
      prepared('UpdateItem', (index) => ({
        TableName: TABLE_NAME,
        Key: existingKey(index),
        UpdateExpression: 'SET #n = #n + :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#n': 'n' },
        ExpressionAttributeValues: { ':one': { N: '1' } },
      })),
  },
  {
    name: `Query (${QUERY_PAGE_ITEMS} of ${COLLECTION_SIZE})`,
    requests: () =>
      prepared('Query', (index) => {
        const low = (index % (COLLECTION_SIZE / QUERY_PAGE_ITEMS)) * QUERY_PAGE_ITEMS;
        return {
          TableName: TABLE_NAME,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
          ExpressionAttributeValues: {
            ':pk': { S: collectionKey(index % COLLECTION_COUNT) },
            ':low': { N: String(low) },
            ':high': { N: String(low + QUERY_PAGE_ITEMS - 1) },
          },
        };
      }),
  },
  {
    name: 'Scan (1 MB page)',
    requests: () => prepared('Scan', () => ({ TableName: TABLE_NAME })),
  },
  {
    name: `BatchWriteItem (${BATCH_ITEMS} items)`,
    requests: () =>
      prepared('BatchWriteItem', (index) => ({
        RequestItems: { [TABLE_NAME]: Array.from({ length: BATCH_ITEMS }, (_, offset) => ({ PutRequest: { Item: item(`batch${index}`, offset) } })) },
      })),
  },
  {
    name: `TransactWriteItems (${TRANSACTION_ITEMS} items)`,
    requests: () =>
      prepared('TransactWriteItems', (index) => ({
        TransactItems: Array.from({ length: TRANSACTION_ITEMS }, (_, offset) => ({ Put: { TableName: TABLE_NAME, Item: item(`transact${index}`, offset) } })),
      })),
  },
];
