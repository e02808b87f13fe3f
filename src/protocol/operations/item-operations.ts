import type { AttributeValue, Item } from '../../model/attribute-value.js';
import { itemSizeBytes } from '../../model/item-size.js';
import { validateItemKey, validateKey } from '../../model/key-schema.js';
import { validateItem } from '../../model/validate-attribute-value.js';
import { assert } from '../../lib/assert.js';
import { invalidParameter, resourceNotFound, validationError } from '../../lib/errors.js';
import { limits } from '../../lib/limits.js';
import { readCapacityUnits } from '../../partition/capacity.js';
import { writeCapacityOf } from '../../partition/write-capacity.js';
import type { Router, TableRoute } from '../../router/router.js';
import { consumedCapacity, type ReturnConsumedCapacity } from '../consumed-capacity.js';
import { validateRequest } from '../request-validation.js';
import { refuseUnsupportedParameters } from './unsupported-parameters.js';
import type { DeleteItemRequest, GetItemRequest, PutItemRequest } from '../shapes/index.js';

/** Where item operations find a table that can take reads and writes (ACTIVE or UPDATING). */
export interface TableDirectory {
  routeFor(tableName: string): TableRoute | undefined;
}

export interface ItemOperationServices {
  readonly tables: TableDirectory;
  readonly router: Router;
}

type Response = Record<string, unknown>;

export function createItemOperations(services: ItemOperationServices) {
  const routeOf = (tableName: string): TableRoute => {
    const route = services.tables.routeFor(tableName);
    if (route === undefined) throw resourceNotFound();
    return route;
  };

  return {
    async PutItem(body: unknown): Promise<Response> {
      validateRequest('PutItem', body);
      const request = body as PutItemRequest;
      refuseUnsupportedParameters(request as unknown as Record<string, unknown>);
      const item = validateItem(request.Item);
      checkReturnValues(request.ReturnValues);
      if (itemSizeBytes(item) > limits.itemSizeBytesMax) {
        throw validationError('Item size has exceeded the maximum allowed size');
      }
      const route = routeOf(request.TableName);
      validateItemKey(item, route.schema.key, indexKeysOf(route));
      const result = await services.router.writeItem(route, item, { kind: 'put', item });
      assert(result.ok, 'a put without a condition is never refused');
      return writeResponse(route, request, result.old, result.new);
    },

    async GetItem(body: unknown): Promise<Response> {
      validateRequest('GetItem', body);
      const request = body as GetItemRequest;
      refuseUnsupportedParameters(request as unknown as Record<string, unknown>);
      const key = validateItem(request.Key);
      const attributesToGet = request.AttributesToGet;
      if (attributesToGet !== undefined) checkNoDuplicateNames(attributesToGet);
      const route = routeOf(request.TableName);
      validateKey(key, route.schema.key);
      const item = await services.router.getItem(route, key);
      const response: Response = {};
      if (item !== undefined) response['Item'] = attributesToGet === undefined ? item : pickAttributes(item, attributesToGet);
      const units = readCapacityUnits(item === undefined ? 0 : itemSizeBytes(item), request.ConsistentRead === true ? 'strong' : 'eventual');
      const capacity = consumedCapacity(request.ReturnConsumedCapacity as ReturnConsumedCapacity | undefined, route.tableName, {
        kind: 'read',
        table: units,
      });
      if (capacity !== undefined) response['ConsumedCapacity'] = capacity;
      return response;
    },

    async DeleteItem(body: unknown): Promise<Response> {
      validateRequest('DeleteItem', body);
      const request = body as DeleteItemRequest;
      refuseUnsupportedParameters(request as unknown as Record<string, unknown>);
      const key = validateItem(request.Key);
      checkReturnValues(request.ReturnValues);
      const route = routeOf(request.TableName);
      validateKey(key, route.schema.key);
      const result = await services.router.writeItem(route, key, { kind: 'delete' });
      assert(result.ok, 'a delete without a condition is never refused');
      return writeResponse(route, request, result.old, result.new);
    },
  };
}

function checkReturnValues(returnValues: string | undefined): void {
  if (returnValues !== undefined && returnValues !== 'NONE' && returnValues !== 'ALL_OLD') {
    throw validationError('ReturnValues can only be ALL_OLD or NONE');
  }
}

function checkNoDuplicateNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw invalidParameter(`Duplicate value in attribute name: ${name}`);
    seen.add(name);
  }
}

function pickAttributes(item: Item, names: readonly string[]): Item {
  const picked: Record<string, AttributeValue> = {};
  for (const name of names) {
    const value = item[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

function indexKeysOf(route: TableRoute) {
  return [...route.schema.localIndexes, ...route.schema.globalIndexes].map((index) => ({ indexName: index.name, keySchema: index.key }));
}

function writeResponse(
  route: TableRoute,
  request: { readonly ReturnValues?: string; readonly ReturnConsumedCapacity?: string },
  old: Item | undefined,
  next: Item | undefined,
): Response {
  const response: Response = {};
  if (request.ReturnValues === 'ALL_OLD' && old !== undefined) response['Attributes'] = old;
  const units = writeCapacityOf(route.schema, old, next);
  const capacity = consumedCapacity(request.ReturnConsumedCapacity as ReturnConsumedCapacity | undefined, route.tableName, {
    kind: 'write',
    table: units.table,
    localIndexes: units.localIndexes,
    globalIndexes: units.globalIndexes,
  });
  if (capacity !== undefined) response['ConsumedCapacity'] = capacity;
  return response;
}
