/**
 * Order-preserving, self-delimiting byte encoding of key values, so storage can keep items in plain
 * byte order (memcmp) and still answer in DynamoDB's order: S by UTF-8 bytes, N numerically, B by unsigned
 * bytes.
 *
 * Self-delimiting means no encoding is a prefix of another, so `encode(pk) ++ encode(sk)` sorts by pk
 * first and then by sk, and decodes back unambiguously. A key attribute's type is fixed by the schema, so
 * no type tag is written; decoding is told the type.
 *
 * S and B: the bytes with 0x00 escaped as 0x00 0xFF, then the terminator 0x00 0x01. A shorter value sorts
 *   first because the terminator is lower than any escaped or ordinary byte that could follow.
 * N: a sign byte (0x00 negative, 0x01 zero, 0x02 positive); for non-zero numbers an exponent byte
 *   (exponent of the first digit + 130, which fits 0..255 exactly for DynamoDB's range) and the digits two
 *   at a time as bytes 1..100, then a terminator 0x00. Digits carry no trailing zeros, so a shorter digit
 *   string is the smaller magnitude and its terminator sorts it first. For negatives every byte after the
 *   sign is mirrored (exponent 255 - e, digit pairs 101 - d, terminator 0xFF) so larger magnitudes sort
 *   first.
 */
import type { KeyValue, ScalarAttributeType } from './attribute-value.js';
import { assert, unreachable } from '../lib/assert.js';
import { limits } from '../lib/limits.js';
import { base64Decode, base64Encode } from './base64.js';
import { type Decimal, decimalFromCanonical, formatDecimal, normalizeDigits } from './number.js';
import { utf8ByteLength, utf8Decode, utf8EncodeInto } from './utf8.js';

export interface DecodedKeyValue {
  readonly value: KeyValue;
  /** Offset just past the encoding. */
  readonly end: number;
}

export interface DecodedKey {
  readonly partition: KeyValue;
  readonly sort?: KeyValue;
}

const escapeByte = 0x00;
const escapedZeroByte = 0xff;
const terminatorByte = 0x01;

const negativeSignByte = 0x00;
const zeroSignByte = 0x01;
const positiveSignByte = 0x02;
const exponentBias = -limits.numberExponentMin;
const byteMax = 0xff;
const positiveDigitsEndByte = 0x00;
const negativeDigitsEndByte = 0xff;
/** Digit pairs 00..99 are written as 1..100, leaving 0 and 0xFF free for the terminators. */
const digitPairOffset = 1;
const mirroredDigitPairBase = 101;

/** Encodes one key value (a validated value: canonical number, canonical base64). */
export function encodeKeyValue(value: KeyValue): Uint8Array {
  if ('S' in value) return encodeEscapedString(value.S);
  if ('N' in value) return encodeNumber(decimalFromCanonical(value.N));
  return encodeEscapedBytes(base64Decode(value.B));
}

/** Encodes a primary key: the partition key, followed by the sort key when the table has one. */
export function encodeKey(partition: KeyValue, sort?: KeyValue): Uint8Array {
  const partitionBytes = encodeKeyValue(partition);
  if (sort === undefined) return partitionBytes;
  const sortBytes = encodeKeyValue(sort);
  const key = new Uint8Array(partitionBytes.length + sortBytes.length);
  key.set(partitionBytes, 0);
  key.set(sortBytes, partitionBytes.length);
  return key;
}

/** Decodes the key value of `type` starting at `offset`. */
export function decodeKeyValue(bytes: Uint8Array, offset: number, type: ScalarAttributeType): DecodedKeyValue {
  switch (type) {
    case 'S': {
      const { raw, end } = unescape(bytes, offset);
      return { value: { S: utf8Decode(raw) }, end };
    }
    case 'B': {
      const { raw, end } = unescape(bytes, offset);
      return { value: { B: base64Encode(raw) }, end };
    }
    case 'N':
      return decodeNumber(bytes, offset);
    default:
      return unreachable(type, 'unknown key type');
  }
}

/** Decodes a whole primary key written by encodeKey; the bytes must hold nothing else. */
export function decodeKey(bytes: Uint8Array, partitionType: ScalarAttributeType, sortType?: ScalarAttributeType): DecodedKey {
  const partition = decodeKeyValue(bytes, 0, partitionType);
  if (sortType === undefined) {
    assert(partition.end === bytes.length, 'trailing bytes after a partition key');
    return { partition: partition.value };
  }
  const sort = decodeKeyValue(bytes, partition.end, sortType);
  assert(sort.end === bytes.length, 'trailing bytes after a sort key');
  return { partition: partition.value, sort: sort.value };
}

