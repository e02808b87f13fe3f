/**
 * Validation of client-supplied attribute values (parsed JSON of unknown shape) into normalised wire form,
 * with DynamoDB's messages and precedence:
 *
 * - A JSON value of the wrong kind (e.g. `{"S": 5}`) or a malformed base64 blob is a SerializationException.
 *   DynamoDB deserializes the whole request before validating it, so such an error wins over any
 *   ValidationException, wherever it sits in the value.
 * - Otherwise the first ValidationException in document order is reported.
 *
 * The walk is single-pass: after the first validation problem it keeps going only to find a later
 * serialization problem. JSON null counts as absent, as it does for DynamoDB's deserializer.
 */
import type { AttributeMap, AttributeValue, Item } from './attribute-value.js';
import { DynamoDbError, invalidParameter, serializationError, validationError } from '../lib/errors.js';
import { assert } from '../lib/assert.js';
import { limits } from '../lib/limits.js';
import { base64Problem } from './base64.js';
import { checkedCanonicalNumber } from './number.js';
import { booleanFromWord, notABlob, notABoolean, notAList, notAMap, notAString, notAnAttributeValue } from './wire-type-errors.js';

export type CheckResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DynamoDbError };

const emptyValueMessage = 'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes';
const severalTypesMessage =
  'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes';
const nestingMessage =
  'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit';

/**
 * Past the nesting limit the walk continues only to find serialization errors; this bounds that search so
 * a hostile, very deep document cannot exhaust the stack.
 */
const structuralWalkDepthMax = limits.documentNestingDepthMax * 8;

/** One walk over a client value: the first validation problem seen so far. */
interface Walk {
  validationError: DynamoDbError | undefined;
}

function note(walk: Walk, error: DynamoDbError): void {
  walk.validationError ??= error;
}

/** Validates one attribute value; throws DynamoDB's error for the first problem. */
export function validateAttributeValue(input: unknown): AttributeValue {
  return unwrap(checkAttributeValue(input));
}

/** Validates a map of attribute values (an item, a key, ExpressionAttributeValues); throws on a problem. */
export function validateItem(input: unknown): Item {
  return unwrap(checkItem(input));
}

/** As validateAttributeValue, but returns the error, so a caller can rank errors across a whole request. */
export function checkAttributeValue(input: unknown): CheckResult<AttributeValue> {
  return run((walk) => walkValue(input, 1, walk));
}

/** As validateItem, but returns the error. JSON null (an absent map) reads as an empty one. */
export function checkItem(input: unknown): CheckResult<Item> {
  return run((walk) => walkMap(input, 1, walk));
}

/**
 * Only the SerializationException checkAttributeValue would report, thrown; nothing is built. The request
 * framework's type stage runs this over every attribute value of a request, and the operation validates
 * the values it uses afterwards, so the wire types are read here in the same order as by walkValue,
 * without the normalised copy and the validation problems.
 */
export function checkAttributeValueTypes(input: unknown): void {
  checkValueTypes(input, 1);
}

function checkValueTypes(input: unknown, level: number): void {
  if (level > structuralWalkDepthMax || input === null || input === undefined) return;
  if (!isRecord(input)) throw notAnAttributeValue(input);
  for (const key in input) {
    if (!Object.hasOwn(input, key)) continue;
    const member = input[key];
    if (member !== null && member !== undefined) checkMemberTypes(key, member, level);
  }
}

function checkMemberTypes(key: string, member: unknown, level: number): void {
  switch (key) {
    case 'S':
    case 'N':
      readString(member);
      return;
    case 'B':
      readBlob(member);
      return;
    case 'BOOL':
    case 'NULL':
      readBoolean(member);
      return;
    case 'SS':
    case 'NS':
      return checkMembers(readList(member), readString);
    case 'BS':
      return checkMembers(readList(member), readBlob);
    case 'L':
      for (const element of readList(member)) checkValueTypes(element, level + 1);
      return;
    case 'M':
      if (!isRecord(member)) throw notAMap(member);
      for (const name in member) {
        if (Object.hasOwn(member, name)) checkValueTypes(member[name], level + 1);
      }
      return;
  }
}

