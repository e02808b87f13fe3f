import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { rawRequest, signedHeaders, type RawRequest, type RawResponse } from './support/raw-http.js';
import { startTestServer } from './support/server.js';

/**
 * The server must never crash nor answer 500, whatever it is sent: valid requests of every implemented
 * operation with one member mutated, random JSON, invalid UTF-8, odd headers. Every answer must be a 200
 * or a DynamoDB error (JSON with `__type`), or one of the front door's documented non-JSON answers; the
 * server must keep serving and its tables stay as they were. Requests come from a seeded generator:
 * ROBUSTNESS_SEED replays a run.
 */
const SEED = Number(process.env['ROBUSTNESS_SEED'] ?? 20_261_126);
const CONCURRENT_REQUESTS = 8;
/** Requests one round sends; CI runs enough rounds for at least 50,000, `npm run fuzz` far more. */
const REQUESTS_PER_ROUND = 3_800;
const CI_REQUESTS_MIN = 50_000;
const ROUNDS = Number(process.env['ROBUSTNESS_ROUNDS'] ?? (process.env['CI'] === 'true' ? Math.ceil(CI_REQUESTS_MIN / REQUESTS_PER_ROUND) : 1));

const PLAIN = 'robust-plain';
const INDEXED = 'robust-indexed';
const SCRATCH = 'robust-scratch';
const DOOMED = 'robust-doomed';
const LIVE_STREAM_ARN = 'robust-live-stream-arn';
const LIVE_SHARD_ID = 'robust-live-shard-id';
const LIVE_SHARD_ITERATOR = 'robust-live-shard-iterator';
const arnOf = (table: string): string => `arn:aws:dynamodb:us-east-1:000000000000:table/${table}`;

interface Probe {
  readonly operation: string;
  readonly label: string;
  readonly request: RawRequest;
}

// ---- valid requests of every operation --------------------------------------------------------------

const indexedDefinition = {
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'N' },
    { AttributeName: 'label', AttributeType: 'S' },
    { AttributeName: 'group', AttributeType: 'S' },
    { AttributeName: 'owner', AttributeType: 'B' },
  ],
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  LocalSecondaryIndexes: [
    {
      IndexName: 'byLabel',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'label', KeyType: 'RANGE' },
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
      Projection: { ProjectionType: 'ALL' },
    },
    { IndexName: 'byOwner', KeySchema: [{ AttributeName: 'owner', KeyType: 'HASH' }], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['note'] } },
  ],
  BillingMode: 'PAY_PER_REQUEST',
};
const plainDefinition = {
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  BillingMode: 'PAY_PER_REQUEST',
};

const fullItem = {
  pk: { S: 'fuzz' },
  sk: { N: '1.50' },
  label: { S: 'label' },
  group: { S: 'group' },
  owner: { B: 'AAEC/w==' },
  note: { S: 'note' },
  n: { N: '-1e-5' },
  bool: { BOOL: true },
  nul: { NULL: true },
  ss: { SS: ['a', 'b'] },
  ns: { NS: ['1', '2'] },
  bs: { BS: ['AQ==', 'Ag=='] },
  list: { L: [{ S: 'x' }, { M: { inner: { N: '3' } } }] },
  map: { M: { deep: { L: [{ BOOL: false }] } } },
};
const indexedKey = { pk: { S: 'fuzz' }, sk: { N: '1.5' } };

