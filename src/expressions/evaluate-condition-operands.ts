/**
 * The checks DynamoDB makes on a condition's operands before reading any item. They depend only on the
 * tree and the bound values (a value placeholder's type is known before the item is), so a request fails
 * with a ValidationException even when the item does not exist. Everything else about types is decided per
 * item and simply makes the condition false.
 *
 * Messages and their order follow DynamoDB as recorded by dynalite's tests: the first failing function or
 * operator, in the order the expression is written. ScyllaDB's tests, run against DynamoDB, show that an
 * ordering comparison with a value of an unordered type (a list) is refused here too, while the same
 * comparison against an item's list is simply false.
 */
import type { AttributeValue, AttributeType } from '../model/attribute-value.js';
import type { Condition, Operand } from './ast.js';
import { type Bindings, boundValue } from './bindings.js';
import { attributeTypes } from '../model/attribute-value.js';
import { compareScalars } from './compare-values.js';
import { attributeTypeOf } from '../model/key-schema.js';
import { validationError } from '../lib/errors.js';
import { unreachable } from '../lib/assert.js';

/** The request parameter a condition came from; DynamoDB names it in every message. */
export type ConditionParameter = 'ConditionExpression' | 'FilterExpression' | 'KeyConditionExpression';

/** How DynamoDB lists the valid type names (its own order). */
const validTypeNames = '{B,NULL,SS,BOOL,L,BS,N,NS,S,M}';

/** What DynamoDB names as the operand type when attribute_type's second operand is a document path. */
const anyTypeName = '{NS,SS,L,BS,N,M,B,BOOL,NULL,S}';

/** Throws DynamoDB's ValidationException for the first operand problem in `condition`, if any. */
export function validateConditionOperands(condition: Condition, bindings: Bindings, parameter: ConditionParameter): void {
  const problem = findProblem(condition, bindings);
  if (problem !== undefined) throw validationError(`Invalid ${parameter}: ${problem}`);
}

function findProblem(condition: Condition, bindings: Bindings): string | undefined {
  switch (condition.kind) {
    case 'comparison':
      if (condition.comparator === '=' || condition.comparator === '<>') return undefined;
      return orderingProblem(condition.comparator, condition.left, bindings) ?? orderingProblem(condition.comparator, condition.right, bindings);
    case 'in':
    case 'contains':
    case 'attributeExists':
    case 'attributeNotExists':
      return undefined;
    case 'between':
      return betweenProblem(staticValue(condition.lower, bindings), staticValue(condition.upper, bindings));
    case 'and':
    case 'or':
      return findProblem(condition.left, bindings) ?? findProblem(condition.right, bindings);
    case 'not':
      return findProblem(condition.condition, bindings);
    case 'attributeType':
      return attributeTypeProblem(condition.type, bindings);
    case 'beginsWith':
      return beginsWithProblem(condition.subject, bindings) ?? beginsWithProblem(condition.prefix, bindings);
    default:
      return unreachable(condition, 'condition');
  }
}

/** The value of an operand known without an item: a bound or literal value. */
function staticValue(operand: Operand, bindings: Bindings): AttributeValue | undefined {
  if (operand.kind === 'valueReference') return boundValue(bindings, operand.placeholder);
  if (operand.kind === 'literal') return operand.value;
  return undefined;
}

/** The type of an operand known without an item: a value's type, or N for size(). */
function staticType(operand: Operand, bindings: Bindings): AttributeType | undefined {
  if (operand.kind === 'size') return 'N';
  const value = staticValue(operand, bindings);
  return value === undefined ? undefined : attributeTypeOf(value);
}

function incorrectOperandType(functionName: string, type: string): string {
  return `Incorrect operand type for operator or function; operator or function: ${functionName}, operand type: ${type}`;
}

/** `<`, `<=`, `>`, `>=` order only strings, numbers and binaries; a value of another type is refused up front. */
function orderingProblem(comparator: string, operand: Operand, bindings: Bindings): string | undefined {
  const type = staticType(operand, bindings);
  return type === undefined || type === 'S' || type === 'N' || type === 'B' ? undefined : incorrectOperandType(comparator, type);
}

function beginsWithProblem(operand: Operand, bindings: Bindings): string | undefined {
  const type = staticType(operand, bindings);
  return type === undefined || type === 'S' || type === 'B' ? undefined : incorrectOperandType('begins_with', type);
}

function attributeTypeProblem(operand: Operand, bindings: Bindings): string | undefined {
  if (operand.kind === 'path') return incorrectOperandType('attribute_type', anyTypeName);
  const type = staticType(operand, bindings);
  if (type !== 'S') return incorrectOperandType('attribute_type', type ?? anyTypeName);
  const value = staticValue(operand, bindings);
  const name = value !== undefined && 'S' in value ? value.S : '';
  if ((attributeTypes as readonly string[]).includes(name)) return undefined;
  return `Invalid attribute type name found; type: ${name}, valid types: ${validTypeNames}`;
}

/** Both bounds given as values: they must have one type and be in order. */
function betweenProblem(lower: AttributeValue | undefined, upper: AttributeValue | undefined): string | undefined {
  if (lower === undefined || upper === undefined) return undefined;
  const operands = `lower bound operand: AttributeValue: ${valueForMessage(lower)}, upper bound operand: AttributeValue: ${valueForMessage(upper)}`;
  if (attributeTypeOf(lower) !== attributeTypeOf(upper)) {
    return `The BETWEEN operator requires same data type for lower and upper bounds; ${operands}`;
  }
  const order = compareScalars(lower, upper);
  if (order !== undefined && order > 0) {
    return `The BETWEEN operator requires upper bound to be greater than or equal to lower bound; ${operands}`;
  }
  return undefined;
}

/** DynamoDB's rendering of a value in messages: `{N:5}`, `{S:a}`. */
export function valueForMessage(value: AttributeValue): string {
  const type = attributeTypeOf(value);
  const content = (value as Record<string, unknown>)[type];
  if (typeof content === 'string' || typeof content === 'boolean') return `{${type}:${String(content)}}`;
  if (Array.isArray(content) && type !== 'L') return `{${type}:[${content.join(', ')}]}`;
  return `{${type}:${JSON.stringify(content)}}`;
}
