import type { Item } from '../../model/attribute-value.js';
import { keyAttributes } from '../../model/key-schema.js';
import { validationError } from '../../lib/errors.js';
import { convertFilter } from '../../expressions/legacy-filters.js';
import { checkExpressionParameters } from '../../expressions/legacy-mixing.js';
import type { LegacyCondition, LegacyMap } from '../../expressions/legacy-parameters.js';
import { placementHashOf, segmentHashRange } from '../../partition/partition-reads.js';
import { validateRequest } from '../request-validation.js';
import type { ScanRequest } from '../shapes/index.js';
import { findIndex, indexKeySchemas, type ReadOperationServices } from './query-operation.js';
import { checkKeyPaths, legacyProjection, readExpressions, withoutNulls } from './read-expressions.js';
import { pageResponse } from './read-page-response.js';
import type { PreparedBody } from '../prepared-body.js';
import { throttledRead } from './operation-throttling.js';
import { routeOrNotFound } from './item-operations.js';
import { readPlan } from './read-plan.js';
import { checkIndexConsistency, checkSelect, type ReadIndex } from './read-select.js';
import { checkStartKeyIndexSchema, checkStartKeyTableKey, validateStartKeyValues } from './read-start-key.js';
import type { TableRoute } from '../../router/router.js';

/**
 * Scan: every item of a table or index in hash order, a page at a time; with Segment and TotalSegments,
 * one of TotalSegments disjoint ranges of the hash space that together cover it (a parallel scan).
 * Checks run in DynamoDB's order: request shape, legacy and expression members, AttributesToGet,
 * ScanFilter, the start key's values, Segment and TotalSegments, the expressions, Select; then the
 * table and index, the start key against the index, Select against the index, the start key against
 * the table's key and the segment, and key attributes reached into by the projection or filter.
 */
export function createScanOperation(services: ReadOperationServices) {
  return {
    async Scan(body: unknown): Promise<PreparedBody> {
      validateRequest('Scan', body);
      const request = withoutNulls<ScanRequest>(body);
      checkExpressionParameters('Scan', request);
      // Unlike Query, a Scan reports duplicate AttributesToGet before ScanFilter's values.
      const attributesToGet = legacyProjection(request);
      const legacyFilter = convertFilter(request.ScanFilter as LegacyMap<LegacyCondition> | undefined, request.ConditionalOperator);
      const startKey = validateStartKeyValues(request.ExclusiveStartKey);
      const segment = checkSegments(request);
      const expressions = readExpressions(request);
      checkSelect(request, 'Scan');

      const route = routeOrNotFound(services.tables, request.TableName);
      const index = findScanIndex(route, request.IndexName, startKey);
      checkIndexConsistency(index, request.ConsistentRead);
      // DynamoDB checks Select against the index (readPlan) between the start key's index and table keys.
      if (startKey !== undefined) checkStartKeyIndexSchema(startKey, route, index);
      const plan = readPlan(request, route, index, expressions, { filter: legacyFilter, projection: attributesToGet });
      if (startKey !== undefined) checkStartKeyTableKey(startKey, route);
      if (startKey !== undefined) checkStartKeyInSegment(startKey, route, index, segment);
      const indexKeys = indexKeySchemas(route);
      checkKeyPaths(undefined, expressions.projection, expressions.bindings, route.schema.key, indexKeys);
      checkKeyPaths(expressions.filter, undefined, expressions.bindings, route.schema.key, indexKeys);

      const page = await throttledRead(services.throughput, route, index, plan.shaping, () => services.router.scanSegment(route, {
        index: request.IndexName,
        segment: segment.segment,
        totalSegments: segment.totalSegments,
        exclusiveStartKey: startKey,
        limit: request.Limit,
        fetchTableItems: plan.fetchTableItems,
      }));
      return pageResponse(page, plan.shaping);
    },
  };
}

/**
 * As Query's. DynamoDB answers an unknown index with a start key as big as the table's key with an
 * internal error (recorded by dynalite's scan.js); this server calls that start key invalid instead.
 * Any other start key leaves the unknown index to be reported.
 */
function findScanIndex(route: TableRoute, indexName: string | undefined, startKey: Item | undefined): ReadIndex | undefined {
  const known = indexName === undefined || [...route.schema.localIndexes, ...route.schema.globalIndexes].some((index) => index.name === indexName);
  if (!known && startKey !== undefined && Object.keys(startKey).length === keyAttributes(route.schema.key).length) {
    throw validationError('The provided starting key is invalid');
  }
  return findIndex(route, indexName);
}

interface Segmentation {
  readonly segment: number;
  readonly totalSegments: number;
}

/** Segment and TotalSegments go together, and Segment is zero-based; without both, one segment. */
function checkSegments(request: ScanRequest): Segmentation {
  const { Segment: segment, TotalSegments: totalSegments } = request;
  if (segment !== undefined && totalSegments === undefined) {
    throw validationError('The TotalSegments parameter is required but was not present in the request when Segment parameter is present');
  }
  if (totalSegments !== undefined && segment === undefined) {
    throw validationError('The Segment parameter is required but was not present in the request when parameter TotalSegments is present');
  }
  if (segment === undefined || totalSegments === undefined) return { segment: 0, totalSegments: 1 };
  if (segment >= totalSegments) {
    throw validationError(
      `The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: ${segment} is not less than TotalSegments: ${totalSegments}`,
    );
  }
  return { segment, totalSegments };
}

/** A parallel scan's start key must come from the same segment. */
function checkStartKeyInSegment(startKey: Item, route: TableRoute, index: ReadIndex | undefined, segmentation: Segmentation): void {
  const hash = placementHashOf(startKey, index === undefined ? route.schema.key : index.index.key);
  const range = segmentHashRange(segmentation.segment, segmentation.totalSegments);
  if (hash < range.hashStart || hash >= range.hashEnd) {
    throw validationError(
      'The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. ' +
        `TotalSegments: ${segmentation.totalSegments} Segment: ${segmentation.segment}`,
    );
  }
}
