/**
 * The legacy ComparisonOperator table shared by Expected, QueryFilter, ScanFilter and KeyConditions: how
 * many arguments each operator takes, which value types it accepts, and the condition tree that gives
 * DynamoDB's legacy result under the expression evaluator's semantics.
 *
 * Argument checks follow DynamoDB's order: the count, then each value in turn (its type is allowed for the
 * operator, then it has the first value's type), then BETWEEN's bounds.
 */
import type { AttributeType, AttributeValue } from '../model/attribute-value.js';
import type { Comparator, Condition, DocumentPath, LiteralValue, Operand } from './ast.js';
import type { LegacyComparisonOperator, LegacyConditionalOperator } from './legacy-parameters.js';
import { invalidParameter, validationError } from '../lib/errors.js';
import { assert, unreachable } from '../lib/assert.js';
import { attributeTypeOf } from '../model/key-schema.js';
import { compareNumbers } from '../model/number.js';
import { compareBytes } from '../model/key-encoding.js';
import { base64Decode } from '../model/base64.js';
import { utf8Encode } from '../model/utf8.js';
import { legacyLimits } from './legacy-limits.js';

interface OperatorRule {
  readonly argumentsMin: number;
  readonly argumentsMax: number;
  readonly types: ReadonlySet<AttributeType>;
}

