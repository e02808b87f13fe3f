import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AttributeValue } from '../model/attribute-value.js';
import type { LegacyComparisonOperator } from './legacy-parameters.js';
import {
  attributePath,
  checkConditionalOperator,
  joinConditions,
  literal,
  operatorCondition,
  validateComparisonArguments,
} from './legacy-comparison.js';

const invalid = (detail: string) => ({ type: 'ValidationException', message: `One or more parameter values were invalid: ${detail}` });
const plain = (message: string) => ({ type: 'ValidationException', message });

const everyType: AttributeValue[] = [
  { S: 'a' }, { N: '1' }, { B: 'YQ==' }, { BOOL: true }, { NULL: true }, { SS: ['a'] }, { NS: ['1'] }, { BS: ['YQ=='] }, { L: [] }, { M: {} },
];
const typeOf = (value: AttributeValue): string => Object.keys(value)[0] ?? '';

describe('validateComparisonArguments', () => {
  const argumentCounts: [LegacyComparisonOperator, number[], number[]][] = [
    ['EQ', [1], [0, 2]],
    ['NE', [1], [0, 2]],
    ['LE', [1], [0, 2]],
    ['LT', [1], [0, 2]],
    ['GE', [1], [0, 2]],
    ['GT', [1], [0, 2]],
    ['CONTAINS', [1], [0, 2]],
    ['NOT_CONTAINS', [1], [0, 2]],
    ['BEGINS_WITH', [1], [0, 2]],
    ['IN', [1, 2, 5], [0]],
    ['BETWEEN', [2], [0, 1, 3]],
    ['NULL', [0], [1, 2]],
    ['NOT_NULL', [0], [1, 2]],
  ];
  for (const [operator, valid, wrong] of argumentCounts) {
    test(`${operator} takes ${valid.join(' or ')} argument(s)`, () => {
      for (const count of valid) validateComparisonArguments(operator, Array.from({ length: count }, (_, index) => ({ S: `a${index}` })));
      for (const count of wrong) {
        assert.throws(
          () => validateComparisonArguments(operator, Array.from({ length: count }, () => ({ S: 'a' }))),
          invalid(`Invalid number of argument(s) for the ${operator} ComparisonOperator`),
        );
      }
    });
  }

  const acceptedTypes: [LegacyComparisonOperator, string[]][] = [
    ['EQ', ['S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'L', 'M']],
    ['NE', ['S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'L', 'M']],
    ['LE', ['S', 'N', 'B']],
    ['LT', ['S', 'N', 'B']],
    ['GE', ['S', 'N', 'B']],
    ['GT', ['S', 'N', 'B']],
    ['IN', ['S', 'N', 'B']],
    ['CONTAINS', ['S', 'N', 'B', 'BOOL', 'NULL']],
    ['NOT_CONTAINS', ['S', 'N', 'B', 'BOOL', 'NULL']],
    ['BEGINS_WITH', ['S', 'B']],
  ];
  for (const [operator, accepted] of acceptedTypes) {
    test(`${operator} accepts ${accepted.join(' ')}`, () => {
      for (const value of everyType) {
        const type = typeOf(value);
        if (accepted.includes(type)) validateComparisonArguments(operator, [value]);
        else assert.throws(() => validateComparisonArguments(operator, [value]), invalid(`ComparisonOperator ${operator} is not valid for ${type} AttributeValue type`));
      }
    });
  }

  test('BETWEEN accepts S, N and B bounds only', () => {
    for (const value of everyType) {
      const type = typeOf(value);
      if (['S', 'N', 'B'].includes(type)) continue;
      assert.throws(() => validateComparisonArguments('BETWEEN', [value, value]), invalid(`ComparisonOperator BETWEEN is not valid for ${type} AttributeValue type`));
    }
  });

  test('every value must have the first value’s type; a value of a refused type is named first', () => {
    assert.throws(() => validateComparisonArguments('IN', [{ S: 'a' }, { N: '1' }]), invalid('AttributeValues inside AttributeValueList must be of same type'));
    assert.throws(() => validateComparisonArguments('BETWEEN', [{ N: '1' }, { S: 'a' }]), invalid('AttributeValues inside AttributeValueList must be of same type'));
    assert.throws(() => validateComparisonArguments('IN', [{ S: 'a' }, { SS: ['a'] }]), invalid('ComparisonOperator IN is not valid for SS AttributeValue type'));
  });

  test('BETWEEN bounds must be in order: numbers numerically, strings and binaries by bytes', () => {
    const reversed = plain('The BETWEEN condition was provided a range where the lower bound is greater than the upper bound');
    assert.throws(() => validateComparisonArguments('BETWEEN', [{ N: '10' }, { N: '9' }]), reversed);
    assert.throws(() => validateComparisonArguments('BETWEEN', [{ S: 'b' }, { S: 'a' }]), reversed);
    assert.throws(() => validateComparisonArguments('BETWEEN', [{ S: '\u{1F600}' }, { S: '\uFFFF' }]), reversed);
    assert.throws(() => validateComparisonArguments('BETWEEN', [{ B: '/w==' }, { B: 'AA==' }]), reversed);
    validateComparisonArguments('BETWEEN', [{ N: '-10' }, { N: '9' }]);
    validateComparisonArguments('BETWEEN', [{ N: '5' }, { N: '5' }]);
    validateComparisonArguments('BETWEEN', [{ S: '\uFFFF' }, { S: '\u{1F600}' }]);
    validateComparisonArguments('BETWEEN', [{ B: 'AA==' }, { B: '/w==' }]);
  });
});

describe('operatorCondition', () => {
  const path = attributePath('a');
  const one: AttributeValue = { S: 'x' };
  const two: AttributeValue = { S: 'y' };
  const compare = (comparator: string) => ({ kind: 'comparison', comparator, left: path, right: literal(one) });
  const cases: [LegacyComparisonOperator, AttributeValue[], unknown][] = [
    ['EQ', [one], compare('=')],
    ['NE', [one], { kind: 'not', condition: compare('=') }],
    ['LE', [one], compare('<=')],
    ['LT', [one], compare('<')],
    ['GE', [one], compare('>=')],
    ['GT', [one], compare('>')],
    ['NULL', [], { kind: 'attributeNotExists', path }],
    ['NOT_NULL', [], { kind: 'attributeExists', path }],
    ['CONTAINS', [one], { kind: 'contains', subject: path, operand: literal(one) }],
    [
      'NOT_CONTAINS',
      [one],
      { kind: 'and', left: { kind: 'attributeExists', path }, right: { kind: 'not', condition: { kind: 'contains', subject: path, operand: literal(one) } } },
    ],
    ['BEGINS_WITH', [one], { kind: 'beginsWith', subject: path, prefix: literal(one) }],
    ['IN', [one, two], { kind: 'in', operand: path, candidates: [literal(one), literal(two)] }],
    ['BETWEEN', [one, two], { kind: 'between', operand: path, lower: literal(one), upper: literal(two) }],
  ];
  for (const [operator, values, expected] of cases) {
    test(operator, () => assert.deepEqual(operatorCondition('a', operator, values), expected));
  }

  test('attribute names are taken literally, never parsed as document paths', () => {
    assert.deepEqual(attributePath('a.b[1]'), { kind: 'path', elements: [{ kind: 'name', name: 'a.b[1]' }] });
  });
});

describe('checkConditionalOperator', () => {
  test('absent operator is always fine', () => {
    checkConditionalOperator(undefined, undefined);
    checkConditionalOperator(undefined, 1);
  });
  test('needs a map with two or more conditions', () => {
    for (const operator of ['AND', 'OR'] as const) {
      assert.throws(() => checkConditionalOperator(operator, undefined), plain('ConditionalOperator cannot be used without Filter or Expected'));
      assert.throws(() => checkConditionalOperator(operator, 0), plain('ConditionalOperator cannot be used without Filter or Expected'));
      assert.throws(() => checkConditionalOperator(operator, 1), plain('ConditionalOperator can only be used when Filter or Expected has two or more elements'));
      checkConditionalOperator(operator, 2);
    }
  });
});

describe('joinConditions', () => {
  const a = { kind: 'attributeExists', path: attributePath('a') } as const;
  const b = { kind: 'attributeExists', path: attributePath('b') } as const;
  const c = { kind: 'attributeExists', path: attributePath('c') } as const;
  test('left to right, AND by default', () => {
    assert.equal(joinConditions([]), undefined);
    assert.deepEqual(joinConditions([a]), a);
    assert.deepEqual(joinConditions([a, b, c]), { kind: 'and', left: { kind: 'and', left: a, right: b }, right: c });
    assert.deepEqual(joinConditions([a, b], 'OR'), { kind: 'or', left: a, right: b });
  });
});
