import { createBatchGetOperation } from './batch-get-operation.js';
import { createBatchWriteOperation } from './batch-write-operation.js';
import type { ItemOperationServices } from './item-operations.js';

/** BatchGetItem and BatchWriteItem, for the front door's handler table (as createItemOperations). */
export function createBatchOperations(services: ItemOperationServices) {
  return {
    ...createBatchGetOperation(services),
    ...createBatchWriteOperation(services),
  };
}
