/**
 * Exact addition and subtraction of DynamoDB numbers, for SET `+`/`-` and ADD. The result must itself be
 * a storable number; DynamoDB reports a result that needs more than 38 significant digits (1E50 + 1) as
 * an overflow, not as a precision error, and so does this.
 */
import { Decimal as DecimalJs } from 'decimal.js';
import { validationError } from '../lib/errors.js';
import { limits } from '../lib/limits.js';
import { canonicalNumber } from '../model/number.js';

/**
 * Enough digits that no sum or difference of two storable numbers is rounded: the operands span at most
 * 10^-168 (38 digits below 10^-130) to 10^126, and their sum one more digit than that span.
 */
const exactDigits = 400;

const ExactDecimal = DecimalJs.clone({ precision: exactDigits, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

const overflowMessage = 'Number overflow. Attempting to store a number with magnitude larger than supported range';
const underflowMessage = 'Number underflow. Attempting to store a number with magnitude smaller than supported range';

export function addNumbers(left: string, right: string): string {
  const small = smallIntegerOf(left);
  const smallRight = small === undefined ? undefined : smallIntegerOf(right);
  if (small !== undefined && smallRight !== undefined) return String(small + smallRight);
  return storable(new ExactDecimal(left).plus(right));
}

export function subtractNumbers(left: string, right: string): string {
  const small = smallIntegerOf(left);
  const smallRight = small === undefined ? undefined : smallIntegerOf(right);
  if (small !== undefined && smallRight !== undefined) return String(small - smallRight);
  return storable(new ExactDecimal(left).minus(right));
}

/**
 * Integers of at most this many digits are below 10^15, so a sum or difference of two of them is below
 * 2^53: exact in floating point, and written by String() in plain notation, as its canonical text, well
 * within every number limit.
 */
const smallIntegerDigitsMax = 15;
const codeZero = 48;
const codeNine = 57;
const codeMinus = 45;

/** The value of a canonical integer text of at most smallIntegerDigitsMax digits ("0", "42", "-7"), or undefined. */
function smallIntegerOf(text: string): number | undefined {
  const negative = text.charCodeAt(0) === codeMinus;
  const start = negative ? 1 : 0;
  const digits = text.length - start;
  if (digits < 1 || digits > smallIntegerDigitsMax) return undefined;
  // "0" is the only canonical text with a leading zero; "-0" is not canonical.
  if (text.charCodeAt(start) === codeZero) return digits === 1 && !negative ? 0 : undefined;
  let value = 0;
  for (let index = start; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < codeZero || code > codeNine) return undefined;
    value = value * 10 + (code - codeZero);
  }
  return negative ? -value : value;
}

function storable(result: DecimalJs): string {
  if (result.isZero()) return '0';
  // decimal.js's `e` is the power of ten of the first significant digit, as the model's Decimal exponent.
  if (result.e > limits.numberExponentMax) throw validationError(overflowMessage);
  if (result.e < limits.numberExponentMin) throw validationError(underflowMessage);
  if (result.sd() > limits.numberSignificantDigitsMax) throw validationError(overflowMessage);
  return canonicalNumber(result.toFixed());
}
