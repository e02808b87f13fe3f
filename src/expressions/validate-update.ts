/**
 * The checks DynamoDB makes on an update expression once its placeholders are bound and before it reads
 * the item: no two actions may touch overlapping or conflicting paths, operands given as values must have
 * a type the operator accepts, and key attributes cannot be updated. Precedence: overlap, conflict, ADD and
 * DELETE operands, a function's operand count, function and arithmetic operands, key attributes.
 */
import { invalidParameter } from '../lib/errors.js';
import type { AttributeValue } from '../model/attribute-value.js';
import { attributeTypeOf } from '../model/key-schema.js';
import type { Operand, SetOperand, UpdateExpression } from './ast.js';
import type { Bindings } from './bindings.js';
import { type ExpressionKind, expressionError } from './expression-errors.js';
import { type ResolvedPath, pathForMessage, resolvePath } from './document-path.js';

/** How DynamoDB names a value's type after "operator: ADD" / "operator: DELETE". */
const operatorTypeNames: Readonly<Record<string, string>> = {
  S: 'STRING',
  N: 'NUMBER',
  B: 'BINARY',
  NULL: 'NULL',
  BOOL: 'BOOLEAN',
  L: 'LIST',
  M: 'MAP',
};

export function validateUpdateExpression(update: UpdateExpression, bindings: Bindings, keyAttributeNames: readonly string[]): void {
  const paths = update.actions.map((action) => resolvePath(action.path, bindings));
  checkPathsDisjoint('UpdateExpression', paths);
  for (const action of update.actions) {
    if (action.kind === 'add' || action.kind === 'delete') checkSetOperatorOperand(action.kind, action.value, bindings);
  }
  if (update.operandCountProblem !== undefined) throw expressionError('UpdateExpression', update.operandCountProblem);
  for (const action of update.actions) {
    if (action.kind !== 'set') continue;
    const value = action.value;
    if (value.kind === 'plus' || value.kind === 'minus') {
      checkFunctionOperands(value.left, bindings);
      checkFunctionOperands(value.right, bindings);
      checkArithmeticOperand(value.kind === 'plus' ? '+' : '-', [value.left, value.right], bindings);
    } else {
      checkFunctionOperands(value, bindings);
    }
  }
  checkKeyAttributes(paths, keyAttributeNames);
}

/** No path may be a prefix of another (overlap) or index a list where another names a map key (conflict). */
export function checkPathsDisjoint(kind: ExpressionKind, paths: readonly ResolvedPath[]): void {
  let conflict: string | undefined;
  paths.forEach((path, index) => {
    for (const earlier of paths.slice(0, index)) {
      const relation = relate(earlier, path);
      const detail = `must remove or rewrite one of these paths; path one: ${pathForMessage(earlier)}, path two: ${pathForMessage(path)}`;
      if (relation === 'overlap') throw expressionError(kind, `Two document paths overlap with each other; ${detail}`);
      if (relation === 'conflict') conflict ??= `Two document paths conflict with each other; ${detail}`;
    }
  });
  if (conflict !== undefined) throw expressionError(kind, conflict);
}

/** Overlap: one path is a prefix of the other. Conflict: at some step one indexes a list, the other a map. */
function relate(first: ResolvedPath, second: ResolvedPath): 'overlap' | 'conflict' | 'disjoint' {
  const common = Math.min(first.length, second.length);
  for (let step = 0; step < common; step++) {
    if (typeof first[step] !== typeof second[step]) return 'conflict';
    if (first[step] !== second[step]) return 'disjoint';
  }
  return 'overlap';
}

function boundValue(operand: Operand | SetOperand, bindings: Bindings): AttributeValue | undefined {
  if (operand.kind === 'literal') return operand.value;
  if (operand.kind === 'valueReference') return bindings.values[operand.placeholder];
  return undefined;
}

/** ADD takes a number or a set; DELETE only a set. */
function checkSetOperatorOperand(kind: 'add' | 'delete', operand: Operand, bindings: Bindings): void {
  const value = boundValue(operand, bindings);
  if (value === undefined) return;
  const type = attributeTypeOf(value);
  const typeName = operatorTypeNames[type];
  if (typeName === undefined || (kind === 'add' && type === 'N')) return;
  throw expressionError(
    'UpdateExpression',
    `Incorrect operand type for operator or function; operator: ${kind.toUpperCase()}, operand type: ${typeName}`,
  );
}

/** Checks list_append's value operands, inner calls first, as DynamoDB reports them. */
function checkFunctionOperands(operand: SetOperand, bindings: Bindings): void {
  if (operand.kind === 'ifNotExists') return checkFunctionOperands(operand.fallback, bindings);
  if (operand.kind !== 'listAppend') return;
  checkFunctionOperands(operand.first, bindings);
  checkFunctionOperands(operand.second, bindings);
  for (const argument of [operand.first, operand.second]) {
    const value = boundValue(argument, bindings);
    if (value !== undefined && attributeTypeOf(value) !== 'L') throw operandTypeError('list_append', attributeTypeOf(value));
  }
}

function checkArithmeticOperand(operator: '+' | '-', operands: readonly SetOperand[], bindings: Bindings): void {
  for (const operand of operands) {
    const value = boundValue(operand, bindings);
    if (value !== undefined && attributeTypeOf(value) !== 'N') throw operandTypeError(operator, attributeTypeOf(value));
  }
}

function operandTypeError(operator: string, type: string) {
  return expressionError(
    'UpdateExpression',
    `Incorrect operand type for operator or function; operator or function: ${operator}, operand type: ${type}`,
  );
}

/** Any action on a key attribute, or inside one (`ADD a.b :v`), is refused in the same words. */
/**
 * Only the last check of validateUpdateExpression, key attributes, for an update that already passed the
 * others with the same bindings (they read nothing else, so they would pass again).
 */
export function checkUpdatedKeyAttributes(update: UpdateExpression, bindings: Bindings, keyAttributeNames: readonly string[]): void {
  checkKeyAttributes(update.actions.map((action) => resolvePath(action.path, bindings)), keyAttributeNames);
}

function checkKeyAttributes(paths: readonly ResolvedPath[], keyAttributeNames: readonly string[]): void {
  for (const path of paths) {
    const [first] = path;
    if (typeof first === 'string' && keyAttributeNames.includes(first)) {
      throw invalidParameter(`Cannot update attribute ${first}. This attribute is part of the key`);
    }
  }
}
