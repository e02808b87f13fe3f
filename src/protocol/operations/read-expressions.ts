import type { Bindings, Condition, Operand, Projection } from '../../expressions/index.js';
import {
  parseFilterExpression,
  parseKeyConditionExpression,
  parseProjectionExpression,
  validateCondition,
  validateExpressionAttributes,
} from '../../expressions/index.js';
import { resolvePath } from '../../expressions/document-path.js';
import { convertAttributesToGet } from '../../expressions/legacy-projection.js';
import { keyAttributes, type KeySchema } from '../../model/key-schema.js';
import { validationError } from '../../lib/errors.js';

/** The expression members of a Query or Scan (Scan has no KeyConditionExpression). */
export interface ReadExpressionMembers {
  readonly KeyConditionExpression?: string;
  readonly FilterExpression?: string;
  readonly ProjectionExpression?: string;
  readonly AttributesToGet?: readonly string[];
  readonly ExpressionAttributeNames?: Readonly<Record<string, string>>;
  readonly ExpressionAttributeValues?: Readonly<Record<string, unknown>>;
}

export interface ReadExpressions {
  readonly bindings: Bindings;
  readonly keyCondition: Condition | undefined;
  readonly filter: Condition | undefined;
  readonly projection: Projection | undefined;
}

/** DynamoDB treats a member given as JSON null as absent. */
export function withoutNulls<T extends object>(body: unknown): T {
  const members = body as Record<string, unknown>;
  return Object.fromEntries(Object.entries(members).filter(([, value]) => value !== null)) as T;
}

/** Parses the expressions, then checks their placeholders and the filter's operands. */
export function readExpressions(request: ReadExpressionMembers): ReadExpressions {
  const text = (value: string | undefined, parse: (text: string) => Condition): Condition | undefined =>
    value === undefined ? undefined : parse(value);
  const keyCondition = text(request.KeyConditionExpression, parseKeyConditionExpression);
  const filter = text(request.FilterExpression, parseFilterExpression);
  const projection =
    request.ProjectionExpression !== undefined
      ? parseProjectionExpression(request.ProjectionExpression)
      : request.AttributesToGet !== undefined
        ? convertAttributesToGet(request.AttributesToGet)
        : undefined;
  const bindings = validateExpressionAttributes(
    { keyCondition, filter, projection: request.ProjectionExpression === undefined ? undefined : projection },
    { names: request.ExpressionAttributeNames, values: request.ExpressionAttributeValues },
  );
  if (filter !== undefined) validateCondition('FilterExpression', filter, bindings);
  return { bindings, keyCondition, filter, projection };
}

/** A Query's FilterExpression may not name a key attribute of the table or index it reads. */
export function checkFilterKeys(filter: Condition | undefined, bindings: Bindings, key: KeySchema): void {
  if (filter === undefined) return;
  const heads = new Set<string>();
  collectPathHeads(filter, bindings, heads);
  for (const attribute of keyAttributes(key)) {
    if (heads.has(attribute.name)) {
      throw validationError(`Filter Expression can only contain non-primary key attributes: Primary key attribute: ${attribute.name}`);
    }
  }
}

function collectPathHeads(condition: Condition, bindings: Bindings, heads: Set<string>): void {
  const operand = (value: Operand): void => {
    if (value.kind === 'path' || value.kind === 'size') {
      const path = resolvePath(value.kind === 'path' ? value : value.path, bindings);
      heads.add(String(path[0]));
    }
  };
  switch (condition.kind) {
    case 'and':
    case 'or':
      collectPathHeads(condition.left, bindings, heads);
      return collectPathHeads(condition.right, bindings, heads);
    case 'not':
      return collectPathHeads(condition.condition, bindings, heads);
    case 'comparison':
      return [condition.left, condition.right].forEach(operand);
    case 'between':
      return [condition.operand, condition.lower, condition.upper].forEach(operand);
    case 'in':
      return [condition.operand, ...condition.candidates].forEach(operand);
    case 'attributeExists':
    case 'attributeNotExists':
      return operand(condition.path);
    case 'attributeType':
      return [condition.path, condition.type].forEach(operand);
    case 'beginsWith':
      return [condition.subject, condition.prefix].forEach(operand);
    case 'contains':
      return [condition.subject, condition.operand].forEach(operand);
  }
}
