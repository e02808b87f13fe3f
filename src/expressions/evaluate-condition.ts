/**
 * Evaluates a condition (ConditionExpression, FilterExpression, KeyConditionExpression) against an item,
 * with DynamoDB's semantics: a missing attribute or a type mismatch makes a comparison false rather than an
 * error. Errors that depend only on the bound values are raised earlier, by validateCondition (validate-condition.ts).
 */
import type { AttributeValue, Item } from '../model/attribute-value.js';
import type { Comparator, Condition, Operand } from './ast.js';
import type { Bindings } from './bindings.js';
import { evaluateOperand } from './evaluate-operand.js';
import { compareScalars, orderSatisfies, valuesEqual } from './compare-values.js';
import { attributeTypeOf } from '../model/key-schema.js';
import { resolvePath, valueAtPath } from './document-path.js';
import { unreachable } from '../lib/assert.js';
import { base64Decode } from '../model/base64.js';

/** Whether `condition` holds for `item` (undefined: the item does not exist). */
export function evaluateCondition(condition: Condition, item: Item | undefined, bindings: Bindings): boolean {
  const operand = (target: Operand): AttributeValue | undefined => evaluateOperand(target, item, bindings);
  switch (condition.kind) {
    case 'comparison':
      return compare(condition.comparator, operand(condition.left), operand(condition.right));
    case 'between':
      return between(operand(condition.operand), operand(condition.lower), operand(condition.upper));
    case 'in': {
      const value = operand(condition.operand);
      return value !== undefined && condition.candidates.some((candidate) => equalValues(value, operand(candidate)));
    }
    case 'and':
      return evaluateCondition(condition.left, item, bindings) && evaluateCondition(condition.right, item, bindings);
    case 'or':
      return evaluateCondition(condition.left, item, bindings) || evaluateCondition(condition.right, item, bindings);
    case 'not':
      return !evaluateCondition(condition.condition, item, bindings);
    case 'attributeExists':
      return valueAtPath(item, resolvePath(condition.path, bindings)) !== undefined;
    case 'attributeNotExists':
      return valueAtPath(item, resolvePath(condition.path, bindings)) === undefined;
    case 'attributeType':
      return hasType(valueAtPath(item, resolvePath(condition.path, bindings)), operand(condition.type));
    case 'beginsWith':
      return beginsWith(operand(condition.subject), operand(condition.prefix));
    case 'contains':
      return contains(operand(condition.subject), operand(condition.operand));
    default:
      return unreachable(condition, 'condition');
  }
}

function equalValues(left: AttributeValue | undefined, right: AttributeValue | undefined): boolean {
  return left !== undefined && right !== undefined && valuesEqual(left, right);
}

/** `<>` is the negation of `=`: a missing attribute is "not equal" to any value. */
function compare(comparator: Comparator, left: AttributeValue | undefined, right: AttributeValue | undefined): boolean {
  if (comparator === '=') return equalValues(left, right);
  if (comparator === '<>') return !equalValues(left, right);
  if (left === undefined || right === undefined) return false;
  const order = compareScalars(left, right);
  return order !== undefined && orderSatisfies(order, comparator);
}

function between(value: AttributeValue | undefined, lower: AttributeValue | undefined, upper: AttributeValue | undefined): boolean {
  if (value === undefined || lower === undefined || upper === undefined) return false;
  const aboveLower = compareScalars(lower, value);
  const belowUpper = compareScalars(value, upper);
  return aboveLower !== undefined && aboveLower <= 0 && belowUpper !== undefined && belowUpper <= 0;
}

function hasType(value: AttributeValue | undefined, typeName: AttributeValue | undefined): boolean {
  return value !== undefined && typeName !== undefined && 'S' in typeName && attributeTypeOf(value) === typeName.S;
}

/** begins_with: a string prefix of a string, or a byte prefix of a binary; any other pairing is false. */
function beginsWith(subject: AttributeValue | undefined, prefix: AttributeValue | undefined): boolean {
  if (subject === undefined || prefix === undefined) return false;
  if ('S' in subject) return 'S' in prefix && subject.S.startsWith(prefix.S);
  if ('B' in subject) return 'B' in prefix && bytesStartWith(base64Decode(subject.B), base64Decode(prefix.B));
  return false;
}

/**
 * contains: a substring of a string, a byte subsequence of a binary, a member of a set (of the matching
 * scalar type), or an element of a list equal to the operand.
 */
function contains(subject: AttributeValue | undefined, operand: AttributeValue | undefined): boolean {
  if (subject === undefined || operand === undefined) return false;
  if ('S' in subject) return 'S' in operand && subject.S.includes(operand.S);
  if ('B' in subject) return 'B' in operand && bytesInclude(base64Decode(subject.B), base64Decode(operand.B));
  if ('SS' in subject) return 'S' in operand && subject.SS.includes(operand.S);
  if ('NS' in subject) return 'N' in operand && subject.NS.includes(operand.N);
  if ('BS' in subject) return 'B' in operand && subject.BS.includes(operand.B);
  if ('L' in subject) return subject.L.some((element) => valuesEqual(element, operand));
  return false;
}

function bytesStartWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, index) => bytes[index] === byte);
}

function bytesInclude(bytes: Uint8Array, part: Uint8Array): boolean {
  for (let start = 0; start + part.length <= bytes.length; start++) {
    if (part.every((byte, index) => bytes[start + index] === byte)) return true;
  }
  return false;
}
