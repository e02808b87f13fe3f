import { validationError } from '../../lib/errors.js';

/**
 * Request members DynamoDB honours and dynacell does not yet (the expression language and the legacy
 * conditions). Ignoring one would silently change a request's meaning — an overwrite its condition forbade,
 * attributes a projection left out — so a request that uses one is refused, naming the member.
 */
const notYetSupported = [
  'ConditionExpression',
  'Expected',
  'ConditionalOperator',
  'ProjectionExpression',
  'ExpressionAttributeNames',
  'ExpressionAttributeValues',
] as const;

export function refuseUnsupportedParameters(request: Readonly<Record<string, unknown>>): void {
  for (const member of notYetSupported) {
    if (request[member] !== undefined) throw validationError(`dynacell does not support ${member} yet`);
  }
}
