import { secondaryIndexKeys } from '../../partition/partition-schema.js';
import type { Item } from '../../model/attribute-value.js';
import { itemSizeBytes, itemTooLargeError } from '../../model/item-size.js';
import { validateItemKey, validateKey } from '../../model/key-schema.js';
import { validateItem } from '../../model/validate-attribute-value.js';
import { DynamoDbError, resourceNotFound, validationError } from '../../lib/errors.js';
import { limits } from '../../lib/limits.js';
import { applyUpdate } from '../../expressions/apply-update.js';
import { projectExpression, projectPaths } from '../../expressions/project-item.js';
import { readCapacityUnits } from '../../partition/capacity.js';
import type { BoundUpdate, ItemWriteCommand } from '../../partition/item-command.js';
import type { ItemWriteResult, Router, TableRoute } from '../../router/router.js';
import type { ThroughputGovernor } from '../../router/throughput-governor.js';
import { consumedCapacity, type ReturnConsumedCapacity } from '../consumed-capacity.js';
import { preparedBody, RawJson, type PreparedBody } from '../prepared-body.js';
import { validateRequest } from '../request-validation.js';
import type { DeleteItemRequest, GetItemRequest, PutItemRequest, UpdateItemRequest } from '../shapes/index.js';
import { writeUnitsOf, type SizedItem, type WriteUnits } from './batch-write-units.js';
import { chargeWrites, unitsNeeded } from './operation-throttling.js';
import { indexKeySchemas } from './query-operation.js';
import { checkKeyPaths } from './read-expressions.js';
import { checkUpdateAgainstIndexes } from './update-index-keys.js';
import { checkExpressionMembers, checkUpdatedKeys, itemExpressions, type ItemExpressionMembers, type ItemExpressions } from './item-expressions.js';

/** Where item operations find a table that can take reads and writes (ACTIVE or UPDATING). */
export interface TableDirectory {
  routeFor(tableName: string): TableRoute | undefined;
}

/** The table's route for reads and writes, or DynamoDB's answer for a table that cannot take them. */
export function routeOrNotFound(tables: TableDirectory, tableName: string): TableRoute {
  const route = tables.routeFor(tableName);
  if (route === undefined) throw resourceNotFound();
  return route;
}

export interface ItemOperationServices {
  readonly tables: TableDirectory;
  readonly router: Router;
  /** Throughput enforcement; absent or disabled, nothing is throttled. */
  readonly throughput?: ThroughputGovernor | undefined;
}

type Response = Record<string, unknown>;

/**
 * PutItem, GetItem, DeleteItem and UpdateItem. Each validates in DynamoDB's order (request shape, legacy
 * and expression members, attribute values, its own rules, expressions, then the table and its key), and
 * sends the write to the partition as data: the condition is evaluated there, against the current item.
 */
export function createItemOperations(services: ItemOperationServices) {
  const routeOf = (tableName: string): TableRoute => routeOrNotFound(services.tables, tableName);

  return {
    async PutItem(body: unknown): Promise<Response> {
      validateRequest('PutItem', body);
      const request = body as PutItemRequest;
      checkExpressionMembers('PutItem', members(request));
      const item = validateItem(request.Item);
      checkReturnValues(request.ReturnValues);
      const sized: SizedItem = { item, sizeBytes: itemSizeBytes(item) };
      if (sized.sizeBytes > limits.itemSizeBytesMax) throw itemTooLargeError();
      const expressions = itemExpressions(members(request));
      const route = routeOf(request.TableName);
      validateItemKey(item, route.schema.key, secondaryIndexKeys(route.schema));
      const written = await performWrite(services, route, item, withCondition({ kind: 'put', item }, expressions), request, sized);
      return writeResponse(route, request, written);
    },

    async GetItem(body: unknown): Promise<PreparedBody> {
      validateRequest('GetItem', body);
      const request = body as GetItemRequest;
      checkExpressionMembers('GetItem', members(request));
      const key = validateItem(request.Key);
      const expressions = itemExpressions(members(request));
      const route = routeOf(request.TableName);
      validateKey(key, route.schema.key);
      checkKeyPaths(undefined, expressions.projection, expressions.bindings, route.schema.key, indexKeySchemas(route));
      services.throughput?.admit(route.tableName, 'read');
      const stored = await services.router.getItem(route, key);
      const response: Response = {};
      if (stored !== undefined) {
        response['Item'] =
          expressions.projection === undefined ? new RawJson(stored.json) : projectExpression(stored.item, expressions.projection, expressions.bindings);
      }
      const units = readCapacityUnits(stored?.sizeBytes ?? 0, request.ConsistentRead === true ? 'strong' : 'eventual');
      services.throughput?.charge(route.tableName, 'read', { table: units });
      addCapacity(response, request, route, { kind: 'read', table: units });
      return preparedBody(response);
    },

    async DeleteItem(body: unknown): Promise<Response> {
      validateRequest('DeleteItem', body);
      const request = body as DeleteItemRequest;
      checkExpressionMembers('DeleteItem', members(request));
      const key = validateItem(request.Key);
      checkReturnValues(request.ReturnValues);
      const expressions = itemExpressions(members(request));
      const route = routeOf(request.TableName);
      validateKey(key, route.schema.key);
      const written = await performWrite(services, route, key, withCondition({ kind: 'delete' }, expressions), request);
      return writeResponse(route, request, written);
    },

    async UpdateItem(body: unknown): Promise<Response> {
      validateRequest('UpdateItem', body);
      const request = body as UpdateItemRequest;
      checkExpressionMembers('UpdateItem', members(request));
      const key = validateItem(request.Key);
      const expressions = itemExpressions(members(request));
      const route = routeOf(request.TableName);
      validateKey(key, route.schema.key);
      checkUpdatedKeys(members(request), expressions, route.schema.key);
      if (request.UpdateExpression !== undefined && expressions.update !== undefined) {
        checkUpdateAgainstIndexes(expressions.update, expressions.bindings, route.schema.key, secondaryIndexKeys(route.schema));
      }
      const bound: BoundUpdate = {
        update: expressions.update ?? { kind: 'update', actions: [] },
        bindings: expressions.bindings,
        source: request.AttributeUpdates === undefined ? 'UpdateExpression' : 'AttributeUpdates',
      };
      const command: ItemWriteCommand = { kind: 'update', key, update: bound };
      const result = await performWrite(services, route, key, withCondition(command, expressions), request);
      const response = writeResponse(route, { ReturnValues: 'NONE', ReturnConsumedCapacity: request.ReturnConsumedCapacity }, result);
      const attributes = updateReturnValues(request.ReturnValues, bound, key, result);
      if (attributes !== undefined) response['Attributes'] = attributes;
      return response;
    },
  };
}

