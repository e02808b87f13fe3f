/**
 * DynamoDB numbers: exact decimals of at most 38 significant digits, magnitude 1E-130 to
 * 9.9999999999999999999999999999999999999E+125 (or zero).
 *
 * On the wire and in storage a number is its canonical text, the form DynamoDB returns: plain notation,
 * no exponent, no leading zeros, no trailing fractional zeros, no '+', and "0" for every zero. Because the
 * canonical text is unique per value, equal numbers have equal text; ordering still needs compareNumbers.
 */
import { type DynamoDbError, validationError } from '../lib/errors.js';
import { assert } from '../lib/assert.js';
import { limits } from '../lib/limits.js';

/**
 * A decimal as sign, significant digits and the power of ten of the first digit:
 * value = sign × d₀.d₁d₂… × 10^exponent. Zero is `{ sign: 0, digits: '', exponent: 0 }`; otherwise `digits`
 * has no leading or trailing zeros, so every value has exactly one representation.
 */
export interface Decimal {
  readonly sign: -1 | 0 | 1;
  readonly digits: string;
  readonly exponent: number;
}

export const zeroDecimal: Decimal = { sign: 0, digits: '', exponent: 0 };

export type ParseNumberResult = { readonly ok: true; readonly decimal: Decimal } | { readonly ok: false; readonly error: DynamoDbError };

/**
 * Exponent digits beyond this many are not accumulated. The clamped exponent (at least 10^14) still
 * overflows or underflows: no JavaScript string is long enough for leading or trailing zeros in the
 * mantissa to bring it back into range, and the arithmetic stays within safe integers.
 */
const exponentDigitsMax = 15;

const codeZero = 48;
const codeNine = 57;
const codeMinus = 45;
const codePlus = 43;
const codeDecimalPoint = 46;
const codeLowerE = 101;
const codeUpperE = 69;

/** Parses client text into a Decimal, with DynamoDB's validation messages for what it refuses. */
export function parseNumber(text: string): ParseNumberResult {
  if (text.length === 0) return failure(validationError('The parameter cannot be converted to a numeric value'));
  const decimal = scanNumber(text);
  if (decimal === undefined) return failure(validationError(`The parameter cannot be converted to a numeric value: ${text}`));
  const problem = numberLimitProblem(decimal);
  return problem === undefined ? { ok: true, decimal } : failure(problem);
}

function failure(error: DynamoDbError): ParseNumberResult {
  return { ok: false, error };
}

function isDigit(code: number): boolean {
  return code >= codeZero && code <= codeNine;
}

/**
 * Scans the grammar DynamoDB accepts, `[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?`: ".5", "5." and
 * "1.e5" are numbers; whitespace, "Infinity", hex and a digitless exponent are not. Returns undefined for
 * text outside the grammar. One pass over character codes, because this runs for every number of every
 * request.
 */
function scanNumber(text: string): Decimal | undefined {
  const length = text.length;
  let index = 0;
  let negative = false;
  const signCode = text.charCodeAt(0);
  if (signCode === codeMinus || signCode === codePlus) {
    negative = signCode === codeMinus;
    index = 1;
  }
  const integerStart = index;
  while (index < length && isDigit(text.charCodeAt(index))) index++;
  const integerEnd = index;
  let fractionStart = index;
  let fractionEnd = index;
  if (index < length && text.charCodeAt(index) === codeDecimalPoint) {
    fractionStart = ++index;
    while (index < length && isDigit(text.charCodeAt(index))) index++;
    fractionEnd = index;
  }
  if (integerEnd === integerStart && fractionEnd === fractionStart) return undefined;
  let exponent = 0;
  if (index < length) {
    const marker = text.charCodeAt(index);
    if (marker !== codeLowerE && marker !== codeUpperE) return undefined;
    index++;
    const exponentSign = text.charCodeAt(index);
    const exponentNegative = exponentSign === codeMinus;
    if (exponentNegative || exponentSign === codePlus) index++;
    const exponentStart = index;
    let significantExponentDigits = 0;
    for (; index < length; index++) {
      const code = text.charCodeAt(index);
      if (!isDigit(code)) return undefined;
      if (exponent === 0 && code === codeZero) continue;
      // Past the clamp the value only grows; stop accumulating but keep checking the grammar.
      if (++significantExponentDigits <= exponentDigitsMax) exponent = exponent * 10 + (code - codeZero);
    }
    if (index === exponentStart) return undefined;
    if (exponentNegative) exponent = -exponent;
  }
  return decimalFromParts(text, negative, integerStart, integerEnd, fractionStart, fractionEnd, exponent);
}

