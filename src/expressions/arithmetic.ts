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
  return storable(new ExactDecimal(left).plus(right));
}

export function subtractNumbers(left: string, right: string): string {
  return storable(new ExactDecimal(left).minus(right));
}

function storable(result: DecimalJs): string {
  if (result.isZero()) return '0';
  // decimal.js's `e` is the power of ten of the first significant digit, as the model's Decimal exponent.
  if (result.e > limits.numberExponentMax) throw validationError(overflowMessage);
  if (result.e < limits.numberExponentMin) throw validationError(underflowMessage);
  if (result.sd() > limits.numberSignificantDigitsMax) throw validationError(overflowMessage);
  return canonicalNumber(result.toFixed());
}
