import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  canonicalNumber,
  checkedCanonicalNumber,
  compareNumbers,
  decimalFromCanonical,
  formatDecimal,
  isShortCanonical,
  numberLimitProblem,
  parseNumber,
} from './number.js';
import {
  isWithinLimits,
  numberTextArbitrary,
  referenceCanonical,
  referenceCompare,
  referenceShape,
  validNumberArbitrary,
} from './arbitraries.test-support.js';

const tooManyDigits = 'Attempting to store more than 38 significant digits in a Number';
const overflow = 'Number overflow. Attempting to store a number with magnitude larger than supported range';
const underflow = 'Number underflow. Attempting to store a number with magnitude smaller than supported range';
const nines38 = '9'.repeat(38);

function refusal(text: string): { type: string; message: string } {
  const result = parseNumber(text);
  assert.equal(result.ok, false, `expected ${JSON.stringify(text)} to be refused`);
  return { type: result.ok ? '' : result.error.type, message: result.ok ? '' : result.error.message };
}

describe('canonical text', () => {
  const cases: [string, string][] = [
    ['1', '1'],
    ['-1.50', '-1.5'],
    ['1e5', '100000'],
    ['1E+5', '100000'],
    ['1.5E2', '150'],
    ['.5', '0.5'],
    ['-.5', '-0.5'],
    ['5.', '5'],
    ['1.e5', '100000'],
    ['+3', '3'],
    ['+1.5', '1.5'],
    ['+0', '0'],
    ['-0', '0'],
    ['0.000', '0'],
    ['-0.000e-5', '0'],
    ['0e999999999999', '0'],
    ['00042', '42'],
    ['0042.1200', '42.12'],
    ['3.1400', '3.14'],
    ['1.0', '1'],
    ['100', '100'],
    ['1E2', '100'],
    ['-56.789', '-56.789'],
    ['-0015.789e6', '-15789000'],
    ['12.5e-3', '0.0125'],
    ['0.00000000000000000000000000000000000001', '0.00000000000000000000000000000000000001'],
    ['0000012345678901234567890123456789012345678', '12345678901234567890123456789012345678'],
    ['-00001.23456789012345678901234567890123456780000', '-1.2345678901234567890123456789012345678'],
    ['0009.99999999999999999999999999999999999990000e125', nines38 + '0'.repeat(88)],
    ['-0009.99999999999999999999999999999999999990000e125', '-' + nines38 + '0'.repeat(88)],
    ['1E125', '1' + '0'.repeat(125)],
    ['0001.000e-130', '0.' + '0'.repeat(129) + '1'],
    ['-0001.000e-130', '-0.' + '0'.repeat(129) + '1'],
    ['1E-130', '0.' + '0'.repeat(129) + '1'],
    ['9.9999999999999999999999999999999999999E+125', nines38 + '0'.repeat(88)],
  ];
  for (const [input, expected] of cases) {
    test(`${input} → ${expected.length > 40 ? expected.slice(0, 20) + '…' : expected}`, () => {
      assert.equal(canonicalNumber(input), expected);
    });
  }

  test('exposes sign, significant digits and the power of the first digit', () => {
    assert.deepEqual(decimalFromCanonical('-1.5'), { sign: -1, digits: '15', exponent: 0 });
    assert.deepEqual(decimalFromCanonical('0.0125'), { sign: 1, digits: '125', exponent: -2 });
    assert.deepEqual(decimalFromCanonical('1200'), { sign: 1, digits: '12', exponent: 3 });
    assert.deepEqual(decimalFromCanonical('0'), { sign: 0, digits: '', exponent: 0 });
    const parsed = parseNumber('-001.2300e2');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.decimal, { sign: -1, digits: '123', exponent: 2 });
  });
});

describe('refused text', () => {
  test('empty text has no value in its message', () => {
    assert.deepEqual(refusal(''), { type: 'ValidationException', message: 'The parameter cannot be converted to a numeric value' });
  });

  const unparsable = ['b', ' 5', '5 ', ' 5 ', '5\n', '1 0', '1+2', '1.2.3', '+e2', 'e2', '1e', '1e+', '1E-', '.', '-', '+', '--1', '+-1', 'Infinity', '-Infinity', 'NaN', '0x10', '1,5', '1_000', '١', '1e2.5', '1.5f', '1d'];
  for (const text of unparsable) {
    test(`refuses ${JSON.stringify(text)}`, () => {
      assert.deepEqual(refusal(text), {
        type: 'ValidationException',
        message: `The parameter cannot be converted to a numeric value: ${text}`,
      });
    });
  }
});

