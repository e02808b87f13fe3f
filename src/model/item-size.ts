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
import type { AttributeMap, AttributeType, AttributeValue, Item } from './attribute-value.js';
import { type DynamoDbError, validationError } from '../lib/errors.js';
import { limits } from '../lib/limits.js';
import { unreachable } from '../lib/assert.js';
import { base64DecodedLength } from './base64.js';
import { utf8ByteLength } from './utf8.js';

const scalarFlagBytes = 1;
const documentOverheadBytes = 3;
const documentElementOverheadBytes = 1;
const numberExponentBytes = 1;
const negativeNumberBytes = 1;
const codeZero = 48;
const codeMinus = 45;
const codeDecimalPoint = 46;

/**
 * Bytes of a canonical number. DynamoDB stores a number as an exponent byte and one byte per base-100
 * digit (pairs of decimal digits aligned on the decimal point, zero pairs at either end dropped), with a
 * terminator byte for negatives. The developer guide's "1 byte per two significant digits plus 1" is the
 * approximation of this; the exact rule matches sizes measured against the service at the 400 KB limit
 * (e.g. 3.14159 is 5 bytes, 123456 is 4, -42 is 3, 1E125 is 2).
 */
export function numberSizeBytes(canonical: string): number {
  const length = canonical.length;
  const negative = canonical.charCodeAt(0) === codeMinus;
  const integerStart = negative ? 1 : 0;
  let point = integerStart;
  while (point < length && canonical.charCodeAt(point) !== codeDecimalPoint) point++;
  // Canonical text has no leading zeros but a lone "0" before a fraction, and no trailing fractional zeros.
  let firstPower = point - integerStart - 1;
  if (firstPower === 0 && canonical.charCodeAt(integerStart) === codeZero) {
    if (point === length) return numberExponentBytes;
    let first = point + 1;
    while (canonical.charCodeAt(first) === codeZero) first++;
    firstPower = point - first;
  }
  let lastPower: number;
  if (point < length) lastPower = point + 1 - length;
  else {
    let last = length - 1;
    while (canonical.charCodeAt(last) === codeZero) last--;
    lastPower = length - 1 - last;
  }
  const baseHundredDigits = Math.floor(firstPower / 2) - Math.floor(lastPower / 2) + 1;
  return numberExponentBytes + baseHundredDigits + (negative ? negativeNumberBytes : 0);
}

/**
 * Size of a validated attribute value, not counting its name. A validated value has exactly one member,
 * its type, so the type is read from that member rather than probed for with `in` once per type.
 */
export function attributeValueSizeBytes(value: AttributeValue): number {
  for (const type in value) return typedValueSizeBytes(type as AttributeType, value);
  return unreachable(value as never, 'attribute value without a type');
}

function typedValueSizeBytes(type: AttributeType, value: AttributeValue): number {
  switch (type) {
    case 'S':
      return utf8ByteLength((value as { readonly S: string }).S);
    case 'N':
      return numberSizeBytes((value as { readonly N: string }).N);
    case 'B':
      return base64DecodedLength((value as { readonly B: string }).B);
    case 'BOOL':
    case 'NULL':
      return scalarFlagBytes;
    case 'SS':
      return sum((value as { readonly SS: readonly string[] }).SS, utf8ByteLength);
    case 'NS':
      return sum((value as { readonly NS: readonly string[] }).NS, numberSizeBytes);
    case 'BS':
      return sum((value as { readonly BS: readonly string[] }).BS, base64DecodedLength);
    case 'L': {
      const elements = (value as { readonly L: readonly AttributeValue[] }).L;
      return documentOverheadBytes + elements.length * documentElementOverheadBytes + sum(elements, attributeValueSizeBytes);
    }
    case 'M':
      return documentOverheadBytes + mapSizeBytes((value as { readonly M: AttributeMap }).M, documentElementOverheadBytes);
  }
}

/** Size of an item (or any map of attribute values): names plus values. */
export function itemSizeBytes(item: Item): number {
  return mapSizeBytes(item, 0);
}

/** Names plus values of a map, plus `entryOverheadBytes` per entry. */
function mapSizeBytes(map: AttributeMap, entryOverheadBytes: number): number {
  let size = 0;
  for (const name in map) {
    if (!Object.hasOwn(map, name)) continue;
    size += entryOverheadBytes + utf8ByteLength(name) + attributeValueSizeBytes(map[name]!);
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
