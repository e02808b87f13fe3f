import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LegacyExpectedAttributeValue } from './legacy-parameters.js';
import { convertExpected } from './legacy-expected.js';
import { attributePath, literal } from './legacy-comparison.js';

const invalid = (detail: string) => ({ type: 'ValidationException', message: `One or more parameter values were invalid: ${detail}` });
const plain = (message: string) => ({ type: 'ValidationException', message });
const path = attributePath('a');
const equalsA = (value: { S: string } | { N: string }) => ({ kind: 'comparison', comparator: '=', left: path, right: literal(value) });

describe('convertExpected: conversions', () => {
  const cases: [string, LegacyExpectedAttributeValue, unknown][] = [
    ['Value alone means equality', { Value: { S: 'x' } }, equalsA({ S: 'x' })],
    ['Exists true with Value means equality', { Exists: true, Value: { S: 'x' } }, equalsA({ S: 'x' })],
    ['Exists false means the attribute is missing', { Exists: false }, { kind: 'attributeNotExists', path }],
    ['Value with ComparisonOperator is its one argument', { Value: { N: '5' }, ComparisonOperator: 'GE' }, { kind: 'comparison', comparator: '>=', left: path, right: literal({ N: '5' }) }],
    ['AttributeValueList with ComparisonOperator', { AttributeValueList: [{ S: 'x' }], ComparisonOperator: 'EQ' }, equalsA({ S: 'x' })],
    ['NE is true for a missing attribute', { ComparisonOperator: 'NE', Value: { S: 'x' } }, { kind: 'not', condition: equalsA({ S: 'x' }) }],
    ['NULL', { ComparisonOperator: 'NULL' }, { kind: 'attributeNotExists', path }],
    ['NOT_NULL', { ComparisonOperator: 'NOT_NULL' }, { kind: 'attributeExists', path }],
    [
      'BETWEEN',
      { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ N: '1' }, { N: '2' }] },
      { kind: 'between', operand: path, lower: literal({ N: '1' }), upper: literal({ N: '2' }) },
    ],
    ['JSON null members are absent', { Value: { S: 'x' }, Exists: null, AttributeValueList: null, ComparisonOperator: null }, equalsA({ S: 'x' })],
  ];
  for (const [name, entry, expected] of cases) {
    test(name, () => assert.deepEqual(convertExpected({ a: entry }), expected));
  }

  test('values are normalised by validation', () => {
    assert.deepEqual(convertExpected({ a: { Value: { N: '0005.50' } } }), equalsA({ N: '5.5' }));
  });

  test('no Expected, or an empty one, is no condition', () => {
    assert.equal(convertExpected(undefined), undefined);
    assert.equal(convertExpected(null), undefined);
    assert.equal(convertExpected({}), undefined);
  });

  test('entries join in map order with AND by default, or with ConditionalOperator', () => {
    const expected = { a: { Value: { S: 'x' } }, b: { Exists: false } } as const;
    const a = equalsA({ S: 'x' });
    const b = { kind: 'attributeNotExists', path: attributePath('b') };
    assert.deepEqual(convertExpected(expected), { kind: 'and', left: a, right: b });
    assert.deepEqual(convertExpected(expected, 'AND'), { kind: 'and', left: a, right: b });
    assert.deepEqual(convertExpected(expected, 'OR'), { kind: 'or', left: a, right: b });
  });
});