/** One valid request per operation and variant; the mutations start from these. */
const validRequests: ReadonlyArray<{ readonly operation: string; readonly body: unknown }> = [
  { operation: 'CreateTable', body: { TableName: 'robust-created', ...indexedDefinition, Tags: [{ Key: 'k', Value: 'v' }] } },
  {
    operation: 'CreateTable',
    body: {
      TableName: 'robust-provisioned',
      ...plainDefinition,
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      SSESpecification: { Enabled: true, SSEType: 'KMS' },
      TableClass: 'STANDARD_INFREQUENT_ACCESS',
      DeletionProtectionEnabled: false,
    },
  },
  { operation: 'DescribeTable', body: { TableName: INDEXED } },
  { operation: 'ListTables', body: { Limit: 3, ExclusiveStartTableName: 'robust-a' } },
  { operation: 'UpdateTable', body: { TableName: SCRATCH, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 3 } } },
  {
    operation: 'UpdateTable',
    body: {
      TableName: SCRATCH,
      AttributeDefinitions: [{ AttributeName: 'added', AttributeType: 'N' }],
      GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'byAdded', KeySchema: [{ AttributeName: 'added', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } } }],
    },
  },
  { operation: 'UpdateTable', body: { TableName: SCRATCH, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'byGroup' } }] } },
  { operation: 'DeleteTable', body: { TableName: DOOMED } },
  { operation: 'TagResource', body: { ResourceArn: arnOf(SCRATCH), Tags: [{ Key: 'team', Value: 'storage' }] } },
  { operation: 'UntagResource', body: { ResourceArn: arnOf(SCRATCH), TagKeys: ['team'] } },
  { operation: 'ListTagsOfResource', body: { ResourceArn: arnOf(SCRATCH), NextToken: 'token' } },
  { operation: 'DescribeLimits', body: {} },
  { operation: 'DescribeEndpoints', body: {} },
  { operation: 'PutItem', body: { TableName: INDEXED, Item: fullItem, ReturnValues: 'ALL_OLD', ReturnConsumedCapacity: 'INDEXES' } },
  { operation: 'PutItem', body: { TableName: PLAIN, Item: { pk: { S: 'fuzz' }, v: { N: '1' } }, ReturnItemCollectionMetrics: 'SIZE' } },
  {
    operation: 'GetItem',
    body: { TableName: INDEXED, Key: indexedKey, ConsistentRead: true, AttributesToGet: ['pk', 'note'], ReturnConsumedCapacity: 'TOTAL' },
  },
  { operation: 'GetItem', body: { TableName: PLAIN, Key: { pk: { S: 'fuzz' } }, ProjectionExpression: '#p', ExpressionAttributeNames: { '#p': 'pk' } } },
  { operation: 'DeleteItem', body: { TableName: INDEXED, Key: indexedKey, ReturnValues: 'ALL_OLD', ReturnConsumedCapacity: 'INDEXES' } },
  { operation: 'DeleteItem', body: { TableName: PLAIN, Key: { pk: { S: 'fuzz' } }, Expected: { v: { Exists: false } } } },
  {
    operation: 'PutItem',
    body: {
      TableName: PLAIN,
      Item: { pk: { S: 'fuzz' }, v: { N: '1' } },
      ConditionExpression: 'attribute_not_exists(#v) OR (#v BETWEEN :low AND :high AND NOT contains(tags, :tag))',
      ExpressionAttributeNames: { '#v': 'v' },
      ExpressionAttributeValues: { ':low': { N: '0' }, ':high': { N: '9' }, ':tag': { S: 't' } },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  },
  {
    operation: 'UpdateItem',
    body: {
      TableName: INDEXED,
      Key: indexedKey,
      UpdateExpression: 'SET #n = if_not_exists(#n, :zero) + :one, list = list_append(if_not_exists(list, :empty), :more) REMOVE note ADD ss :set DELETE bs :bytes',
      ConditionExpression: 'size(label) < :ten AND attribute_type(label, :type)',
      ExpressionAttributeNames: { '#n': 'n' },
      ExpressionAttributeValues: {
        ':zero': { N: '0' },
        ':one': { N: '1' },
        ':empty': { L: [] },
        ':more': { L: [{ S: 'x' }] },
        ':set': { SS: ['c'] },
        ':bytes': { BS: ['AQ=='] },
        ':ten': { N: '10' },
        ':type': { S: 'S' },
      },
      ReturnValues: 'UPDATED_NEW',
    },
  },
  {
    operation: 'UpdateItem',
    body: { TableName: PLAIN, Key: { pk: { S: 'fuzz' } }, AttributeUpdates: { v: { Action: 'ADD', Value: { N: '2' } } }, Expected: { v: { ComparisonOperator: 'GE', AttributeValueList: [{ N: '0' }] } } },
  },
  {
    operation: 'Query',
    body: {
      TableName: INDEXED,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
      FilterExpression: 'attribute_exists(note) OR size(label) > :zero',
      ProjectionExpression: 'pk, sk, #l, list[0]',
      ExpressionAttributeNames: { '#l': 'label' },
      ExpressionAttributeValues: { ':pk': { S: 'fuzz' }, ':low': { N: '0' }, ':high': { N: '9' }, ':zero': { N: '0' } },
      ScanIndexForward: false,
      Limit: 5,
      ExclusiveStartKey: indexedKey,
      ReturnConsumedCapacity: 'INDEXES',
    },
  },
  {
    operation: 'Query',
    body: { TableName: INDEXED, IndexName: 'byGroup', KeyConditions: { group: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'group' }] } }, Select: 'COUNT' },
  },
  { operation: 'Scan', body: { TableName: INDEXED, IndexName: 'byLabel', Segment: 1, TotalSegments: 3, ScanFilter: { note: { ComparisonOperator: 'NOT_NULL' } }, Limit: 10 } },
  {
    operation: 'BatchGetItem',
    body: {
      RequestItems: {
        [INDEXED]: { Keys: [indexedKey], ProjectionExpression: '#p', ExpressionAttributeNames: { '#p': 'pk' }, ConsistentRead: true },
        [PLAIN]: { Keys: [{ pk: { S: 'fuzz' } }, { pk: { S: 'other' } }] },
      },
      ReturnConsumedCapacity: 'TOTAL',
    },
  },
  {
    operation: 'BatchWriteItem',
    body: {
      RequestItems: {
        [PLAIN]: [{ PutRequest: { Item: { pk: { S: 'batch' }, v: { N: '1' } } } }, { DeleteRequest: { Key: { pk: { S: 'gone' } } } }],
      },
      ReturnConsumedCapacity: 'INDEXES',
    },
  },
  {
    operation: 'TransactWriteItems',
    body: {
      TransactItems: [
        { Put: { TableName: PLAIN, Item: { pk: { S: 'tx' }, v: { N: '1' } }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Update: { TableName: PLAIN, Key: { pk: { S: 'fuzz' } }, UpdateExpression: 'ADD v :one', ExpressionAttributeValues: { ':one': { N: '1' } } } },
        { ConditionCheck: { TableName: INDEXED, Key: indexedKey, ConditionExpression: 'attribute_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
        { Delete: { TableName: PLAIN, Key: { pk: { S: 'gone' } } } },
      ],
      ClientRequestToken: 'robust-token',
      ReturnConsumedCapacity: 'TOTAL',
    },
  },
  {
    operation: 'TransactGetItems',
    body: { TransactItems: [{ Get: { TableName: PLAIN, Key: { pk: { S: 'fuzz' } }, ProjectionExpression: 'v' } }, { Get: { TableName: INDEXED, Key: indexedKey } }] },
  },
  { operation: 'UpdateTimeToLive', body: { TableName: SCRATCH, TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' } } },
  { operation: 'DescribeTimeToLive', body: { TableName: PLAIN } },
  { operation: 'ListStreams', body: { TableName: PLAIN, Limit: 2 } },
  { operation: 'DescribeStream', body: { StreamArn: LIVE_STREAM_ARN, Limit: 10 } },
  { operation: 'GetShardIterator', body: { StreamArn: LIVE_STREAM_ARN, ShardId: LIVE_SHARD_ID, ShardIteratorType: 'TRIM_HORIZON' } },
  { operation: 'GetRecords', body: { ShardIterator: LIVE_SHARD_ITERATOR, Limit: 100 } },
];

/**
 * PLAIN's stream ARN, a shard id and an iterator exist only once the server runs: requests carry these
 * stand-ins, which sendAll replaces with the live values (a mutation that breaks a stand-in leaves it as it is).
 */
const liveStream = new Map<string, string>();

function withLiveStream(request: RawRequest): RawRequest {
  const body = request.body;
  if (typeof body !== 'string' || !body.includes('robust-live-')) return request;
  let replaced = body;
  for (const [standIn, value] of liveStream) replaced = replaced.replaceAll(standIn, value);
  const headers = request.headers;
  const length = headers?.['content-length'] === undefined ? {} : { headers: { ...headers, 'content-length': String(Buffer.byteLength(replaced)) } };
  return { ...request, ...length, body: replaced };
}

// ---- what a mutation puts in place of a member --------------------------------------------------------

const BOUNDARY_LENGTHS = [0, 1, 2, 3, 254, 255, 256, 1024, 1025, 2048, 2049, 4096, 65_536, 400 * 1024 + 1];

/** JSON text put into a request as it is: nesting too deep for JSON.stringify to write. */
class RawJson {
  constructor(readonly text: string) {}
}

function nested(depth: number, open: string, leaf: string, close: string): RawJson {
  return new RawJson(open.repeat(depth) + leaf + close.repeat(depth));
}

/** JSON.stringify, with each RawJson written as its text. */
function serialise(value: unknown): string {
  const raws: string[] = [];
  // A request whose every member was removed has no body at all.
  const text = JSON.stringify(value, (_name, member: unknown) => (member instanceof RawJson ? `\ue000${raws.push(member.text) - 1}\ue000` : member)) ?? '';
  return text.replace(/"\ue000(\d+)\ue000"/g, (_match, index: string) => raws[Number(index)] as string);
}

const oddStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\u0000'.repeat(2048),
  '\ud800',
  'a\udc00b',
  '\udbff\udbff',
  '\uffff\ufffe',
  '\u{10ffff}',
  '💥'.repeat(600),
  'e\u0301',
  '\u202e',
  'null',
  'true',
  '__proto__',
  'constructor',
  '${x}',
  '#name',
  ':value',
  'arn:aws:dynamodb:us-east-1:000000000000:table/',
  'arn:aws:dynamodb:us-east-1:000000000000:table/robust-nothing',
  'arn:aws:dynamodb:::table/x/index/y',
);
const oddNumbers = fc.constantFrom(
  '1e999',
  '-1e-999',
  '1E-130',
  '1E-131',
  '9.9999999999999999999999999999999999999E+125',
  '1E+126',
  '9'.repeat(38),
  '9'.repeat(39),
  `0.${'0'.repeat(200)}1`,
  '-0',
  '+1',
  '0x10',
  'NaN',
  'Infinity',
  ' 1',
  '1 ',
  '.',
  '1.',
  '.5',
  '1e',
  '--1',
  '1_000',
  '١',
);
const oddBase64 = fc.constantFrom('!', 'A', 'AA=', 'AAA', '====', 'YQ', 'YQ=', 'Y Q==', 'YQ==\n', 'YR==', '\u0000', '-_-_', 'A'.repeat(2732), 'AA'.repeat(300_000));
const oddAttributeValues = fc.constantFrom<unknown>(
  {},
  { S: 1 },
  { N: 1 },
  { N: '' },
  { B: 1 },
  { BOOL: 'yes' },
  { BOOL: 'true' },
  { NULL: false },
  { NULL: 'true' },
  { SS: [] },
  { SS: ['a', 'a'] },
  { SS: [null] },
  { NS: ['1', '1.0'] },
  { NS: [1] },
  { BS: ['AQ==', 'AQ=='] },
  { L: {} },
  { L: null },
  { M: [] },
  { M: null },
  { S: 'x', N: '1' },
  { X: 'y' },
  { s: 'lower' },
  { S: null },
  { L: [null] },
  { M: { '': { S: 'empty name' } } },
);
const numberLike = fc.oneof(oddNumbers.map((text) => ({ N: text })), oddNumbers, oddNumbers.map((text) => ({ NS: [text] })));
const base64Like = fc.oneof(oddBase64.map((text) => ({ B: text })), oddBase64, oddBase64.map((text) => ({ BS: [text] })));
const sized = fc.tuple(fc.constantFrom(...BOUNDARY_LENGTHS), fc.constantFrom('x', '\u0000', 'é', '😀')).map(([length, unit]) => unit.repeat(length));
const deep = fc
  .tuple(fc.constantFrom(31, 32, 33, 100, 10_000, 100_000), fc.constantFrom('map', 'list', 'array', 'object'))
  .map(([depth, kind]) => {
    switch (kind) {
      case 'map':
        return nested(depth, '{"M":{"a":', '{"S":"leaf"}', '}}');
      case 'list':
        return nested(depth, '{"L":[', '{"N":"1"}', ']}');
      case 'array':
        return nested(depth, '[', '1', ']');
      default:
        return nested(depth, '{"a":', '"leaf"', '}');
    }
  });
const huge = fc.constantFrom<unknown>(
  Array.from({ length: 1_000 }, (_, index) => ({ S: `v${index}` })),
  Array.from({ length: 30_000 }, () => 'x'),
  Object.fromEntries(Array.from({ length: 5_000 }, (_, index) => [`a${index}`, { N: String(index) }])),
  { SS: Array.from({ length: 10_000 }, (_, index) => `s${index}`) },
  { L: Array.from({ length: 5_000 }, () => ({ NULL: true })) },
);

const replacement: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 4_294_967_296, -0, [], {}, [[]], [null], { '': '' }),
  oddStrings,
  sized,
  numberLike,
  base64Like,
  oddAttributeValues,
  deep,
  huge,
  fc.jsonValue({ maxDepth: 3 }),
);
const memberName = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', '', 'TableName', 'Item', 'S', 'N', 'M', 'Key', 'Limit', '\u0000', '\ud800'), fc.string({ maxLength: 8 }));

// ---- mutations ----------------------------------------------------------------------------------------

type Path = ReadonlyArray<string | number>;
type Mutation =
  | { readonly kind: 'replace'; readonly value: unknown }
  | { readonly kind: 'remove' }
  | { readonly kind: 'add'; readonly name: string; readonly value: unknown }
  | { readonly kind: 'repeat'; readonly times: number };

function pathsOf(value: unknown, path: Path = []): Path[] {
  const paths: Path[] = [path];
  if (Array.isArray(value)) value.forEach((element, index) => paths.push(...pathsOf(element, [...path, index])));
  else if (typeof value === 'object' && value !== null) {
    for (const [name, member] of Object.entries(value)) paths.push(...pathsOf(member, [...path, name]));
  }
  return paths;
}

/** A copy of `body` with the node at `path` mutated; members named `__proto__` are set as own members. */
function mutated(body: unknown, path: Path, mutation: Mutation): unknown {
  const root = structuredClone({ root: body }) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = root;
  let name: string | number = 'root';
  for (const step of path) {
    parent = parent[name] as Record<string | number, unknown>;
    name = step;
  }
  const define = (target: Record<string | number, unknown>, key: string | number, value: unknown): void =>
    void Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  const node = parent[name];
  switch (mutation.kind) {
    case 'replace':
      define(parent, name, mutation.value);
      break;
    case 'remove':
      if (Array.isArray(parent)) parent.splice(Number(name), 1);
      else delete parent[name];
      break;
    case 'add':
      if (Array.isArray(node)) node.push(mutation.value);
      else if (typeof node === 'object' && node !== null) define(node as Record<string, unknown>, mutation.name, mutation.value);
      else define(parent, name, { [mutation.name]: mutation.value });
      break;
    case 'repeat':
      define(parent, name, Array.from({ length: mutation.times }, () => node));
      break;
  }
  return root['root'];
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: replacement.map((value) => ({ kind: 'replace' as const, value })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'remove' as const }) },
  { weight: 2, arbitrary: fc.tuple(memberName, replacement).map(([name, value]) => ({ kind: 'add' as const, name, value })) },
  { weight: 1, arbitrary: fc.constantFrom(2, 25, 26, 100, 101, 1_000).map((times) => ({ kind: 'repeat' as const, times })) },
);

