/**
 * A small declarative language for DynamoDB's request shapes: the member types its deserializer expects
 * and the constraints its validator checks. `validate.ts` interprets these definitions; the operation
 * files (`*-operations.ts`) write one per request.
 *
 * Members are optional unless wrapped in `required(...)`. The order of members in a `structure` is the
 * order in which constraint violations are listed, so each definition keeps DynamoDB's order, not the
 * alphabet.
 */

export type Shape =
  | StringShape
  | BooleanShape
  | NumberShape
  | ListShape
  | MapShape
  | StructureShape
  | AttributeValueShape;

export type ShapeKind = Shape['kind'];

interface ShapeBase {
  /** Whether the member holding this shape must be present ("Member must not be null"). */
  readonly required: boolean;
}

export interface Pattern {
  /** The pattern as DynamoDB quotes it in its message. */
  readonly source: string;
  /** The same pattern anchored at both ends: DynamoDB requires the whole value to match. */
  readonly expression: RegExp;
}

export interface StringShape extends ShapeBase {
  readonly kind: 'string';
  readonly pattern: Pattern | undefined;
  readonly lengthMin: number | undefined;
  readonly lengthMax: number | undefined;
  readonly allowedValues: readonly string[] | undefined;
}

export interface BooleanShape extends ShapeBase {
  readonly kind: 'boolean';
}

/** Integer and Long differ only in the Java class named by serialization messages. */
export interface NumberShape extends ShapeBase {
  readonly kind: 'integer' | 'long';
  readonly valueMin: number | undefined;
  readonly valueMax: number | undefined;
}

export interface ListShape extends ShapeBase {
  readonly kind: 'list';
  readonly member: Shape;
  readonly lengthMin: number | undefined;
  readonly lengthMax: number | undefined;
}

/** Constraints on every key of a map, reported together as "Map keys must satisfy constraint: [...]". */
export interface MapKeyConstraints {
  readonly lengthMin: number;
  readonly lengthMax: number;
  readonly pattern: Pattern;
}

/** Constraints on the length of every (list) value of a map: "Map value must satisfy constraint: [...]". */
export interface MapValueLengthConstraints {
  readonly lengthMin: number;
  readonly lengthMax: number;
}

export interface MapShape extends ShapeBase {
  readonly kind: 'map';
  readonly value: Shape;
  readonly lengthMin: number | undefined;
  readonly keys: MapKeyConstraints | undefined;
  readonly valueLengths: MapValueLengthConstraints | undefined;
}

export interface StructureMember {
  /** The member's name on the wire, e.g. `TableName`. */
  readonly wireName: string;
  /** The member's name in constraint messages, e.g. `tableName`. */
  readonly pathName: string;
  /** Declaration position: violations are listed in this order. */
  readonly index: number;
  readonly shape: Shape;
}

export interface StructureShape extends ShapeBase {
  readonly kind: 'structure';
  /** DynamoDB's name for the structure, used in messages such as "... class com.amazonaws...KeySchemaElement". */
  readonly name: string;
  readonly members: readonly StructureMember[];
  readonly memberByWireName: ReadonlyMap<string, StructureMember>;
  /** How many members are required, so a walk can tell cheaply that none is missing. */
  readonly requiredCount: number;
}

/**
 * An AttributeValue (`{"S": "x"}` and the like). This layer checks only that it is a JSON object; what is
 * inside belongs to `model/validate-attribute-value.ts`, reachable through the `attributeValue` hook of
 * `validateRequestShape`.
 */
export interface AttributeValueShape extends ShapeBase {
  readonly kind: 'attributeValue';
}

export type OptionalShape = Shape & { readonly required: false };
export type RequiredShape = Shape & { readonly required: true };

/** Marks a member as one that must be present. */
export function required<S extends Shape>(shape: S): S & { readonly required: true } {
  return { ...shape, required: true };
}

export interface StringOptions {
  readonly pattern?: Pattern;
  readonly lengthMin?: number;
  readonly lengthMax?: number;
  readonly allowedValues?: readonly string[];
}

export function string(options: StringOptions = {}): StringShape & { readonly required: false } {
  return {
    kind: 'string',
    required: false,
    pattern: options.pattern,
    lengthMin: options.lengthMin,
    lengthMax: options.lengthMax,
    allowedValues: options.allowedValues,
  };
}

/** A string restricted to a set of values, listed in the order DynamoDB quotes them. */
export function enumeration<const V extends string>(allowedValues: readonly V[]): StringShape & { readonly required: false } {
  return string({ allowedValues });
}

export function pattern(source: string): Pattern {
  return { source, expression: new RegExp(`^(?:${source})$`) };
}

export function boolean(): BooleanShape & { readonly required: false } {
  return { kind: 'boolean', required: false };
}

export interface NumberOptions {
  readonly valueMin?: number;
  readonly valueMax?: number;
}

export function integer(options: NumberOptions = {}): NumberShape & { readonly required: false } {
  return { kind: 'integer', required: false, valueMin: options.valueMin, valueMax: options.valueMax };
}

export function long(options: NumberOptions = {}): NumberShape & { readonly required: false } {
  return { kind: 'long', required: false, valueMin: options.valueMin, valueMax: options.valueMax };
}

export interface ListOptions {
  readonly lengthMin?: number;
  readonly lengthMax?: number;
}

export function list(member: Shape, options: ListOptions = {}): ListShape & { readonly required: false } {
  return { kind: 'list', required: false, member, lengthMin: options.lengthMin, lengthMax: options.lengthMax };
}

export interface MapOptions {
  readonly lengthMin?: number;
  readonly keys?: MapKeyConstraints;
  readonly valueLengths?: MapValueLengthConstraints;
}

/** A JSON object with arbitrary keys (a Java Map<String, V>). */
export function map(value: Shape, options: MapOptions = {}): MapShape & { readonly required: false } {
  return {
    kind: 'map',
    required: false,
    value,
    lengthMin: options.lengthMin,
    keys: options.keys,
    valueLengths: options.valueLengths,
  };
}

export function attributeValue(): AttributeValueShape & { readonly required: false } {
  return { kind: 'attributeValue', required: false };
}

/** An item, a key, ExpressionAttributeValues: attribute name → attribute value. */
export function attributeMap(): MapShape & { readonly required: false } {
  return map(attributeValue());
}

/**
 * The members of a structure, one per property of its request interface `T`: a required property needs a
 * `required(...)` shape and an optional one an optional shape, so the compiler keeps the validation and the
 * types handlers read in step.
 */
export type MembersOf<T> = {
  readonly [K in keyof T]-?: {} extends Pick<T, K> ? OptionalShape : RequiredShape;
};

export function structure<T>(name: string, members: MembersOf<T>): StructureShape & { readonly required: false } {
  const list: StructureMember[] = [];
  const byWireName = new Map<string, StructureMember>();
  for (const wireName of Object.keys(members)) {
    const member: StructureMember = {
      wireName,
      pathName: wireName.charAt(0).toLowerCase() + wireName.slice(1),
      index: list.length,
      shape: members[wireName as keyof T],
    };
    list.push(member);
    byWireName.set(wireName, member);
  }
  const requiredCount = list.filter((member) => member.shape.required).length;
  return { kind: 'structure', required: false, name, members: list, memberByWireName: byWireName, requiredCount };
}