/** Unsigned byte order (memcmp), the order encoded keys are stored in. */
export function compareBytes(left: Uint8Array, right: Uint8Array): -1 | 0 | 1 {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const difference = left[index]! - right[index]!;
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  if (left.length === right.length) return 0;
  return left.length < right.length ? -1 : 1;
}

function encodeEscapedString(text: string): Uint8Array {
  const raw = new Uint8Array(utf8ByteLength(text));
  utf8EncodeInto(text, raw, 0);
  return encodeEscapedBytes(raw);
}

function encodeEscapedBytes(raw: Uint8Array): Uint8Array {
  let zeroCount = 0;
  for (const byte of raw) if (byte === escapeByte) zeroCount++;
  const encoded = new Uint8Array(raw.length + zeroCount + 2);
  let position = 0;
  for (const byte of raw) {
    encoded[position++] = byte;
    if (byte === escapeByte) encoded[position++] = escapedZeroByte;
  }
  encoded[position++] = escapeByte;
  encoded[position] = terminatorByte;
  return encoded;
}

function unescape(bytes: Uint8Array, offset: number): { raw: Uint8Array; end: number } {
  const raw: number[] = [];
  let index = offset;
  for (;;) {
    assert(index < bytes.length, 'unterminated string or binary key encoding');
    const byte = bytes[index]!;
    if (byte !== escapeByte) {
      raw.push(byte);
      index++;
      continue;
    }
    const next = bytes[index + 1];
    if (next === terminatorByte) return { raw: Uint8Array.from(raw), end: index + 2 };
    assert(next === escapedZeroByte, 'bad escape in string or binary key encoding');
    raw.push(escapeByte);
    index += 2;
  }
}

function encodeNumber(decimal: Decimal): Uint8Array {
  if (decimal.sign === 0) return Uint8Array.of(zeroSignByte);
  const biasedExponent = decimal.exponent + exponentBias;
  assert(biasedExponent >= 0 && biasedExponent <= byteMax, `number exponent out of range: ${decimal.exponent}`);
  const { digits } = decimal;
  const pairCount = Math.ceil(digits.length / 2);
  const encoded = new Uint8Array(pairCount + 3);
  const negative = decimal.sign < 0;
  encoded[0] = negative ? negativeSignByte : positiveSignByte;
  encoded[1] = negative ? byteMax - biasedExponent : biasedExponent;
  for (let pair = 0; pair < pairCount; pair++) {
    const high = digits.charCodeAt(2 * pair) - 48;
    const low = 2 * pair + 1 < digits.length ? digits.charCodeAt(2 * pair + 1) - 48 : 0;
    const value = high * 10 + low + digitPairOffset;
    encoded[pair + 2] = negative ? mirroredDigitPairBase - value : value;
  }
  encoded[pairCount + 2] = negative ? negativeDigitsEndByte : positiveDigitsEndByte;
  return encoded;
}

function decodeNumber(bytes: Uint8Array, offset: number): DecodedKeyValue {
  const sign = bytes[offset];
  if (sign === zeroSignByte) return { value: { N: '0' }, end: offset + 1 };
  assert(sign === negativeSignByte || sign === positiveSignByte, 'bad number sign byte');
  const negative = sign === negativeSignByte;
  const exponentByte = bytes[offset + 1]!;
  const exponent = (negative ? byteMax - exponentByte : exponentByte) - exponentBias;
  const endByte = negative ? negativeDigitsEndByte : positiveDigitsEndByte;
  let digits = '';
  let index = offset + 2;
  for (;;) {
    assert(index < bytes.length, 'unterminated number key encoding');
    const byte = bytes[index]!;
    index++;
    if (byte === endByte) break;
    const value = (negative ? mirroredDigitPairBase - byte : byte) - digitPairOffset;
    digits += value < 10 ? `0${value}` : `${value}`;
  }
  // The last pair may end in a padding zero; normalizeDigits drops it with any other trailing zero.
  return { value: { N: formatDecimal(normalizeDigits(negative, digits, exponent)) }, end: index };
}