const mutatedRequest: fc.Arbitrary<Probe> = fc
  .tuple(fc.constantFrom(...validRequests), fc.nat(), mutation)
  .map(([valid, pathChoice, change]) => {
    const paths = pathsOf(valid.body);
    const path = paths[pathChoice % paths.length] as Path;
    return {
      operation: valid.operation,
      label: `${valid.operation} ${change.kind} at /${path.join('/')}`,
      request: { headers: signedHeaders(valid.operation), body: serialise(mutated(valid.body, path, change)) },
    };
  });

/** Changes to the JSON text itself: cut short, a character inserted, a member given twice. */
const mangledText: fc.Arbitrary<Probe> = fc
  .tuple(fc.constantFrom(...validRequests), fc.nat(), fc.constantFrom('cut', 'insert', 'duplicate'), fc.constantFrom('"', '{', '}', ',', ':', '\\', '\u0000', ' ', 'x', ']'))
  .map(([valid, position, kind, character]) => {
    const text = JSON.stringify(valid.body);
    const at = position % (text.length + 1);
    const body =
      kind === 'cut'
        ? text.slice(0, at)
        : kind === 'insert'
          ? text.slice(0, at) + character + text.slice(at)
          : `{"TableName":${JSON.stringify(INDEXED)},${text.slice(1)}`;
    return { operation: valid.operation, label: `${valid.operation} text ${kind} at ${at}`, request: { headers: signedHeaders(valid.operation), body } };
  });

