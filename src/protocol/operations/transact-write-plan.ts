import { secondaryIndexKeys } from '../../partition/partition-schema.js';
import type { Item } from '../../model/attribute-value.js';
import { isItemTooLarge, itemSizeBytes, itemTooLargeError } from '../../model/item-size.js';
import { validateItemKey, validateKey } from '../../model/key-schema.js';
import { validateItem } from '../../model/validate-attribute-value.js';
import { DynamoDbError, resourceNotFound, validationError } from '../../lib/errors.js';
import { assert } from '../../lib/assert.js';
import { limits } from '../../lib/limits.js';
import { encodeItemKey } from '../../partition/item-key.js';
import type { BoundCondition } from '../../partition/item-command.js';
import type { TransactionWriteCommand } from '../../partition/transaction-command.js';
import type { TableRoute } from '../../router/router.js';
import type { TransactionWriteAction } from '../../router/transaction-types.js';
import type { TransactionDelete, TransactionPut, TransactionUpdate, TransactWriteItem } from '../shapes/index.js';
import type { TableDirectory } from './item-operations.js';
import { checkExpressionMembers, checkUpdatedKeys, itemExpressions, type ItemExpressionMembers, type ItemExpressions } from './item-expressions.js';

export const transactionMessages = {
  oneAction: 'TransactItems can only contain one of Check, Put, Update or Delete',
  noAction: 'Invalid Request: TransactWriteRequest should contain Delete or Put or Update request',
  sameItem: 'Transaction request cannot include multiple operations on one item',
  tooLarge: 'Transaction size cannot exceed 4 MB',
  conditionCheckWithoutCondition: 'The ConditionExpression parameter must be specified in the request.',
  updateWithoutExpression: 'The UpdateExpression parameter must be specified in the request.',
} as const;

export type ActionKind = 'Put' | 'Update' | 'Delete' | 'ConditionCheck';

/** The single-item operation whose expression rules an action follows (a ConditionCheck has only a condition). */
const singleItemOperation = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'DeleteItem' } as const;

/** One validated action: where it goes, its command, and what the client asked to see if it fails. */
export interface PlannedAction extends TransactionWriteAction {
  readonly kind: ActionKind;
  readonly returnOldItemOnFailure: boolean;
}

/** A key or item the table refuses: DynamoDB cancels the transaction with ValidationError for that action. */
export interface RefusedAction {
  readonly index: number;
  readonly error: DynamoDbError;
}

export type WritePlan = { readonly ok: true; readonly actions: readonly PlannedAction[] } | { readonly ok: false; readonly refused: RefusedAction };

interface Parsed {
  readonly kind: ActionKind;
  readonly body: TransactionPut | TransactionUpdate | TransactionDelete;
  readonly route: TableRoute;
  readonly expressions: ItemExpressions;
  readonly itemOrKey: Item;
}

/**
 * Validates every action before anything is written, in two passes as DynamoDB does: first what makes the
 * whole request invalid (action shape, expressions, tables, attribute values, size), a ValidationException;
 * then each action's key against its table, where the first refusal cancels the transaction with a
 * ValidationError reason for that action (and None for the others); then no two actions on one item.
 */
export function planWriteTransaction(items: readonly TransactWriteItem[], tables: TableDirectory): WritePlan {
  const parsed = items.map((item) => parseAction(item, tables));
  const payloadBytes = parsed.reduce((total, action) => total + actionPayloadBytes(action), 0);
  if (payloadBytes > limits.transactionBytesMax) throw validationError(transactionMessages.tooLarge);
  const actions: PlannedAction[] = [];
  for (const [index, action] of parsed.entries()) {
    try {
      actions.push(planAction(action));
    } catch (error) {
      if (error instanceof DynamoDbError && error.type === 'ValidationException') return { ok: false, refused: { index, error } };
      throw error;
    }
  }
  checkDistinctItems(actions);
  return { ok: true, actions };
}

function parseAction(item: TransactWriteItem, tables: TableDirectory): Parsed {
  const present = (['Put', 'Update', 'Delete', 'ConditionCheck'] as const).filter((kind) => item[kind] !== undefined);
  if (present.length > 1) throw validationError(transactionMessages.oneAction);
  const kind = present[0];
  if (kind === undefined) throw validationError(transactionMessages.noAction);
  const body = item[kind] as TransactionPut | TransactionUpdate | TransactionDelete;
  if (kind === 'ConditionCheck' && body.ConditionExpression === undefined) {
    throw validationError(transactionMessages.conditionCheckWithoutCondition);
  }
  if (kind === 'Update' && (body as TransactionUpdate).UpdateExpression === undefined) {
    throw validationError(transactionMessages.updateWithoutExpression);
  }
  checkExpressionMembers(singleItemOperation[kind], body as ItemExpressionMembers);
  const expressions = itemExpressions(body as ItemExpressionMembers);
  const itemOrKey = validateItem(kind === 'Put' ? (body as TransactionPut).Item : (body as TransactionDelete).Key);
  const route = body.TableName === undefined ? undefined : tables.routeFor(body.TableName);
  if (route === undefined) throw resourceNotFound();
  if (kind === 'Update') checkUpdatedKeys(body as ItemExpressionMembers, expressions, route.schema.key);
  return { kind, body, route, expressions, itemOrKey };
}

/** DynamoDB limits the request's own size (items, keys and values it carries), not the items it touches. */
function actionPayloadBytes(action: Parsed): number {
  const values = action.body.ExpressionAttributeValues ?? {};
  return itemSizeBytes(action.itemOrKey) + itemSizeBytes(values as Item);
}

function planAction(action: Parsed): PlannedAction {
  const { kind, route, expressions, itemOrKey } = action;
  const returnOldItemOnFailure = action.body.ReturnValuesOnConditionCheckFailure === 'ALL_OLD';
  const condition: BoundCondition | undefined =
    expressions.condition === undefined ? undefined : { condition: expressions.condition, bindings: expressions.bindings };
  const withCondition = <T extends object>(command: T): T => (condition === undefined ? command : { ...command, condition });
  let command: TransactionWriteCommand;
  if (kind === 'Put') {
    const indexes = secondaryIndexKeys(route.schema);
    validateItemKey(itemOrKey, route.schema.key, indexes);
    if (isItemTooLarge(itemOrKey)) throw itemTooLargeError();
    command = withCondition({ kind: 'put', item: itemOrKey });
  } else {
    validateKey(itemOrKey, route.schema.key);
    if (kind === 'Delete') command = withCondition({ kind: 'delete' });
    else if (kind === 'Update') {
      const update = { update: expressions.update ?? { kind: 'update' as const, actions: [] }, bindings: expressions.bindings, source: 'UpdateExpression' as const };
      command = withCondition({ kind: 'update', key: itemOrKey, update });
    } else {
      assert(condition !== undefined, 'a ConditionCheck without a condition passed validation');
      command = { kind: 'conditionCheck', condition };
    }
  }
  return { kind, route, key: itemOrKey, command, returnOldItemOnFailure };
}

/** Two actions on one item (ConditionCheck included) would make the outcome depend on their order. */
function checkDistinctItems(actions: readonly PlannedAction[]): void {
  const seen = new Set<string>();
  for (const action of actions) {
    const encoded = encodeItemKey(action.key, action.route.schema.key);
    const name = `${action.route.tableName}\u0000${Array.from(encoded.bytes).join(',')}`;
    if (seen.has(name)) throw validationError(transactionMessages.sameItem);
    seen.add(name);
  }
}
