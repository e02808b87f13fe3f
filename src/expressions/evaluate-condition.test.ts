import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AttributeValue, Item } from '../model/attribute-value.js';
import { base64Encode } from '../model/base64.js';
import type { Condition } from './ast.js';
import { evaluateCondition } from './evaluate-condition.js';
import {
  and,
  attributeType,
  beginsWith,
  between,
  bindings,
  comparison,
  contains,
  exists,
  isIn,
  literal,
  not,
  notExists,
  or,
  path,
  size,
  value,
} from './evaluate-builders.test-support.js';

const item: Item = {
  id: { S: 'k1' },
  count: { N: '10' },
  name: { S: 'héllo wörld' },
  data: { B: 'AAEC/w==' },
  flag: { BOOL: true },
  nothing: { NULL: true },
  tags: { SS: ['red', 'blue'] },
  scores: { NS: ['1', '2.5'] },
  blobs: { BS: ['AQ=='] },
  list: { L: [{ S: 'a' }, { N: '2' }, { M: { x: { N: '1' } } }] },
  map: { M: { inner: { M: { deep: { S: 'value' } } }, n: { N: '-3' } } },
};

const values = bindings(
  {
    ':ten': { N: '10' },
    ':ten-text': { S: '10' },
    ':nine': { N: '9.99' },
    ':eleven': { N: '11' },
    ':hello': { S: 'héllo' },
    ':wor': { S: 'wör' },
    ':red': { S: 'red' },
    ':two': { N: '2' },
    ':prefix': { B: 'AAE=' },
    ':middle': { B: 'Av8=' },
    ':a': { S: 'a' },
    ':mapElement': { M: { x: { N: '1' } } },
    ':blob': { B: 'AQ==' },
    ':S': { S: 'S' },
    ':SS': { S: 'SS' },
    ':M': { S: 'M' },
    ':value': { S: 'value' },
    ':eleven-bytes': { N: '13' },
  },
  { '#n': 'name', '#deep': 'deep' },
);

function holds(condition: Condition): boolean {
  return evaluateCondition(condition, item, values);
}

function holdsWithoutItem(condition: Condition): boolean {
  return evaluateCondition(condition, undefined, values);
}

describe('evaluateCondition: comparisons', () => {
  it('compares numbers numerically and exactly', () => {
    assert.ok(holds(comparison('=', path('count'), value(':ten'))));
    assert.ok(holds(comparison('>', path('count'), value(':nine'))));
    assert.ok(holds(comparison('<', path('count'), value(':eleven'))));
    assert.ok(holds(comparison('<=', path('count'), value(':ten'))));
    assert.ok(holds(comparison('>=', path('map.n'), literal({ N: '-3' }))));
  });

  it('treats values of different types as unequal and unordered', () => {
    assert.ok(!holds(comparison('=', path('count'), value(':ten-text'))));
    assert.ok(holds(comparison('<>', path('count'), value(':ten-text'))));
    assert.ok(!holds(comparison('<', path('count'), value(':ten-text'))));
    assert.ok(!holds(comparison('>=', path('count'), value(':ten-text'))));
  });

  it('never orders sets, documents, booleans or nulls', () => {
    assert.ok(!holds(comparison('<=', path('flag'), path('flag'))));
    assert.ok(!holds(comparison('>=', path('tags'), path('tags'))));
    assert.ok(holds(comparison('=', path('tags'), literal({ SS: ['blue', 'red'] }))));
    assert.ok(holds(comparison('=', path('list[2]'), value(':mapElement'))));
  });

  it('makes comparisons with a missing attribute false, except <>', () => {
    assert.ok(!holds(comparison('=', path('missing'), value(':ten'))));
    assert.ok(!holds(comparison('<', path('missing'), value(':ten'))));
    assert.ok(holds(comparison('<>', path('missing'), value(':ten'))));
    assert.ok(holdsWithoutItem(comparison('<>', path('count'), value(':ten'))));
    assert.ok(!holds(comparison('=', path('missing'), path('missing.too'))));
  });

  it('reads nested paths through name placeholders', () => {
    assert.ok(holds(comparison('=', path('map.inner.#deep'), value(':value'))));
    assert.ok(holds(comparison('=', path('list[0]'), value(':a'))));
  });
});

describe('evaluateCondition: BETWEEN and IN', () => {
  it('BETWEEN is inclusive and needs one scalar type', () => {
    assert.ok(holds(between(path('count'), value(':nine'), value(':eleven'))));
    assert.ok(holds(between(path('count'), value(':ten'), value(':ten'))));
    assert.ok(!holds(between(path('count'), value(':eleven'), value(':eleven'))));
    assert.ok(!holds(between(path('count'), value(':ten-text'), value(':eleven'))));
    assert.ok(!holds(between(path('missing'), value(':nine'), value(':eleven'))));
  });

  it('IN matches any equal candidate', () => {
    assert.ok(holds(isIn(path('count'), value(':nine'), value(':ten'))));
    assert.ok(!holds(isIn(path('count'), value(':ten-text'), value(':eleven'))));
    assert.ok(!holds(isIn(path('missing'), value(':ten'))));
  });
});

