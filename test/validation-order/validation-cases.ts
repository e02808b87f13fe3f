/**
 * Table-driven checks of which error DynamoDB reports for a request, sent as raw JSON to a fresh server.
 * The cases replay requests whose answers were recorded against the live service (dynalite's test suite
 * and the recorded responses under shared/reference), so a case fails when our checks run in another
 * order, or answer another type or wording.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EmbeddedServer } from '../../src/cluster/embedded-server.js';
import { rawRequest, signedHeaders } from '../support/raw-http.js';
import { startTestServer } from '../support/server.js';

export type ExpectedError = {
  readonly status: number;
  readonly type: string;
  /** The exact message, or a pattern where the recording only fixes its start. */
  readonly message: string | RegExp;
};

export interface ValidationCase {
  readonly name: string;
  /** Where DynamoDB's answer was recorded, e.g. `dynalite test/putItem.js`. */
  readonly source: string;
  readonly operation: string;
  readonly body: unknown;
  readonly expected: ExpectedError;
  /**
   * Why the server still answers differently, for a recorded answer not yet matched: the case runs and is
   * reported as a to-do instead of failing the suite.
   */
  readonly knownDifference?: string;
  /** Requests that must succeed first (items the case needs), sent in order. */
  readonly setup?: readonly { readonly operation: string; readonly body: unknown }[];
}

const DYNAMODB = 'com.amazonaws.dynamodb.v20120810#';

export function validation(message: string | RegExp): ExpectedError {
  return { status: 400, type: 'com.amazon.coral.validate#ValidationException', message };
}

/**
 * The case builders of one operation's recorded source: `make` for any request, `onMissing` for members on a
 * request to a table that does not exist (validation must answer before the lookup).
 */
export function recordedCases(operation: string, source: string) {
  const make = (name: string, body: Record<string, unknown>, expected: ExpectedError): ValidationCase => ({ name, source, operation, body, expected });
  const onMissing = (name: string, members: Record<string, unknown>, message: string | RegExp): ValidationCase =>
    make(name, { TableName: 'abc', ...members }, validation(message));
  return { make, onMissing };
}

export const notFound: ExpectedError = {
  status: 400,
  type: `${DYNAMODB}ResourceNotFoundException`,
  message: 'Requested resource not found',
};

export function resourceNotFound(message: string): ExpectedError {
  return { status: 400, type: `${DYNAMODB}ResourceNotFoundException`, message };
}

export function resourceInUse(message: string): ExpectedError {
  return { status: 400, type: `${DYNAMODB}ResourceInUseException`, message };
}

export function limitExceeded(message: string | RegExp): ExpectedError {
  return { status: 400, type: `${DYNAMODB}LimitExceededException`, message };
}

export const conditionalCheckFailed: ExpectedError = {
  status: 400,
  type: `${DYNAMODB}ConditionalCheckFailedException`,
  message: 'The conditional request failed',
};

/**
 * The tables dynalite's suite creates before its tests (helpers.js), with fixed names here. Cases refer
 * to them by these names; tables named otherwise do not exist.
 */
export const HASH_TABLE = 'recorded-hash';
export const HASH_N_TABLE = 'recorded-hash-n';
export const RANGE_TABLE = 'recorded-range';
export const RANGE_N_TABLE = 'recorded-range-n';
export const RANGE_B_TABLE = 'recorded-range-b';
/** A name no fixture uses, for "table does not exist" cases. */
export const MISSING_TABLE = 'recorded-missing';

const throughput = { ReadCapacityUnits: 2, WriteCapacityUnits: 2 };

function keyedTable(name: string, hashType: string, rangeType?: string) {
  return {
    TableName: name,
    AttributeDefinitions: [
      { AttributeName: 'a', AttributeType: hashType },
      ...(rangeType === undefined ? [] : [{ AttributeName: 'b', AttributeType: rangeType }]),
    ],
    KeySchema: [{ KeyType: 'HASH', AttributeName: 'a' }, ...(rangeType === undefined ? [] : [{ KeyType: 'RANGE', AttributeName: 'b' }])],
    ProvisionedThroughput: throughput,
  };
}