function checkMembers(members: readonly unknown[], read: (member: unknown) => string): void {
  for (const member of members) {
    if (member !== null && member !== undefined) read(member);
  }
}

function unwrap<T>(result: CheckResult<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

function run<T>(walkInput: (walk: Walk) => T | undefined): CheckResult<T> {
  const walk: Walk = { validationError: undefined };
  let value: T | undefined;
  try {
    value = walkInput(walk);
  } catch (error) {
    if (isSerializationError(error)) return { ok: false, error };
    throw error;
  }
  if (walk.validationError !== undefined) return { ok: false, error: walk.validationError };
  assert(value !== undefined, 'a walk without a validation error produces a value');
  return { ok: true, value };
}

function isSerializationError(error: unknown): error is DynamoDbError {
  return error instanceof DynamoDbError && error.type === 'SerializationException';
}

function isRecord(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

/** Own-property assignment that stays an ordinary property even for the name "__proto__". */
function setOwn(target: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  else target[name] = value;
}

/** A map of attribute values at nesting `level` (1 for an item's attributes). */
function walkMap(input: unknown, level: number, walk: Walk): AttributeMap | undefined {
  if (input === null || input === undefined) return {};
  if (!isRecord(input)) throw notAMap(input);
  const result: Record<string, AttributeValue> = {};
  for (const name in input) {
    if (!Object.hasOwn(input, name)) continue;
    const value = walkValue(input[name], level, walk);
    if (value !== undefined) setOwn(result, name, value);
  }
  return result;
}

function walkValue(input: unknown, level: number, walk: Walk): AttributeValue | undefined {
  if (level > limits.documentNestingDepthMax) {
    note(walk, validationError(nestingMessage));
    if (level > structuralWalkDepthMax) return undefined;
  }
  if (input === null || input === undefined) {
    note(walk, validationError(emptyValueMessage));
    return undefined;
  }
  if (!isRecord(input)) throw notAnAttributeValue(input);
  let typeCount = 0;
  let result: AttributeValue | undefined;
  for (const key in input) {
    if (!Object.hasOwn(input, key)) continue;
    const member = input[key];
    if (member === null || member === undefined) continue;
    const value = walkMember(key, member, level, walk);
    if (value === unknownKey) continue;
    typeCount++;
    result = value;
  }
  if (typeCount === 0) note(walk, validationError(emptyValueMessage));
  else if (typeCount > 1) note(walk, validationError(severalTypesMessage));
  return typeCount === 1 ? result : undefined;
}

/** Marks a member that is not a data type: DynamoDB's deserializer ignores unknown fields. */
const unknownKey = Symbol('unknown key');

function walkMember(key: string, member: unknown, level: number, walk: Walk): AttributeValue | undefined | typeof unknownKey {
  switch (key) {
    case 'S':
      return { S: readString(member) };
    case 'N':
      return walkNumber(readString(member), walk);
    case 'B':
      return { B: readBlob(member) };
    case 'BOOL':
      return { BOOL: readBoolean(member) };
    case 'NULL':
      if (readBoolean(member)) return { NULL: true };
      note(walk, invalidParameter('Null attribute value types must have the value of true'));
      return undefined;
    case 'SS':
      return walkStringSet(readList(member), walk);
    case 'NS':
      return walkNumberSet(readList(member), walk);
    case 'BS':
      return walkBinarySet(readList(member), walk);
    case 'L':
      return walkList(readList(member), level, walk);
    case 'M': {
      if (!isRecord(member)) throw notAMap(member);
      const map = walkMap(member, level + 1, walk);
      return map === undefined ? undefined : { M: map };
    }
    default:
      return unknownKey;
  }
}

function readString(member: unknown): string {
  if (typeof member !== 'string') throw notAString(member);
  return member;
}

function readBlob(member: unknown): string {
  if (typeof member !== 'string') throw notABlob(member);
  const problem = base64Problem(member);
  if (problem !== undefined) throw serializationError(problem);
  return member;
}

function readBoolean(member: unknown): boolean {
  if (typeof member === 'boolean') return member;
  const fromWord = typeof member === 'string' ? booleanFromWord(member) : undefined;
  if (fromWord === undefined) throw notABoolean(member);
  return fromWord;
}

function readList(member: unknown): readonly unknown[] {
  if (!Array.isArray(member)) throw notAList(member);
  return member;
}

function walkNumber(text: string, walk: Walk): AttributeValue | undefined {
  const checked = checkedCanonicalNumber(text);
  if (checked.ok) return { N: checked.canonical };
  note(walk, checked.error);
  return undefined;
}

/** Set members: null members are read as absent strings, checked after the wire types of all members. */
function readMembers(members: readonly unknown[], read: (member: unknown) => string): (string | null)[] {
  return members.map((member) => (member === null || member === undefined ? null : read(member)));
}

function walkStringSet(members: readonly unknown[], walk: Walk): AttributeValue | undefined {
  const strings = readMembers(members, readString);
  if (strings.length === 0) return fail(walk, invalidParameter('An string set  may not be empty'));
  if (strings.includes(null)) {
    return fail(walk, invalidParameter('An string set may not have a empty string as a member'));
  }
  const present = strings as string[];
  if (hasDuplicate(present)) return fail(walk, invalidParameter(`Input collection [${present.join(', ')}] contains duplicates.`));
  return { SS: present };
}

function walkNumberSet(members: readonly unknown[], walk: Walk): AttributeValue | undefined {
  const texts = readMembers(members, readString);
  if (texts.length === 0) return fail(walk, invalidParameter('An number set  may not be empty'));
  const canonical: string[] = [];
  for (const text of texts) {
    const checked = checkedCanonicalNumber(text ?? '');
    if (!checked.ok) return fail(walk, checked.error);
    canonical.push(checked.canonical);
  }
  // Numerically equal members ("1" and "1.0") are duplicates: compare canonical texts.
  if (hasDuplicate(canonical)) return fail(walk, validationError('Input collection contains duplicates'));
  return { NS: canonical };
}

function walkBinarySet(members: readonly unknown[], walk: Walk): AttributeValue | undefined {
  const blobs = readMembers(members, readBlob);
  if (blobs.length === 0) return fail(walk, invalidParameter('Binary sets should not be empty'));
  if (blobs.includes(null)) return fail(walk, invalidParameter('Binary sets may not contain null or empty values'));
  const present = blobs as string[];
  // Canonical base64 is unique per byte string, so equal bytes have equal text.
  if (hasDuplicate(present)) {
    return fail(walk, invalidParameter(`Input collection [${present.join(', ')}]of type BS contains duplicates.`));
  }
  return { BS: present };
}

function walkList(members: readonly unknown[], level: number, walk: Walk): AttributeValue | undefined {
  const elements: AttributeValue[] = [];
  let complete = true;
  for (const member of members) {
    const element = walkValue(member, level + 1, walk);
    if (element === undefined) complete = false;
    else elements.push(element);
  }
  return complete ? { L: elements } : undefined;
}

function fail(walk: Walk, error: DynamoDbError): undefined {
  note(walk, error);
  return undefined;
}

/**
 * Sorting and comparing neighbours is several times faster than a Set for the large sets a request can
 * carry (a Set hashes every fresh string; a sort mostly compares first characters).
 */
function hasDuplicate(values: readonly string[]): boolean {
  if (values.length < 2) return false;
  const sorted = [...values].sort();
  for (let index = 1; index < sorted.length; index++) {
    if (sorted[index] === sorted[index - 1]) return true;
  }
  return false;
}
