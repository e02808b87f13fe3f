import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addNumbers, subtractNumbers } from './arithmetic.js';
import { canonicalNumber } from '../model/number.js';
import { errorMessage } from './evaluate-builders.test-support.js';

const overflow = 'Number overflow. Attempting to store a number with magnitude larger than supported range';
const underflow = 'Number underflow. Attempting to store a number with magnitude smaller than supported range';

/** Numbers of at most 15 digits between 1E-5 and 1E20: any sum of two spans at most 27 digits, so is exact. */
const modestNumber = fc
  .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: -5, max: 5 }))
  .map(([digits, exponent]) => canonicalNumber(`${digits}e${exponent}`));

describe('addNumbers and subtractNumbers', () => {
  it('are exact beyond double precision', () => {
    assert.equal(addNumbers('1', '10000000000000000000000'), '10000000000000000000001');
    assert.equal(subtractNumbers('10000000000000000000000', '1'), '9999999999999999999999');
    assert.equal(addNumbers('0.1', '0.2'), '0.3');
    assert.equal(subtractNumbers('5', '5'), '0');
    assert.equal(addNumbers('-1.5', '0.25'), '-1.25');
  });

  it('give integers the exact canonical result, around the 15-digit boundary too', () => {
    const integer = fc.oneof(
      fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }),
      fc.constantFrom(0n, 1n, -1n, 10n ** 15n - 1n, -(10n ** 15n - 1n), 10n ** 15n, -(10n ** 15n)),
    );
    fc.assert(
      fc.property(integer, integer, (left, right) => {
        assert.equal(addNumbers(String(left), String(right)), String(left + right));
        assert.equal(subtractNumbers(String(left), String(right)), String(left - right));
      }),
      { numRuns: 3000 },
    );
    assert.equal(addNumbers('-5', '5'), '0');
    assert.equal(subtractNumbers('0', '0'), '0');
    assert.equal(addNumbers('999999999999999', '999999999999999'), '1999999999999998');
    assert.equal(subtractNumbers('-999999999999999', '999999999999999'), '-1999999999999998');
  });

  it('reach the edges of the range', () => {
    assert.equal(addNumbers('9e125', '9e124'), canonicalNumber('9.9e125'));
    assert.equal(subtractNumbers('2e-130', '1e-130'), canonicalNumber('1e-130'));
  });

  it('report overflow and underflow of the result', () => {
    assert.equal(errorMessage(() => addNumbers(canonicalNumber('9e125'), canonicalNumber('9e125'))), overflow);
    assert.equal(errorMessage(() => subtractNumbers(canonicalNumber('9e125'), canonicalNumber('-9e125'))), overflow);
    assert.equal(errorMessage(() => subtractNumbers(canonicalNumber('1.5e-130'), canonicalNumber('1.4e-130'))), underflow);
  });

  it('report a result needing more than 38 digits as an overflow, as DynamoDB does', () => {
    assert.equal(errorMessage(() => addNumbers(canonicalNumber('1e50'), '1')), overflow);
    assert.equal(errorMessage(() => subtractNumbers(canonicalNumber('1e50'), '1')), overflow);
  });

  it('give canonical results that undo each other', () => {
    fc.assert(
      fc.property(modestNumber, modestNumber, (left, right) => {
        const sum = addNumbers(left, right);
        assert.equal(canonicalNumber(sum), sum);
        assert.equal(subtractNumbers(sum, right), left);
        assert.equal(addNumbers(right, left), sum);
      }),
    );
  });
});