const fixtureTables = [
  keyedTable(HASH_TABLE, 'S'),
  keyedTable(HASH_N_TABLE, 'N'),
  {
    TableName: RANGE_TABLE,
    AttributeDefinitions: ['a', 'b', 'c', 'd'].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { KeyType: 'HASH', AttributeName: 'a' },
      { KeyType: 'RANGE', AttributeName: 'b' },
    ],
    ProvisionedThroughput: throughput,
    LocalSecondaryIndexes: [
      {
        IndexName: 'index1',
        KeySchema: [
          { AttributeName: 'a', KeyType: 'HASH' },
          { AttributeName: 'c', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
      {
        IndexName: 'index2',
        KeySchema: [
          { AttributeName: 'a', KeyType: 'HASH' },
          { AttributeName: 'd', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['c'] },
      },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'index3',
        KeySchema: [{ AttributeName: 'c', KeyType: 'HASH' }],
        ProvisionedThroughput: throughput,
        Projection: { ProjectionType: 'ALL' },
      },
      {
        IndexName: 'index4',
        KeySchema: [
          { AttributeName: 'c', KeyType: 'HASH' },
          { AttributeName: 'd', KeyType: 'RANGE' },
        ],
        ProvisionedThroughput: throughput,
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['e'] },
      },
    ],
  },
  keyedTable(RANGE_N_TABLE, 'S', 'N'),
  keyedTable(RANGE_B_TABLE, 'S', 'B'),
];

export async function send(endpoint: string, operation: string, body: unknown) {
  const response = await rawRequest(endpoint, { headers: signedHeaders(operation), body: JSON.stringify(body) });
  return { status: response.status, body: JSON.parse(response.body) as Record<string, unknown> };
}

async function createFixtures(endpoint: string): Promise<void> {
  for (const table of fixtureTables) {
    const created = await send(endpoint, 'CreateTable', table);
    assert.equal(created.status, 200, JSON.stringify(created.body));
  }
  for (const table of fixtureTables) await waitUntilActive(endpoint, table.TableName);
}

async function waitUntilActive(endpoint: string, tableName: string): Promise<void> {
  for (;;) {
    const described = await send(endpoint, 'DescribeTable', { TableName: tableName });
    const table = described.body['Table'] as { TableStatus?: string } | undefined;
    if (table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function assertAnswer(actual: { status: number; body: Record<string, unknown> }, expected: ExpectedError): void {
  const summary = JSON.stringify(actual.body);
  assert.equal(actual.status, expected.status, summary);
  assert.equal(actual.body['__type'], expected.type, summary);
  const message = actual.body['message'] ?? actual.body['Message'];
  if (typeof expected.message === 'string') assert.equal(message, expected.message);
  else assert.match(String(message), expected.message);
}

/** One test per case, each sent to a server holding the fixture tables (fresh for this group). */
export function runValidationCases(group: string, cases: readonly ValidationCase[]): void {
  describe(group, () => {
    let server: EmbeddedServer;
    before(async () => {
      server = await startTestServer();
      await createFixtures(server.endpoint);
    });
    after(() => server.close());

    for (const testCase of cases) {
      const options = testCase.knownDifference === undefined ? {} : { todo: testCase.knownDifference };
      it(`${testCase.operation}: ${testCase.name} (${testCase.source})`, options, async () => {
        for (const step of testCase.setup ?? []) {
          const prepared = await send(server.endpoint, step.operation, step.body);
          assert.equal(prepared.status, 200, JSON.stringify(prepared.body));
        }
        assertAnswer(await send(server.endpoint, testCase.operation, testCase.body), testCase.expected);
      });
    }
  });
}

/** Attribute values DynamoDB rejects, each with the text of its rejection (recorded for every value slot). */
export const emptyValues: readonly unknown[] = [{}, { a: '' }, { M: { a: {} } }, { L: [{}] }, { L: [{ a: {} }] }];
export const EMPTY_VALUE = 'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes';
export const MULTIPLE_TYPES =
  'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes';

/** Values whose message DynamoDB prefixes with "One or more parameter values were invalid: ". */
export const invalidValues: readonly (readonly [unknown, string])[] = [
  [{ NULL: 'no' }, 'Null attribute value types must have the value of true'],
  [{ SS: [] }, 'An string set  may not be empty'],
  [{ NS: [] }, 'An number set  may not be empty'],
  [{ BS: [] }, 'Binary sets should not be empty'],
  [{ SS: ['a', 'a'] }, 'Input collection [a, a] contains duplicates.'],
  [{ BS: ['Yg==', 'Yg=='] }, 'Input collection [Yg==, Yg==]of type BS contains duplicates.'],
];

/** Values whose message stands alone. */
export const invalidNumbers: readonly (readonly [unknown, string])[] = [
  [{ S: '', N: '' }, 'The parameter cannot be converted to a numeric value'],
  [{ S: 'a', N: '' }, 'The parameter cannot be converted to a numeric value'],
  [{ S: 'a', N: 'b' }, 'The parameter cannot be converted to a numeric value: b'],
  [{ NS: ['1', ''] }, 'The parameter cannot be converted to a numeric value'],
  [{ NS: ['1', 'b'] }, 'The parameter cannot be converted to a numeric value: b'],
  [{ NS: ['1', '1'] }, 'Input collection contains duplicates'],
  [{ N: '123456789012345678901234567890123456789' }, 'Attempting to store more than 38 significant digits in a Number'],
  [{ N: '-1.23456789012345678901234567890123456789' }, 'Attempting to store more than 38 significant digits in a Number'],
  [{ N: '1e126' }, 'Number overflow. Attempting to store a number with magnitude larger than supported range'],
  [{ N: '-1e126' }, 'Number overflow. Attempting to store a number with magnitude larger than supported range'],
  [{ N: '1e-131' }, 'Number underflow. Attempting to store a number with magnitude smaller than supported range'],
  [{ N: '-1e-131' }, 'Number underflow. Attempting to store a number with magnitude smaller than supported range'],
];

export const INVALID = 'One or more parameter values were invalid: ';

/**
 * Every recorded bad attribute value placed where `place` puts it, answered as `wrap` words it (the
 * plain message for Item and Key; ExpressionAttributeValues adds its own prefix and suffix).
 */
export function badValueCases(
  operation: string,
  source: string,
  slot: string,
  place: (value: unknown) => Record<string, unknown>,
  wrap: (message: string) => string = (message) => message,
): ValidationCase[] {
  const cases: ValidationCase[] = [];
  const add = (name: string, value: unknown, message: string) =>
    cases.push({ name: `${slot} ${name} ${JSON.stringify(value)}`, source, operation, body: place(value), expected: validation(wrap(message)) });
  for (const value of emptyValues) add('empty value', value, EMPTY_VALUE);
  for (const [value, message] of invalidValues) add('invalid value', value, INVALID + message);
  for (const [value, message] of invalidNumbers) add('invalid number', value, message);
  add('several types', { S: 'a', N: '1' }, MULTIPLE_TYPES);
  return cases;
}

/** Every key value dynalite's hash table (key `a` of type S) does not accept as a key. */
export const mismatchedHashKeys: readonly Record<string, unknown>[] = [
  {},
  { b: { S: 'a' } },
  { a: { S: 'a' }, b: { S: 'a' } },
  { a: { B: 'abcd' } },
  { a: { N: '1' } },
  { a: { BOOL: true } },
  { a: { NULL: true } },
  { a: { SS: ['a'] } },
  { a: { NS: ['1'] } },
  { a: { BS: ['aaaa'] } },
  { a: { M: {} } },
  { a: { L: [] } },
];
export const KEY_MISMATCH = 'The provided key element does not match the schema';

/** Marks the cases `matches` selects as known differences, with the reason. */
export function withKnownDifference(cases: readonly ValidationCase[], matches: (testCase: ValidationCase) => boolean, reason: string): ValidationCase[] {
  return cases.map((testCase) => (matches(testCase) ? { ...testCase, knownDifference: reason } : testCase));
}
