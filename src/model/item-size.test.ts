import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AttributeValue, Item } from './attribute-value.js';
import { attributeValueSizeBytes, isItemTooLarge, itemSizeBytes, itemSizeProblem, numberSizeBytes } from './item-size.js';
import { canonicalNumber, decimalFromCanonical } from './number.js';
import { validNumberArbitrary } from './arbitraries.test-support.js';

const maxItemBytes = 400 * 1024;

describe('numberSizeBytes', () => {
  // Sizes measured against DynamoDB at the 400 KB limit (an accepted item of exactly 409,600 bytes and a
  // refused one a byte over, per literal).
  const measured: [string, number][] = [
    ['0', 1],
    ['1', 2],
    ['12', 2],
    ['123', 3],
    ['1234', 3],
    ['12345678901234567890123456789012345678', 20],
    ['0042', 2],
    ['100', 2],
    ['1010', 3],
    ['0.0000001', 2],
    ['1E125', 2],
    ['1E-100', 2],
    ['1.5', 3],
    ['15', 2],
    ['1.2', 3],
    ['1.200', 3],
    ['1.234', 4],
    ['3.14159', 5],
    ['123456', 4],
    ['100.5', 4],
    ['0.15', 2],
    ['-42', 3],
    ['-0', 1],
  ];
  for (const [literal, bytes] of measured) {
    test(`${literal} is ${bytes} bytes`, () => assert.equal(numberSizeBytes(canonicalNumber(literal)), bytes));
  }

  test('digits are paired on the decimal point (base 100)', () => {
    assert.equal(numberSizeBytes('120'), 3); // 1|20
    assert.equal(numberSizeBytes('0.015'), 3); // 0.01|50
    assert.equal(numberSizeBytes('1' + '2'.repeat(37)), 20);
    assert.equal(numberSizeBytes('1.' + '2'.repeat(37)), 21); // 1.|22|…|2(0)
    assert.equal(numberSizeBytes('-1.' + '2'.repeat(37)), 22);
  });

  test('large numbers with trailing zeros cost their significant digits only', () => {
    assert.equal(numberSizeBytes('1'.repeat(38) + '0'.repeat(88)), 20);
    assert.equal(numberSizeBytes('1' + '0'.repeat(125)), 2);
    assert.equal(numberSizeBytes('11' + '0'.repeat(124)), 2);
    assert.equal(numberSizeBytes('11111' + '0'.repeat(121)), 4);
    assert.equal(numberSizeBytes('111111' + '0'.repeat(120)), 4);
    assert.equal(numberSizeBytes('1111111' + '0'.repeat(119)), 5);
  });

  test('counts the base-100 digits of the canonical decimal', () => {
    fc.assert(
      fc.property(validNumberArbitrary, (sample) => {
        const canonical = canonicalNumber(sample.text);
        const decimal = decimalFromCanonical(canonical);
        if (decimal.sign === 0) return assert.equal(numberSizeBytes(canonical), 1);
        const lastPower = decimal.exponent - decimal.digits.length + 1;
        const baseHundredDigits = Math.floor(decimal.exponent / 2) - Math.floor(lastPower / 2) + 1;
        assert.equal(numberSizeBytes(canonical), 1 + baseHundredDigits + (decimal.sign < 0 ? 1 : 0), canonical);
      }),
      { numRuns: 5000 },
    );
    for (const canonical of ['0.5', '-0.05', '0.000123', '10', '-100', '1000.01', '99.99', '0.1']) {
      const decimal = decimalFromCanonical(canonical);
      const lastPower = decimal.exponent - decimal.digits.length + 1;
      const expected = 2 + Math.floor(decimal.exponent / 2) - Math.floor(lastPower / 2) + (decimal.sign < 0 ? 1 : 0);
      assert.equal(numberSizeBytes(canonical), expected, canonical);
    }
  });

  test('is between 1 and 22 bytes and close to the documented approximation', () => {
    fc.assert(
      fc.property(validNumberArbitrary, (sample) => {
        const canonical = canonicalNumber(sample.text);
        const size = numberSizeBytes(canonical);
        const significant = canonical.replace(/[-.]/g, '').replace(/^0+/, '').replace(/0+$/, '').length;
        if (significant === 0) return assert.equal(size, 1);
        const approximation = Math.ceil(significant / 2) + 1 + (canonical.startsWith('-') ? 1 : 0);
        assert.ok(size >= approximation && size <= approximation + 1, `${canonical}: ${size} vs ${approximation}`);
        assert.ok(size <= 22);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('attributeValueSizeBytes', () => {
  const cases: [AttributeValue, number][] = [
    [{ S: '' }, 0],
    [{ S: 'abc' }, 3],
    [{ S: 'é' }, 2],
    [{ S: '€' }, 3],
    [{ S: '😀' }, 4],
    [{ B: '' }, 0],
    [{ B: 'Yg==' }, 1],
    [{ B: 'YWI=' }, 2],
    [{ B: 'YWJj' }, 3],
    [{ BOOL: false }, 1],
    [{ NULL: true }, 1],
    [{ SS: ['a', 'bc', ''] }, 3],
    [{ NS: ['1', '-42'] }, 5],
    [{ BS: ['Yg==', 'YWJj'] }, 4],
    [{ L: [] }, 3],
    [{ M: {} }, 3],
    [{ L: [{ S: 'xy' }] }, 3 + 1 + 2],
    [{ L: [{ S: 'xy' }, { NULL: true }] }, 3 + (1 + 2) + (1 + 1)],
    [{ M: { a: { S: 'xy' } } }, 3 + 1 + 1 + 2],
    [{ M: { a: { M: { bb: { BOOL: true } } } } }, 3 + 1 + 1 + (3 + 1 + 2 + 1)],
  ];
  for (const [value, size] of cases) {
    test(`${JSON.stringify(value)} is ${size} bytes`, () => assert.equal(attributeValueSizeBytes(value), size));
  }
});

describe('itemSizeBytes', () => {
  test('counts names in UTF-8 plus values', () => {
    const item: Item = {
      id: { S: 'abc' },
      n: { N: '12345' },
      flag: { BOOL: true },
      l: { L: [{ S: 'xy' }] },
    };
    assert.equal(itemSizeBytes(item), 5 + 5 + 5 + 7);
    assert.equal(itemSizeBytes({ 'é': { S: 'é' } }), 4);
    assert.equal(itemSizeBytes({}), 0);
  });

  test('an item of exactly 400 KB is allowed, one byte more is not', () => {
    const atLimit: Item = { a: { S: 'x'.repeat(maxItemBytes - 1) } };
    const overLimit: Item = { a: { S: 'x'.repeat(maxItemBytes) } };
    assert.equal(itemSizeBytes(atLimit), maxItemBytes);
    assert.equal(isItemTooLarge(atLimit), false);
    assert.equal(itemSizeProblem(atLimit), undefined);
    assert.equal(isItemTooLarge(overLimit), true);
    const problem = itemSizeProblem(overLimit);
    assert.equal(problem?.type, 'ValidationException');
    assert.equal(problem?.message, 'Item size has exceeded the maximum allowed size');
  });

  test('the limit counts numbers at their stored size', () => {
    const number = '1'.repeat(38) + '0'.repeat(88); // 20 bytes
    const padding = maxItemBytes - (1 + 1) - 1 - (1 + 20);
    const item: Item = { a: { S: 'k' }, b: { S: 'x'.repeat(padding) }, c: { N: number } };
    assert.equal(itemSizeBytes(item), maxItemBytes);
    assert.equal(isItemTooLarge(item), false);
    assert.equal(isItemTooLarge({ ...item, b: { S: 'x'.repeat(padding + 1) } }), true);
  });
});
