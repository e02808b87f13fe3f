import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AttributeValue } from '../model/attribute-value.js';
import type { KeySchema } from '../model/key-schema.js';
import { checkAttributeUpdatesKeys, convertAttributeUpdates } from './legacy-updates.js';
import { attributePath, literal } from './legacy-comparison.js';

const invalid = (detail: string) => ({ type: 'ValidationException', message: `One or more parameter values were invalid: ${detail}` });
const path = attributePath('a');

describe('convertAttributeUpdates: conversions', () => {
  const cases: [string, Parameters<typeof convertAttributeUpdates>[0], unknown][] = [
    ['PUT sets the value', { a: { Action: 'PUT', Value: { S: 'x' } } }, [{ kind: 'set', path, value: literal({ S: 'x' }) }]],
    ['PUT is the default action', { a: { Value: { S: 'x' } } }, [{ kind: 'set', path, value: literal({ S: 'x' }) }]],
    ['JSON null Action is the default', { a: { Action: null, Value: { N: '1' } } }, [{ kind: 'set', path, value: literal({ N: '1' }) }]],
    ['DELETE without a value removes the attribute', { a: { Action: 'DELETE' } }, [{ kind: 'remove', path }]],
    ['DELETE with a set deletes its members', { a: { Action: 'DELETE', Value: { SS: ['x'] } } }, [{ kind: 'delete', path, value: literal({ SS: ['x'] }) }]],
    ['ADD a number', { a: { Action: 'ADD', Value: { N: '1' } } }, [{ kind: 'add', path, value: literal({ N: '1' }) }]],
    ['ADD a set', { a: { Action: 'ADD', Value: { NS: ['1'] } } }, [{ kind: 'add', path, value: literal({ NS: ['1'] }) }]],
    [
      'ADD a list appends to the list, creating it when missing',
      { a: { Action: 'ADD', Value: { L: [{ S: 'x' }] } } },
      [
        {
          kind: 'set',
          path,
          value: { kind: 'listAppend', first: { kind: 'ifNotExists', path, fallback: literal({ L: [] }) }, second: literal({ L: [{ S: 'x' }] }) },
        },
      ],
    ],
  ];
  for (const [name, updates, actions] of cases) {
    test(name, () => assert.deepEqual(convertAttributeUpdates(updates), { kind: 'update', actions }));
  }

  test('actions keep map order; values are normalised', () => {
    const update = convertAttributeUpdates({ b: { Value: { N: '01.0' } }, a: { Action: 'DELETE' } });
    assert.deepEqual(update, {
      kind: 'update',
      actions: [
        { kind: 'set', path: attributePath('b'), value: literal({ N: '1' }) },
        { kind: 'remove', path },
      ],
    });
    assert.deepEqual(convertAttributeUpdates({}), { kind: 'update', actions: [] });
  });
});

describe('convertAttributeUpdates: DynamoDB messages', () => {
  const noValue = invalid('Only DELETE action is allowed when no attribute value is specified');
  test('only DELETE may come without a value', () => {
    assert.throws(() => convertAttributeUpdates({ a: {} }), noValue);
    assert.throws(() => convertAttributeUpdates({ a: { Action: 'PUT' } }), noValue);
    assert.throws(() => convertAttributeUpdates({ a: { Action: 'ADD', Value: null } }), noValue);
  });

  const samples: AttributeValue[] = [
    { S: '1' }, { N: '1' }, { B: 'Yg==' }, { NULL: true }, { BOOL: true }, { M: {} }, { L: [] }, { SS: ['a'] }, { NS: ['1'] }, { BS: ['Yg=='] },
  ];
  const typeOf = (value: AttributeValue): string => Object.keys(value)[0] ?? '';
  test('DELETE with a value takes a set', () => {
    for (const value of samples) {
      const type = typeOf(value);
      const update = () => convertAttributeUpdates({ a: { Action: 'DELETE', Value: value } });
      if (['SS', 'NS', 'BS'].includes(type)) update();
      else assert.throws(update, invalid(`DELETE action with value is not supported for the type ${type}`));
    }
  });
  test('ADD takes a number, a set or a list', () => {
    for (const value of samples) {
      const type = typeOf(value);
      const update = () => convertAttributeUpdates({ a: { Action: 'ADD', Value: value } });
      if (['N', 'SS', 'NS', 'BS', 'L'].includes(type)) update();
      else assert.throws(update, invalid(`ADD action is not supported for the type ${type}`));
    }
  });
  test('the value is validated before the action', () => {
    assert.throws(() => convertAttributeUpdates({ a: { Action: 'ADD', Value: { SS: [] } } }), invalid('An string set  may not be empty'));
    assert.throws(() => convertAttributeUpdates({ a: { Action: 'DELETE', Value: { S: 'x', N: '1' } } }), {
      type: 'ValidationException',
      message: 'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes',
    });
  });
  test('entries are checked in map order', () => {
    assert.throws(() => convertAttributeUpdates({ b: { Action: 'ADD', Value: { S: 'x' } }, a: {} }), invalid('ADD action is not supported for the type S'));
  });
});

describe('convertAttributeUpdates: size of what is written', () => {
  const tooLarge = { type: 'ValidationException', message: 'Item size to update has exceeded the maximum allowed size' };
  // 400 KB counts names and values: name 'a' (1 byte) plus a 409,599-byte string is exactly the limit.
  const justFits = 'x'.repeat(400 * 1024 - 1);
  test('names and values written may add up to an item’s size', () => {
    convertAttributeUpdates({ a: { Value: { S: justFits } } });
    assert.throws(() => convertAttributeUpdates({ a: { Value: { S: justFits + 'x' } } }), tooLarge);
    assert.throws(() => convertAttributeUpdates({ a: { Value: { S: justFits } }, b: { Action: 'ADD', Value: { N: '1' } } }), tooLarge);
  });
  test('DELETE writes nothing', () => {
    convertAttributeUpdates({ a: { Value: { S: justFits } }, b: { Action: 'DELETE', Value: { SS: ['y'] } }, c: { Action: 'DELETE' } });
  });
});

describe('checkAttributeUpdatesKeys', () => {
  const schema: KeySchema = { partitionKey: { name: 'a', type: 'S' }, sortKey: { name: 'b', type: 'N' } };
  test('a key attribute cannot be updated, partition key first', () => {
    assert.throws(() => checkAttributeUpdatesKeys({ b: { Action: 'DELETE' }, a: { Action: 'DELETE' } }, schema), invalid('Cannot update attribute a. This attribute is part of the key'));
    assert.throws(() => checkAttributeUpdatesKeys({ b: { Value: { N: '1' } } }, schema), invalid('Cannot update attribute b. This attribute is part of the key'));
    checkAttributeUpdatesKeys({ c: { Value: { N: '1' } } }, schema);
  });
});