/** The Decimal for `±integer.fraction × 10^exponent`, given where the two digit runs sit in `text`. */
function decimalFromParts(
  text: string,
  negative: boolean,
  integerStart: number,
  integerEnd: number,
  fractionStart: number,
  fractionEnd: number,
  exponent: number,
): Decimal {
  let first = integerStart;
  while (first < integerEnd && text.charCodeAt(first) === codeZero) first++;
  if (first === integerEnd) {
    first = fractionStart;
    while (first < fractionEnd && text.charCodeAt(first) === codeZero) first++;
    if (first === fractionEnd) return zeroDecimal;
  }
  let last = fractionEnd - 1;
  while (last >= fractionStart && text.charCodeAt(last) === codeZero) last--;
  if (last < fractionStart) {
    last = integerEnd - 1;
    while (text.charCodeAt(last) === codeZero) last--;
  }
  const firstInInteger = first < integerEnd;
  const lastInInteger = last < integerEnd;
  const digits =
    firstInInteger && !lastInInteger ? text.slice(first, integerEnd) + text.slice(fractionStart, last + 1) : text.slice(first, last + 1);
  const firstPower = firstInInteger ? integerEnd - 1 - first : fractionStart - 1 - first;
  return { sign: negative ? -1 : 1, digits, exponent: firstPower + exponent };
}

/**
 * Builds the unique Decimal for `±digits × 10^(firstDigitExponent - digits.length + 1)`, where digits may
 * carry leading and trailing zeros.
 */
export function normalizeDigits(negative: boolean, digits: string, firstDigitExponent: number): Decimal {
  let start = 0;
  while (start < digits.length && digits.charCodeAt(start) === codeZero) start++;
  if (start === digits.length) return zeroDecimal;
  let end = digits.length;
  while (digits.charCodeAt(end - 1) === codeZero) end--;
  return { sign: negative ? -1 : 1, digits: digits.slice(start, end), exponent: firstDigitExponent - start };
}

/**
 * The limit a Decimal breaks, as DynamoDB reports it, or undefined. Checked in DynamoDB's order: overflow,
 * underflow, then precision. Also for results of arithmetic, which must obey the same limits.
 */
export function numberLimitProblem(decimal: Decimal): DynamoDbError | undefined {
  if (decimal.sign === 0) return undefined;
  if (decimal.exponent > limits.numberExponentMax) {
    return validationError('Number overflow. Attempting to store a number with magnitude larger than supported range');
  }
  if (decimal.exponent < limits.numberExponentMin) {
    return validationError('Number underflow. Attempting to store a number with magnitude smaller than supported range');
  }
  if (decimal.digits.length > limits.numberSignificantDigitsMax) {
    return validationError(`Attempting to store more than ${limits.numberSignificantDigitsMax} significant digits in a Number`);
  }
  return undefined;
}

