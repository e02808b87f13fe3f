import type { Item } from '../../model/attribute-value.js';
import { attributeTypeOf, type KeySchema } from '../../model/key-schema.js';
import { resourceNotFound, validationError } from '../../lib/errors.js';
import { emptyBindings, validateCondition, validateKeyCondition } from '../../expressions/index.js';
import { checkQueryFilterKeys, convertFilter, keyConditionsToCondition, validateKeyConditions } from '../../expressions/legacy-filters.js';
import { checkExpressionParameters, checkQueryKeyConditionPresent } from '../../expressions/legacy-mixing.js';
import type { LegacyCondition, LegacyMap } from '../../expressions/legacy-parameters.js';
import { sortKeyMatches } from '../../partition/partition-reads.js';
import type { Router, TableRoute } from '../../router/router.js';
import { validateRequest } from '../request-validation.js';
import type { QueryRequest } from '../shapes/index.js';
import type { TableDirectory } from './item-operations.js';
import { keySelectionOf, type KeySelection, legacyKeySelection } from './query-key-condition.js';
import { checkFilterKeys, readExpressions, withoutNulls } from './read-expressions.js';
import { pageResponse } from './read-page-response.js';
import { checkSelect, fetchesTableItems, type ReadIndex } from './read-select.js';
import { checkStartKeySchema, startKeyNames, validateStartKeyValues } from './read-start-key.js';

export interface ReadOperationServices {
  readonly tables: TableDirectory;
  readonly router: Router;
}

/**
 * Query: the items of one partition key of a table or index, in sort-key order, a page at a time. Checks
 * run in DynamoDB's order: request shape, legacy and expression members, the legacy conditions, the
 * expressions and their placeholders, Select, the start key's values; then the table and index, the start
 * key against their keys, the key condition against their schema, and the filter against the keys.
 */
export function createQueryOperation(services: ReadOperationServices) {
  return {
    async Query(body: unknown): Promise<Record<string, unknown>> {
      validateRequest('Query', body);
      const request = withoutNulls<QueryRequest>(body);
      checkExpressionParameters('Query', request);
      const queryFilter = request.QueryFilter as LegacyMap<LegacyCondition> | undefined;
      const legacyFilter = convertFilter(queryFilter, request.ConditionalOperator);
      const legacyKeyConditions =
        request.KeyConditions === undefined ? undefined : validateKeyConditions(request.KeyConditions as LegacyMap<LegacyCondition>);
      checkQueryKeyConditionPresent(request);
      const expressions = readExpressions(request);
      const keyConditionParts =
        expressions.keyCondition === undefined ? undefined : validateKeyCondition(expressions.keyCondition, expressions.bindings);
      if (expressions.keyCondition !== undefined) validateCondition('KeyConditionExpression', expressions.keyCondition, expressions.bindings);
      checkSelect(request);
      const startKey = validateStartKeyValues(request.ExclusiveStartKey);

      const route = services.tables.routeFor(request.TableName);
      if (route === undefined) throw resourceNotFound();
      const index = findIndex(route, request.IndexName);
      if (index?.kind === 'global' && request.ConsistentRead === true) {
        throw validationError('Consistent reads are not supported on global secondary indexes');
      }
      const key = index === undefined ? route.schema.key : index.index.key;
      if (startKey !== undefined) checkStartKeySchema(startKey, route, index, 'Query');
      const selection =
        keyConditionParts !== undefined
          ? keySelectionOf(keyConditionParts, key, expressions.bindings)
          : legacyKeySelection(keyConditionsToCondition(legacyKeyConditions!, key), key, emptyBindings);
      if (startKey !== undefined) checkStartKeyInRange(startKey, key, selection);
      checkFilterKeys(expressions.filter, expressions.bindings, key);
      checkQueryFilterKeys(queryFilter, key);
      const fetchTableItems = fetchesTableItems(request, index);

      const page = await services.router.queryPartition(route, {
        index: request.IndexName,
        partitionKeyValue: selection.partitionKeyValue,
        sortKeyRange: selection.sortKeyRange,
        forward: request.ScanIndexForward !== false,
        exclusiveStartKey: startKey,
        limit: request.Limit,
        fetchTableItems,
      });
      return pageResponse(page, {
        route,
        index,
        filter: expressions.filter ?? legacyFilter,
        projection: expressions.projection,
        bindings: expressions.bindings,
        countOnly: request.Select === 'COUNT',
        consistentRead: request.ConsistentRead === true,
        returnConsumedCapacity: request.ReturnConsumedCapacity,
        startKeyNames: startKeyNames(route, index),
      });
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

/** A start key must lie within what the key condition selects. */
function checkStartKeyInRange(startKey: Item, key: KeySchema, selection: KeySelection): void {
  const partitionValue = startKey[key.partitionKey.name];
  const sortValue = key.sortKey === undefined ? undefined : startKey[key.sortKey.name];
  const samePartition =
    partitionValue !== undefined &&
    attributeTypeOf(partitionValue) === attributeTypeOf(selection.partitionKeyValue) &&
    JSON.stringify(partitionValue) === JSON.stringify(selection.partitionKeyValue);
  const inSortRange =
    selection.sortKeyRange === undefined || sortValue === undefined || sortKeyMatches(selection.sortKeyRange, sortValue as typeof selection.partitionKeyValue);
  if (!samePartition || !inSortRange) {
    throw validationError('The provided starting key is outside query boundaries based on provided conditions');
  }
}
