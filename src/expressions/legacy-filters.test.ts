import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { KeySchema } from '../model/key-schema.js';
import type { LegacyCondition } from './legacy-parameters.js';
import { checkQueryFilterKeys, convertFilter, convertKeyConditions, keyConditionsToCondition, validateKeyConditions } from './legacy-filters.js';
import { attributePath, literal } from './legacy-comparison.js';

const invalid = (detail: string) => ({ type: 'ValidationException', message: `One or more parameter values were invalid: ${detail}` });
const plain = (message: string) => ({ type: 'ValidationException', message });

const hashTable: KeySchema = { partitionKey: { name: 'a', type: 'S' } };
const rangeTable: KeySchema = { partitionKey: { name: 'a', type: 'S' }, sortKey: { name: 'b', type: 'N' } };

describe('convertFilter', () => {
  test('each condition converts with the legacy operator table, joined in map order', () => {
    const filter: Record<string, LegacyCondition> = {
      a: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'x' }] },
      b: { ComparisonOperator: 'NULL' },
      c: { ComparisonOperator: 'NOT_CONTAINS', AttributeValueList: [{ S: 'y' }] },
    };
    const a = { kind: 'comparison', comparator: '=', left: attributePath('a'), right: literal({ S: 'x' }) };
    const b = { kind: 'attributeNotExists', path: attributePath('b') };
    const c = {
      kind: 'and',
      left: { kind: 'attributeExists', path: attributePath('c') },
      right: { kind: 'not', condition: { kind: 'contains', subject: attributePath('c'), operand: literal({ S: 'y' }) } },
    };
    assert.deepEqual(convertFilter(filter), { kind: 'and', left: { kind: 'and', left: a, right: b }, right: c });
    assert.deepEqual(convertFilter(filter, 'OR'), { kind: 'or', left: { kind: 'or', left: a, right: b }, right: c });
  });

  test('no filter is no condition', () => {
    assert.equal(convertFilter(undefined), undefined);
    assert.equal(convertFilter({}), undefined);
  });

  const errors: [string, Record<string, LegacyCondition>, { type: string; message: string }][] = [
    ['EQ without a list', { a: { ComparisonOperator: 'EQ' } }, invalid('Invalid number of argument(s) for the EQ ComparisonOperator')],
    ['NOT_NULL with a value', { a: { ComparisonOperator: 'NOT_NULL', AttributeValueList: [{ S: 'a' }] } }, invalid('Invalid number of argument(s) for the NOT_NULL ComparisonOperator')],
    ['LE on a string set', { a: { ComparisonOperator: 'LE', AttributeValueList: [{ SS: ['a'] }] } }, invalid('ComparisonOperator LE is not valid for SS AttributeValue type')],
    ['CONTAINS a map', { a: { ComparisonOperator: 'CONTAINS', AttributeValueList: [{ M: {} }] } }, invalid('ComparisonOperator CONTAINS is not valid for M AttributeValue type')],
    // The values are validated before their number is checked.
    [
      'an empty value in a list too long',
      { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}, { S: '' }] } },
      plain('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes'),
    ],
    [
      'an invalid value after a valid one',
      { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '1' }, { NULL: false }] } },
      invalid('Null attribute value types must have the value of true'),
    ],
    ['conditions in map order', { b: { ComparisonOperator: 'GT' }, a: { ComparisonOperator: 'LT' } }, invalid('Invalid number of argument(s) for the GT ComparisonOperator')],
  ];
  for (const [name, filter, error] of errors) {
    test(name, () => assert.throws(() => convertFilter(filter), error));
  }

  test('ConditionalOperator needs two or more conditions', () => {
    const single = { a: { ComparisonOperator: 'NULL' } } as const;
    assert.throws(() => convertFilter(single, 'AND'), plain('ConditionalOperator can only be used when Filter or Expected has two or more elements'));
    assert.throws(() => convertFilter(undefined, 'OR'), plain('ConditionalOperator cannot be used without Filter or Expected'));
  });
});

describe('checkQueryFilterKeys', () => {
  test('a QueryFilter may not name a key attribute, partition key first', () => {
    const message = (name: string) => plain(`QueryFilter can only contain non-primary key attributes: Primary key attribute: ${name}`);
    assert.throws(() => checkQueryFilterKeys({ a: { ComparisonOperator: 'NULL' } }, hashTable), message('a'));
    assert.throws(() => checkQueryFilterKeys({ b: { ComparisonOperator: 'NULL' }, a: { ComparisonOperator: 'NULL' } }, rangeTable), message('a'));
    assert.throws(() => checkQueryFilterKeys({ b: { ComparisonOperator: 'NULL' } }, rangeTable), message('b'));
    checkQueryFilterKeys({ c: { ComparisonOperator: 'NULL' } }, rangeTable);
    checkQueryFilterKeys(undefined, rangeTable);
  });
});

