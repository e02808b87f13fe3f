import type { Item, KeyValue } from '../../model/attribute-value.js';
import type { KeySchema } from '../../model/key-schema.js';
import { compareBytes, encodeKeyValue } from '../../model/key-encoding.js';
import { validationError } from '../../lib/errors.js';
import { assert } from '../../lib/assert.js';
import { emptyBindings, validateKeyCondition } from '../../expressions/index.js';
import { legacyLimits } from '../../expressions/legacy-limits.js';
import { checkQueryFilterKeys, convertFilter, keyConditionsToCondition, validateKeyConditions } from '../../expressions/legacy-filters.js';
import { checkExpressionParameters, checkQueryKeyConditionPresent } from '../../expressions/legacy-mixing.js';
import type { LegacyCondition, LegacyMap } from '../../expressions/legacy-parameters.js';
import { sortKeyMatches } from '../../partition/partition-reads.js';
import type { TableRoute } from '../../router/router.js';
import { validateRequest } from '../request-validation.js';
import type { QueryRequest } from '../shapes/index.js';
import { routeOrNotFound, type ItemOperationServices } from './item-operations.js';
import { keySelectionOf, type KeySelection, legacyKeySelection } from './query-key-condition.js';
import { checkFilterKeys, checkKeyPaths, legacyProjection, readExpressions, withoutNulls } from './read-expressions.js';
import { pageResponse } from './read-page-response.js';
import type { PreparedBody } from '../prepared-body.js';
import { throttledRead } from './operation-throttling.js';
import { readPlan } from './read-plan.js';
import { checkIndexConsistency, checkSelect, type ReadIndex } from './read-select.js';
import { checkStartKeyAttribute, checkStartKeyCount, checkStartKeyTableKey, validateStartKeyValues } from './read-start-key.js';

/** Reads need what single-item operations need: tables, router, throughput. */
export type ReadOperationServices = ItemOperationServices;

/**
 * Query: the items of one partition key of a table or index, in sort-key order, a page at a time. Checks
 * run in DynamoDB's order: request shape, legacy and expression members, QueryFilter, AttributesToGet,
 * the start key's values, KeyConditions, the expressions and their placeholders, Select; then the table
 * and index, the start key interleaved with the key condition (see below), the start key against the key
 * condition, and the filter against the keys (docs/validation-order.md lists them all).
 */
export function createQueryOperation(services: ReadOperationServices) {
  return {
    async Query(body: unknown): Promise<PreparedBody> {
      validateRequest('Query', body);
      const request = withoutNulls<QueryRequest>(body);
      checkExpressionParameters('Query', request);
      const queryFilter = request.QueryFilter as LegacyMap<LegacyCondition> | undefined;
      const legacyFilter = convertFilter(queryFilter, request.ConditionalOperator);
      const attributesToGet = legacyProjection(request);
      const startKey = validateStartKeyValues(request.ExclusiveStartKey);
      const legacyKeyConditions =
        request.KeyConditions === undefined ? undefined : validateKeyConditions(request.KeyConditions as LegacyMap<LegacyCondition>);
      checkQueryKeyConditionPresent(request);
      const expressions = readExpressions(request);
      const keyConditionParts =
        expressions.keyCondition === undefined ? undefined : validateKeyCondition(expressions.keyCondition, expressions.bindings);
      if (keyConditionParts !== undefined && keyConditionParts.length > legacyLimits.keyConditionsCountMax) {
        throw validationError('Conditions can be of length 1 or 2 only');
      }
      checkSelect(request, 'Query');

      const route = routeOrNotFound(services.tables, request.TableName);
      const index = findIndex(route, request.IndexName);
      checkIndexConsistency(index, request.ConsistentRead);
      const key = index === undefined ? route.schema.key : index.index.key;
      // DynamoDB interleaves the start key with the key condition: its size and partition key, then the
      // condition, then its sort key and the table's key, then whether it lies within the condition.
      if (startKey !== undefined) {
        checkStartKeyCount(startKey, route, index);
        checkStartKeyAttribute(startKey, key.partitionKey);
      }
      assert(keyConditionParts !== undefined || legacyKeyConditions !== undefined, 'a key condition is present');
      const selection =
        keyConditionParts !== undefined
          ? keySelectionOf(keyConditionParts, key, expressions.bindings)
          : legacyKeySelection(keyConditionsToCondition(legacyKeyConditions as NonNullable<typeof legacyKeyConditions>, key), key, emptyBindings);
      if (startKey !== undefined) {
        if (key.sortKey !== undefined) checkStartKeyAttribute(startKey, key.sortKey);
        checkStartKeyTableKey(startKey, route);
        checkStartKeyInRange(startKey, key, selection);
      }
      const indexKeys = indexKeySchemas(route);
      checkKeyPaths(undefined, expressions.projection, expressions.bindings, route.schema.key, indexKeys);
      checkFilterKeys(expressions.filter, expressions.bindings, key);
      checkQueryFilterKeys(queryFilter, key);
      const plan = readPlan(request, route, index, expressions, { filter: legacyFilter, projection: attributesToGet });
      checkKeyPaths(expressions.filter, undefined, expressions.bindings, route.schema.key, indexKeys);

      const page = await throttledRead(services.throughput, route, index, plan.shaping, () => services.router.queryPartition(route, {
        index: request.IndexName,
        partitionKeyValue: selection.partitionKeyValue,
        sortKeyRange: selection.sortKeyRange,
        forward: request.ScanIndexForward !== false,
        exclusiveStartKey: startKey,
        limit: request.Limit,
        fetchTableItems: plan.fetchTableItems,
      }));
      return pageResponse(page, plan.shaping);
    },
  };
}

/** The named index of the table, local or global; a name the table lacks is refused. */
export function findIndex(route: TableRoute, indexName: string | undefined): ReadIndex | undefined {
  if (indexName === undefined) return undefined;
  const local = route.schema.localIndexes.find((index) => index.name === indexName);
  if (local !== undefined) return { kind: 'local', index: local };
  const global = route.schema.globalIndexes.find((index) => index.name === indexName);
  if (global !== undefined) return { kind: 'global', index: global };
  throw validationError(`The table does not have the specified index: ${indexName}`);
}

export function indexKeySchemas(route: TableRoute): KeySchema[] {
  return [...route.schema.localIndexes, ...route.schema.globalIndexes].map((index) => index.key);
}

/**
 * A start key must lie within what the key condition selects. With a sort-key condition DynamoDB checks
 * the sort key first, and words a partition-key mismatch differently.
 */
function checkStartKeyInRange(startKey: Item, key: KeySchema, selection: KeySelection): void {
  const partitionValue = startKey[key.partitionKey.name];
  const samePartition =
    partitionValue !== undefined && compareBytes(encodeKeyValue(partitionValue as KeyValue), encodeKeyValue(selection.partitionKeyValue)) === 0;
  if (selection.sortKeyRange === undefined || key.sortKey === undefined) {
    if (!samePartition) throw validationError('The provided starting key is outside query boundaries based on provided conditions');
    return;
  }
  const sortValue = startKey[key.sortKey.name] as KeyValue | undefined;
  if (sortValue === undefined || !sortKeyMatches(selection.sortKeyRange, sortValue)) {
    throw validationError('The provided starting key does not match the range key predicate');
  }
  if (!samePartition) throw validationError('The query can return at most one row and cannot be restarted');
}