describe('limits', () => {
  test('38 significant digits are accepted, 39 are not', () => {
    assert.equal(canonicalNumber('12345678901234567890123456789012345678'), '12345678901234567890123456789012345678');
    assert.equal(refusal('123456789012345678901234567890123456789').message, tooManyDigits);
    assert.equal(refusal('-1.23456789012345678901234567890123456789').message, tooManyDigits);
    assert.equal(refusal('0.' + '1'.repeat(39)).message, tooManyDigits);
  });

  test('leading and trailing zeros are not significant', () => {
    assert.equal(canonicalNumber('12345678901234567890123456789012345678000'), '12345678901234567890123456789012345678000');
    assert.equal(canonicalNumber('0.000' + '1'.repeat(38) + '000'), '0.000' + '1'.repeat(38));
    assert.equal(canonicalNumber('1' + '0'.repeat(100)), '1' + '0'.repeat(100));
  });

  test('the largest magnitude is 9.9999999999999999999999999999999999999E+125', () => {
    assert.equal(canonicalNumber('-9.9999999999999999999999999999999999999E+125'), '-' + nines38 + '0'.repeat(88));
    assert.equal(refusal('1E+126').message, overflow);
    assert.equal(refusal('-1e126').message, overflow);
    assert.equal(refusal('10E125').message, overflow);
    assert.equal(refusal('1' + '0'.repeat(126)).message, overflow);
    assert.equal(refusal('1e99999999999999999999').message, overflow);
  });

  test('the smallest magnitude is 1E-130', () => {
    assert.equal(canonicalNumber('-1E-130'), '-0.' + '0'.repeat(129) + '1');
    assert.equal(canonicalNumber('1.5E-130'), '0.' + '0'.repeat(129) + '15');
    assert.equal(refusal('1E-131').message, underflow);
    assert.equal(refusal('-1e-131').message, underflow);
    assert.equal(refusal('0.5E-130').message, underflow);
    assert.equal(refusal('1e-99999999999999999999').message, underflow);
  });

  test('overflow and underflow are reported before precision', () => {
    assert.equal(refusal('123456789012345678901234567890123456789e200').message, overflow);
    assert.equal(refusal('123456789012345678901234567890123456789e-200').message, underflow);
  });

  test('numberLimitProblem applies the same limits to computed values', () => {
    assert.equal(numberLimitProblem({ sign: 1, digits: '1', exponent: 126 })?.message, overflow);
    assert.equal(numberLimitProblem({ sign: -1, digits: '1'.repeat(39), exponent: 0 })?.message, tooManyDigits);
    assert.equal(numberLimitProblem({ sign: 0, digits: '', exponent: 0 }), undefined);
  });
});

describe('compareNumbers', () => {
  const ascending = ['-' + nines38 + '0'.repeat(88), '-100', '-10', '-1.5', '-1.05', '-1', '-0.5', '-0.' + '0'.repeat(129) + '1', '0', '0.' + '0'.repeat(129) + '1', '0.0125', '0.5', '1', '1.05', '1.5', '10', '100', nines38];
  test('orders a ladder of values', () => {
    for (let index = 0; index + 1 < ascending.length; index++) {
      assert.equal(compareNumbers(ascending[index]!, ascending[index + 1]!), -1, `${ascending[index]} < ${ascending[index + 1]}`);
      assert.equal(compareNumbers(ascending[index + 1]!, ascending[index]!), 1);
      assert.equal(compareNumbers(ascending[index]!, ascending[index]!), 0);
    }
  });
});

describe('properties', () => {
  test('accepts exactly the values within limits, rendering them like an independent reference', () => {
    fc.assert(
      fc.property(numberTextArbitrary(), (sample) => {
        const result = parseNumber(sample.text);
        if (isWithinLimits(sample)) {
          assert.ok(result.ok, sample.text);
          assert.equal(formatDecimal(result.decimal), referenceCanonical(sample));
        } else {
          assert.ok(!result.ok, sample.text);
          const shape = referenceShape(sample)!;
          const expected = shape.firstPower > 125 ? overflow : shape.firstPower < -130 ? underflow : tooManyDigits;
          assert.equal(result.error.message, expected);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('canonical text is a fixed point', () => {
    fc.assert(
      fc.property(validNumberArbitrary, (sample) => {
        const canonical = canonicalNumber(sample.text);
        assert.equal(canonicalNumber(canonical), canonical);
        assert.equal(formatDecimal(decimalFromCanonical(canonical)), canonical);
      }),
      { numRuns: 2000 },
    );
  });

  test('compareNumbers agrees with exact BigInt comparison', () => {
    fc.assert(
      fc.property(validNumberArbitrary, validNumberArbitrary, (left, right) => {
        assert.equal(compareNumbers(canonicalNumber(left.text), canonicalNumber(right.text)), referenceCompare(left, right));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('short canonical texts', () => {
  const parsedCanonical = (text: string): string | undefined => {
    const parsed = parseNumber(text);
    return parsed.ok ? formatDecimal(parsed.decimal) : undefined;
  };

  test('are recognised only when parsing and formatting would give them back unchanged', () => {
    const numberLike = fc.string({ unit: fc.constantFrom('0', '1', '9', '-', '+', '.', 'e', ' '), maxLength: 41 });
    fc.assert(
      fc.property(fc.oneof(numberLike, numberTextArbitrary().map((sample) => sample.text)), (text) => {
        if (isShortCanonical(text)) assert.equal(parsedCanonical(text), text);
        const checked = checkedCanonicalNumber(text);
        const parsed = parseNumber(text);
        if (parsed.ok) assert.deepEqual(checked, { ok: true, canonical: formatDecimal(parsed.decimal) });
        else assert.deepEqual(checked, parsed);
      }),
      { numRuns: 5000 },
    );
  });

  test('cover every canonical text of up to 38 characters', () => {
    fc.assert(
      fc.property(validNumberArbitrary, (sample) => {
        const canonical = canonicalNumber(sample.text);
        assert.equal(isShortCanonical(canonical), canonical.length <= 38, canonical);
      }),
      { numRuns: 3000 },
    );
    for (const text of ['0', '-1', '10', '0.5', '-0.05', '1.25', '9'.repeat(38), `0.${'0'.repeat(35)}1`]) assert.equal(isShortCanonical(text), true, text);
    for (const text of ['', '-', '-0', '00', '01', '1.', '.5', '1.50', '0.0', '+1', '1e5', '1 ', '9'.repeat(39), '-0.0']) assert.equal(isShortCanonical(text), false, text);
  });
});
