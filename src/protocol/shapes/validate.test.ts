import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serializationError } from '../../lib/errors.js';
import { isKnownOperation, validateRequestShape } from './index.js';
import {
  outcome,
  serialization,
  validation,
  valueAtLeast,
  violation,
  violations,
} from './shape-cases.test-support.js';

test('a body that is not a JSON object is refused as the input structure would be', () => {
  assert.deepEqual(
    outcome('ListTables', []),
    serialization('Unrecognized collection type class com.amazonaws.dynamodb.v20120810.ListTablesInput'),
  );
  for (const body of ['x', 5, true, null]) {
    assert.deepEqual(outcome('ListTables', body), serialization('Unexpected value type in payload'));
  }
});

test('the first mistyped member in the document is the one reported', () => {
  assert.deepEqual(outcome('Query', { Limit: 'x', TableName: 5 }), serialization('STRING_VALUE cannot be converted to Integer'));
  assert.deepEqual(outcome('Query', { TableName: 5, Limit: 'x' }), serialization('NUMBER_VALUE cannot be converted to String'));
});

test('a mistyped member anywhere wins over every constraint violation', () => {
  const body = { TableName: 'a;', ReturnConsumedCapacity: 'hi', Key: { a: {} }, ExpressionAttributeNames: { '#a': 1 } };
  assert.deepEqual(outcome('GetItem', body), serialization('NUMBER_VALUE cannot be converted to String'));
});

test('the TableName preconditions of table operations wait for the type check', () => {
  assert.deepEqual(outcome('CreateTable', { KeySchema: 'x' }), serialization('Unexpected field type'));
});

test('fractions given to integer members are truncated toward zero, in place', () => {
  const body: Record<string, unknown> = { TableName: 'abc', Limit: 2.9 };
  validateRequestShape('Query', body);
  assert.equal(body['Limit'], 2);
  assert.deepEqual(outcome('Query', { TableName: 'abc', Limit: 0.5 }), violations(violation('0', 'limit', valueAtLeast(1))));
  assert.deepEqual(outcome('Query', { TableName: 'abc', Limit: -1.5 }), violations(violation('-1', 'limit', valueAtLeast(1))));
});

test('boolean members accept the words DynamoDB reads as booleans, and become booleans', () => {
  const body: Record<string, unknown> = { TableName: 'abc', ConsistentRead: 'Yes', ScanIndexForward: 'false' };
  validateRequestShape('Query', body);
  assert.equal(body['ConsistentRead'], true);
  assert.equal(body['ScanIndexForward'], false);
  assert.deepEqual(outcome('Query', { TableName: 'abc', ConsistentRead: 'maybe' }), serialization('Unexpected token received from parser'));
});

// Inferred, not recorded: a null element of a list has no value for the later stages to read, so it is a
// "must not be null" violation at the element's path; a null attribute value is left to model/.
test('null members are absent; null list elements violate "must not be null"; null attribute values pass to model/', () => {
  assert.deepEqual(outcome('GetItem', { TableName: 'abc', Key: null }), violations(violation(null, 'key', 'Member must not be null')));
  assert.deepEqual(outcome('GetItem', { TableName: 'abc', Key: { a: null }, AttributesToGet: ['a'] }), { ok: true });
  assert.deepEqual(
    outcome('GetItem', { TableName: 'abc', Key: { a: { S: 'x' } }, AttributesToGet: [null, 'a'] }),
    violations(violation(null, 'attributesToGet.1.member', 'Member must not be null')),
  );
  const body: Record<string, unknown> = { TableName: 'abc', Key: { a: { S: 'x' } }, ConsistentRead: null };
  assert.deepEqual(outcome('GetItem', body), { ok: true });
  assert.equal('ConsistentRead' in body, false, 'a null member is removed');
});

test('a violation count of one reads "1 validation error detected"', () => {
  assert.deepEqual(
    outcome('DescribeTable', { TableName: 'abc;' }),
    validation("1 validation error detected: Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"),
  );
});

test('the attribute value hook sees every attribute value in document order', () => {
  const seen: unknown[] = [];
  const body = {
    ExpressionAttributeValues: { ':b': { S: 'b' } },
    TableName: 'abc',
    Item: { a: { S: 'a' }, c: { N: '1' } },
    Expected: { a: { Value: { S: 'x' }, AttributeValueList: [{ S: 'y' }] } },
  };
  validateRequestShape('PutItem', body, { attributeValue: (value) => seen.push(value) });
  assert.deepEqual(seen, [{ S: 'b' }, { S: 'a' }, { N: '1' }, { S: 'x' }, { S: 'y' }]);
});

test('a serialization error from the attribute value hook wins over constraint violations', () => {
  const body = { TableName: 'a;', Item: { a: { S: 5 } } };
  assert.throws(
    () =>
      validateRequestShape('PutItem', body, {
        attributeValue: (value) => {
          if (typeof value['S'] !== 'string') throw serializationError('NUMBER_VALUE cannot be converted to String');
        },
      }),
    { name: 'DynamoDbError', type: 'SerializationException', message: 'NUMBER_VALUE cannot be converted to String' },
  );
});

test('isKnownOperation knows exactly the operations with shapes', () => {
  assert.equal(isKnownOperation('GetItem'), true);
  assert.equal(isKnownOperation('TransactGetItems'), true);
  assert.equal(isKnownOperation('ListBackups'), false);
  assert.equal(isKnownOperation('toString'), false);
  assert.equal(isKnownOperation('__proto__'), false);
});

test('members the request model does not know are dropped, at every level', () => {
  const body: Record<string, unknown> = {
    TableName: 'abc',
    Key: { a: { S: 'x' } },
    Unknown: { deep: [1, 2, 3] },
    AttributesToGet: ['a'],
  };
  assert.deepEqual(outcome('GetItem', body), { ok: true });
  assert.deepEqual(body, { TableName: 'abc', Key: { a: { S: 'x' } }, AttributesToGet: ['a'] });
  const create: Record<string, unknown> = {
    TableName: 'abc',
    AttributeDefinitions: [{ AttributeName: 'a', AttributeType: 'S', Extra: 1 }],
    KeySchema: [{ AttributeName: 'a', KeyType: 'HASH', Extra: { nested: true } }],
    BillingMode: 'PAY_PER_REQUEST',
  };
  assert.deepEqual(outcome('CreateTable', create), { ok: true });
  assert.deepEqual(create['KeySchema'], [{ AttributeName: 'a', KeyType: 'HASH' }]);
  assert.deepEqual(create['AttributeDefinitions'], [{ AttributeName: 'a', AttributeType: 'S' }]);
});