const operations = [...new Set(validRequests.map((valid) => valid.operation))];
const randomJson: fc.Arbitrary<Probe> = fc
  .tuple(fc.constantFrom(...operations), fc.oneof(fc.json({ maxDepth: 4 }), fc.anything({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'undefined')))
  .map(([operation, body]) => ({ operation, label: `${operation} random JSON`, request: { headers: signedHeaders(operation), body } }));

// ---- invalid UTF-8 and odd headers --------------------------------------------------------------------

const INVALID_UTF8 = [[0xff], [0xc0, 0x80], [0x80], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f], [0xfe, 0xfe, 0xff], [0x00]];

const invalidUtf8: fc.Arbitrary<Probe> = fc
  .tuple(fc.constantFrom(...validRequests), fc.constantFrom(...INVALID_UTF8), fc.nat())
  .map(([valid, bytes, position]) => {
    const text = Buffer.from(JSON.stringify(valid.body));
    // Inside a string value where one is found, so the rest of the request stays valid; anywhere otherwise.
    const quotes = [...text.keys()].filter((index) => text[index] === 0x22);
    const at = quotes.length === 0 ? position % (text.length + 1) : (quotes[position % quotes.length] as number) + 1;
    const body = Buffer.concat([text.subarray(0, at), Buffer.from(bytes), text.subarray(at)]);
    return {
      operation: valid.operation,
      label: `${valid.operation} invalid UTF-8 ${Buffer.from(bytes).toString('hex')} at ${at}`,
      request: { headers: signedHeaders(valid.operation), body },
    };
  });

