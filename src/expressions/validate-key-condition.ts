/**
 * The shape DynamoDB requires of a KeyConditionExpression, checked once names are bound: an AND of
 * conditions, each on one top-level attribute with `=`, `<`, `<=`, `>`, `>=`, BETWEEN or begins_with, at
 * most one per attribute. Returns each attribute's condition with the attribute as the left operand, for
 * the Query operation to match against the key schema.
 */
import { validationError } from '../lib/errors.js';
import type { Comparator, Condition, Operand } from './ast.js';
import type { Bindings } from './bindings.js';
import { expressionLimits } from './expression-limits.js';
import { resolvePath } from './document-path.js';

export interface KeyConditionPart {
  readonly attributeName: string;
  /** A comparison (attribute on the left), a BETWEEN or a begins_with on the attribute. */
  readonly condition: Condition;
}

const mirrored: Readonly<Record<Comparator, Comparator>> = { '=': '=', '<>': '<>', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

export function validateKeyCondition(condition: Condition, bindings: Bindings): readonly KeyConditionPart[] {
  const parts: KeyConditionPart[] = [];
  collect(condition, bindings, parts);
  return parts;
}

function collect(condition: Condition, bindings: Bindings, parts: KeyConditionPart[]): void {
  switch (condition.kind) {
    case 'and':
      collect(condition.left, bindings, parts);
      return collect(condition.right, bindings, parts);
    case 'or':
    case 'not':
    case 'in':
      throw invalidOperator(condition.kind.toUpperCase());
    case 'attributeExists':
      throw invalidOperator('attribute_exists');
    case 'attributeNotExists':
      throw invalidOperator('attribute_not_exists');
    case 'attributeType':
      throw invalidOperator('attribute_type');
    case 'contains':
      throw invalidOperator('contains');
    case 'comparison':
      if (condition.comparator === '<>') throw invalidOperator('<>');
      return addPart(condition, [condition.left, condition.right], bindings, parts);
    case 'between':
      if (condition.operand.kind !== 'path') throw firstOperandNotKey('BETWEEN');
      return addPart(condition, [condition.operand, condition.lower, condition.upper], bindings, parts);
    case 'beginsWith':
      if (condition.subject.kind !== 'path') throw firstOperandNotKey('begins_with');
      return addPart(condition, [condition.subject, condition.prefix], bindings, parts);
  }
}

function addPart(condition: Condition, operands: readonly Operand[], bindings: Bindings, parts: KeyConditionPart[]): void {
  let attributeName: string | undefined;
  let attributeIndex = 0;
  operands.forEach((operand, index) => {
    if (operand.kind === 'size') throw validationError('KeyConditionExpressions cannot contain nested operations');
    if (operand.kind !== 'path') return;
    if (attributeName !== undefined) {
      throw validationError('Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition');
    }
    const path = resolvePath(operand, bindings);
    if (path.length > 1) throw validationError('KeyConditionExpressions cannot have conditions on nested attributes');
    attributeName = String(path[0]);
    attributeIndex = index;
  });
  if (attributeName === undefined) throw validationError('Invalid condition in KeyConditionExpression: No key attribute specified');
  if (parts.some((part) => part.attributeName === attributeName)) {
    throw validationError('KeyConditionExpressions must only contain one condition per key');
  }
  parts.push({ attributeName, condition: attributeIndex === 0 ? condition : flip(condition) });
}

/** `:v < a` becomes `a > :v`; only comparisons can have the attribute on the right. */
function flip(condition: Condition): Condition {
  if (condition.kind !== 'comparison') return condition;
  return { kind: 'comparison', comparator: mirrored[condition.comparator], left: condition.right, right: condition.left };
}

function invalidOperator(operator: string) {
  return validationError(`Invalid operator used in KeyConditionExpression: ${operator}`);
}

function firstOperandNotKey(operator: string) {
  return validationError(`Invalid condition in KeyConditionExpression: ${operator} operator must have the key attribute as its first operand`);
}

/** The key attributes a Query reads through: the table's or an index's. */
export interface QueryKeyNames {
  readonly partitionKey: string;
  readonly sortKey?: string | undefined;
}

/**
 * Matches the parts against the key schema as DynamoDB does: at most two conditions, one on the partition
 * key with `=`, the other (if any) on the sort key. DynamoDB names the key element it expected in place
 * of a condition on another attribute. Comparing value types with the schema is the Query operation's,
 * which knows the attribute definitions.
 */
export function validateKeyConditionSchema(
  parts: readonly KeyConditionPart[],
  keys: QueryKeyNames,
  checkPartitionValueTypes?: (part: KeyConditionPart) => void,
): void {
  if (parts.length > expressionLimits.keyConditionsMax) throw validationError('Conditions can be of length 1 or 2 only');
  // A key without a sort key takes one condition, whatever its attributes.
  if (keys.sortKey === undefined && parts.length > 1) throw validationError('Query key condition not supported');
  const partition = parts.find((part) => part.attributeName === keys.partitionKey);
  if (partition === undefined) throw validationError(`Query condition missed key schema element: ${keys.partitionKey}`);
  const other = parts.find((part) => part !== partition);
  if (other !== undefined && other.attributeName !== keys.sortKey) {
    throw validationError(
      keys.sortKey === undefined ? 'Query key condition not supported' : `Query condition missed key schema element: ${keys.sortKey}`,
    );
  }
  // DynamoDB compares the partition key's value types with the schema before it refuses an operator other than `=`.
  checkPartitionValueTypes?.(partition);
  const condition = partition.condition;
  if (condition.kind !== 'comparison' || condition.comparator !== '=') throw validationError('Query key condition not supported');
}