/** DynamoDB's text for a Decimal: plain notation, as GetItem returns numbers. */
export function formatDecimal(decimal: Decimal): string {
  if (decimal.sign === 0) return '0';
  const { digits, exponent } = decimal;
  const sign = decimal.sign < 0 ? '-' : '';
  const lastDigitIndex = digits.length - 1;
  if (exponent >= lastDigitIndex) return sign + digits + '0'.repeat(exponent - lastDigitIndex);
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/** Client text → canonical text; throws DynamoDB's ValidationException for text it refuses. */
export function canonicalNumber(text: string): string {
  if (isShortCanonical(text)) return text;
  const result = parseNumber(text);
  if (!result.ok) throw result.error;
  return formatDecimal(result.decimal);
}

/**
 * Client text → canonical text, or DynamoDB's error for text it refuses. Most numbers clients send are
 * already canonical and short ("42", "-3.5"), and come back as they are without being parsed.
 */
export function checkedCanonicalNumber(text: string): { readonly ok: true; readonly canonical: string } | { readonly ok: false; readonly error: DynamoDbError } {
  if (isShortCanonical(text)) return { ok: true, canonical: text };
  const result = parseNumber(text);
  return result.ok ? { ok: true, canonical: formatDecimal(result.decimal) } : result;
}

/**
 * Canonical texts this short are within every limit: at most 38 digits, so at most 38 significant ones,
 * and a magnitude between 1E-37 and 1E38.
 */
const shortCanonicalLengthMax = limits.numberSignificantDigitsMax;

/**
 * Whether `text` is already the canonical text of a number (as formatDecimal writes it: "0", or an optional
 * '-', an integer part without leading zeros, and a fraction without trailing zeros) and short enough to be
 * within every limit, so that parsing and formatting it would give it back unchanged.
 */
export function isShortCanonical(text: string): boolean {
  const length = text.length;
  if (length === 0 || length > shortCanonicalLengthMax) return false;
  let index = text.charCodeAt(0) === codeMinus ? 1 : 0;
  if (index === length) return false;
  if (text.charCodeAt(index) === codeZero) {
    index++;
    // "0" is canonical, "-0" is not; otherwise a leading zero must be followed by the fraction.
    if (index === length) return length === 1;
    if (text.charCodeAt(index) !== codeDecimalPoint) return false;
  } else {
    const integerStart = index;
    while (index < length && isDigit(text.charCodeAt(index))) index++;
    if (index === integerStart) return false;
    if (index === length) return true;
    if (text.charCodeAt(index) !== codeDecimalPoint) return false;
  }
  const fractionStart = ++index;
  while (index < length && isDigit(text.charCodeAt(index))) index++;
  return index === length && index > fractionStart && text.charCodeAt(length - 1) !== codeZero;
}

/**
 * Canonical text (as produced by formatDecimal) → Decimal. Canonical numbers are trusted values from
 * storage or validated requests, so a malformed one is a programmer error.
 */
export function decimalFromCanonical(canonical: string): Decimal {
  const decimal = scanNumber(canonical);
  assert(decimal !== undefined, `not a canonical number: ${canonical}`);
  return decimal;
}

/** Exact numeric order of two Decimals: -1, 0 or 1. */
export function compareDecimals(left: Decimal, right: Decimal): -1 | 0 | 1 {
  if (left.sign !== right.sign) return left.sign < right.sign ? -1 : 1;
  if (left.sign === 0) return 0;
  const magnitude = compareMagnitudes(left, right);
  return left.sign > 0 ? magnitude : ((-magnitude) as -1 | 0 | 1);
}

function compareMagnitudes(left: Decimal, right: Decimal): -1 | 0 | 1 {
  if (left.exponent !== right.exponent) return left.exponent < right.exponent ? -1 : 1;
  // Same leading power: digit strings without trailing zeros compare like the numbers they spell.
  if (left.digits === right.digits) return 0;
  return left.digits < right.digits ? -1 : 1;
}

/** Exact numeric order of two canonical number texts: -1, 0 or 1. */
export function compareNumbers(left: string, right: string): -1 | 0 | 1 {
  if (left === right) return 0;
  return compareDecimals(decimalFromCanonical(left), decimalFromCanonical(right));
}
