/**
 * The interpreter of shape definitions: DynamoDB's two request stages in one walk over the body.
 *
 * 1. Type check (deserialization). A member of the wrong JSON type is a SerializationException, thrown at
 *    once. The walk visits members in document order, as DynamoDB's streaming parser does, so the first
 *    wrong member in the body is the one reported.
 * 2. Constraint check. Violations (missing members, lengths, patterns, ranges, enum values) are collected
 *    during the same walk, each with its rank in DynamoDB's listing order (declaration order, depth
 *    first), and reported together only if the whole body deserialized: "N validation errors detected: ...".
 *    DynamoDB lists at most ten, the first ten in that order.
 *
 * JSON null is an absent member, and members the shape does not name are ignored, as DynamoDB does.
 * Integer members given a fraction are truncated and boolean members given one of the words DynamoDB
 * accepts ("true", "no", ...) become booleans, in place, so handlers read the values DynamoDB would use.
 */
import { limits } from '../../lib/limits.js';
import { type DynamoDbError, serializationError } from '../../lib/errors.js';
import { booleanFromWord, notABoolean, notAString } from '../../model/wire-type-errors.js';
import { javaTypeName, renderValue } from './java-rendering.js';
import type { ListShape, MapShape, NumberShape, Shape, StringShape, StructureShape } from './shape.js';

export interface ShapeHooks {
  /**
   * Called with every attribute value, in document order, during the type check. A SerializationException
   * thrown here wins over every constraint violation, as it does in DynamoDB; model/ owns what it checks.
   */
  readonly attributeValue?: (value: Readonly<Record<string, unknown>>) => void;
}

/** Where a value sits: DynamoDB's messages differ for a structure member and a list or map element. */
type Position = 'root' | 'field' | 'element';

/**
 * A node of the request, built only for containers and for violations so the happy path allocates little.
 * Its path segment ("keySchema", "1.member", "tableA.member") is spelled out only when a message needs it.
 */
interface Location {
  readonly parent: Location | undefined;
  /** A structure member's path name, a list index or a map key. */
  readonly label: string | number;
  readonly kind: 'member' | 'element' | 'entry';
  /** Member declaration index, list index or map entry index: the node's place among its siblings. */
  readonly rank: number;
}

interface Violation {
  readonly order: readonly number[];
  readonly location: Location;
  readonly value: unknown;
  readonly shape: Shape;
  readonly constraint: string;
}

/** Where each kind of violation sits among the violations of one node (kinds never mix within a node). */
const constraintRank = {
  notNull: 0,
  pattern: 1,
  lengthMin: 2,
  lengthMax: 3,
  allowedValues: 4,
  valueMin: 5,
  valueMax: 6,
  mapKeys: 7,
  mapValueLengths: 8,
} as const;

const structureFound = 'Start of structure or map found where not expected';
const unexpectedField = 'Unexpected field type';
const unexpectedValue = 'Unexpected value type in payload';
/** What DynamoDB answers when a list or map nested in a collection is given a scalar. */
const parameterizedCast =
  'class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class java.lang.Class ' +
  '(sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in module java.base ' +
  "of loader 'bootstrap')";

/**
 * Checks a request body against its input structure. Throws the SerializationException for the first
 * mistyped member; otherwise returns the constraint message to report, or undefined when there is none.
 * The caller decides when to report it (some operations check other things in between).
 */
export function checkShape(input: StructureShape, body: unknown, hooks: ShapeHooks = {}): string | undefined {
  const walk = new ShapeWalk(hooks);
  walk.check(body, input, 'root', undefined, '', 0);
  return walk.message();
}

/**
 * Where a value is, as the walk passes it down: its parent node, its label and its rank. A Location is
 * made from these only for containers and violations.
 */
function locate(position: Position, parent: Location | undefined, label: string | number, rank: number): Location {
  const kind = position === 'field' ? 'member' : typeof label === 'number' ? 'element' : 'entry';
  return { parent, label, kind, rank };
}

class ShapeWalk {
  /** The violations to list, in DynamoDB's order, at most validationErrorsListedMax of them. */
  private readonly listed: Violation[] = [];

  constructor(private readonly hooks: ShapeHooks) {}

  /** Checks a present (non-null) value; returns it, or its normalized replacement. */
  check(value: unknown, shape: Shape, position: Position, parent: Location | undefined, label: string | number, rank: number): unknown {
    switch (shape.kind) {
      case 'string':
        if (typeof value !== 'string') throw notAString(value);
        this.checkString(value, shape, position, parent, label, rank);
        return value;
      case 'boolean':
        return readBoolean(value);
      case 'integer':
      case 'long': {
        const number = readNumber(value, shape);
        this.checkNumber(number, shape, position, parent, label, rank);
        return number;
      }
      case 'list':
        this.checkList(value, shape, position, locate(position, parent, label, rank));
        return value;
      case 'map':
        this.checkMap(value, shape, position, locate(position, parent, label, rank));
        return value;
      case 'structure':
        this.checkStructure(value, shape, position, locate(position, parent, label, rank));
        return value;
      case 'attributeValue':
        if (!isObject(value)) throw structureMismatch(value, javaTypeName(shape), position);
        this.hooks.attributeValue?.(value);
        return value;
    }
  }

