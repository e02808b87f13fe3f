import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  type LegacyParameterOperation,
  checkBatchGetExpressionParameters,
  checkExpressionParameters,
  checkQueryKeyConditionPresent,
} from './legacy-mixing.js';

const plain = (message: string) => ({ type: 'ValidationException', message });
const mixed = (legacy: string, expressions: string) =>
  plain(`Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {${legacy}} Expression parameters: {${expressions}}`);
const namesWithout = plain('ExpressionAttributeNames can only be specified when using expressions');
const valuesWithout = (detail: string) => plain(`ExpressionAttributeValues can only be specified when using expressions: ${detail}`);

const names = { '#a': 'a' };
const values = { ':a': { S: 'a' } };

describe('checkExpressionParameters', () => {
  const refused: [string, LegacyParameterOperation, object, { type: string; message: string }][] = [
    ['PutItem Expected with ConditionExpression', 'PutItem', { Expected: {}, ConditionExpression: '', ExpressionAttributeNames: {}, ExpressionAttributeValues: {} }, mixed('Expected', 'ConditionExpression')],
    ['PutItem ConditionalOperator alone with ConditionExpression', 'PutItem', { ConditionalOperator: 'AND', ConditionExpression: 'x' }, mixed('ConditionalOperator', 'ConditionExpression')],
    ['DeleteItem', 'DeleteItem', { ConditionalOperator: 'OR', Expected: {}, ConditionExpression: 'x' }, mixed('Expected, ConditionalOperator', 'ConditionExpression')],
    [
      'UpdateItem in DynamoDB’s order',
      'UpdateItem',
      { Expected: {}, ConditionExpression: 'x', AttributeUpdates: {}, UpdateExpression: 'x', ConditionalOperator: 'OR' },
      mixed('AttributeUpdates, Expected, ConditionalOperator', 'UpdateExpression, ConditionExpression'),
    ],
    ['UpdateItem AttributeUpdates with ConditionExpression', 'UpdateItem', { AttributeUpdates: {}, ConditionExpression: 'x' }, mixed('AttributeUpdates', 'ConditionExpression')],
    ['GetItem', 'GetItem', { AttributesToGet: ['a'], ProjectionExpression: 'a' }, mixed('AttributesToGet', 'ProjectionExpression')],
    ['BatchGetItem table', 'BatchGetItem', { AttributesToGet: ['a'], ProjectionExpression: 'a' }, mixed('AttributesToGet', 'ProjectionExpression')],
    [
      'Scan',
      'Scan',
      { ScanFilter: {}, AttributesToGet: ['a', 'a'], ConditionalOperator: 'OR', FilterExpression: '', ProjectionExpression: '', ExpressionAttributeNames: {}, ExpressionAttributeValues: {} },
      mixed('AttributesToGet, ScanFilter, ConditionalOperator', 'ProjectionExpression, FilterExpression'),
    ],
    [
      'Query with KeyConditions beside a KeyConditionExpression',
      'Query',
      { KeyConditions: {}, KeyConditionExpression: 'x', QueryFilter: {}, FilterExpression: 'x' },
      mixed('QueryFilter, KeyConditions', 'FilterExpression, KeyConditionExpression'),
    ],
    ['Query AttributesToGet with ProjectionExpression', 'Query', { AttributesToGet: ['a'], ProjectionExpression: 'a', KeyConditions: {} }, mixed('AttributesToGet', 'ProjectionExpression')],
    ['PutItem names without an expression', 'PutItem', { Expected: {}, ExpressionAttributeNames: {}, ExpressionAttributeValues: {} }, namesWithout],
    ['GetItem names without an expression', 'GetItem', { ExpressionAttributeNames: names }, namesWithout],
    ['PutItem values without an expression', 'PutItem', { Expected: {}, ExpressionAttributeValues: {} }, valuesWithout('ConditionExpression is null')],
    ['DeleteItem values without an expression', 'DeleteItem', { ExpressionAttributeValues: values }, valuesWithout('ConditionExpression is null')],
    ['UpdateItem values without an expression', 'UpdateItem', { ExpressionAttributeValues: values }, valuesWithout('UpdateExpression and ConditionExpression are null')],
    ['Scan values without an expression', 'Scan', { ExpressionAttributeValues: {} }, valuesWithout('FilterExpression is null')],
    ['Scan values beside a projection only', 'Scan', { ProjectionExpression: 'a', ExpressionAttributeValues: values }, valuesWithout('FilterExpression is null')],
    ['Query values beside a projection only', 'Query', { ProjectionExpression: 'a', KeyConditions: {}, ExpressionAttributeValues: values }, valuesWithout('FilterExpression and KeyConditionExpression are null')],
  ];
  for (const [name, operation, request, error] of refused) {
    test(`refuses: ${name}`, () => assert.throws(() => checkExpressionParameters(operation, request), error));
  }

  const accepted: [string, LegacyParameterOperation, object][] = [
    ['legacy parameters alone', 'UpdateItem', { AttributeUpdates: {}, Expected: {}, ConditionalOperator: 'OR' }],
    ['expressions alone', 'UpdateItem', { UpdateExpression: 'x', ConditionExpression: 'x', ExpressionAttributeNames: names, ExpressionAttributeValues: values }],
    ['JSON null counts as absent', 'PutItem', { Expected: null, ConditionalOperator: null, ConditionExpression: 'x', ExpressionAttributeValues: null }],
    ['Query KeyConditions with a FilterExpression', 'Query', { KeyConditions: {}, FilterExpression: 'x', ExpressionAttributeValues: values }],
    ['Query names with a projection', 'Query', { KeyConditions: {}, ProjectionExpression: '#a', ExpressionAttributeNames: names }],
    ['GetItem names with a projection', 'GetItem', { ProjectionExpression: '#a', ExpressionAttributeNames: names }],
    ['UpdateItem values with only a ConditionExpression', 'UpdateItem', { ConditionExpression: 'x', ExpressionAttributeValues: values }],
  ];
  for (const [name, operation, request] of accepted) {
    test(`accepts: ${name}`, () => checkExpressionParameters(operation, request));
  }
});

describe('checkBatchGetExpressionParameters', () => {
  test('checks each table in map order', () => {
    checkBatchGetExpressionParameters({ t1: { Keys: [], AttributesToGet: ['a'] }, t2: { Keys: [], ProjectionExpression: 'a' } });
    assert.throws(
      () => checkBatchGetExpressionParameters({ t1: { Keys: [], ExpressionAttributeNames: names }, t2: { Keys: [], AttributesToGet: ['a'], ProjectionExpression: 'a' } }),
      namesWithout,
    );
  });
});

describe('checkQueryKeyConditionPresent', () => {
  test('a Query needs KeyConditions or a KeyConditionExpression', () => {
    const missing = plain('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
    assert.throws(() => checkQueryKeyConditionPresent({ TableName: 'abc' }), missing);
    assert.throws(() => checkQueryKeyConditionPresent({ KeyConditions: null }), missing);
    checkQueryKeyConditionPresent({ KeyConditions: {} });
    checkQueryKeyConditionPresent({ KeyConditionExpression: 'a = :a' });
  });
});
