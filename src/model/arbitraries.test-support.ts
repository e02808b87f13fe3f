/**
 * fast-check generators and independent reference implementations shared by the model tests. The
 * references use BigInt and the platform's TextEncoder, never the code under test.
 */
import fc from 'fast-check';

/** A number as client text, with the exact value it denotes: value = sign × integer × 10^scale. */
export interface NumberSample {
  readonly text: string;
  readonly negative: boolean;
  readonly integer: bigint;
  readonly scale: number;
}

/**
 * Client number text in the forms DynamoDB accepts: optional sign, leading and trailing zeros, a point
 * anywhere (including ".5" and "5."), an optional exponent in either case with an optional sign.
 */
export function numberTextArbitrary(options: { exponentMin?: number; exponentMax?: number; digitsMax?: number } = {}) {
  const { exponentMin = -140, exponentMax = 140, digitsMax = 40 } = options;
  return fc
    .record({
      sign: fc.constantFrom('', '-', '+'),
      leadingZeros: fc.integer({ min: 0, max: 3 }),
      digits: fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: digitsMax }),
      trailingZeros: fc.integer({ min: 0, max: 3 }),
      pointFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      usePoint: fc.boolean(),
      exponent: fc.option(fc.integer({ min: exponentMin, max: exponentMax }), { nil: undefined }),
      exponentMarker: fc.constantFrom('e', 'E'),
      explicitPlus: fc.boolean(),
    })
    .map((parts): NumberSample => {
      const all = '0'.repeat(parts.leadingZeros) + parts.digits + '0'.repeat(parts.trailingZeros);
      const pointAt = parts.usePoint ? Math.round(parts.pointFraction * all.length) : all.length;
      const mantissa = parts.usePoint ? `${all.slice(0, pointAt)}.${all.slice(pointAt)}` : all;
      let text = parts.sign + mantissa;
      if (parts.exponent !== undefined) {
        const exponentSign = parts.exponent < 0 ? '-' : parts.explicitPlus ? '+' : '';
        text += parts.exponentMarker + exponentSign + String(Math.abs(parts.exponent));
      }
      const fractionLength = all.length - pointAt;
      return {
        text,
        negative: parts.sign === '-',
        integer: BigInt(all),
        scale: (parts.exponent ?? 0) - fractionLength,
      };
    });
}

/** Significant digits and the power of ten of the first one, or undefined for zero. */
export function referenceShape(sample: NumberSample): { digits: number; firstPower: number } | undefined {
  if (sample.integer === 0n) return undefined;
  const text = sample.integer.toString();
  const digits = text.replace(/0+$/, '').length;
  return { digits, firstPower: text.length - 1 + sample.scale };
}

export function isWithinLimits(sample: NumberSample): boolean {
  const shape = referenceShape(sample);
  return shape === undefined || (shape.digits <= 38 && shape.firstPower <= 125 && shape.firstPower >= -130);
}

/** Plain-notation rendering of sign × integer × 10^scale, written independently of number.ts. */
export function referenceCanonical(sample: NumberSample): string {
  if (sample.integer === 0n) return '0';
  const sign = sample.negative ? '-' : '';
  const digits = sample.integer.toString();
  if (sample.scale >= 0) return sign + digits + '0'.repeat(sample.scale);
  const padded = digits.padStart(-sample.scale + 1, '0');
  const integerPart = padded.slice(0, padded.length + sample.scale);
  const fractionPart = padded.slice(padded.length + sample.scale).replace(/0+$/, '');
  return sign + (fractionPart === '' ? integerPart : `${integerPart}.${fractionPart}`);
}

/** Exact comparison of two samples by scaling both to a common power of ten with BigInt. */
export function referenceCompare(left: NumberSample, right: NumberSample): number {
  const commonScale = Math.min(left.scale, right.scale);
  const leftValue = (left.negative ? -1n : 1n) * left.integer * 10n ** BigInt(left.scale - commonScale);
  const rightValue = (right.negative ? -1n : 1n) * right.integer * 10n ** BigInt(right.scale - commonScale);
  return leftValue < rightValue ? -1 : leftValue > rightValue ? 1 : 0;
}

/** Valid numbers only (within DynamoDB's limits). */
export const validNumberArbitrary = numberTextArbitrary({ exponentMin: -125, exponentMax: 85, digitsMax: 38 }).filter(isWithinLimits);

export function compareUnsignedBytes(left: Uint8Array, right: Uint8Array): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    if (left[index] !== right[index]) return left[index]! < right[index]! ? -1 : 1;
  }
  return Math.sign(left.length - right.length);
}

/**
 * One valid Unicode code point, as a string. Built here rather than with fast-check's 'binary' unit, whose
 * first use costs over a second per test process.
 */
export const codePointArbitrary = fc
  .oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xd7ff }), fc.integer({ min: 0xe000, max: 0x10ffff }))
  .map((codePoint) => String.fromCodePoint(codePoint));

/** Strings of valid Unicode (any code point, surrogate pairs well formed). */
export const unicodeStringArbitrary = fc.string({ unit: codePointArbitrary, maxLength: 12 });

/** Strings biased towards the bytes that matter to the encoding: NUL, 0x01, 0xFF-adjacent, multi-byte. */
export const trickyStringArbitrary = fc.string({
  unit: fc.constantFrom('\u0000', '\u0001', 'a', 'b', '\u00ff', '\u0100', '\uffff', '\u{10000}', '\u{10ffff}'),
  maxLength: 6,
});

export const bytesArbitrary = fc.uint8Array({ maxLength: 12 });

/** Bytes biased towards 0x00, 0x01 and 0xFF, the escape-relevant values. */
export const trickyBytesArbitrary = fc
  .array(fc.constantFrom(0x00, 0x01, 0x02, 0xfe, 0xff), { maxLength: 8 })
  .map((values) => Uint8Array.from(values));

export const utf8 = new TextEncoder();