function members(request: object): ItemExpressionMembers {
  return request as ItemExpressionMembers;
}

function withCondition(command: ItemWriteCommand, expressions: ItemExpressions): ItemWriteCommand {
  if (expressions.condition === undefined) return command;
  return { ...command, condition: { condition: expressions.condition, bindings: expressions.bindings } };
}

/** The item before and after a write; the units it consumed when they are charged or reported. */
type WrittenItem = { readonly old: Item | undefined; readonly new: Item | undefined; readonly units: WriteUnits | undefined };

/**
 * A single-item write: admitted by the throughput governor, decided and made durable at its partition,
 * charged for what it consumed, and answered — a refusal becoming DynamoDB's error.
 */
async function performWrite(
  services: ItemOperationServices,
  route: TableRoute,
  key: Item,
  command: ItemWriteCommand,
  request: { readonly ReturnValuesOnConditionCheckFailure?: string; readonly ReturnConsumedCapacity?: string },
  known?: SizedItem,
): Promise<WrittenItem> {
  services.throughput?.admit(route.tableName, 'write');
  const result = await services.router.writeItem(route, key, command);
  let units: WriteUnits | undefined;
  if (unitsNeeded(services.throughput, request.ReturnConsumedCapacity)) {
    // Charged for what it wrote, or, when its condition failed, for the item it read.
    units = writeUnitsOf(route.schema, result.old, result.ok ? result.new : result.old, known);
    chargeWrites(services.throughput, route.tableName, units);
  }
  return answered(result, request, units);
}

/** A refused write becomes DynamoDB's error: ConditionalCheckFailedException (with the item if asked). */
function answered(result: ItemWriteResult, request: { readonly ReturnValuesOnConditionCheckFailure?: string }, units: WriteUnits | undefined): WrittenItem {
  // The old item stays unparsed unless the answer needs it (ReturnValues).
  if (result.ok) return { get old() { return result.old; }, new: result.new, units };
  const reason = result.reason;
  if (reason.kind === 'invalid') throw new DynamoDbError(reason.errorType, reason.message);
  const extra = request.ReturnValuesOnConditionCheckFailure === 'ALL_OLD' && result.old !== undefined ? { Item: result.old } : undefined;
  throw new DynamoDbError('ConditionalCheckFailedException', 'The conditional request failed', extra);
}

function checkReturnValues(returnValues: string | undefined): void {
  if (returnValues !== undefined && returnValues !== 'NONE' && returnValues !== 'ALL_OLD') {
    throw validationError('ReturnValues can only be ALL_OLD or NONE');
  }
}

/**
 * UpdateItem's ReturnValues: whole items, or only what the update touched — UPDATED_OLD the touched paths
 * as they were, UPDATED_NEW as they are now (after removals and appends moved list elements). Which paths
 * those are is recomputed from the old item, which the partition returned: the update is deterministic.
 */
function updateReturnValues(returnValues: string | undefined, bound: BoundUpdate, key: Item, written: WrittenItem): Item | undefined {
  let attributes: Item | undefined;
  if (returnValues === 'ALL_OLD') attributes = written.old;
  else if (returnValues === 'ALL_NEW') attributes = written.new;
  else if (returnValues === 'UPDATED_OLD' || returnValues === 'UPDATED_NEW') {
    const applied = applyUpdate(bound.update, written.old, key, bound.bindings, bound.source);
    if (returnValues === 'UPDATED_OLD') attributes = written.old === undefined ? undefined : projectPaths(written.old, applied.updatedPaths);
    else attributes = written.new === undefined ? undefined : projectPaths(written.new, applied.newPaths);
  }
  return attributes === undefined || Object.keys(attributes).length === 0 ? undefined : attributes;
}


function addCapacity(
  response: Response,
  request: { readonly ReturnConsumedCapacity?: string | undefined },
  route: TableRoute,
  breakdown: Parameters<typeof consumedCapacity>[2],
): void {
  const capacity = consumedCapacity(request.ReturnConsumedCapacity as ReturnConsumedCapacity | undefined, route.tableName, breakdown);
  if (capacity !== undefined) response['ConsumedCapacity'] = capacity;
}

function writeResponse(
  route: TableRoute,
  request: { readonly ReturnValues?: string | undefined; readonly ReturnConsumedCapacity?: string | undefined },
  written: WrittenItem,
): Response {
  const response: Response = {};
  if (request.ReturnValues === 'ALL_OLD' && written.old !== undefined) response['Attributes'] = written.old;
  const units = written.units;
  if (units !== undefined) addCapacity(response, request, route, { kind: 'write', table: units.table, localIndexes: units.localIndexes, globalIndexes: units.globalIndexes });
  return response;
}
