import type { Router } from '../../router/router.js';
import type { ThroughputGovernor } from '../../router/throughput-governor.js';
import { TransactionTokens } from '../../router/transaction-idempotency.js';
import type { TableDirectory } from './item-operations.js';
import { createTransactGetItems } from './transact-get-items.js';
import { createTransactWriteItems } from './transact-write-items.js';

export interface TransactionOperationServices {
  readonly tables: TableDirectory;
  readonly router: Router;
  /** Milliseconds since the epoch (the edge passes `Date.now`): ClientRequestToken's 10-minute window. */
  readonly nowMs: () => number;
  /** Throughput enforcement; absent or disabled, nothing is throttled. */
  readonly throughput?: ThroughputGovernor | undefined;
}

/** TransactWriteItems and TransactGetItems, sharing the node's ClientRequestToken memory. */
export function createTransactionOperations(services: TransactionOperationServices) {
  const tokens = new TransactionTokens(services.nowMs);
  return {
    TransactWriteItems: createTransactWriteItems(services.tables, services.router, tokens, services.throughput),
    TransactGetItems: createTransactGetItems(services.tables, services.router),
  };
}