describe('convertExpected: DynamoDB messages', () => {
  const cases: [string, LegacyExpectedAttributeValue, { type: string; message: string }][] = [
    ['no Value and no Exists', {}, invalid('Value must be provided when Exists is null for Attribute: a')],
    ['Exists true without Value', { Exists: true }, invalid('Value must be provided when Exists is true for Attribute: a')],
    ['Exists false with Value', { Exists: false, Value: { S: 'a' } }, invalid('Value cannot be used when Exists is false for Attribute: a')],
    ['ComparisonOperator alone', { ComparisonOperator: 'LT' }, invalid('Value or AttributeValueList must be used with ComparisonOperator: LT for Attribute: a')],
    ['Exists with ComparisonOperator', { Exists: true, ComparisonOperator: 'LT' }, invalid('Exists and ComparisonOperator cannot be used together for Attribute: a')],
    [
      'Value with AttributeValueList',
      { AttributeValueList: [{ S: 'a' }], Value: { S: 'a' }, ComparisonOperator: 'LT' },
      invalid('Value and AttributeValueList cannot be used together for Attribute: a'),
    ],
    ['AttributeValueList without ComparisonOperator', { AttributeValueList: [{ S: 'a' }] }, invalid('AttributeValueList can only be used with a ComparisonOperator for Attribute: a')],
    ['AttributeValueList with Exists', { Exists: true, AttributeValueList: [{ S: 'a' }] }, invalid('AttributeValueList can only be used with a ComparisonOperator for Attribute: a')],
    ['EQ with an empty list', { AttributeValueList: [], ComparisonOperator: 'EQ' }, invalid('Invalid number of argument(s) for the EQ ComparisonOperator')],
    ['NULL with a list', { AttributeValueList: [{ S: 'a' }], ComparisonOperator: 'NULL' }, invalid('Invalid number of argument(s) for the NULL ComparisonOperator')],
    ['IN with an empty list', { AttributeValueList: [], ComparisonOperator: 'IN' }, invalid('Invalid number of argument(s) for the IN ComparisonOperator')],
    [
      'BETWEEN with three values',
      { AttributeValueList: [{ N: '1' }, { N: '10' }, { N: '12' }], ComparisonOperator: 'BETWEEN' },
      invalid('Invalid number of argument(s) for the BETWEEN ComparisonOperator'),
    ],
    ['NULL with a Value', { Value: { S: 'a' }, ComparisonOperator: 'NULL' }, invalid('Invalid number of argument(s) for the NULL ComparisonOperator')],
    ['BETWEEN with a Value', { Value: { S: 'a' }, ComparisonOperator: 'BETWEEN' }, invalid('Invalid number of argument(s) for the BETWEEN ComparisonOperator')],
    ['BEGINS_WITH a number', { Value: { N: '1' }, ComparisonOperator: 'BEGINS_WITH' }, invalid('ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type')],
    ['a list of mixed types', { AttributeValueList: [{ S: 'a' }, { N: '1' }], ComparisonOperator: 'IN' }, invalid('AttributeValues inside AttributeValueList must be of same type')],
    [
      'BETWEEN bounds out of order',
      { AttributeValueList: [{ N: '2' }, { N: '1' }], ComparisonOperator: 'BETWEEN' },
      plain('The BETWEEN condition was provided a range where the lower bound is greater than the upper bound'),
    ],
    ['an invalid Value', { Value: { SS: [] } }, invalid('An string set  may not be empty')],
    ['an invalid list value', { AttributeValueList: [{}], ComparisonOperator: 'EQ' }, plain('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes')],
  ];
  for (const [name, entry, error] of cases) {
    test(name, () => assert.throws(() => convertExpected({ a: entry }), error));
  }

  test('entries are checked in map order', () => {
    assert.throws(() => convertExpected({ b: { Exists: true }, a: {} }), invalid('Value must be provided when Exists is true for Attribute: b'));
  });

  test('names and values may add up to an item’s size, checked before the operator’s arguments', () => {
    const tooLarge = plain('Item size has exceeded the maximum allowed size');
    const justFits = 'x'.repeat(400 * 1024 - 1);
    convertExpected({ a: { Value: { S: justFits } } });
    assert.throws(() => convertExpected({ a: { Value: { S: justFits + 'x' } } }), tooLarge);
    assert.throws(() => convertExpected({ a: { Value: { S: justFits } }, b: { Exists: true, Value: { N: '1' } } }), tooLarge);
    assert.throws(() => convertExpected({ a: { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ S: justFits }, { S: 'a' }] } }), tooLarge);
  });

  test('ConditionalOperator needs two or more entries, checked after the entries', () => {
    const without = plain('ConditionalOperator cannot be used without Filter or Expected');
    assert.throws(() => convertExpected(undefined, 'AND'), without);
    assert.throws(() => convertExpected({}, 'OR'), without);
    assert.throws(() => convertExpected({ a: { Exists: false } }, 'OR'), plain('ConditionalOperator can only be used when Filter or Expected has two or more elements'));
    assert.throws(() => convertExpected({ a: {} }, 'OR'), invalid('Value must be provided when Exists is null for Attribute: a'));
    assert.equal(convertExpected(undefined, null), undefined);
  });
});
