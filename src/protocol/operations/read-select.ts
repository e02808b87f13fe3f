import { invalidParameter, validationError } from '../../lib/errors.js';
import type { GlobalIndexSchema, LocalIndexSchema } from '../../partition/partition-schema.js';

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
 */
export function checkSelect(request: SelectMembers): void {
  const select = request.Select;
  const projectionMember =
    request.AttributesToGet !== undefined ? 'AttributesToGet' : request.ProjectionExpression !== undefined ? 'ProjectionExpression' : undefined;
  if (select !== undefined && select !== 'SPECIFIC_ATTRIBUTES' && projectionMember !== undefined) {
    const what = select === 'COUNT' ? 'only the Count' : select;
    throw validationError(`Cannot specify the ${projectionMember} when choosing to get ${what}`);
  }
  if (select === 'ALL_PROJECTED_ATTRIBUTES' && request.IndexName === undefined) {
    throw validationError('ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName');
  }
  if (select === 'SPECIFIC_ATTRIBUTES' && projectionMember === undefined) {
    throw validationError('Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES');
  }
}

export type ReadIndex = { readonly kind: 'local'; readonly index: LocalIndexSchema } | { readonly kind: 'global'; readonly index: GlobalIndexSchema };

/**
 * Whether a read through `index` must fetch the table items: a local index answers ALL_ATTRIBUTES, or a
 * projection, from the table when it does not project every attribute. A global index cannot.
 */
export function fetchesTableItems(request: SelectMembers, index: ReadIndex | undefined): boolean {
  if (index === undefined || index.index.projection.type === 'ALL') return false;
  const wantsAll = request.Select === 'ALL_ATTRIBUTES';
  const wantsSpecific = request.AttributesToGet !== undefined || request.ProjectionExpression !== undefined;
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
