/**
 * DynamoDB's refusal to mix legacy and expression parameters in one request, and to take
 * ExpressionAttributeNames or ExpressionAttributeValues without an expression that can use them.
 *
 * Checks in DynamoDB's order: mixing, then names, then values. Parameters are listed in a fixed order,
 * whatever their order in the request. KeyConditions counts as legacy only beside a KeyConditionExpression:
 * a Query may pair KeyConditions with a FilterExpression or ProjectionExpression.
 */
import { validationError } from '../lib/errors.js';
import { isPresent } from './legacy-parameters.js';

export type LegacyParameterOperation = 'PutItem' | 'DeleteItem' | 'UpdateItem' | 'GetItem' | 'Query' | 'Scan' | 'BatchGetItem';

type LegacyParameter = 'AttributeUpdates' | 'AttributesToGet' | 'Expected' | 'QueryFilter' | 'ScanFilter' | 'ConditionalOperator';
type ExpressionParameter = 'UpdateExpression' | 'ProjectionExpression' | 'ConditionExpression' | 'FilterExpression' | 'KeyConditionExpression';

interface OperationParameters {
  readonly legacy: readonly LegacyParameter[];
  readonly expressions: readonly ExpressionParameter[];
  /** The expressions that can use ExpressionAttributeValues (projections cannot). */
  readonly valueExpressions: readonly ExpressionParameter[];
}

// Each list is in the order DynamoDB names the parameters in its messages.
const parametersByOperation: Readonly<Record<LegacyParameterOperation, OperationParameters>> = {
  PutItem: { legacy: ['Expected', 'ConditionalOperator'], expressions: ['ConditionExpression'], valueExpressions: ['ConditionExpression'] },
  DeleteItem: { legacy: ['Expected', 'ConditionalOperator'], expressions: ['ConditionExpression'], valueExpressions: ['ConditionExpression'] },
  UpdateItem: {
    legacy: ['AttributeUpdates', 'Expected', 'ConditionalOperator'],
    expressions: ['UpdateExpression', 'ConditionExpression'],
    valueExpressions: ['UpdateExpression', 'ConditionExpression'],
  },
  GetItem: { legacy: ['AttributesToGet'], expressions: ['ProjectionExpression'], valueExpressions: [] },
  BatchGetItem: { legacy: ['AttributesToGet'], expressions: ['ProjectionExpression'], valueExpressions: [] },
  Query: {
    legacy: ['AttributesToGet', 'QueryFilter', 'ConditionalOperator'],
    expressions: ['ProjectionExpression', 'FilterExpression', 'KeyConditionExpression'],
    valueExpressions: ['FilterExpression', 'KeyConditionExpression'],
  },
  Scan: {
    legacy: ['AttributesToGet', 'ScanFilter', 'ConditionalOperator'],
    expressions: ['ProjectionExpression', 'FilterExpression'],
    valueExpressions: ['FilterExpression'],
  },
};

/**
 * Checks one request (for BatchGetItem: one table's KeysAndAttributes). `request` is the request's JSON
 * members; JSON null counts as absent.
 */
export function checkExpressionParameters(operation: LegacyParameterOperation, request: object): void {
  const parameters = parametersByOperation[operation];
  const present = presentIn(request);
  const expressions = parameters.expressions.filter(present);
  const legacy: string[] = parameters.legacy.filter(present);
  if (present('KeyConditionExpression') && present('KeyConditions')) legacy.push('KeyConditions');
  if (legacy.length > 0 && expressions.length > 0) {
    throw validationError(
      'Can not use both expression and non-expression parameters in the same request: ' +
        `Non-expression parameters: {${legacy.join(', ')}} Expression parameters: {${expressions.join(', ')}}`,
    );
  }
  if (present('ExpressionAttributeNames') && expressions.length === 0) {
    throw validationError('ExpressionAttributeNames can only be specified when using expressions');
  }
  const valueExpressions = parameters.valueExpressions;
  if (present('ExpressionAttributeValues') && valueExpressions.length > 0 && !valueExpressions.some(present)) {
    const verb = valueExpressions.length > 1 ? 'are' : 'is';
    throw validationError(`ExpressionAttributeValues can only be specified when using expressions: ${valueExpressions.join(' and ')} ${verb} null`);
  }
}

/** BatchGetItem: each table's KeysAndAttributes in turn, in map order. */
export function checkBatchGetExpressionParameters(requestItems: Readonly<Record<string, object>>): void {
  for (const keysAndAttributes of Object.values(requestItems)) checkExpressionParameters('BatchGetItem', keysAndAttributes);
}

/** A Query names its key condition one way or the other. */
export function checkQueryKeyConditionPresent(request: object): void {
  const present = presentIn(request);
  if (!present('KeyConditions') && !present('KeyConditionExpression')) {
    throw validationError('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
  }
}

/** Whether a request member is given; JSON null counts as absent. */
function presentIn(request: object): (name: string) => boolean {
  const members = request as Readonly<Record<string, unknown>>;
  return (name) => Object.hasOwn(members, name) && isPresent(members[name]);
}
