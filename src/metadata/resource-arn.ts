/**
 * ResourceArn of TagResource, UntagResource and ListTagsOfResource, judged the way DynamoDB does
 * (2026 message catalogue of the ack-api-quirks lab; older answers recorded by dynalite's tests):
 *
 * - no ResourceArn at all                      → "Invalid TableArn"
 * - not starting with "arn:"                   → "…ARNs must start with 'arn:': <arn>"
 * - another service, or a backup ARN           → "…Provided Arn is not a DynamoDB resource arn: <arn>"
 * - an index ARN                               → "…Invalid resource arn provided, only table or stream is accepted…"
 * - another region or partition, a malformed
 *   resource or a table name DynamoDB would
 *   never accept                               → "Invalid TableArn: Invalid ResourceArn provided as input <arn>"
 *
 * A well-formed table ARN names a table in this account and region; whether it exists is the caller's
 * lookup ("Requested resource not found: ResourceArn: <arn> not found").
 */
import { invalidParameter, resourceNotFound, validationError, type DynamoDbError } from '../lib/errors.js';
import { limits } from '../lib/limits.js';

export const resourceArnErrors = {
  missing: () => validationError('Invalid TableArn'),
  notAnArn: (arn: string) => invalidParameter(`ARNs must start with 'arn:': ${arn}`),
  notDynamoDb: (arn: string) => invalidParameter(`Provided Arn is not a DynamoDB resource arn: ${arn}`),
  notTableOrStream: (arn: string) =>
    invalidParameter(`Invalid resource arn provided, only table or stream is accepted. Provided resource arn: ${arn}`),
  invalid: (arn: string) => validationError(`Invalid TableArn: Invalid ResourceArn provided as input ${arn}`),
  notFound: (arn: string) => resourceNotFound(`Requested resource not found: ResourceArn: ${arn} not found`),
} as const satisfies Record<string, (...parameters: never[]) => DynamoDbError>;

export type ResourceReference =
  | { readonly kind: 'table'; readonly tableName: string }
  /** Stream ARNs pass validation; dynacell keeps no tags on streams, so they are never found. */
  | { readonly kind: 'stream'; readonly tableName: string };

const tableNamePattern = /^[a-zA-Z0-9_.-]+$/;

function isTableName(name: string): boolean {
  return name.length >= limits.tableNameLengthMin && name.length <= limits.tableNameLengthMax && tableNamePattern.test(name);
}

export function parseResourceArn(arn: string | undefined, scope: { readonly region: string; readonly accountId: string }): ResourceReference {
  if (arn === undefined) throw resourceArnErrors.missing();
  if (!arn.startsWith('arn:')) throw resourceArnErrors.notAnArn(arn);
  const [, partition, service, region, accountId, ...resourceParts] = arn.split(':');
  if (service !== 'dynamodb' || resourceParts.length === 0) throw resourceArnErrors.notDynamoDb(arn);
  const [type, tableName, subtype, subname, ...rest] = resourceParts.join(':').split('/');
  if (type !== 'table' || tableName === undefined) throw resourceArnErrors.invalid(arn);
  if (subtype === 'backup') throw resourceArnErrors.notDynamoDb(arn);
  if (subtype === 'index') throw resourceArnErrors.notTableOrStream(arn);
  if (partition !== 'aws' || region !== scope.region || !isTableName(tableName) || rest.length > 0) throw resourceArnErrors.invalid(arn);
  if (accountId !== scope.accountId) throw resourceArnErrors.notFound(arn);
  if (subtype === undefined) return { kind: 'table', tableName };
  if (subtype === 'stream' && subname !== undefined && subname !== '') return { kind: 'stream', tableName };
  throw resourceArnErrors.invalid(arn);
}
