import type { Item } from '../model/attribute-value.js';
import { evaluateCondition } from '../expressions/evaluate-condition.js';
import { decideItemWrite, type BoundCondition, type ItemWriteCommand, type ItemWriteRefusal } from './item-command.js';
import type { PartitionSchema } from './partition-schema.js';

/** One action of a write transaction as data: a single-item write, or a condition on an item it leaves. */
export type TransactionWriteCommand = ItemWriteCommand | { readonly kind: 'conditionCheck'; readonly condition: BoundCondition };

/** What a transaction does to one item once it sees it: write it, leave it (a condition check), or refuse. */
export type TransactionDecision =
  | { readonly kind: 'put'; readonly item: Item }
  | { readonly kind: 'delete' }
  | { readonly kind: 'check' }
  | { readonly kind: 'rejected'; readonly reason: ItemWriteRefusal };

/** Decides one action against the item as it is now, exactly as the single-item write would. */
export function decideTransactionWrite(command: TransactionWriteCommand, old: Item | undefined, schema: PartitionSchema): TransactionDecision {
  if (command.kind !== 'conditionCheck') return decideItemWrite(command, old, schema);
  return evaluateCondition(command.condition.condition, old, command.condition.bindings)
    ? { kind: 'check' }
    : { kind: 'rejected', reason: { kind: 'conditionFailed' } };
}
