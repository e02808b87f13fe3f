import type { Condition, Projection, UpdateExpression } from '../../expressions/ast.js';
import type { Bindings } from '../../expressions/bindings.js';
import { checkBindings, validateAttributeMaps } from '../../expressions/expression-attributes.js';
import { convertExpected } from '../../expressions/legacy-expected.js';
import { checkExpressionParameters, type LegacyParameterOperation } from '../../expressions/legacy-mixing.js';
import type { LegacyAttributeValueUpdate, LegacyExpectedAttributeValue, LegacyMap } from '../../expressions/legacy-parameters.js';
import { convertAttributesToGet } from '../../expressions/legacy-projection.js';
import { checkAttributeUpdatesKeys, convertAttributeUpdates } from '../../expressions/legacy-updates.js';
import { keyAttributes, type KeySchema } from '../../model/key-schema.js';
import {
  parseConditionExpression,
  parseProjectionExpression,
  parseUpdateExpression,
} from '../../expressions/parse-expression.js';
import { validateCondition } from '../../expressions/validate-condition.js';
import { checkUpdatedKeyAttributes, validateUpdateExpression } from '../../expressions/validate-update.js';
import { validateProjection } from '../../expressions/validate-projection.js';

/** The expression members a single-item request may carry, legacy and current. */
export interface ItemExpressionMembers {
  readonly ConditionExpression?: string;
  readonly UpdateExpression?: string;
  readonly ProjectionExpression?: string;
  readonly ExpressionAttributeNames?: Readonly<Record<string, string>>;
  readonly ExpressionAttributeValues?: Readonly<Record<string, unknown>>;
  readonly Expected?: LegacyMap<LegacyExpectedAttributeValue>;
  readonly ConditionalOperator?: 'AND' | 'OR';
  readonly AttributeUpdates?: LegacyMap<LegacyAttributeValueUpdate>;
  readonly AttributesToGet?: readonly string[];
}

/** A request's expressions, parsed (or converted from the legacy members) and bound to its placeholders. */
export interface ItemExpressions {
  readonly bindings: Bindings;
  readonly condition?: Condition | undefined;
  readonly update?: UpdateExpression | undefined;
  readonly projection?: Projection | undefined;
}

/**
 * The first step of every item operation: legacy and expression members must not be mixed, and
 * ExpressionAttributeNames/Values need an expression that can use them.
 */
export function checkExpressionMembers(operation: LegacyParameterOperation, request: ItemExpressionMembers): void {
  checkExpressionParameters(operation, request);
}

/**
 * Parses and validates the request's expressions in DynamoDB's order: the legacy members' own checks, then
 * ExpressionAttributeNames/Values on their own (empty maps, malformed keys, invalid values: DynamoDB reports
 * these before an empty or malformed expression), then the expressions' syntax, then undefined placeholders,
 * then what the bound values allow (overlapping paths, operand types), then unused placeholders. Key
 * attributes in an update are checked
 * once the table is known (`checkUpdatedKeys`).
 */
export function itemExpressions(request: ItemExpressionMembers): ItemExpressions {
  if (!hasExpressionMembers(request)) return { bindings: { names: {}, values: {} } };
  // AttributeUpdates is checked before Expected (DynamoDB reports "Only DELETE action is allowed ..." first).
  const legacyUpdate = request.AttributeUpdates === undefined ? undefined : convertAttributeUpdates(request.AttributeUpdates);
  const legacyCondition = request.Expected === undefined ? undefined : convertExpected(request.Expected, request.ConditionalOperator);
  const legacyProjection = request.AttributesToGet === undefined ? undefined : convertAttributesToGet(request.AttributesToGet);
  const maps = { names: request.ExpressionAttributeNames, values: request.ExpressionAttributeValues };
  const validatedMaps = validateAttributeMaps(maps);
  const update = request.UpdateExpression === undefined ? undefined : parseUpdateExpression(request.UpdateExpression);
  const condition = request.ConditionExpression === undefined ? undefined : parseConditionExpression(request.ConditionExpression);
  const projection = request.ProjectionExpression === undefined ? undefined : parseProjectionExpression(request.ProjectionExpression);
  // DynamoDB reports unused placeholders only after the checks on bound values.
  const bindings = checkBindings({ update, condition, projection }, validatedMaps, (bound) => {
    if (update !== undefined) validateUpdateExpression(update, bound, []);
    if (condition !== undefined) validateCondition('ConditionExpression', condition, bound);
    if (projection !== undefined) validateProjection(projection, bound);
  });
  return {
    bindings,
    condition: condition ?? legacyCondition,
    update: update ?? legacyUpdate,
    projection: projection ?? legacyProjection,
  };
}

/** Whether a request carries any member itemExpressions reads; most writes carry none. */
function hasExpressionMembers(request: ItemExpressionMembers): boolean {
  return (
    request.ConditionExpression !== undefined ||
    request.UpdateExpression !== undefined ||
    request.ProjectionExpression !== undefined ||
    request.ExpressionAttributeNames !== undefined ||
    request.ExpressionAttributeValues !== undefined ||
    request.Expected !== undefined ||
    request.AttributeUpdates !== undefined ||
    request.AttributesToGet !== undefined
  );
}

/** An update may not touch the table's key attributes (checked by DynamoDB once it knows the table). */
export function checkUpdatedKeys(request: ItemExpressionMembers, expressions: ItemExpressions, key: KeySchema): void {
  if (request.AttributeUpdates !== undefined) return checkAttributeUpdatesKeys(request.AttributeUpdates, key);
  const names = keyAttributes(key).map((attribute) => attribute.name);
  // itemExpressions validated the update with these bindings; only the key attributes are left to check.
  if (expressions.update !== undefined) checkUpdatedKeyAttributes(expressions.update, expressions.bindings, names);
}
