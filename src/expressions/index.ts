/**
 * The expression language's public surface for operation handlers. A request's expressions go through:
 *
 *   1. parse*Expression(text)         syntax and text-only checks; cached by (kind, text)
 *   2. validateExpressionAttributes   ExpressionAttributeNames/Values against all the request's trees
 *   3. validateCondition / validateKeyCondition / validateUpdateExpression
 *                                      checks that need bound values, before any item is read
 *
 * Operations that must match DynamoDB's precedence exactly call validateAttributeMaps before step 1.
 */
export type * from './ast.js';
export type { Bindings } from './bindings.js';
export { emptyBindings } from './bindings.js';
export type { ExpressionKind } from './expression-errors.js';
export {
  parseConditionExpression,
  parseFilterExpression,
  parseKeyConditionExpression,
  parseProjectionExpression,
  parseUpdateExpression,
  expressionCache,
} from './parse-expression.js';
export {
  type ExpressionAttributeMaps,
  type ExpressionTrees,
  type ExpressionUsage,
  validateAttributeMaps,
  validateExpressionAttributes,
} from './expression-attributes.js';
export { validateCondition } from './validate-condition.js';
export {
  type KeyConditionPart,
  type QueryKeyNames,
  validateKeyCondition,
  validateKeyConditionSchema,
} from './validate-key-condition.js';
export { validateUpdateExpression } from './validate-update.js';
export { printCondition, printPath, printProjection, printUpdate } from './print-expression.js';
export { isReservedWord } from './reserved-words.js';
