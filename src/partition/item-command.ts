import type { Item } from '../model/attribute-value.js';
import { validateItemKey } from '../model/key-schema.js';
import { unreachable } from '../lib/assert.js';
import { DynamoDbError, type ErrorType, validationError } from '../lib/errors.js';
import type { Condition, UpdateExpression } from '../expressions/ast.js';
import type { Bindings } from '../expressions/bindings.js';
import { evaluateCondition } from '../expressions/evaluate-condition.js';
import { applyUpdate, type UpdateSource } from '../expressions/apply-update.js';
import type { WriteDecision } from './partition.js';
import { secondaryIndexKeys, type PartitionSchema } from './partition-schema.js';
import { decideExpiry, type ExpiryCommand } from './time-to-live.js';
import type { StoredItem } from './stored-item.js';

/** A parsed expression with the request's placeholder values: data, so it can travel to a partition leader. */
export interface BoundCondition {
  readonly condition: Condition;
  readonly bindings: Bindings;
}

export interface BoundUpdate {
  readonly update: UpdateExpression;
  readonly bindings: Bindings;
  /** The legacy AttributeUpdates parameter reports type mismatches in words of its own. */
  readonly source: UpdateSource;
}

/** A single-item write as data, so that it can travel to whichever node leads the partition. */
export type ItemWriteCommand =
  | { readonly kind: 'put'; readonly item: Item; readonly condition?: BoundCondition }
  | { readonly kind: 'delete'; readonly condition?: BoundCondition }
  | { readonly kind: 'update'; readonly key: Item; readonly update: BoundUpdate; readonly condition?: BoundCondition };

/**
 * Every single-item write a partition decides: a client's, or Time to Live's deletion (refused as
 * conditionFailed unless the item is still expired).
 */
export type PartitionWriteCommand = ItemWriteCommand | ExpiryCommand;

/**
 * Why a partition refused a write: its condition was false for the current item, or the write is invalid
 * for the current item (an update that cannot apply to it), as a client error to answer with.
 */
export type ItemWriteRefusal =
  | { readonly kind: 'conditionFailed' }
  | { readonly kind: 'invalid'; readonly errorType: ErrorType; readonly message: string };

/**
 * Decides a write at the partition's serialisation point, against the item as it is now: the condition
 * first, then what the write makes of the item. Everything here reads only its arguments.
 */
export function decideItemWrite(command: PartitionWriteCommand, old: Item | undefined, schema: PartitionSchema): WriteDecision<ItemWriteRefusal> {
  if (command.kind === 'expire') return decideExpiry(command, old, { kind: 'conditionFailed' });
  if (command.condition !== undefined && !evaluateCondition(command.condition.condition, old, command.condition.bindings)) {
    return { kind: 'rejected', reason: { kind: 'conditionFailed' } };
  }
  switch (command.kind) {
    case 'put':
      return { kind: 'put', item: command.item };
    case 'delete':
      return { kind: 'delete' };
    case 'update':
      return decideUpdate(command.key, command.update, old, schema);
    default:
      return unreachable(command);
  }
}

/**
 * decideItemWrite for the item as stored: a put or delete without a condition does not depend on the old
 * item, so it is decided without parsing it.
 */
export function decideStoredItemWrite(command: PartitionWriteCommand, old: StoredItem | undefined, schema: PartitionSchema): WriteDecision<ItemWriteRefusal> {
  if (command.kind !== 'expire' && command.condition === undefined) {
    if (command.kind === 'put') return { kind: 'put', item: command.item };
    if (command.kind === 'delete') return { kind: 'delete' };
  }
  return decideItemWrite(command, old?.item, schema);
}

function decideUpdate(key: Item, bound: BoundUpdate, old: Item | undefined, schema: PartitionSchema): WriteDecision<ItemWriteRefusal> {
  try {
    const { item } = applyUpdate(bound.update, old, key, bound.bindings, bound.source);
    // An update may set an index key attribute: the new item must satisfy every index's key types.
    validateItemKey(item, schema.key);
    validateIndexKeys(item, schema, bound.source);
    return { kind: 'put', item };
  } catch (error) {
    if (error instanceof DynamoDbError) {
      return { kind: 'rejected', reason: { kind: 'invalid', errorType: error.type, message: error.message } };
    }
    throw error;
  }
}

/**
 * An UpdateExpression that gives an index key attribute the wrong type (from the item's own values, so
 * only known here) is refused in words of its own; AttributeUpdates answers as PutItem does.
 */
function validateIndexKeys(item: Item, schema: PartitionSchema, source: UpdateSource): void {
  try {
    validateItemKey(item, schema.key, secondaryIndexKeys(schema));
  } catch (error) {
    if (source === 'UpdateExpression' && error instanceof DynamoDbError && error.message.includes('Type mismatch for Index Key')) {
      throw validationError('The update expression attempted to update the secondary index key to unsupported type');
    }
    throw error;
  }
}
