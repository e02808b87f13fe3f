import { secondaryIndexKeys } from '../../partition/partition-schema.js';
import type { Item } from '../../model/attribute-value.js';
import { itemSizeBytes, itemTooLargeError } from '../../model/item-size.js';
import { projectKey, validateItemKey, validateKey } from '../../model/key-schema.js';
import { validateItem } from '../../model/validate-attribute-value.js';
import { assert } from '../../lib/assert.js';
import { DynamoDbError, validationError } from '../../lib/errors.js';
import { limits } from '../../lib/limits.js';
import type { ItemWriteCommand } from '../../partition/item-command.js';
import type { ItemWriteResult, TableRoute } from '../../router/router.js';
import { consumedCapacity, type ReturnConsumedCapacity } from '../consumed-capacity.js';
import { validateRequest } from '../request-validation.js';
import type { BatchWriteItemRequest, WriteRequest } from '../shapes/index.js';
import { asBatchKeyError, DistinctKeys } from './batch-keys.js';
import { sumUnits, writeUnitsOf, type WriteUnits } from './batch-write-units.js';
import { admittedTables, chargeWrites, unitsNeeded } from './operation-throttling.js';
import { routeOrNotFound, type ItemOperationServices } from './item-operations.js';

/** One put or delete, its attribute values validated. */
type Write = { readonly kind: 'put'; readonly item: Item; readonly sizeBytes: number } | { readonly kind: 'delete'; readonly key: Item };

interface TableWrites {
  readonly tableName: string;
  readonly writes: readonly Write[];
}

interface RoutedWrites extends TableWrites {
  readonly route: TableRoute;
}

/**
 * BatchWriteItem: up to 25 puts and deletes across tables. Everything is validated before anything is
 * written, so a refused batch writes nothing: the request shape, the count across tables, then table by
 * table each request's form, attribute values and item size; then table by table the table itself, each
 * item's or key's key against the schema and index key types, and repeats of one item. The writes then
 * go to their partitions together, each durable before the answer.
 */
export function createBatchWriteOperation(services: ItemOperationServices) {
  return {
    async BatchWriteItem(body: unknown): Promise<Record<string, unknown>> {
      validateRequest('BatchWriteItem', body);
      // The request shape's walk has removed members given as JSON null from every structure.
      const request = body as BatchWriteItemRequest;
      const routed = validatedTableWrites(request.RequestItems).map((table) => routedWrites(services, table));
      const { admitted, throttled } = admittedTables(services.throughput, routed, 'write');
      const mode = request.ReturnConsumedCapacity as ReturnConsumedCapacity | undefined;
      const counted = unitsNeeded(services.throughput, mode);
      const results = await Promise.all(admitted.map((table) => performed(services, table, counted)));
      const unprocessed: Record<string, unknown> = {};
      for (const table of throttled) unprocessed[table.tableName] = table.writes.map(asWriteRequest);
      const response: Record<string, unknown> = { UnprocessedItems: unprocessed };
      if (!counted) return response;
      const totals = results.map((units) => sumUnits(units as WriteUnits[]));
      admitted.forEach((table, index) => chargeWrites(services.throughput, table.tableName, totals[index] as WriteUnits));
      if (mode !== undefined && mode !== 'NONE') {
        response['ConsumedCapacity'] = admitted.map((table, index) => tableCapacity(mode, table, totals[index] as WriteUnits));
      }
      return response;
    },
  };
}

/** A write as the client sent it, for UnprocessedItems. */
function asWriteRequest(write: Write): WriteRequest {
  return write.kind === 'put' ? { PutRequest: { Item: write.item } } : { DeleteRequest: { Key: write.key } };
}

function validatedTableWrites(requestItems: BatchWriteItemRequest['RequestItems']): TableWrites[] {
  const requestCount = Object.values(requestItems).reduce((count, requests) => count + requests.length, 0);
  if (requestCount > limits.batchWriteRequestsMax) throw validationError('Too many items requested for the BatchWriteItem call');
  return Object.entries(requestItems).map(([tableName, requests]) => {
    // DynamoDB checks the form of every request of a table before any of their values.
    if (requests.some((request) => (request.PutRequest === undefined) === (request.DeleteRequest === undefined))) {
      throw validationError('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
    }
    return { tableName, writes: requests.map(validatedWrite) };
  });
}

function validatedWrite(request: WriteRequest): Write {
  if (request.PutRequest !== undefined) {
    const item = validateItem(request.PutRequest.Item);
    const sizeBytes = itemSizeBytes(item);
    if (sizeBytes > limits.itemSizeBytesMax) throw itemTooLargeError();
    return { kind: 'put', item, sizeBytes };
  }
  assert(request.DeleteRequest !== undefined, 'a write request is a put or a delete');
  return { kind: 'delete', key: validateItem(request.DeleteRequest.Key) };
}

function routedWrites(services: ItemOperationServices, table: TableWrites): RoutedWrites {
  const route = routeOrNotFound(services.tables, table.tableName);
  const indexKeys = secondaryIndexKeys(route.schema);
  const distinct = new DistinctKeys();
  for (const write of table.writes) {
    if (write.kind === 'put') {
      try {
        validateItemKey(write.item, route.schema.key, indexKeys);
      } catch (error) {
        throw asBatchKeyError(error);
      }
      distinct.add(projectKey(write.item, route.schema.key));
    } else {
      validateKey(write.key, route.schema.key);
      distinct.add(write.key);
    }
  }
  return { ...table, route };
}

/** Performs a table's writes (the router sends each partition its share in one storage write); returns their units when they are `counted`. */
async function performed(services: ItemOperationServices, table: RoutedWrites, counted: boolean): Promise<Array<WriteUnits | undefined>> {
  const writes = table.writes.map((write) => ({
    key: write.kind === 'put' ? write.item : write.key,
    command: (write.kind === 'put' ? { kind: 'put', item: write.item } : { kind: 'delete' }) satisfies ItemWriteCommand,
  }));
  const results: ItemWriteResult[] = await services.router.writeItems(table.route, writes);
  return results.map((result, index) => {
    if (!result.ok) {
      // A put or delete without a condition can only be refused as invalid for the item as it is now.
      assert(result.reason.kind === 'invalid', 'an unconditional write has no condition to fail');
      throw new DynamoDbError(result.reason.errorType, result.reason.message);
    }
    const write = table.writes[index] as Write;
    return counted ? writeUnitsOf(table.route.schema, result.old, result.new, write.kind === 'put' ? write : undefined) : undefined;
  });
}

function tableCapacity(mode: ReturnConsumedCapacity, table: RoutedWrites, total: WriteUnits): Record<string, unknown> {
  const capacity = consumedCapacity(mode, table.tableName, { kind: 'write', ...total });
  assert(capacity !== undefined, 'capacity is reported when asked for');
  return capacity;
}