const allTypes: ReadonlySet<AttributeType> = new Set(['S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'L', 'M']);
const sortableScalars: ReadonlySet<AttributeType> = new Set(['S', 'N', 'B']);
// CONTAINS looks for an element or substring, so any value that can be an element is accepted.
const containsTypes: ReadonlySet<AttributeType> = new Set(['S', 'N', 'B', 'BOOL', 'NULL']);
const prefixTypes: ReadonlySet<AttributeType> = new Set(['S', 'B']);

const singleArgument = (types: ReadonlySet<AttributeType>): OperatorRule => ({ argumentsMin: 1, argumentsMax: 1, types });

const operatorRules: Readonly<Record<LegacyComparisonOperator, OperatorRule>> = {
  EQ: singleArgument(allTypes),
  NE: singleArgument(allTypes),
  LE: singleArgument(sortableScalars),
  LT: singleArgument(sortableScalars),
  GE: singleArgument(sortableScalars),
  GT: singleArgument(sortableScalars),
  CONTAINS: singleArgument(containsTypes),
  NOT_CONTAINS: singleArgument(containsTypes),
  BEGINS_WITH: singleArgument(prefixTypes),
  IN: { argumentsMin: 1, argumentsMax: Number.POSITIVE_INFINITY, types: sortableScalars },
  BETWEEN: { argumentsMin: 2, argumentsMax: 2, types: sortableScalars },
  NULL: { argumentsMin: 0, argumentsMax: 0, types: allTypes },
  NOT_NULL: { argumentsMin: 0, argumentsMax: 0, types: allTypes },
};

/** Checks an operator's validated arguments with DynamoDB's messages. */
export function validateComparisonArguments(operator: LegacyComparisonOperator, values: readonly AttributeValue[]): void {
  const rule = operatorRules[operator];
  if (values.length < rule.argumentsMin || values.length > rule.argumentsMax) {
    throw invalidParameter(`Invalid number of argument(s) for the ${operator} ComparisonOperator`);
  }
  const firstType = values[0] === undefined ? undefined : attributeTypeOf(values[0]);
  for (const value of values) {
    const type = attributeTypeOf(value);
    if (!rule.types.has(type)) throw invalidParameter(`ComparisonOperator ${operator} is not valid for ${type} AttributeValue type`);
    if (type !== firstType) throw invalidParameter('AttributeValues inside AttributeValueList must be of same type');
  }
  const [lower, upper] = values;
  if (operator === 'BETWEEN' && lower !== undefined && upper !== undefined && compareScalars(lower, upper) > 0) {
    throw validationError('The BETWEEN condition was provided a range where the lower bound is greater than the upper bound');
  }
}

/** Orders two S, N or B values of the same type as DynamoDB orders keys: numerically, or by bytes. */
function compareScalars(left: AttributeValue, right: AttributeValue): -1 | 0 | 1 {
  if ('N' in left && 'N' in right) return compareNumbers(left.N, right.N);
  if ('S' in left && 'S' in right) return compareBytes(utf8Encode(left.S), utf8Encode(right.S));
  if ('B' in left && 'B' in right) return compareBytes(base64Decode(left.B), base64Decode(right.B));
  assert(false, 'BETWEEN bounds are scalars of one type');
}

/** A top-level attribute: legacy parameters name attributes, never document paths. */
export function attributePath(name: string): DocumentPath {
  return { kind: 'path', elements: [{ kind: 'name', name }] };
}

export function literal(value: AttributeValue): LiteralValue {
  return { kind: 'literal', value };
}

/**
 * The condition for `name <operator> values`, with validated arguments. Where the legacy operator's result
 * differs from its nearest expression function, the tree adds what closes the gap:
 * - NE is true when the attribute is missing or of another type, so it is NOT (a = v), not a <> v;
 * - NOT_CONTAINS is false when the attribute is missing, where NOT contains(a, v) would be true.
 */
export function operatorCondition(name: string, operator: LegacyComparisonOperator, values: readonly AttributeValue[]): Condition {
  const path = attributePath(name);
  const operands = values.map(literal);
  const argument = (index: number): Operand => {
    const operand = operands[index];
    assert(operand !== undefined, `${operator} has argument ${index + 1}`);
    return operand;
  };
  const compare = (comparator: Comparator): Condition => ({ kind: 'comparison', comparator, left: path, right: argument(0) });
  switch (operator) {
    case 'NULL':
      return { kind: 'attributeNotExists', path };
    case 'NOT_NULL':
      return { kind: 'attributeExists', path };
    case 'IN':
      return { kind: 'in', operand: path, candidates: operands };
    case 'EQ':
      return compare('=');
    case 'NE':
      return { kind: 'not', condition: compare('=') };
    case 'LE':
      return compare('<=');
    case 'LT':
      return compare('<');
    case 'GE':
      return compare('>=');
    case 'GT':
      return compare('>');
    case 'CONTAINS':
      return { kind: 'contains', subject: path, operand: argument(0) };
    case 'NOT_CONTAINS':
      return {
        kind: 'and',
        left: { kind: 'attributeExists', path },
        right: { kind: 'not', condition: { kind: 'contains', subject: path, operand: argument(0) } },
      };
    case 'BEGINS_WITH':
      return { kind: 'beginsWith', subject: path, prefix: argument(0) };
    case 'BETWEEN':
      return { kind: 'between', operand: path, lower: argument(0), upper: argument(1) };
    default:
      return unreachable(operator);
  }
}

/**
 * ConditionalOperator needs two or more conditions to join. `conditionCount` is the size of the Expected or
 * filter map, undefined when the map is absent.
 */
export function checkConditionalOperator(operator: LegacyConditionalOperator | undefined, conditionCount: number | undefined): void {
  if (operator === undefined) return;
  if (conditionCount === undefined || conditionCount === 0) {
    throw validationError('ConditionalOperator cannot be used without Filter or Expected');
  }
  if (conditionCount < legacyLimits.conditionalOperatorConditionsMin) {
    throw validationError('ConditionalOperator can only be used when Filter or Expected has two or more elements');
  }
}

/** Joins conditions left to right in map order (AND by default); undefined for none. */
export function joinConditions(conditions: readonly Condition[], operator: LegacyConditionalOperator = 'AND'): Condition | undefined {
  const kind = operator === 'OR' ? 'or' : 'and';
  let joined: Condition | undefined;
  for (const condition of conditions) joined = joined === undefined ? condition : { kind, left: joined, right: condition };
  return joined;
}