const headerVariants: ReadonlyArray<(headers: Record<string, string>) => Record<string, string>> = [
  (headers) => ({ ...headers, 'content-type': 'application/json' }),
  (headers) => ({ ...headers, 'content-type': 'application/x-amz-json-1.0; charset=utf-8' }),
  (headers) => ({ ...headers, 'content-type': 'application/x-amz-json-1.1' }),
  (headers) => ({ ...headers, 'content-type': ';;;' }),
  (headers) => withoutHeader(headers, 'content-type'),
  (headers) => withoutHeader(headers, 'authorization'),
  (headers) => withoutHeader(headers, 'x-amz-date'),
  (headers) => withoutHeader(headers, 'x-amz-target'),
  (headers) => ({ ...headers, authorization: 'AWS4-HMAC-SHA256' }),
  (headers) => ({ ...headers, authorization: 'AWS4-HMAC-SHA256 Credential=, SignedHeaders=, Signature=' }),
  (headers) => ({ ...headers, authorization: 'Basic dXNlcjpwYXNz' }),
  (headers) => ({ ...headers, authorization: `AWS4-HMAC-SHA256 Credential=${'A'.repeat(8_000)}` }),
  (headers) => ({ ...headers, 'x-amz-target': 'DynamoDB_20120810.' }),
  (headers) => ({ ...headers, 'x-amz-target': 'DynamoDB_20120810.putitem' }),
  (headers) => ({ ...headers, 'x-amz-target': 'DynamoDB_20120810.PutItem.Extra' }),
  (headers) => ({ ...headers, 'x-amz-target': 'DynamoDBStreams_20120810.GetRecords' }),
  (headers) => ({ ...headers, 'x-amz-target': 'DynamoDB_20120810.__proto__' }),
  (headers) => ({ ...headers, 'x-amz-target': 'DynamoDB_20120810.constructor' }),
  (headers) => ({ ...headers, 'x-amz-target': 'DynamoDB_20120810.TransactWriteItems' }),
  (headers) => ({ ...headers, 'content-encoding': 'gzip' }),
  (headers) => ({ ...headers, origin: 'http://example.com' }),
  (headers) => ({ ...headers, expect: '100-continue' }),
];

function withoutHeader(headers: Record<string, string>, name: string): Record<string, string> {
  const copy = { ...headers };
  delete copy[name];
  return copy;
}

const oddHeaders: fc.Arbitrary<Probe> = fc
  .tuple(fc.constantFrom(...validRequests), fc.nat({ max: headerVariants.length - 1 }), fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'OPTIONS', 'HEAD'), fc.constantFrom('/', '/?X-Amz-Algorithm=x', '/%zz', '/x//y?a=%', '/?X-Amz-Credential=a&X-Amz-Signature=b'))
  .map(([valid, variant, method, path]) => {
    const body = JSON.stringify(valid.body);
    const headers = (headerVariants[variant] as (headers: Record<string, string>) => Record<string, string>)(signedHeaders(valid.operation));
    // Node frames a body of a GET, HEAD or OPTIONS only when told its length; unframed, it is not HTTP.
    if (method !== 'POST') headers['content-length'] = String(Buffer.byteLength(body));
    return { operation: valid.operation, label: `${valid.operation} ${method} ${path} headers #${variant}`, request: { method, path, headers, body } };
  });

