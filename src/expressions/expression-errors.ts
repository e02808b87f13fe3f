/**
 * How the parsers report failures. A syntax error ends parsing at once. Other problems DynamoDB finds while
 * parsing (a reserved word, an unknown function, a wrong operand count) are reported only once the whole
 * text parsed, and then by category rather than by position: `SET a = foo(b) REMOVE value` reports the
 * reserved word first. DeferredProblems keeps the first problem of each category and ranks them.
 */
import { type DynamoDbError, validationError } from '../lib/errors.js';

export type ExpressionKind =
  | 'ConditionExpression'
  | 'FilterExpression'
  | 'KeyConditionExpression'
  | 'ProjectionExpression'
  | 'UpdateExpression';

export function expressionError(kind: ExpressionKind, message: string): DynamoDbError {
  return validationError(`Invalid ${kind}: ${message}`);
}

export type ProblemCategory =
  | 'parentheses'
  | 'functionName'
  | 'misusedFunction'
  | 'reserved'
  | 'listIndex'
  | 'pathDepth'
  | 'section'
  | 'operandCount'
  | 'documentPath';

/** DynamoDB's precedence among deferred problems, per grammar (conditions and updates differ). */
export const conditionProblemRanking: readonly ProblemCategory[] = [
  'parentheses',
  'functionName',
  'misusedFunction',
  'reserved',
  'listIndex',
  'pathDepth',
  'operandCount',
  'documentPath',
];

export const updateProblemRanking: readonly ProblemCategory[] = [
  'reserved',
  'listIndex',
  'pathDepth',
  'functionName',
  'section',
  'documentPath',
];

export class DeferredProblems {
  private readonly messages = new Map<ProblemCategory, string>();

  constructor(private readonly ranking: readonly ProblemCategory[]) {}

  record(category: ProblemCategory, message: string): void {
    if (!this.messages.has(category)) this.messages.set(category, message);
  }

  /** The problem DynamoDB would report, if any. */
  first(): string | undefined {
    for (const category of this.ranking) {
      const message = this.messages.get(category);
      if (message !== undefined) return message;
    }
    return undefined;
  }
}
