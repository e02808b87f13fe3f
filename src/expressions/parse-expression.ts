/**
 * The entry points for each expression kind: the checks DynamoDB makes on the text as a whole (empty, too
 * large) and then the grammar, through the process-wide parse cache.
 */
import { limits } from '../lib/limits.js';
import type { Condition, Projection, UpdateExpression } from './ast.js';
import { ExpressionCache } from './expression-cache.js';
import { type ExpressionKind, expressionError } from './expression-errors.js';
import { expressionLimits } from './expression-limits.js';
import { type ConditionKind, parseConditionText } from './parse-condition.js';
import { parseProjectionText } from './parse-projection.js';
import { parseUpdateText } from './parse-update.js';

export const expressionCache = new ExpressionCache(expressionLimits.parseCacheEntriesMax);

const utf8 = new TextEncoder();

function checkText(kind: ExpressionKind, text: string): void {
  if (text === '') throw expressionError(kind, 'The expression can not be empty;');
  // Only long text can be over the limit; a UTF-16 unit is at most 3 UTF-8 bytes.
  if (text.length * 3 <= limits.expressionBytesMax) return;
  const sizeBytes = utf8.encode(text).length;
  if (sizeBytes > limits.expressionBytesMax) {
    throw expressionError(kind, `Expression size has exceeded the maximum allowed size; expression size: ${sizeBytes}`);
  }
}

function parseCondition(kind: ConditionKind, text: string): Condition {
  checkText(kind, text);
  return expressionCache.parse(kind, text, (source) => parseConditionText(kind, source));
}

export function parseConditionExpression(text: string): Condition {
  return parseCondition('ConditionExpression', text);
}

export function parseFilterExpression(text: string): Condition {
  return parseCondition('FilterExpression', text);
}

/** Parses only; the key-condition shape is checked by validateKeyCondition once placeholders are bound. */
export function parseKeyConditionExpression(text: string): Condition {
  return parseCondition('KeyConditionExpression', text);
}

export function parseProjectionExpression(text: string): Projection {
  checkText('ProjectionExpression', text);
  return expressionCache.parse('ProjectionExpression', text, parseProjectionText);
}

export function parseUpdateExpression(text: string): UpdateExpression {
  checkText('UpdateExpression', text);
  return expressionCache.parse('UpdateExpression', text, parseUpdateText);
}
