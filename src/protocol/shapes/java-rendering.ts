/**
 * DynamoDB's request layer is Java: its messages name Java classes and quote values with Java's toString.
 * This file reproduces both, so "Value '[...]' at 'keySchema'" reads as the service writes it.
 *
 * Structures print as `com.amazonaws.dynamodb.v20120810.KeySchemaElement@21b90f`: the class name and the
 * hash code in hex. The hash is 1 plus the sum of the members' Java hash codes, which reproduces the
 * values DynamoDB printed for KeySchemaElement; other structures are assumed to follow the same generated
 * code. Maps print their entries in request order (Java would use its hash-table order).
 */
import type { Shape } from './shape.js';

export const javaPackage = 'com.amazonaws.dynamodb.v20120810';

/** The Java type DynamoDB names for a shape, e.g. `java.util.List<com.amazonaws...WriteRequest>`. */
export function javaTypeName(shape: Shape): string {
  switch (shape.kind) {
    case 'string':
      return 'java.lang.String';
    case 'boolean':
      return 'java.lang.Boolean';
    case 'integer':
      return 'java.lang.Integer';
    case 'long':
      return 'java.lang.Long';
    case 'list':
      return `java.util.List<${javaTypeName(shape.member)}>`;
    case 'map':
      return `java.util.Map<java.lang.String, ${javaTypeName(shape.value)}>`;
    case 'structure':
      return `${javaPackage}.${shape.name}`;
    case 'attributeValue':
      return `${javaPackage}.AttributeValue`;
  }
}

/** The Java class name DynamoDB gives an attribute value or a structure. */
function className(shape: Shape): string {
  return shape.kind === 'structure' ? shape.name : 'AttributeValue';
}

/** Java's toString of a value already checked against its shape (attribute values are read defensively). */
export function renderValue(value: unknown, shape: Shape): string {
  if (value === null || value === undefined) return 'null';
  switch (shape.kind) {
    case 'string':
      return String(value);
    case 'boolean':
      return String(value);
    case 'integer':
    case 'long':
      return integerText(value as number);
    case 'list':
      return `[${(value as readonly unknown[]).map((element) => renderValue(element, shape.member)).join(', ')}]`;
    case 'map': {
      const entries = Object.entries(value as Record<string, unknown>);
      return `{${entries.map(([key, entry]) => `${key}=${renderValue(entry, shape.value)}`).join(', ')}}`;
    }
    case 'structure':
    case 'attributeValue':
      return `${javaPackage}.${className(shape)}@${(hashCode(value, shape) >>> 0).toString(16)}`;
  }
}

/** An integral JSON number as Java prints a Long: plain digits, never exponent notation. */
export function integerText(value: number): string {
  if (Number.isSafeInteger(value)) return String(value);
  return Number.isFinite(value) ? BigInt(Math.trunc(value)).toString() : String(value);
}

function hashCode(value: unknown, shape: Shape): number {
  if (value === null || value === undefined) return 0;
  switch (shape.kind) {
    case 'string':
      return typeof value === 'string' ? stringHash(value) : 0;
    case 'boolean':
      return booleanHash(value);
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) | 0 : 0;
    case 'long':
      return typeof value === 'number' ? longHash(value) : 0;
    case 'list':
      return Array.isArray(value) ? listHash(value, (element) => hashCode(element, shape.member)) : 0;
    case 'map':
      return isObject(value) ? mapHash(value, (entry) => hashCode(entry, shape.value)) : 0;
    case 'structure': {
      if (!isObject(value)) return 0;
      let hash = 1;
      for (const member of shape.members) hash = (hash + hashCode(value[member.wireName], member.shape)) | 0;
      return hash;
    }
    case 'attributeValue':
      return attributeValueHash(value);
  }
}

/** Attribute values come here unchecked (their contents belong to model/), so every member is read warily. */
function attributeValueHash(value: unknown): number {
  if (!isObject(value)) return 0;
  let hash = 1;
  for (const [type, member] of Object.entries(value)) {
    hash = (hash + attributeMemberHash(type, member)) | 0;
  }
  return hash;
}

function attributeMemberHash(type: string, member: unknown): number {
  switch (type) {
    case 'S':
    case 'N':
      return typeof member === 'string' ? stringHash(member) : 0;
    case 'B':
      return typeof member === 'string' ? byteBufferHash(member) : 0;
    case 'BOOL':
    case 'NULL':
      return booleanHash(member);
    case 'SS':
    case 'NS':
      return Array.isArray(member) ? listHash(member, (element) => (typeof element === 'string' ? stringHash(element) : 0)) : 0;
    case 'BS':
      return Array.isArray(member) ? listHash(member, (element) => (typeof element === 'string' ? byteBufferHash(element) : 0)) : 0;
    case 'L':
      return Array.isArray(member) ? listHash(member, attributeValueHash) : 0;
    case 'M':
      return isObject(member) ? mapHash(member, attributeValueHash) : 0;
    default:
      return 0;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** java.lang.String#hashCode over UTF-16 code units, as JavaScript strings hold them. */
function stringHash(text: string): number {
  let hash = 0;
  for (let index = 0; index < text.length; index++) hash = (Math.imul(hash, 31) + text.charCodeAt(index)) | 0;
  return hash;
}

function booleanHash(value: unknown): number {
  if (typeof value !== 'boolean') return 0;
  return value ? 1231 : 1237;
}

function longHash(value: number): number {
  const bits = BigInt.asUintN(64, BigInt(Math.trunc(Number.isFinite(value) ? value : 0)));
  return Number(BigInt.asIntN(32, bits ^ (bits >> 32n)));
}

function listHash(elements: readonly unknown[], hashElement: (element: unknown) => number): number {
  let hash = 1;
  for (const element of elements) {
    hash = (Math.imul(hash, 31) + (element === null || element === undefined ? 0 : hashElement(element))) | 0;
  }
  return hash;
}

function mapHash(entries: Record<string, unknown>, hashValue: (value: unknown) => number): number {
  let hash = 0;
  for (const [key, entry] of Object.entries(entries)) {
    hash = (hash + (stringHash(key) ^ (entry === null || entry === undefined ? 0 : hashValue(entry)))) | 0;
  }
  return hash;
}

/** java.nio.ByteBuffer#hashCode of the decoded bytes (signed), last byte first. */
function byteBufferHash(base64: string): number {
  const bytes = Buffer.from(base64, 'base64');
  let hash = 1;
  for (let index = bytes.length - 1; index >= 0; index--) {
    hash = (Math.imul(hash, 31) + bytes.readInt8(index)) | 0;
  }
  return hash;
}
