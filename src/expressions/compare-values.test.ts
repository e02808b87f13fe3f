import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { KeyValue } from '../model/attribute-value.js';
import { compareScalars, compareStrings, valuesEqual } from './compare-values.js';
import { encodeKeyValue, compareBytes } from '../model/key-encoding.js';
import { base64Encode } from '../model/base64.js';
import { canonicalNumber } from '../model/number.js';
import { utf8Encode } from '../model/utf8.js';
import {
  bytesArbitrary,
  trickyBytesArbitrary,
  trickyStringArbitrary,
  unicodeStringArbitrary,
  validNumberArbitrary,
} from '../model/arbitraries.test-support.js';

const stringValue = fc.oneof(unicodeStringArbitrary, trickyStringArbitrary).map((text): KeyValue => ({ S: text }));
const numberValue = validNumberArbitrary.map((sample): KeyValue => ({ N: canonicalNumber(sample.text) }));
const binaryValue = fc.oneof(bytesArbitrary, trickyBytesArbitrary).map((bytes): KeyValue => ({ B: base64Encode(bytes) }));

describe('compareScalars', () => {
  for (const [type, arbitrary] of [
    ['S', stringValue],
    ['N', numberValue],
    ['B', binaryValue],
  ] as const) {
    it(`orders ${type} values as the key encoding does`, () => {
      fc.assert(
        fc.property(arbitrary, arbitrary, (left, right) => {
          assert.equal(compareScalars(left, right), compareBytes(encodeKeyValue(left), encodeKeyValue(right)));
        }),
      );
    });

    it(`is a total order on ${type} values: sorting agrees with pairwise comparison`, () => {
      fc.assert(
        fc.property(fc.array(arbitrary, { maxLength: 8 }), (values) => {
          const sorted = [...values].sort((left, right) => compareScalars(left, right)!);
          for (let index = 1; index < sorted.length; index++) {
            assert.ok(compareScalars(sorted[index - 1]!, sorted[index]!)! <= 0);
            assert.equal(compareScalars(sorted[index]!, sorted[index - 1]!), -compareScalars(sorted[index - 1]!, sorted[index]!)! || 0);
          }
        }),
      );
    });
  }

  it('orders numbers numerically, not as text', () => {
    assert.equal(compareScalars({ N: '10' }, { N: '9' }), 1);
    assert.equal(compareScalars({ N: '-10' }, { N: '-9' }), -1);
    assert.equal(compareScalars({ N: '0.001' }, { N: '0' }), 1);
  });

  it('orders strings by UTF-8 bytes, where UTF-16 order differs', () => {
    assert.equal(compareScalars({ S: '\u{10000}' }, { S: '\uffff' }), 1);
    assert.equal(compareStrings('\ud800', '\ue000'), compareBytes(utf8Encode('\ud800'), utf8Encode('\ue000')));
    assert.equal(compareStrings('\ud800\udc00', '\ud800\ue000'), compareBytes(utf8Encode('\ud800\udc00'), utf8Encode('\ud800\ue000')));
  });

  it('does not order values of different types or unordered types', () => {
    assert.equal(compareScalars({ S: '1' }, { N: '1' }), undefined);
    assert.equal(compareScalars({ BOOL: true }, { BOOL: true }), undefined);
    assert.equal(compareScalars({ SS: ['a'] }, { SS: ['a'] }), undefined);
  });
});

describe('valuesEqual', () => {
  it('compares sets regardless of order, lists in order, maps by key', () => {
    assert.ok(valuesEqual({ SS: ['a', 'b'] }, { SS: ['b', 'a'] }));
    assert.ok(!valuesEqual({ SS: ['a', 'b'] }, { SS: ['a', 'c'] }));
    assert.ok(valuesEqual({ L: [{ N: '1' }, { S: 'x' }] }, { L: [{ N: '1' }, { S: 'x' }] }));
    assert.ok(!valuesEqual({ L: [{ N: '1' }, { S: 'x' }] }, { L: [{ S: 'x' }, { N: '1' }] }));
    assert.ok(valuesEqual({ M: { a: { N: '1' }, b: { NULL: true } } }, { M: { b: { NULL: true }, a: { N: '1' } } }));
    assert.ok(!valuesEqual({ M: { a: { N: '1' } } }, { M: { b: { N: '1' } } }));
  });

  it('never equates values of different types', () => {
    assert.ok(!valuesEqual({ S: '1' }, { N: '1' }));
    assert.ok(!valuesEqual({ SS: ['1'] }, { NS: ['1'] }));
    assert.ok(!valuesEqual({ L: [] }, { M: {} }));
  });
});
