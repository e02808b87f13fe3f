import type { Item } from '../../model/attribute-value.js';
import { itemSizeBytes } from '../../model/item-size.js';
import { validateKey } from '../../model/key-schema.js';
import { validateItem } from '../../model/validate-attribute-value.js';
import { validationError } from '../../lib/errors.js';
import { limits } from '../../lib/limits.js';
import { projectExpression } from '../../expressions/project-item.js';
import { readCapacityUnits } from '../../partition/capacity.js';
import type { TableRoute } from '../../router/router.js';
import { consumedCapacity, type ReturnConsumedCapacity } from '../consumed-capacity.js';
import type { ThroughputGovernor } from '../../router/throughput-governor.js';
import { admittedTables } from './operation-throttling.js';
import { validateRequest } from '../request-validation.js';
import type { BatchGetItemRequest, KeysAndAttributes } from '../shapes/index.js';
import { DistinctKeys } from './batch-keys.js';
import { checkExpressionMembers, itemExpressions, type ItemExpressionMembers, type ItemExpressions } from './item-expressions.js';
import { routeOrNotFound, type ItemOperationServices } from './item-operations.js';
import { withoutNulls } from './read-expressions.js';
import type { StoredItem } from '../../partition/stored-item.js';
import { preparedBody, RawJson, type PreparedBody } from '../prepared-body.js';

/** One table's share of a BatchGetItem, validated. */
interface TableRead {
  readonly tableName: string;
  readonly request: KeysAndAttributes;
  readonly keys: readonly Item[];
  readonly expressions: ItemExpressions;
}

interface RoutedRead extends TableRead {
  readonly route: TableRoute;
}

/** What was read for one key: the item as stored (or nothing) and what the response carries of it. */
interface KeyRead {
  readonly key: Item;
  readonly stored: StoredItem | undefined;
  readonly answered: RawJson | undefined;
  readonly answeredSizeBytes: number;
}

/**
 * BatchGetItem: up to 100 keys across tables, each read as GetItem reads it. Checks run in DynamoDB's
 * order: the request shape; then table by table its expression members, AttributesToGet, the projection
 * and its names, and each key's values, repeats and the running count; then table by table the table
 * itself and its keys against the schema. Only then is anything read.
 */
export function createBatchGetOperation(services: ItemOperationServices) {
  return {
    async BatchGetItem(body: unknown): Promise<PreparedBody> {
      validateRequest('BatchGetItem', body);
      const request = withoutNulls<BatchGetItemRequest>(body);
      const routed = validatedTableReads(request.RequestItems).map((read) => routedRead(services, read));
      const { admitted, throttled } = admittedTables(services.throughput, routed, 'read');
      const reads = await Promise.all(
        admitted.map((table) => Promise.all(table.keys.map(async (key) => keyRead(table, key, await services.router.getItem(table.route, key))))),
      );
      const response = batchGetResponse(admitted, reads, request.ReturnConsumedCapacity as ReturnConsumedCapacity | undefined, services.throughput);
      const unprocessed = response['UnprocessedKeys'] as Record<string, unknown>;
      for (const table of throttled) unprocessed[table.tableName] = { ...table.request };
      return preparedBody(response);
    },
  };
}

function validatedTableReads(requestItems: BatchGetItemRequest['RequestItems']): TableRead[] {
  let keyCount = 0;
  return Object.entries(requestItems).map(([tableName, given]) => {
    const request = withoutNulls<KeysAndAttributes>(given);
    checkExpressionMembers('BatchGetItem', request);
    const expressions = itemExpressions(request as ItemExpressionMembers);
    const distinct = new DistinctKeys();
    const keys = request.Keys.map((givenKey) => {
      const key = validateItem(givenKey);
      distinct.add(key);
      keyCount++;
      if (keyCount > limits.batchGetKeysMax) throw validationError('Too many items requested for the BatchGetItem call');
      return key;
    });
    return { tableName, request, keys, expressions };
  });
}

function routedRead(services: ItemOperationServices, read: TableRead): RoutedRead {
  const route = routeOrNotFound(services.tables, read.tableName);
  for (const key of read.keys) validateKey(key, route.schema.key);
  return { ...read, route };
}

/** An item answered whole goes into the response as its stored JSON; a projected one is parsed first. */
function keyRead(table: TableRead, key: Item, stored: StoredItem | undefined): KeyRead {
  const projection = table.expressions.projection;
  if (stored === undefined) return { key, stored, answered: undefined, answeredSizeBytes: 0 };
  if (projection === undefined) return { key, stored, answered: new RawJson(stored.json), answeredSizeBytes: stored.sizeBytes };
  const projected = projectExpression(stored.item, projection, table.expressions.bindings);
  return { key, stored, answered: RawJson.of(projected), answeredSizeBytes: itemSizeBytes(projected) };
}

/**
 * Keys are answered in request order until the next item would take the response past its budget; that
 * key and every later one go back in UnprocessedKeys, with the table's other members, so the client can
 * send UnprocessedKeys as they are. Only answered keys are charged.
 */
function batchGetResponse(
  tables: readonly RoutedRead[],
  reads: readonly (readonly KeyRead[])[],
  mode: ReturnConsumedCapacity | undefined,
  governor: ThroughputGovernor | undefined,
): Record<string, unknown> {
  const responses: Record<string, RawJson[]> = {};
  const unprocessed: Record<string, unknown> = {};
  const capacities: Record<string, unknown>[] = [];
  let responseBytes = 0;
  let budgetReached = false;
  tables.forEach((table, tableIndex) => {
    const items: RawJson[] = [];
    const leftOver: Item[] = [];
    let units = 0;
    for (const read of reads[tableIndex] ?? []) {
      const answeredBytes = read.answeredSizeBytes;
      if (budgetReached || responseBytes + answeredBytes > limits.batchGetResponseBytesMax) {
        budgetReached = true;
        leftOver.push(read.key);
        continue;
      }
      responseBytes += answeredBytes;
      if (read.answered !== undefined) items.push(read.answered);
      units += readCapacityUnits(read.stored?.sizeBytes ?? 0, table.request.ConsistentRead === true ? 'strong' : 'eventual');
    }
    responses[table.tableName] = items;
    governor?.charge(table.tableName, 'read', { table: units });
    if (leftOver.length > 0) unprocessed[table.tableName] = { ...table.request, Keys: leftOver };
    const capacity = consumedCapacity(mode, table.tableName, { kind: 'read', table: units });
    if (capacity !== undefined) capacities.push(capacity);
  });
  const response: Record<string, unknown> = { Responses: responses, UnprocessedKeys: unprocessed };
  if (mode !== undefined && mode !== 'NONE') response['ConsumedCapacity'] = capacities;
  return response;
}
