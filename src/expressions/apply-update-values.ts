/**
 * The values an UpdateExpression computes: the right-hand sides of SET (with `+`, `-`, if_not_exists and
 * list_append) and what ADD and DELETE make of an attribute. All of them read the item as it was before
 * the update: DynamoDB evaluates every right-hand side first, so `SET a = :v, b = a` copies the old `a`.
 */
import type { AttributeValue, Item } from '../model/attribute-value.js';
import type { SetOperand, SetValue } from './ast.js';
import type { Bindings } from './bindings.js';
import { evaluateOperand } from './evaluate-operand.js';
import { resolvePath, valueAtPath } from './document-path.js';
import { addNumbers, subtractNumbers } from './arithmetic.js';
import { DynamoDbError, validationError } from '../lib/errors.js';

const incorrectDataTypeMessage = 'An operand in the update expression has an incorrect data type';

export function incorrectDataTypeError(): DynamoDbError {
  return validationError(incorrectDataTypeMessage);
}

export function isIncorrectDataTypeError(error: unknown): boolean {
  return error instanceof DynamoDbError && error.message === incorrectDataTypeMessage;
}

export function missingAttributeError(): DynamoDbError {
  return validationError('The provided expression refers to an attribute that does not exist in the item');
}

export function evaluateSetValue(value: SetValue, item: Item, bindings: Bindings): AttributeValue {
  switch (value.kind) {
    case 'plus':
      return { N: addNumbers(numberOperand(value.left, item, bindings), numberOperand(value.right, item, bindings)) };
    case 'minus':
      return { N: subtractNumbers(numberOperand(value.left, item, bindings), numberOperand(value.right, item, bindings)) };
    default:
      return evaluateSetOperand(value, item, bindings);
  }
}

export function evaluateSetOperand(operand: SetOperand, item: Item, bindings: Bindings): AttributeValue {
  switch (operand.kind) {
    case 'ifNotExists':
      return valueAtPath(item, resolvePath(operand.path, bindings)) ?? evaluateSetOperand(operand.fallback, item, bindings);
    case 'listAppend': {
      const first = listOperand(operand.first, item, bindings);
      const second = listOperand(operand.second, item, bindings);
      return { L: [...first, ...second] };
    }
    default: {
      const result = evaluateOperand(operand, item, bindings);
      if (result === undefined) throw missingAttributeError();
      return result;
    }
  }
}

function numberOperand(operand: SetOperand, item: Item, bindings: Bindings): string {
  const value = evaluateSetOperand(operand, item, bindings);
  if (!('N' in value)) throw incorrectDataTypeError();
  return value.N;
}

function listOperand(operand: SetOperand, item: Item, bindings: Bindings): readonly AttributeValue[] {
  const value = evaluateSetOperand(operand, item, bindings);
  if (!('L' in value)) throw incorrectDataTypeError();
  return value.L;
}

/**
 * ADD: a number adds to a number (a missing attribute counts as 0); a set joins a set of the same type (a
 * missing attribute counts as empty). Anything else is a type mismatch.
 */
export function addToValue(existing: AttributeValue | undefined, operand: AttributeValue): AttributeValue {
  if ('N' in operand) {
    if (existing === undefined) return operand;
    if (!('N' in existing)) throw incorrectDataTypeError();
    return { N: addNumbers(existing.N, operand.N) };
  }
  if ('SS' in operand) return { SS: union(existing === undefined ? [] : setMembers(existing, 'SS'), operand.SS) };
  if ('NS' in operand) return { NS: union(existing === undefined ? [] : setMembers(existing, 'NS'), operand.NS) };
  if ('BS' in operand) return { BS: union(existing === undefined ? [] : setMembers(existing, 'BS'), operand.BS) };
  throw incorrectDataTypeError();
}

/** DELETE: the members of `existing` not in `operand`, or undefined when none remain (the attribute goes). */
export function deleteFromValue(existing: AttributeValue, operand: AttributeValue): AttributeValue | undefined {
  if ('SS' in operand) return nonEmpty('SS', difference(setMembers(existing, 'SS'), operand.SS));
  if ('NS' in operand) return nonEmpty('NS', difference(setMembers(existing, 'NS'), operand.NS));
  if ('BS' in operand) return nonEmpty('BS', difference(setMembers(existing, 'BS'), operand.BS));
  throw incorrectDataTypeError();
}

type SetType = 'SS' | 'NS' | 'BS';

/** The members of a set of the given type; numbers and binaries are canonical text, so text identity is value identity. */
function setMembers(value: AttributeValue, type: SetType): readonly string[] {
  if (type === 'SS' && 'SS' in value) return value.SS;
  if (type === 'NS' && 'NS' in value) return value.NS;
  if (type === 'BS' && 'BS' in value) return value.BS;
  throw incorrectDataTypeError();
}

function union(existing: readonly string[], added: readonly string[]): string[] {
  const members = new Set(existing);
  const result = [...existing];
  for (const member of added) {
    if (members.has(member)) continue;
    members.add(member);
    result.push(member);
  }
  return result;
}

function difference(existing: readonly string[], removed: readonly string[]): string[] {
  const removedMembers = new Set(removed);
  return existing.filter((member) => !removedMembers.has(member));
}

function nonEmpty(type: SetType, members: string[]): AttributeValue | undefined {
  if (members.length === 0) return undefined;
  if (type === 'SS') return { SS: members };
  return type === 'NS' ? { NS: members } : { BS: members };
}
