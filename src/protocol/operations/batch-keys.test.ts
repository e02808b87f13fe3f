import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AttributeValue, Item } from '../../model/attribute-value.js';
import { DistinctKeys, keyText } from './batch-keys.js';

const piece = fc.constantFrom('', 'a', '1', ':', ';', 'S1:', 'N', 'B', '0;');
const text = fc.array(piece, { maxLength: 4 }).map((pieces) => pieces.join(''));
const scalar: fc.Arbitrary<AttributeValue> = fc.oneof(
  text.map((S) => ({ S })),
  fc.constantFrom('0', '1', '-1', '1.5', '10').map((N) => ({ N })),
  fc.constantFrom('AA==', 'AQ==', 'AAA=').map((B) => ({ B })),
);
const key: fc.Arbitrary<Item> = fc.dictionary(text, scalar, { minKeys: 1, maxKeys: 2 });

/** The same key, whatever order the client listed its attributes in. */
function sameKey(left: Item, right: Item): boolean {
  const names = Object.keys(left).sort();
  const otherNames = Object.keys(right).sort();
  return JSON.stringify(names) === JSON.stringify(otherNames) && names.every((name) => JSON.stringify(left[name]) === JSON.stringify(right[name]));
}

describe('keyText', () => {
  test('is equal exactly for equal keys', () => {
    fc.assert(
      fc.property(key, key, (left, right) => assert.equal(keyText(left) === keyText(right), sameKey(left, right))),
      { numRuns: 5000 },
    );
  });

  test('ignores the order of attributes and of set members', () => {
    assert.equal(keyText({ a: { S: 'x' }, b: { N: '1' } }), keyText({ b: { N: '1' }, a: { S: 'x' } }));
    assert.equal(keyText({ a: { SS: ['x', 'y'] } }), keyText({ a: { SS: ['y', 'x'] } }));
    assert.notEqual(keyText({ a: { SS: ['x'] } }), keyText({ a: { S: 'x' } }));
  });

  test('lets DistinctKeys refuse a repeat', () => {
    const distinct = new DistinctKeys();
    distinct.add({ pk: { S: 'a' }, sk: { N: '1' } });
    distinct.add({ pk: { S: 'a' }, sk: { N: '2' } });
    assert.throws(() => distinct.add({ sk: { N: '1' }, pk: { S: 'a' } }), /Provided list of item keys contains duplicates/);
  });
});
