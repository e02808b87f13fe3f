/**
 * Compact builders for expression trees in tests, so a test reads like the expression it stands for:
 * `comparison('<', path('a.b[1]'), value(':v'))` for `a.b[1] < :v`.
 */
import type { AttributeValue } from '../model/attribute-value.js';
import type {
  Comparator,
  Condition,
  DocumentPath,
  IfNotExists,
  ListAppend,
  Operand,
  PathElement,
  SetOperand,
  SetValue,
  UpdateAction,
  UpdateExpression,
} from './ast.js';
import type { Bindings } from './bindings.js';

/** `a.b[2].#c`: dots separate names, `[n]` are indexes, `#x` are name placeholders. */
export function path(text: string): DocumentPath {
  const elements: PathElement[] = [];
  for (const token of text.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    if (token.startsWith('[')) elements.push({ kind: 'index', index: Number(token.slice(1, -1)) });
    else if (token.startsWith('#')) elements.push({ kind: 'nameReference', placeholder: token });
    else elements.push({ kind: 'name', name: token });
  }
  return { kind: 'path', elements };
}

export function value(placeholder: string): Operand {
  return { kind: 'valueReference', placeholder };
}

export function literal(attributeValue: AttributeValue): Operand {
  return { kind: 'literal', value: attributeValue };
}

export function size(text: string): Operand {
  return { kind: 'size', path: path(text) };
}

export function comparison(comparator: Comparator, left: Operand, right: Operand): Condition {
  return { kind: 'comparison', comparator, left, right };
}

export function between(operand: Operand, lower: Operand, upper: Operand): Condition {
  return { kind: 'between', operand, lower, upper };
}

export function isIn(operand: Operand, ...candidates: Operand[]): Condition {
  return { kind: 'in', operand, candidates };
}

export function and(left: Condition, right: Condition): Condition {
  return { kind: 'and', left, right };
}

export function or(left: Condition, right: Condition): Condition {
  return { kind: 'or', left, right };
}

export function not(condition: Condition): Condition {
  return { kind: 'not', condition };
}

export function exists(text: string): Condition {
  return { kind: 'attributeExists', path: path(text) };
}

export function notExists(text: string): Condition {
  return { kind: 'attributeNotExists', path: path(text) };
}

export function attributeType(text: string, type: Operand): Condition {
  return { kind: 'attributeType', path: path(text), type };
}

export function beginsWith(subject: Operand, prefix: Operand): Condition {
  return { kind: 'beginsWith', subject, prefix };
}

export function contains(subject: Operand, operand: Operand): Condition {
  return { kind: 'contains', subject, operand };
}

export function update(...actions: UpdateAction[]): UpdateExpression {
  return { kind: 'update', actions };
}

export function set(text: string, setValue: SetValue): UpdateAction {
  return { kind: 'set', path: path(text), value: setValue };
}

export function remove(text: string): UpdateAction {
  return { kind: 'remove', path: path(text) };
}

export function add(text: string, operand: Operand): UpdateAction {
  return { kind: 'add', path: path(text), value: operand };
}

export function deleteFrom(text: string, operand: Operand): UpdateAction {
  return { kind: 'delete', path: path(text), value: operand };
}

export function plus(left: SetOperand, right: SetOperand): SetValue {
  return { kind: 'plus', left, right };
}

export function minus(left: SetOperand, right: SetOperand): SetValue {
  return { kind: 'minus', left, right };
}

export function ifNotExists(text: string, fallback: SetOperand): IfNotExists {
  return { kind: 'ifNotExists', path: path(text), fallback };
}

export function listAppend(first: SetOperand, second: SetOperand): ListAppend {
  return { kind: 'listAppend', first, second };
}

export function bindings(values: Record<string, AttributeValue> = {}, names: Record<string, string> = {}): Bindings {
  return { names, values };
}

/** Runs `action` and returns the message of the DynamoDbError it throws. */
export function errorMessage(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof Error && error.name === 'DynamoDbError') return error.message;
    throw error;
  }
  throw new Error('expected a DynamoDbError');
}
