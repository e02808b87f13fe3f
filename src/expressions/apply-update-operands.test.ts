import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { UpdateExpression } from './ast.js';
import { validateUpdateOperands } from './apply-update-operands.js';
import {
  add,
  bindings,
  deleteFrom,
  errorMessage,
  ifNotExists,
  listAppend,
  minus,
  path,
  plus,
  remove,
  set,
  update,
  value,
} from './evaluate-builders.test-support.js';

const values = bindings({
  ':one': { N: '1' },
  ':text': { S: 'text' },
  ':list': { L: [] },
  ':map': { M: {} },
  ':set': { SS: ['a'] },
  ':numbers': { NS: ['1'] },
});

function problem(expression: UpdateExpression): string {
  return errorMessage(() => validateUpdateOperands(expression, values));
}

describe('validateUpdateOperands', () => {
  it('refuses + and - on values that are not numbers', () => {
    assert.equal(
      problem(update(set('a', plus(value(':text'), value(':one'))))),
      'Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S',
    );
    assert.equal(
      problem(update(set('a', minus(path('b'), value(':list'))))),
      'Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: -, operand type: L',
    );
    assert.equal(
      problem(update(set('a', plus(listAppend(path('l'), value(':list')), value(':one'))))),
      'Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: L',
    );
  });

  it('refuses list_append on values that are not lists', () => {
    assert.equal(
      problem(update(set('a', listAppend(value(':list'), value(':text'))))),
      'Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S',
    );
    assert.equal(
      problem(update(set('a', ifNotExists('a', listAppend(value(':map'), path('b')))))),
      'Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: M',
    );
  });

  it('refuses ADD of anything but a number or a set, and DELETE of anything but a set', () => {
    assert.equal(
      problem(update(add('a', value(':text')))),
      'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND',
    );
    assert.equal(
      problem(update(add('a', value(':list')))),
      'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: LIST, typeSet: ALLOWED_FOR_ADD_OPERAND',
    );
    assert.equal(
      problem(update(deleteFrom('a', value(':one')))),
      'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND',
    );
  });

  it('judges ADD and DELETE operands before SET functions and operators', () => {
    assert.match(problem(update(set('b', listAppend(value(':text'), path('a'))), add('c', value(':text')))), /operator: ADD, operand type: STRING/);
    assert.match(problem(update(set('b', plus(value(':text'), path('a'))), deleteFrom('c', value(':one')))), /operator: DELETE, operand type: NUMBER/);
  });

  it('accepts operands whose types depend on the item, and well-typed values', () => {
    const accepted = update(
      set('a', plus(path('b'), value(':one'))),
      set('c', listAppend(ifNotExists('c', value(':list')), value(':list'))),
      remove('d'),
      add('e', value(':numbers')),
      add('f', value(':one')),
      deleteFrom('g', value(':set')),
    );
    assert.doesNotThrow(() => validateUpdateOperands(accepted, values));
  });
});
