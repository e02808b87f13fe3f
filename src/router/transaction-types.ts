import type { Item } from '../model/attribute-value.js';
import type { ItemWriteRefusal } from '../partition/item-command.js';
import type { TransactionWriteCommand } from '../partition/transaction-command.js';
import type { StoredItem } from '../partition/stored-item.js';
import type { TableRoute } from './router.js';

/** One action of TransactWriteItems as the router receives it: validated, with its key and command. */
export interface TransactionWriteAction {
  readonly route: TableRoute;
  readonly key: Item;
  readonly command: TransactionWriteCommand;
}

/** What one action's partition answered in the prepare phase. */
export type TransactionItemOutcome =
  | { readonly kind: 'prepared'; readonly old: Item | undefined; readonly new: Item | undefined }
  | { readonly kind: 'rejected'; readonly reason: ItemWriteRefusal; readonly old: Item | undefined }
  | { readonly kind: 'conflict' };

/**
 * A write transaction's result, per action in request order: committed (every outcome is `prepared`, and
 * the writes are durable), or cancelled with nothing written.
 */
export type TransactionWriteResult =
  | { readonly committed: true; readonly outcomes: readonly Extract<TransactionItemOutcome, { kind: 'prepared' }>[] }
  | { readonly committed: false; readonly outcomes: readonly TransactionItemOutcome[] };

export interface TransactionGetAction {
  readonly route: TableRoute;
  readonly key: Item;
}

/** Per action in request order: the item (undefined when missing), or a conflict with a prepared transaction. */
export type TransactionReadOutcome = { readonly kind: 'item'; readonly item: StoredItem | undefined } | { readonly kind: 'conflict' };