describe('evaluateCondition: logic and functions', () => {
  it('combines with AND, OR and NOT', () => {
    const yes = exists('count');
    const no = exists('missing');
    assert.ok(holds(and(yes, yes)) && !holds(and(yes, no)));
    assert.ok(holds(or(no, yes)) && !holds(or(no, no)));
    assert.ok(holds(not(no)) && !holds(not(yes)));
  });

  it('attribute_exists and attribute_not_exists, nested and on an absent item', () => {
    assert.ok(holds(exists('map.inner.deep')));
    assert.ok(holds(notExists('map.inner.other')));
    assert.ok(holds(notExists('list[3]')));
    assert.ok(!holdsWithoutItem(exists('id')));
    assert.ok(holdsWithoutItem(notExists('id')));
  });

  it('attribute_type compares the type name', () => {
    assert.ok(holds(attributeType('#n', value(':S'))));
    assert.ok(holds(attributeType('tags', value(':SS'))));
    assert.ok(holds(attributeType('list[2]', value(':M'))));
    assert.ok(!holds(attributeType('count', value(':S'))));
    assert.ok(!holds(attributeType('missing', value(':S'))));
  });

  it('begins_with works on strings and binaries only', () => {
    assert.ok(holds(beginsWith(path('#n'), value(':hello'))));
    assert.ok(!holds(beginsWith(path('#n'), value(':wor'))));
    assert.ok(holds(beginsWith(path('data'), value(':prefix'))));
    assert.ok(!holds(beginsWith(path('data'), value(':middle'))));
    assert.ok(!holds(beginsWith(path('tags'), value(':red'))));
    assert.ok(!holds(beginsWith(path('missing'), value(':red'))));
  });

  it('contains finds substrings, byte runs, set members and list elements', () => {
    assert.ok(holds(contains(path('#n'), value(':wor'))));
    assert.ok(holds(contains(path('data'), value(':middle'))));
    assert.ok(holds(contains(path('tags'), value(':red'))));
    assert.ok(holds(contains(path('scores'), literal({ N: '2.5' }))));
    assert.ok(!holds(contains(path('scores'), literal({ S: '2.5' }))));
    assert.ok(holds(contains(path('blobs'), value(':blob'))));
    assert.ok(holds(contains(path('list'), value(':two'))));
    assert.ok(holds(contains(path('list'), value(':mapElement'))));
    assert.ok(!holds(contains(path('list'), literal({ S: '2' }))));
    assert.ok(!holds(contains(path('count'), value(':ten'))));
    assert.ok(!holds(contains(path('map'), literal({ S: 'n' }))));
  });

  it('size counts UTF-8 bytes of strings, bytes of binaries, and members of sets, lists and maps', () => {
    assert.ok(holds(comparison('=', size('#n'), value(':eleven-bytes'))));
    assert.ok(holds(comparison('=', size('data'), literal({ N: '4' }))));
    assert.ok(holds(comparison('=', size('tags'), value(':two'))));
    assert.ok(holds(comparison('=', size('list'), literal({ N: '3' }))));
    assert.ok(holds(comparison('=', size('map'), value(':two'))));
  });

  it('size of a number, boolean, null or missing attribute makes the comparison false', () => {
    for (const name of ['count', 'flag', 'nothing', 'missing']) {
      assert.ok(!holds(comparison('>=', size(name), literal({ N: '0' }))), name);
      assert.ok(!holds(comparison('=', size(name), literal({ N: '1' }))), name);
    }
    assert.ok(!holds(comparison('=', size('tags'), literal({ S: '2' }))));
  });
});

describe('evaluateCondition: properties', () => {
  const scalar = fc.oneof(
    fc.string({ maxLength: 4 }).map((text): AttributeValue => ({ S: text })),
    fc.integer({ min: -50, max: 50 }).map((integer): AttributeValue => ({ N: String(integer) })),
    fc.uint8Array({ maxLength: 3 }).map((bytes): AttributeValue => ({ B: base64Encode(bytes) })),
  );
  const anyValue = fc.oneof(scalar, fc.boolean().map((flag): AttributeValue => ({ BOOL: flag })), fc.constant<AttributeValue>({ L: [] }));
  const comparators = ['<', '<=', '=', '<>', '>', '>='] as const;

  function outcomes(left: AttributeValue, right: AttributeValue): Record<(typeof comparators)[number], boolean> {
    const target: Item = { left, right };
    const result = {} as Record<(typeof comparators)[number], boolean>;
    for (const comparator of comparators) result[comparator] = evaluateCondition(comparison(comparator, path('left'), path('right')), target, values);
    return result;
  }

  it('exactly one of <, =, > holds for scalars of one type, and the others follow from it', () => {
    fc.assert(
      fc.property(scalar, scalar, (left, right) => {
        fc.pre(Object.keys(left)[0] === Object.keys(right)[0]);
        const result = outcomes(left, right);
        assert.equal([result['<'], result['='], result['>']].filter(Boolean).length, 1);
        assert.equal(result['<='], result['<'] || result['=']);
        assert.equal(result['>='], result['>'] || result['=']);
        assert.equal(result['<>'], !result['=']);
      }),
    );
  });

  it('values of different types or unordered types satisfy only <>', () => {
    fc.assert(
      fc.property(anyValue, anyValue, (left, right) => {
        const sameScalarType = Object.keys(left)[0] === Object.keys(right)[0] && ('S' in left || 'N' in left || 'B' in left);
        fc.pre(!sameScalarType);
        const result = outcomes(left, right);
        assert.ok(!result['<'] && !result['<='] && !result['>'] && !result['>=']);
        assert.equal(result['<>'], !result['=']);
      }),
    );
  });
});
