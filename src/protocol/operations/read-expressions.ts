import type { Bindings, Condition, DocumentPath, Operand, Projection } from '../../expressions/index.js';
import {
  parseFilterExpression,
  parseKeyConditionExpression,
  parseProjectionExpression,
  validateCondition,
  validateExpressionAttributes,
} from '../../expressions/index.js';
import { checkPlaceholdersDefined, validateAttributeMaps } from '../../expressions/expression-attributes.js';
import { validateProjection } from '../../expressions/validate-projection.js';
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

/** AttributesToGet as a projection (DynamoDB checks it right after the legacy filter). */
export function legacyProjection(request: ReadExpressionMembers): Projection | undefined {
  return request.AttributesToGet === undefined ? undefined : convertAttributesToGet(request.AttributesToGet);
}

/**
 * The attribute maps first, then each expression in turn (KeyConditionExpression, FilterExpression,
 * ProjectionExpression): parsed, its placeholders resolved, its operands checked (a KeyConditionExpression's
 * operand types before its shape), before the next is parsed; unused placeholders last.
 */
export function readExpressions(request: ReadExpressionMembers): ReadExpressions {
  const maps = { names: request.ExpressionAttributeNames, values: request.ExpressionAttributeValues };
  const bound = validateAttributeMaps(maps);
  const condition = (kind: 'KeyConditionExpression' | 'FilterExpression', text: string | undefined, parse: (text: string) => Condition) => {
    if (text === undefined) return undefined;
    const tree = parse(text);
    checkPlaceholdersDefined(kind === 'FilterExpression' ? { filter: tree } : { keyCondition: tree }, bound);
    validateCondition(kind, tree, bound);
    return tree;
  };
  const keyCondition = condition('KeyConditionExpression', request.KeyConditionExpression, parseKeyConditionExpression);
  const filter = condition('FilterExpression', request.FilterExpression, parseFilterExpression);
  const projection = request.ProjectionExpression === undefined ? undefined : parseProjectionExpression(request.ProjectionExpression);
  if (projection !== undefined) {
    checkPlaceholdersDefined({ projection }, bound);
    validateProjection(projection, bound);
  }
  const bindings = validateExpressionAttributes({ keyCondition, filter, projection }, maps);
  return { bindings, keyCondition, filter, projection };
}

/** The top-level attributes a read's filter and projection name (to know what an index must supply). */
export function namedAttributes(filter: Condition | undefined, projection: Projection | undefined, bindings: Bindings): Set<string> {
  const names = new Set<string>();
  if (filter !== undefined) collectPathHeads(filter, bindings, names);
  for (const path of projection?.paths ?? []) names.add(String(resolvePath(path, bindings)[0]));
  return names;
}

/**
 * Key attributes of the table ("Key") and then of its indexes ("IndexKey") are scalars, so a projection
 * or filter may not reach inside one with `.` or `[]`.
 */
export function checkKeyPaths(
  condition: Condition | undefined,
  projection: Projection | undefined,
  bindings: Bindings,
  tableKey: KeySchema,
  indexKeys: readonly KeySchema[],
): void {
  const nested = new Set<string>();
  const add = (path: DocumentPath): void => {
    const resolved = resolvePath(path, bindings);
    if (resolved.length > 1) nested.add(String(resolved[0]));
  };
  if (condition !== undefined) forEachPath(condition, add);
  for (const path of projection?.paths ?? []) add(path);
  const refuse = (kind: string, name: string): never => {
    throw validationError(`Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: ${kind}: ${name}`);
  };
  for (const attribute of keyAttributes(tableKey)) if (nested.has(attribute.name)) refuse('Key', attribute.name);
  for (const key of indexKeys) for (const attribute of keyAttributes(key)) if (nested.has(attribute.name)) refuse('IndexKey', attribute.name);
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
  forEachPath(condition, (path) => heads.add(String(resolvePath(path, bindings)[0])));
}

/** Calls `visit` with every document path a condition names, in order. */
function forEachPath(condition: Condition, visit: (path: DocumentPath) => void): void {
  const operand = (value: Operand): void => {
    if (value.kind === 'path') visit(value);
    else if (value.kind === 'size') visit(value.path);
  };
  switch (condition.kind) {
    case 'and':
    case 'or':
      forEachPath(condition.left, visit);
      return forEachPath(condition.right, visit);
    case 'not':
      return forEachPath(condition.condition, visit);
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