// ---- sending and judging ------------------------------------------------------------------------------

const UNKNOWN_OPERATION_XML = '<UnknownOperationException/>\n';

/** Why an answer is not acceptable, or undefined when it is. */
function problemWith(probe: Probe, response: RawResponse): string | undefined {
  if (response.status >= 500) return `status ${response.status}`;
  const method = probe.request.method ?? 'POST';
  // An answer to HEAD has no body.
  if (method === 'HEAD') return undefined;
  const crc = response.headers['x-amz-crc32'];
  if (crc !== undefined && crc !== String(crc32(Buffer.from(response.body)))) return 'x-amz-crc32 does not match the body';
  if (response.status === 200) {
    if (method !== 'POST') return undefined;
    try {
      const body: unknown = JSON.parse(response.body);
      return typeof body === 'object' && body !== null && !Array.isArray(body) ? undefined : 'a 200 whose body is not a JSON object';
    } catch {
      return 'a 200 whose body is not JSON';
    }
  }
  if (response.status === 404 && response.body === UNKNOWN_OPERATION_XML) return undefined;
  if (response.status === 413 && response.body === '') return undefined;
  if (response.status < 400) return `status ${response.status}`;
  try {
    const body = JSON.parse(response.body) as { __type?: unknown };
    return typeof body.__type === 'string' && body.__type !== '' ? undefined : `status ${response.status} without __type`;
  } catch {
    return `status ${response.status} with a body that is not JSON: ${response.body.slice(0, 80)}`;
  }
}

interface Failure {
  readonly label: string;
  readonly problem: string;
  readonly answer: string;
  readonly request: string;
}

async function sendAll(endpoint: string, probes: readonly Probe[]): Promise<Failure[]> {
  const failures: Failure[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < probes.length) {
      const probe = probes[next++] as Probe;
      let problem: string | undefined;
      let answer = '';
      try {
        const response = await rawRequest(endpoint, withLiveStream(probe.request));
        problem = problemWith(probe, response);
        answer = `${response.status} ${response.body.slice(0, 200)}`;
      } catch (error) {
        problem = `no answer: ${String(error)}`;
      }
      if (problem !== undefined) {
        const body = probe.request.body;
        const text = body === undefined ? '' : Buffer.isBuffer(body) ? body.toString('hex') : body;
        failures.push({ label: probe.label, problem, answer, request: text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text });
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_REQUESTS }, worker));
  return failures;
}

function assertNoFailures(failures: readonly Failure[], sent: number): void {
  const byCause = new Map<string, Failure>();
  for (const failure of failures) byCause.set(`${failure.label} ${failure.problem}`, failure);
  const report = [...byCause.values()].slice(0, 15).map((failure) => JSON.stringify(failure, null, 1));
  assert.equal(failures.length, 0, `${failures.length} of ${sent} requests were answered badly (seed ${SEED}); distinct causes:\n${report.join('\n')}`);
}

function sample(arbitrary: fc.Arbitrary<Probe>, count: number, seedOffset: number): Probe[] {
  return fc.sample(arbitrary, { seed: SEED + seedOffset, numRuns: count });
}

/** Sends `ROUNDS` rounds of probes, each round drawn afresh (bounded memory), and fails on any bad answer. */
async function fuzz(endpoint: string, draw: (round: number) => Probe[]): Promise<void> {
  const failures: Failure[] = [];
  let sent = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const probes = draw(round);
    failures.push(...(await sendAll(endpoint, probes)));
    sent += probes.length;
  }
  assertNoFailures(failures, sent);
}

// ---- the tests ----------------------------------------------------------------------------------------

const knownItems: ReadonlyArray<{ readonly table: string; readonly item: Record<string, unknown>; readonly key: Record<string, unknown> }> = [
  { table: PLAIN, item: { pk: { S: 'known' }, v: { N: '1' } }, key: { pk: { S: 'known' } } },
  { table: PLAIN, item: { pk: { S: '\u0000\ud800 known' }, b: { B: 'AA==' } }, key: { pk: { S: '\u0000\ud800 known' } } },
  { table: INDEXED, item: { ...fullItem, pk: { S: 'known' }, sk: { N: '1.5' }, n: { N: '-0.00001' } }, key: { pk: { S: 'known' }, sk: { N: '1.5' } } },
  { table: INDEXED, item: { pk: { S: 'k'.repeat(2048) }, sk: { N: '-1' }, label: { S: 'l'.repeat(1024) }, group: { S: 'g'.repeat(2048) } }, key: { pk: { S: 'k'.repeat(2048) }, sk: { N: '-1' } } },
];

type Send = (operation: string, body: unknown) => Promise<RawResponse>;

const sender =
  (endpoint: () => string): Send =>
  (operation, body) =>
    rawRequest(endpoint(), { headers: signedHeaders(operation), body: JSON.stringify(body) });

const STATUS_POLLS_MAX = 100;

