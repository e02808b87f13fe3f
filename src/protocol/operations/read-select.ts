import { invalidParameter, validationError } from '../../lib/errors.js';
import type { KeySchema } from '../../model/key-schema.js';
import type { GlobalIndexSchema, LocalIndexSchema } from '../../partition/partition-schema.js';
import { keyAttributeNames } from '../../partition/projection.js';

export type SelectValue = 'ALL_ATTRIBUTES' | 'ALL_PROJECTED_ATTRIBUTES' | 'SPECIFIC_ATTRIBUTES' | 'COUNT';

/** The members of a Query or Scan that decide which attributes come back. */
export interface SelectMembers {
  readonly Select?: string;
  readonly IndexName?: string;
  readonly AttributesToGet?: readonly string[];
  readonly ProjectionExpression?: string;
}

/**
 * Select against the projection members, before the table is looked up: a projection goes only with
 * SPECIFIC_ATTRIBUTES (DynamoDB names the member given), SPECIFIC_ATTRIBUTES needs one, and
 * ALL_PROJECTED_ATTRIBUTES needs an index. The projection rule is reported first when both are broken.
 * Query words these as a one-item list of validation errors; Scan gives the bare message (both as
 * DynamoDB answers them).
 */
export function checkSelect(request: SelectMembers, operation: 'Query' | 'Scan'): void {
  const refuse = (message: string) => validationError(operation === 'Query' ? `1 validation error detected: ${message}` : message);
  const select = request.Select;
  const projectionMember =
    request.AttributesToGet !== undefined ? 'AttributesToGet' : request.ProjectionExpression !== undefined ? 'ProjectionExpression' : undefined;
  if (select !== undefined && select !== 'SPECIFIC_ATTRIBUTES' && projectionMember !== undefined) {
    const what = select === 'COUNT' ? 'only the Count' : select;
    throw refuse(`Cannot specify the ${projectionMember} when choosing to get ${what}`);
  }
  if (select === 'ALL_PROJECTED_ATTRIBUTES' && request.IndexName === undefined) {
    throw refuse('ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName');
  }
  if (select === 'SPECIFIC_ATTRIBUTES' && projectionMember === undefined) {
    throw refuse('Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES');
  }
}

export type ReadIndex = { readonly kind: 'local'; readonly index: LocalIndexSchema } | { readonly kind: 'global'; readonly index: GlobalIndexSchema };

/**
 * Whether a read through `index` must fetch the table items: a local index answers ALL_ATTRIBUTES, and
 * projections or filters that name attributes it does not project, from the table. A global index cannot
 * answer ALL_ATTRIBUTES unless it projects everything.
 */
export function fetchesTableItems(
  request: SelectMembers,
  index: ReadIndex | undefined,
  tableKey: KeySchema,
  namedAttributes: ReadonlySet<string>,
): boolean {
  if (index === undefined || index.index.projection.type === 'ALL') return false;
  const wantsAll = request.Select === 'ALL_ATTRIBUTES';
  const projected = new Set([...keyAttributeNames(tableKey), ...keyAttributeNames(index.index.key)]);
  if (index.index.projection.type === 'INCLUDE') for (const name of index.index.projection.nonKeyAttributes) projected.add(name);
  const wantsSpecific = [...namedAttributes].some((name) => !projected.has(name));
  if (index.kind === 'global') {
    if (wantsAll) {
      throw invalidParameter(
        `Select type ALL_ATTRIBUTES is not supported for global secondary index ${index.index.name} because its projection type is not ALL`,
      );
    }
    return false;
  }
  return wantsAll || wantsSpecific;
}

/** DynamoDB refuses strongly consistent reads of a global secondary index. */
export function checkIndexConsistency(index: ReadIndex | undefined, consistentRead: boolean | undefined): void {
  if (index?.kind === 'global' && consistentRead === true) {
    throw validationError('Consistent reads are not supported on global secondary indexes');
  }
}
