/**
 * Table-driven test helpers for the shape layer. The wrong-type table reproduces, kind by kind, the
 * SerializationException messages DynamoDB returned when each kind of member was given each kind of wrong
 * JSON value (as recorded by dynalite's test suite against the live service).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DynamoDbError } from '../../lib/errors.js';
import { type OperationName, validateRequestShape } from './index.js';

export type Expected =
  | { readonly ok: true }
  | { readonly type: 'ValidationException' | 'SerializationException'; readonly message: string };

export interface ShapeCase {
  readonly name: string;
  readonly body: unknown;
  readonly expected: Expected;
}

export const accepted: Expected = { ok: true };

export function validation(message: string): Expected {
  return { type: 'ValidationException', message };
}

export function serialization(message: string): Expected {
  return { type: 'SerializationException', message };
}

/** "N validation error(s) detected: a; b" from the listed violations, in order. */
export function violations(...lines: readonly string[]): Expected {
  return validation(`${lines.length} validation error${lines.length === 1 ? '' : 's'} detected: ${lines.join('; ')}`);
}

/** One violation line: value (already quoted, or null), path, constraint. */
export function violation(value: string | null, path: string, constraint: string): string {
  return `Value ${value === null ? 'null' : `'${value}'`} at '${path}' failed to satisfy constraint: ${constraint}`;
}

export const notNull = 'Member must not be null';
export const namePatternConstraint = 'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+';
export const lengthAtLeast = (length: number) => `Member must have length greater than or equal to ${length}`;
export const lengthAtMost = (length: number) => `Member must have length less than or equal to ${length}`;
export const valueAtLeast = (value: number) => `Member must have value greater than or equal to ${value}`;
export const valueAtMost = (value: number) => `Member must have value less than or equal to ${value}`;
export const enumSet = (values: string) => `Member must satisfy enum value set: [${values}]`;

export function outcome(operation: OperationName, body: unknown): Expected {
  try {
    validateRequestShape(operation, body);
    return accepted;
  } catch (error) {
    assert.ok(error instanceof DynamoDbError, `expected a DynamoDbError, got ${String(error)}`);
    assert.ok(error.type === 'ValidationException' || error.type === 'SerializationException');
    return { type: error.type, message: error.message };
  }
}

/** Registers one test per case. */
export function runCases(operation: OperationName, cases: readonly ShapeCase[]): void {
  for (const shapeCase of cases) {
    test(`${operation}: ${shapeCase.name}`, () => {
      assert.deepEqual(outcome(operation, structuredClone(shapeCase.body)), shapeCase.expected);
    });
  }
}

const structureFound = 'Start of structure or map found where not expected';
const unexpectedField = 'Unexpected field type';
const unexpectedValue = 'Unexpected value type in payload';
const parameterizedCast =
  'class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class java.lang.Class ' +
  '(sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in module java.base ' +
  "of loader 'bootstrap')";
const awsPackage = 'com.amazonaws.dynamodb.v20120810';
const scalars = ['23', true, 23, -2147483648, 2147483648, 34.56] as const;

/**
 * A member kind as the wrong-type table names it: `String`, `Boolean`, `Integer`, `Long`, `List`,
 * `ParameterizedList` (a list inside a collection), `Map<X>`, `ParameterizedMap` (a map of attribute values
 * inside a collection), `ValueStruct<X>` (a structure inside a collection) and `FieldStruct<X>` (a structure
 * member of a structure).
 */
export function wrongTypeMessages(kind: string): readonly (readonly [unknown, string])[] {
  const generic = /^(\w+)<(.+)>$/.exec(kind);
  const base = generic?.[1] ?? kind;
  const parameter = generic?.[2] ?? '';
  switch (base) {
    case 'Boolean':
      return [
        ['23', 'Unexpected token received from parser'],
        [23, 'NUMBER_VALUE cannot be converted to Boolean'],
        [-2147483648, 'NUMBER_VALUE cannot be converted to Boolean'],
        [2147483648, 'NUMBER_VALUE cannot be converted to Boolean'],
        [34.56, 'DECIMAL_VALUE cannot be converted to Boolean'],
        [[], 'Unrecognized collection type class java.lang.Boolean'],
        [{}, structureFound],
      ];
    case 'String':
      return [
        [true, 'TRUE_VALUE cannot be converted to String'],
        [false, 'FALSE_VALUE cannot be converted to String'],
        [23, 'NUMBER_VALUE cannot be converted to String'],
        [-2147483648, 'NUMBER_VALUE cannot be converted to String'],
        [2147483648, 'NUMBER_VALUE cannot be converted to String'],
        [34.56, 'DECIMAL_VALUE cannot be converted to String'],
        [[], 'Unrecognized collection type class java.lang.String'],
        [{}, structureFound],
      ];
    case 'Integer':
    case 'Long':
      return [
        ['23', `STRING_VALUE cannot be converted to ${base}`],
        [true, `TRUE_VALUE cannot be converted to ${base}`],
        [false, `FALSE_VALUE cannot be converted to ${base}`],
        [[], `Unrecognized collection type class java.lang.${base}`],
        [{}, structureFound],
      ];
    case 'List':
      return [...scalars.map((value) => [value, unexpectedField] as const), [{}, structureFound]];
    case 'ParameterizedList':
      return [...scalars.map((value) => [value, parameterizedCast] as const), [{}, structureFound]];
    case 'Map': {
      const valueType = parameter.includes('.') ? parameter : `${awsPackage}.${parameter}`;
      return [
        ...scalars.map((value) => [value, unexpectedField] as const),
        [[], `Unrecognized collection type java.util.Map<java.lang.String, ${valueType}>`],
      ];
    }
    case 'ParameterizedMap':
      return [
        ...scalars.map((value) => [value, parameterizedCast] as const),
        [[], `Unrecognized collection type java.util.Map<java.lang.String, ${awsPackage}.AttributeValue>`],
      ];
    case 'ValueStruct':
      return [
        ...scalars.map((value) => [value, unexpectedValue] as const),
        [[], `Unrecognized collection type class ${awsPackage}.${parameter}`],
      ];
    case 'FieldStruct':
      return [
        ...scalars.map((value) => [value, unexpectedField] as const),
        [[], `Unrecognized collection type class ${awsPackage}.${parameter}`],
      ];
    default:
      throw new Error(`unknown member kind ${kind}`);
  }
}

/**
 * Builds a body holding `value` at `property` ("Tags.0.Key": a list at Tags, a structure at its first
 * element), the way the recorded requests were built.
 */
export function bodyWith(property: string, value: unknown): Record<string, unknown> {
  const pieces = property.split('.');
  const body: Record<string, unknown> = {};
  let container: Record<string, unknown> | unknown[] = body;
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!;
    const next = pieces[index + 1];
    const child = next === undefined ? value : next === '0' ? [] : {};
    if (Array.isArray(container)) container.push(child);
    else container[piece] = child;
    if (next !== undefined) container = child as Record<string, unknown> | unknown[];
  }
  return body;
}

/** Cases for a member of the given kind given every kind of wrong JSON value. */
export function wrongTypeCases(property: string, kind: string): ShapeCase[] {
  return wrongTypeMessages(kind).map(([value, message]) => ({
    name: `${property} (${kind}) given ${JSON.stringify(value)}`,
    body: bodyWith(property, value),
    expected: serialization(message),
  }));
}
