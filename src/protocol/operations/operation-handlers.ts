import type { Router } from '../../router/router.js';
import type { ThroughputGovernor } from '../../router/throughput-governor.js';
import type { OperationHandler } from '../http-server.js';
import { createBatchOperations } from './batch-operations.js';
import { createItemOperations, type TableDirectory } from './item-operations.js';
import { createQueryOperation } from './query-operation.js';
import { createScanOperation } from './scan-operation.js';
import { createStreamsOperations, type StreamService } from './streams-operations.js';
import { createTableOperations, type ControlPlane } from './table-operations.js';
import { createTimeToLiveOperations } from './time-to-live-operations.js';
import { createTransactionOperations } from './transact-operations.js';

export interface OperationServices {
  readonly controlPlane: ControlPlane;
  readonly tables: TableDirectory;
  readonly router: Router;
  readonly throughput?: ThroughputGovernor | undefined;
  /** Milliseconds since the epoch: ClientRequestToken's idempotency window. */
  readonly nowMs: () => number;
  /** DynamoDB Streams (the `DynamoDBStreams_20120810` target). */
  readonly streams?: StreamService | undefined;
}

/** Every operation dynacell implements, by its X-Amz-Target name: the one list the server and README share. */
export function createOperationHandlers(services: OperationServices): Map<string, OperationHandler> {
  const data = { tables: services.tables, router: services.router, throughput: services.throughput };
  return new Map<string, OperationHandler>(
    Object.entries({
      ...createTableOperations(services.controlPlane),
      ...createTimeToLiveOperations(services.controlPlane),
      ...createItemOperations(data),
      ...createBatchOperations(data),
      ...createQueryOperation(data),
      ...createScanOperation(data),
      ...createTransactionOperations({ ...data, nowMs: services.nowMs }),
      ...createStreamsOperations(services.streams),
    }),
  );
}