  private checkString(value: string, shape: StringShape, position: Position, parent: Location | undefined, label: string | number, rank: number): void {
    const patternFails = shape.pattern !== undefined && !shape.pattern.expression.test(value);
    const tooShort = shape.lengthMin !== undefined && value.length < shape.lengthMin;
    const tooLong = shape.lengthMax !== undefined && value.length > shape.lengthMax;
    const notAllowed = shape.allowedValues !== undefined && !shape.allowedValues.includes(value);
    if (!patternFails && !tooShort && !tooLong && !notAllowed) return;
    const location = locate(position, parent, label, rank);
    if (patternFails) this.note(location, constraintRank.pattern, 0, value, shape, `Member must satisfy regular expression pattern: ${shape.pattern!.source}`);
    if (tooShort) this.note(location, constraintRank.lengthMin, 0, value, shape, `Member must have length greater than or equal to ${shape.lengthMin}`);
    if (tooLong) this.note(location, constraintRank.lengthMax, 0, value, shape, `Member must have length less than or equal to ${shape.lengthMax}`);
    if (notAllowed) this.note(location, constraintRank.allowedValues, 0, value, shape, `Member must satisfy enum value set: [${shape.allowedValues!.join(', ')}]`);
  }

  private checkNumber(value: number, shape: NumberShape, position: Position, parent: Location | undefined, label: string | number, rank: number): void {
    if (shape.valueMin !== undefined && value < shape.valueMin) {
      this.note(locate(position, parent, label, rank), constraintRank.valueMin, 0, value, shape, `Member must have value greater than or equal to ${shape.valueMin}`);
    }
    if (shape.valueMax !== undefined && value > shape.valueMax) {
      this.note(locate(position, parent, label, rank), constraintRank.valueMax, 0, value, shape, `Member must have value less than or equal to ${shape.valueMax}`);
    }
  }

  private checkList(value: unknown, shape: ListShape, position: Position, location: Location): void {
    if (!Array.isArray(value)) {
      if (typeof value === 'object') throw serializationError(structureFound);
      throw serializationError(position === 'field' ? unexpectedField : parameterizedCast);
    }
    if (shape.lengthMin !== undefined && value.length < shape.lengthMin) {
      this.note(location, constraintRank.lengthMin, 0, value, shape, `Member must have length greater than or equal to ${shape.lengthMin}`);
    }
    if (shape.lengthMax !== undefined && value.length > shape.lengthMax) {
      this.note(location, constraintRank.lengthMax, 0, value, shape, `Member must have length less than or equal to ${shape.lengthMax}`);
    }
    for (let index = 0; index < value.length; index++) {
      const element: unknown = value[index];
      if (element === null || element === undefined) {
        this.noteNullElement(shape.member, location, index, index);
        continue;
      }
      const checked = this.check(element, shape.member, 'element', location, index, index);
      if (checked !== element) value[index] = checked;
    }
  }

  private checkMap(value: unknown, shape: MapShape, position: Position, location: Location): void {
    if (!isObject(value)) {
      if (Array.isArray(value)) throw serializationError(`Unrecognized collection type ${javaTypeName(shape)}`);
      throw serializationError(position === 'field' ? unexpectedField : parameterizedCast);
    }
    let entryIndex = 0;
    for (const key in value) {
      const entry = value[key];
      if (shape.keys !== undefined && !keySatisfies(key, shape.keys)) {
        const { lengthMax, lengthMin, pattern } = shape.keys;
        this.note(location, constraintRank.mapKeys, entryIndex, value, shape,
          `Map keys must satisfy constraint: [Member must have length less than or equal to ${lengthMax}, ` +
          `Member must have length greater than or equal to ${lengthMin}, ` +
          `Member must satisfy regular expression pattern: ${pattern.source}]`);
      }
      if (entry === null || entry === undefined) this.noteNullElement(shape.value, location, key, entryIndex);
      else {
        const checked = this.check(entry, shape.value, 'element', location, key, entryIndex);
        if (checked !== entry) value[key] = checked;
        const lengths = shape.valueLengths;
        if (lengths !== undefined && Array.isArray(entry) && (entry.length < lengths.lengthMin || entry.length > lengths.lengthMax)) {
          this.note(location, constraintRank.mapValueLengths, entryIndex, value, shape,
            `Map value must satisfy constraint: [Member must have length less than or equal to ${lengths.lengthMax}, ` +
            `Member must have length greater than or equal to ${lengths.lengthMin}]`);
        }
      }
      entryIndex++;
    }
    if (shape.lengthMin !== undefined && entryIndex < shape.lengthMin) {
      this.note(location, constraintRank.lengthMin, 0, value, shape, `Member must have length greater than or equal to ${shape.lengthMin}`);
    }
  }

