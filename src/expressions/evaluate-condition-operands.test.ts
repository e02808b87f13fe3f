import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Condition } from './ast.js';
import { validateConditionOperands, valueForMessage } from './evaluate-condition-operands.js';
import {
  and,
  attributeType,
  beginsWith,
  between,
  bindings,
  comparison,
  contains,
  errorMessage,
  literal,
  not,
  path,
  size,
  value,
} from './evaluate-builders.test-support.js';

const values = bindings({
  ':one': { N: '1' },
  ':five': { N: '5' },
  ':a': { S: 'a' },
  ':b': { S: 'b' },
  ':bin': { B: 'AQ==' },
  ':X': { S: 'X' },
  ':S': { S: 'S' },
  ':set': { SS: ['a'] },
});

function problem(condition: Condition, parameter: 'ConditionExpression' | 'FilterExpression' | 'KeyConditionExpression' = 'ConditionExpression'): string {
  return errorMessage(() => validateConditionOperands(condition, values, parameter));
}

function accepts(condition: Condition): void {
  assert.doesNotThrow(() => validateConditionOperands(condition, values, 'ConditionExpression'));
}

describe('validateConditionOperands', () => {
  it('refuses BETWEEN bounds given in the wrong order', () => {
    assert.equal(
      problem(between(path('a'), value(':five'), value(':one'))),
      'Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; ' +
        'lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}',
    );
    assert.equal(
      problem(between(path('a'), value(':b'), value(':a')), 'KeyConditionExpression'),
      'Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; ' +
        'lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}',
    );
    accepts(between(path('a'), value(':one'), value(':one')));
    accepts(between(path('a'), path('b'), value(':one')));
  });

  it('refuses BETWEEN bounds of different types', () => {
    assert.equal(
      problem(between(path('a'), value(':a'), value(':one')), 'FilterExpression'),
      'Invalid FilterExpression: The BETWEEN operator requires same data type for lower and upper bounds; ' +
        'lower bound operand: AttributeValue: {S:a}, upper bound operand: AttributeValue: {N:1}',
    );
  });

  it('refuses begins_with operands that are neither strings nor binaries', () => {
    assert.equal(
      problem(beginsWith(path('a'), value(':one'))),
      'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N',
    );
    assert.equal(
      problem(beginsWith(value(':set'), path('a'))),
      'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: SS',
    );
    assert.equal(
      problem(beginsWith(size('a'), value(':a'))),
      'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N',
    );
    accepts(beginsWith(path('a'), value(':bin')));
    accepts(beginsWith(path('a'), path('b')));
  });

  it('refuses attribute_type with an unknown type name or a non-string operand', () => {
    assert.equal(
      problem(attributeType('a', value(':X'))),
      'Invalid ConditionExpression: Invalid attribute type name found; type: X, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}',
    );
    assert.equal(
      problem(attributeType('a', value(':one'))),
      'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N',
    );
    accepts(attributeType('a', value(':S')));
  });

  it('reports the first problem in expression order, through AND and NOT', () => {
    const first = not(beginsWith(path('a'), value(':one')));
    const second = attributeType('a', value(':X'));
    assert.match(problem(and(first, second)), /begins_with/);
    assert.match(problem(and(accepted(), second)), /attribute type name/);
  });

  it('refuses ordering comparisons with values of unordered types', () => {
    assert.equal(
      problem(comparison('<', path('a'), value(':set'))),
      'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: SS',
    );
    assert.equal(
      problem(comparison('>=', literal({ L: [] }), path('a'))),
      'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: >=, operand type: L',
    );
    accepts(comparison('=', path('a'), value(':set')));
    accepts(comparison('<', size('a'), value(':one')));
  });

  it('leaves type mismatches in comparisons, IN and contains to evaluation', () => {
    accepts(comparison('<', value(':a'), value(':one')));
    accepts(contains(path('a'), value(':set')));
    accepts(comparison('=', literal({ BOOL: true }), value(':one')));
  });

  it('renders values the way DynamoDB messages do', () => {
    assert.equal(valueForMessage({ N: '5' }), '{N:5}');
    assert.equal(valueForMessage({ S: 'a b' }), '{S:a b}');
    assert.equal(valueForMessage({ B: 'AQ==' }), '{B:AQ==}');
    assert.equal(valueForMessage({ BOOL: true }), '{BOOL:true}');
  });
});

function accepted(): Condition {
  return comparison('=', path('a'), value(':a'));
}