/** Waits for a table to be ACTIVE; returns the last DescribeTable answer (an error one included). */
/** Reads PLAIN's stream ARN, its first shard and an iterator into it, for the stand-ins of the requests. */
async function learnLiveStream(send: Send): Promise<void> {
  const table = JSON.parse((await send('DescribeTable', { TableName: PLAIN })).body) as { Table: { LatestStreamArn: string } };
  const streamArn = table.Table.LatestStreamArn;
  const stream = JSON.parse((await send('DescribeStream', { StreamArn: streamArn })).body) as { StreamDescription: { Shards: { ShardId: string }[] } };
  const shardId = stream.StreamDescription.Shards[0]?.ShardId as string;
  const iterator = await send('GetShardIterator', { StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' });
  assert.equal(iterator.status, 200, iterator.body);
  liveStream.set(LIVE_STREAM_ARN, streamArn);
  liveStream.set(LIVE_SHARD_ID, shardId);
  liveStream.set(LIVE_SHARD_ITERATOR, (JSON.parse(iterator.body) as { ShardIterator: string }).ShardIterator);
}

async function describeWhenActive(send: Send, table: string): Promise<RawResponse> {
  let described = await send('DescribeTable', { TableName: table });
  for (let poll = 0; poll < STATUS_POLLS_MAX && described.status === 200; poll++) {
    if ((JSON.parse(described.body) as { Table: { TableStatus: string } }).Table.TableStatus === 'ACTIVE') break;
    await new Promise((resolve) => setTimeout(resolve, 10));
    described = await send('DescribeTable', { TableName: table });
  }
  return described;
}

describe('robustness against malformed requests', { timeout: 60_000 * ROUNDS }, () => {
  let server: EmbeddedServer;
  const send = sender(() => server.endpoint);

  before(async () => {
    server = await startTestServer();
    for (const [name, definition] of [
      [PLAIN, { ...plainDefinition, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } }],
      [INDEXED, indexedDefinition],
      [SCRATCH, indexedDefinition],
      [DOOMED, plainDefinition],
    ] as const) {
      const created = await send('CreateTable', { TableName: name, ...definition });
      assert.equal(created.status, 200, created.body);
      assert.equal((await describeWhenActive(send, name)).status, 200);
    }
    for (const { table, item } of knownItems) {
      const put = await send('PutItem', { TableName: table, Item: item });
      assert.equal(put.status, 200, put.body);
    }
    await learnLiveStream(send);
  });
  after(() => server.close());

  // Each round draws from its own seeds (offsets spaced by 10), so rounds never repeat one another.
  it('answers valid requests with one member mutated with 200 or a DynamoDB error', { timeout: ROUNDS * 120_000 }, async () => {
    await fuzz(server.endpoint, (round) => sample(mutatedRequest, 2_400, 1 + 10 * round));
  });

  it('answers mangled JSON text and random JSON bodies with 200 or a DynamoDB error', { timeout: ROUNDS * 60_000 }, async () => {
    await fuzz(server.endpoint, (round) => [...sample(mangledText, 300, 2 + 10 * round), ...sample(randomJson, 400, 3 + 10 * round)]);
  });

  it('answers invalid UTF-8 with 200 or a DynamoDB error', { timeout: ROUNDS * 60_000 }, async () => {
    await fuzz(server.endpoint, (round) => sample(invalidUtf8, 300, 4 + 10 * round));
  });

  it('answers odd methods, paths and headers with 200 or a DynamoDB error', { timeout: ROUNDS * 60_000 }, async () => {
    await fuzz(server.endpoint, (round) => sample(oddHeaders, 400, 5 + 10 * round));
  });

  const nullMembers: ReadonlyArray<readonly [string, Record<string, unknown>]> = [
    ['CreateTable', { TableName: 'robust-null-a', ...plainDefinition, StreamSpecification: null }],
    ['CreateTable', { TableName: 'robust-null-b', ...plainDefinition, SSESpecification: null }],
    ['CreateTable', { TableName: 'robust-null-c', ...plainDefinition, BillingMode: 'PROVISIONED', ProvisionedThroughput: null }],
    ['CreateTable', { TableName: 'robust-null-d', ...plainDefinition, AttributeDefinitions: [null] }],
    ['CreateTable', { TableName: 'robust-null-e', ...plainDefinition, KeySchema: [null] }],
    ['CreateTable', { TableName: 'robust-null-f', ...indexedDefinition, LocalSecondaryIndexes: null }],
    ['CreateTable', { TableName: 'robust-null-g', ...indexedDefinition, LocalSecondaryIndexes: [null] }],
    ['CreateTable', { TableName: 'robust-null-h', ...plainDefinition, Tags: [null] }],
    ['UpdateTable', { TableName: SCRATCH, BillingMode: 'PROVISIONED', ProvisionedThroughput: null }],
    ['UpdateTable', { TableName: SCRATCH, GlobalSecondaryIndexUpdates: [null] }],
    ['UpdateTable', { TableName: SCRATCH, GlobalSecondaryIndexUpdates: [{ Delete: null }] }],
    ['TagResource', { ResourceArn: arnOf(SCRATCH), Tags: [null] }],
    ['UntagResource', { ResourceArn: arnOf(SCRATCH), TagKeys: [null] }],
  ];

  it('answers null members and list elements of control-plane requests with a DynamoDB answer', async () => {
    const bad: string[] = [];
    for (const [operation, body] of nullMembers) {
      const probe: Probe = { operation, label: operation, request: { headers: signedHeaders(operation), body: JSON.stringify(body) } };
      const problem = problemWith(probe, await send(operation, body));
      if (problem !== undefined) bad.push(`${operation} ${JSON.stringify(body).slice(0, 160)}: ${problem}`);
    }
    assert.deepEqual(bad, []);
  });

  it('stores, reads and deletes items with the longest keys on a table with local and global indexes', async () => {
    const zeros = Buffer.alloc(2048).toString('base64');
    const keyed = [
      { pk: { S: '\u0000'.repeat(2048) }, sk: { N: '1' }, label: { S: '\u0000'.repeat(1024) }, group: { S: '\u0000'.repeat(2048) }, owner: { B: zeros } },
      { pk: { S: '\u0000'.repeat(2047) + 'x' }, sk: { N: '1' }, label: { S: '\u0000'.repeat(1024) }, group: { S: '\u0000'.repeat(2048) }, owner: { B: zeros } },
    ];
    for (const item of keyed) assert.equal((await send('PutItem', { TableName: INDEXED, Item: item })).status, 200);
    for (const item of keyed) {
      const read = await send('GetItem', { TableName: INDEXED, Key: { pk: item.pk, sk: item.sk }, ConsistentRead: true });
      assert.deepEqual(JSON.parse(read.body), { Item: item });
    }
    for (const item of keyed) {
      const deleted = await send('DeleteItem', { TableName: INDEXED, Key: { pk: item.pk, sk: item.sk }, ReturnValues: 'ALL_OLD' });
      assert.deepEqual(JSON.parse(deleted.body), { Attributes: item });
    }
  });

  it('keeps serving, with its tables and their items as they were', async () => {
    const health = await rawRequest(server.endpoint, { method: 'GET' });
    assert.equal(health.status, 200);
    for (const table of [PLAIN, INDEXED]) {
      const described = await send('DescribeTable', { TableName: table });
      assert.equal(described.status, 200, described.body);
      assert.equal((JSON.parse(described.body) as { Table: { TableStatus: string } }).Table.TableStatus, 'ACTIVE');
    }
    for (const { table, item, key } of knownItems) {
      const read = await send('GetItem', { TableName: table, Key: key, ConsistentRead: true });
      assert.equal(read.status, 200, read.body);
      assert.deepEqual(JSON.parse(read.body), { Item: item }, `${table} ${JSON.stringify(key).slice(0, 60)}`);
    }
    const listed = await send('ListTables', {});
    assert.equal(listed.status, 200);
    const streamArn = liveStream.get(LIVE_STREAM_ARN);
    const iterator = await send('GetShardIterator', { StreamArn: streamArn, ShardId: liveStream.get(LIVE_SHARD_ID), ShardIteratorType: 'TRIM_HORIZON' });
    assert.equal(iterator.status, 200, iterator.body);
    const records = await send('GetRecords', { ShardIterator: (JSON.parse(iterator.body) as { ShardIterator: string }).ShardIterator });
    assert.equal(records.status, 200, records.body);
  });
});

describe('known defect outside partition and router', () => {
  let server: EmbeddedServer;
  const send = sender(() => server.endpoint);
  before(async () => {
    server = await startTestServer();
    assert.equal((await send('CreateTable', { TableName: 'robust-prototype', ...indexedDefinition })).status, 200);
    assert.equal((await describeWhenActive(send, 'robust-prototype')).status, 200);
  });
  after(() => server.close());

  // Index names are data: a name such as __proto__ must not reach an object's prototype anywhere.
  it('serves tables with global indexes named after Object.prototype members', async () => {
    const created = await send('CreateTable', {
      TableName: 'robust-proto-index',
      ...plainDefinition,
      AttributeDefinitions: [...plainDefinition.AttributeDefinitions, { AttributeName: 'g', AttributeType: 'S' }],
      GlobalSecondaryIndexes: [{ IndexName: '__proto__', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
    });
    assert.equal(created.status, 200, created.body);
    assert.equal((await describeWhenActive(send, 'robust-proto-index')).status, 200, 'DescribeTable of a table with an index named __proto__');
    const updated = await send('UpdateTable', {
      TableName: 'robust-prototype',
      AttributeDefinitions: [{ AttributeName: 'g', AttributeType: 'S' }],
      GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'constructor', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }],
    });
    assert.equal(updated.status, 200, `UpdateTable creating an index named constructor: ${updated.body}`);
    const keys: Record<string, unknown> = { 'robust-proto-index': { pk: { S: 'p' } }, 'robust-prototype': indexedKey };
    for (const [table, key] of Object.entries(keys)) {
      const put = await send('PutItem', { TableName: table, Item: { ...(key as object), g: { S: 'indexed' } } });
      assert.equal(put.status, 200, `PutItem into ${table}: ${put.body}`);
    }
    assert.equal((await describeWhenActive(send, 'robust-prototype')).status, 200);
    const health = await rawRequest(server.endpoint, { method: 'GET' });
    assert.equal(health.status, 200, 'the server still answers after index maintenance ran');
  });
});
