/**
 * Equality and order of attribute values as conditions see them. Strings order by their UTF-8 bytes,
 * numbers numerically and binaries by unsigned bytes: the same order as the key encoding, so a sort-key
 * condition and a range read agree. Values of different types are never equal and never ordered.
 */
import type { AttributeValue } from '../model/attribute-value.js';
import { compareNumbers } from '../model/number.js';
import { compareBytes } from '../model/key-encoding.js';
import { base64Decode } from '../model/base64.js';
import { utf8Encode } from '../model/utf8.js';
import { unreachable } from '../lib/assert.js';

/**
 * Order of two strings by their UTF-8 bytes. For characters of the Basic Multilingual Plane outside the
 * surrogate range, UTF-16 unit order is code point order is UTF-8 byte order, so the common case compares
 * units without encoding; where surrogates differ (pairs, or the lone surrogates JSON allows) the bytes
 * decide.
 */
export function compareStrings(left: string, right: string): -1 | 0 | 1 {
  if (left === right) return 0;
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const leftUnit = left.charCodeAt(index);
    const rightUnit = right.charCodeAt(index);
    if (leftUnit === rightUnit) continue;
    if (isSurrogate(leftUnit) || isSurrogate(rightUnit)) return compareBytes(utf8Encode(left), utf8Encode(right));
    return leftUnit < rightUnit ? -1 : 1;
  }
  return left.length < right.length ? -1 : 1;
}

function isSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdfff;
}

export function compareBinaries(left: string, right: string): -1 | 0 | 1 {
  if (left === right) return 0;
  return compareBytes(base64Decode(left), base64Decode(right));
}

/**
 * Order of two scalar values (S, N or B) of the same type, or undefined when they cannot be ordered:
 * different types, or a type without an order (sets, documents, BOOL, NULL).
 */
export function compareScalars(left: AttributeValue, right: AttributeValue): -1 | 0 | 1 | undefined {
  if ('S' in left) return 'S' in right ? compareStrings(left.S, right.S) : undefined;
  if ('N' in left) return 'N' in right ? compareNumbers(left.N, right.N) : undefined;
  if ('B' in left) return 'B' in right ? compareBinaries(left.B, right.B) : undefined;
  return undefined;
}

/**
 * Deep equality: sets equal when they hold the same members in any order, lists element by element, maps
 * key by key. Numbers and binaries are canonical text, so equal values have equal text.
 */
export function valuesEqual(left: AttributeValue, right: AttributeValue): boolean {
  if ('S' in left) return 'S' in right && left.S === right.S;
  if ('N' in left) return 'N' in right && left.N === right.N;
  if ('B' in left) return 'B' in right && left.B === right.B;
  if ('BOOL' in left) return 'BOOL' in right && left.BOOL === right.BOOL;
  if ('NULL' in left) return 'NULL' in right;
  if ('SS' in left) return 'SS' in right && sameMembers(left.SS, right.SS);
  if ('NS' in left) return 'NS' in right && sameMembers(left.NS, right.NS);
  if ('BS' in left) return 'BS' in right && sameMembers(left.BS, right.BS);
  if ('L' in left) return 'L' in right && listsEqual(left.L, right.L);
  if ('M' in left) return 'M' in right && mapsEqual(left.M, right.M);
  return unreachable(left, 'attribute value without a type');
}

function sameMembers(left: readonly string[], right: readonly string[]): boolean {
  if (left.length !== right.length) return false;
  const members = new Set(left);
  return right.every((member) => members.has(member));
}

function listsEqual(left: readonly AttributeValue[], right: readonly AttributeValue[]): boolean {
  return left.length === right.length && left.every((element, index) => valuesEqual(element, right[index]!));
}

function mapsEqual(left: Readonly<Record<string, AttributeValue>>, right: Readonly<Record<string, AttributeValue>>): boolean {
  const leftNames = Object.keys(left);
  if (leftNames.length !== Object.keys(right).length) return false;
  return leftNames.every((name) => Object.hasOwn(right, name) && valuesEqual(left[name]!, right[name]!));
}

/** Whether an ordering (negative, zero, positive) satisfies a comparator other than `<>`. */
export function orderSatisfies(order: number, comparator: '=' | '<' | '<=' | '>' | '>='): boolean {
  switch (comparator) {
    case '=':
      return order === 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}
