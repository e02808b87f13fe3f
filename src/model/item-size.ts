/**
 * Item size as DynamoDB counts it against the 400 KB limit and for capacity units: the UTF-8 bytes of
 * every attribute name plus the size of its value.
 *
 * - S: UTF-8 bytes. B: raw bytes. BOOL and NULL: 1 byte.
 * - N: 1 byte, plus 1 byte per base-100 digit of the significant digits aligned on the decimal point, plus
 *   1 byte if negative (see numberSizeBytes).
 * - SS, NS, BS: the sum of their members' sizes.
 * - L and M: 3 bytes, plus 1 byte per element, plus the elements (for M, each element counts its name too).
 */
import type { AttributeValue, Item } from './attribute-value.js';
import { type DynamoDbError, validationError } from '../lib/errors.js';
import { limits } from '../lib/limits.js';
import { unreachable } from '../lib/assert.js';
import { base64DecodedLength } from './base64.js';
import { decimalFromCanonical } from './number.js';
import { utf8ByteLength } from './utf8.js';

const scalarFlagBytes = 1;
const documentOverheadBytes = 3;
const documentElementOverheadBytes = 1;
const numberExponentBytes = 1;
const negativeNumberBytes = 1;

/**
 * Bytes of a canonical number. DynamoDB stores a number as an exponent byte and one byte per base-100
 * digit (pairs of decimal digits aligned on the decimal point, zero pairs at either end dropped), with a
 * terminator byte for negatives. The developer guide's "1 byte per two significant digits plus 1" is the
 * approximation of this; the exact rule matches sizes measured against the service at the 400 KB limit
 * (e.g. 3.14159 is 5 bytes, 123456 is 4, -42 is 3, 1E125 is 2).
 */
export function numberSizeBytes(canonical: string): number {
  const decimal = decimalFromCanonical(canonical);
  if (decimal.sign === 0) return numberExponentBytes;
  const firstPower = decimal.exponent;
  const lastPower = firstPower - decimal.digits.length + 1;
  const baseHundredDigits = Math.floor(firstPower / 2) - Math.floor(lastPower / 2) + 1;
  return numberExponentBytes + baseHundredDigits + (decimal.sign < 0 ? negativeNumberBytes : 0);
}

/** Size of a validated attribute value, not counting its name. */
export function attributeValueSizeBytes(value: AttributeValue): number {
  if ('S' in value) return utf8ByteLength(value.S);
  if ('N' in value) return numberSizeBytes(value.N);
  if ('B' in value) return base64DecodedLength(value.B);
  if ('BOOL' in value || 'NULL' in value) return scalarFlagBytes;
  if ('SS' in value) return sum(value.SS, utf8ByteLength);
  if ('NS' in value) return sum(value.NS, numberSizeBytes);
  if ('BS' in value) return sum(value.BS, base64DecodedLength);
  if ('L' in value) {
    return documentOverheadBytes + sum(value.L, (element) => documentElementOverheadBytes + attributeValueSizeBytes(element));
  }
  if ('M' in value) return documentOverheadBytes + Object.keys(value.M).length * documentElementOverheadBytes + itemSizeBytes(value.M);
  return unreachable(value, 'attribute value without a type');
}

/** Size of an item (or any map of attribute values): names plus values. */
export function itemSizeBytes(item: Item): number {
  let size = 0;
  for (const name in item) {
    if (!Object.hasOwn(item, name)) continue;
    size += utf8ByteLength(name) + attributeValueSizeBytes(item[name]!);
  }
  return size;
}

export function isItemTooLarge(item: Item): boolean {
  return itemSizeBytes(item) > limits.itemSizeBytesMax;
}

export function itemTooLargeError(): DynamoDbError {
  return validationError('Item size has exceeded the maximum allowed size');
}

/** DynamoDB's error for an item over the limit, or undefined. */
export function itemSizeProblem(item: Item): DynamoDbError | undefined {
  return isItemTooLarge(item) ? itemTooLargeError() : undefined;
}

function sum<T>(values: readonly T[], size: (value: T) => number): number {
  let total = 0;
  for (const value of values) total += size(value);
  return total;
}