describe('convertKeyConditions', () => {
  const hashEquals = { kind: 'comparison', comparator: '=', left: attributePath('a'), right: literal({ S: 'x' }) };
  const onHash = { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'x' }] } as const;

  test('equality on the partition key', () => {
    assert.deepEqual(convertKeyConditions({ a: onHash }, hashTable), hashEquals);
    assert.deepEqual(convertKeyConditions({ a: onHash }, rangeTable), hashEquals);
  });

  const sortKey = attributePath('b');
  const one = literal({ N: '1' });
  const two = literal({ N: '2' });
  const rangeCases: [LegacyCondition, unknown][] = [
    [{ ComparisonOperator: 'EQ', AttributeValueList: [{ N: '1' }] }, { kind: 'comparison', comparator: '=', left: sortKey, right: one }],
    [{ ComparisonOperator: 'LE', AttributeValueList: [{ N: '1' }] }, { kind: 'comparison', comparator: '<=', left: sortKey, right: one }],
    [{ ComparisonOperator: 'LT', AttributeValueList: [{ N: '1' }] }, { kind: 'comparison', comparator: '<', left: sortKey, right: one }],
    [{ ComparisonOperator: 'GE', AttributeValueList: [{ N: '1' }] }, { kind: 'comparison', comparator: '>=', left: sortKey, right: one }],
    [{ ComparisonOperator: 'GT', AttributeValueList: [{ N: '1' }] }, { kind: 'comparison', comparator: '>', left: sortKey, right: one }],
    [{ ComparisonOperator: 'BETWEEN', AttributeValueList: [{ N: '1' }, { N: '2' }] }, { kind: 'between', operand: sortKey, lower: one, upper: two }],
  ];
  for (const [condition, expected] of rangeCases) {
    test(`${condition.ComparisonOperator} on the sort key, partition key first whatever the map order`, () => {
      assert.deepEqual(convertKeyConditions({ b: condition, a: onHash }, rangeTable), { kind: 'and', left: hashEquals, right: expected });
    });
  }

  test('BEGINS_WITH on a string sort key', () => {
    const schema: KeySchema = { partitionKey: { name: 'a', type: 'S' }, sortKey: { name: 's', type: 'S' } };
    const condition = convertKeyConditions({ a: onHash, s: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [{ S: 'p' }] } }, schema);
    assert.deepEqual(condition, { kind: 'and', left: hashEquals, right: { kind: 'beginsWith', subject: attributePath('s'), prefix: literal({ S: 'p' }) } });
  });

  const notIndexable = plain('Attempted conditional constraint is not an indexable operation');
  const errors: [string, Record<string, LegacyCondition>, KeySchema, { type: string; message: string }][] = [
    ['three conditions', { a: { ComparisonOperator: 'NULL' }, b: { ComparisonOperator: 'NULL' }, c: { ComparisonOperator: 'NULL' } }, rangeTable, plain('Conditions can be of length 1 or 2 only')],
    ['no conditions', {}, rangeTable, plain('Conditions can be of length 1 or 2 only')],
    ['argument count before the schema', { a: { ComparisonOperator: 'EQ' } }, hashTable, invalid('Invalid number of argument(s) for the EQ ComparisonOperator')],
    ['missing partition key', { b: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '1' }] } }, rangeTable, plain('Query condition missed key schema element: a')],
    ['two conditions on a hash table', { a: onHash, b: onHash }, hashTable, plain('Query key condition not supported')],
    ['second condition not on the sort key', { a: onHash, z: onHash }, rangeTable, plain('Query condition missed key schema element: b')],
    ['partition key not EQ', { a: { ComparisonOperator: 'GT', AttributeValueList: [{ S: 'x' }] } }, hashTable, plain('Query key condition not supported')],
    ['partition key BEGINS_WITH', { a: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [{ S: 'x' }] } }, hashTable, plain('Query key condition not supported')],
    ['value of another type', { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '1' }] } }, hashTable, invalid('Condition parameter type does not match schema type')],
    ['sort key value of another type', { a: onHash, b: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: '1' }] } }, rangeTable, invalid('Condition parameter type does not match schema type')],
    ['BEGINS_WITH a number', { a: onHash, b: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [{ N: '1' }] } }, rangeTable, invalid('ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type')],
  ];
  for (const operator of ['NULL', 'NOT_NULL', 'NE', 'CONTAINS', 'NOT_CONTAINS', 'IN'] as const) {
    const values = operator === 'NULL' || operator === 'NOT_NULL' ? [] : [{ S: 'x' }];
    errors.push([`${operator} on the partition key`, { a: { ComparisonOperator: operator, AttributeValueList: values } }, hashTable, notIndexable]);
    const rangeValues = values.length === 0 ? [] : [{ N: '1' }];
    errors.push([`${operator} on the sort key`, { a: onHash, b: { ComparisonOperator: operator, AttributeValueList: rangeValues } }, rangeTable, notIndexable]);
  }
  for (const [name, keyConditions, schema, error] of errors) {
    test(name, () => assert.throws(() => convertKeyConditions(keyConditions, schema), error));
  }

  test('the schema-free checks can run before the table is known', () => {
    const validated = validateKeyConditions({ a: onHash });
    assert.deepEqual(keyConditionsToCondition(validated, hashTable), hashEquals);
  });
});