  private checkStructure(value: unknown, shape: StructureShape, position: Position, location: Location): void {
    if (!isObject(value)) throw structureMismatch(value, javaTypeName(shape), position);
    let requiredPresent = 0;
    for (const key in value) {
      const member = shape.memberByWireName.get(key);
      const memberValue = value[key];
      if (member === undefined) {
        // DynamoDB ignores members it does not know; dropping them here keeps them out of everything
        // downstream (a stored table definition must not carry a client's arbitrary extra data).
        delete value[key];
        continue;
      }
      if (memberValue === null || memberValue === undefined) {
        // An explicit null is an absent member: remove it, so no later stage can mistake it for a value.
        delete value[key];
        continue;
      }
      if (member.shape.required) requiredPresent++;
      const checked = this.check(memberValue, member.shape, 'field', location, member.pathName, member.index);
      if (checked !== memberValue) value[key] = checked;
    }
    // Looking members up by name again is the slow part, so only when one is known to be missing.
    if (requiredPresent === shape.requiredCount) return;
    for (const member of shape.members) {
      if (!member.shape.required) continue;
      const memberValue = value[member.wireName];
      if (memberValue === null || memberValue === undefined) {
        this.note(locate('field', location, member.pathName, member.index), constraintRank.notNull, 0, null, member.shape, 'Member must not be null');
      }
    }
  }

  /**
   * A null inside a list or map has no value to check; the element itself violates "must not be null".
   * Attribute values are the exception: model/ judges a null attribute value with its own message.
   */
  private noteNullElement(shape: Shape, location: Location, label: string | number, rank: number): void {
    if (shape.kind === 'attributeValue') return;
    this.note(locate('element', location, label, rank), constraintRank.notNull, 0, null, shape, 'Member must not be null');
  }

  /** Records a violation if it is among the first ones DynamoDB would list. */
  private note(location: Location, rank: number, subRank: number, value: unknown, shape: Shape, constraint: string): void {
    const order = orderOf(location, rank, subRank);
    const listed = this.listed;
    const max = limits.validationErrorsListedMax;
    let at = listed.length;
    while (at > 0 && compareOrder(order, listed[at - 1]!.order) < 0) at--;
    if (at >= max) return;
    listed.splice(at, 0, { order, location, value, shape, constraint });
    if (listed.length > max) listed.pop();
  }

  message(): string | undefined {
    const count = this.listed.length;
    if (count === 0) return undefined;
    const lines = this.listed.map((violation) => {
      const rendered = violation.value === null ? 'null' : `'${renderValue(violation.value, violation.shape)}'`;
      return `Value ${rendered} at '${pathOf(violation.location)}' failed to satisfy constraint: ${violation.constraint}`;
    });
    return `${count} validation error${count === 1 ? '' : 's'} detected: ${lines.join('; ')}`;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function structureMismatch(value: unknown, javaType: string, position: Position): DynamoDbError {
  if (Array.isArray(value)) return serializationError(`Unrecognized collection type class ${javaType}`);
  return serializationError(position === 'field' ? unexpectedField : unexpectedValue);
}

function readBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const word = booleanFromWord(value);
    if (word !== undefined) return word;
  }
  throw notABoolean(value);
}

/** Reads an Integer or Long member; a fraction is truncated toward zero, as Java's number conversion does. */
function readNumber(value: unknown, shape: NumberShape): number {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Math.trunc(value);
  const javaClass = shape.kind === 'integer' ? 'Integer' : 'Long';
  if (Array.isArray(value)) throw serializationError(`Unrecognized collection type class java.lang.${javaClass}`);
  if (typeof value === 'object') throw serializationError(structureFound);
  if (typeof value === 'boolean') throw serializationError(`${value ? 'TRUE_VALUE' : 'FALSE_VALUE'} cannot be converted to ${javaClass}`);
  throw serializationError(`STRING_VALUE cannot be converted to ${javaClass}`);
}

function keySatisfies(key: string, constraints: NonNullable<MapShape['keys']>): boolean {
  return key.length >= constraints.lengthMin && key.length <= constraints.lengthMax && constraints.pattern.expression.test(key);
}

/**
 * A violation's place in DynamoDB's listing: for each node from the root, [1, rank]; then [0, kind, sub]
 * for the violation itself, so a node's own violations precede those of its members and elements.
 */
function orderOf(location: Location, rank: number, subRank: number): number[] {
  const order = [0, rank, subRank];
  for (let node: Location | undefined = location; node !== undefined && node.parent !== undefined; node = node.parent) {
    order.unshift(1, node.rank);
  }
  return order;
}

function compareOrder(left: readonly number[], right: readonly number[]): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const difference = left[index]! - right[index]!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/** The member path of DynamoDB's messages: "keySchema.1.member.attributeName", "requestItems.tableA.member.keys". */
function pathOf(location: Location): string {
  const segments: string[] = [];
  for (let node: Location | undefined = location; node !== undefined && node.parent !== undefined; node = node.parent) {
    segments.push(node.kind === 'member' ? String(node.label) : node.kind === 'element' ? `${Number(node.label) + 1}.member` : `${node.label}.member`);
  }
  return segments.reverse().join('.');
}
