/**
 * UpdateTable: the request checks (`checkUpdateTableRequest`), the table's state (`checkAdmission`), then
 * each member in DynamoDB's order — billing and table throughput, index updates, stream, encryption, table
 * class, deletion protection. Nothing is applied unless everything passes (DynamoDB applies a request
 * whole or not at all).
 *
 * Changes that take time leave the table UPDATING with `pendingChanges`; `settleTable` completes them.
 * The result also says what the data plane must do: build new indexes, drop deleted ones, start or stop a
 * stream.
 */
import type { UpdateTableRequest } from './control-plane-requests.js';
import type { PendingTableChange, TableDefinition } from './table-definition.js';
import { checkUpdateTableRequest } from './update-table-request.js';
import { checkAdmission } from './update-table-admission.js';
import { applyTableThroughput, checkTableThroughput } from './update-table-throughput.js';
import { applyGlobalIndexUpdates } from './global-index-updates.js';
import { applyDeletionProtection, applySse, applyStream, applyTableClass, type StreamChange } from './update-table-settings.js';

export interface UpdateTableContext {
  readonly nowMs: number;
  /** The label a stream enabled by this request gets (see `streamLabelAt`). */
  readonly streamLabel: string;
}

export interface UpdateTableResult {
  readonly definition: TableDefinition;
  /** GSIs created by this request: the data plane builds them, then calls `completeIndexBackfill`. */
  readonly indexesToBackfill: readonly string[];
  /** GSIs deleted by this request: the data plane drops their data. */
  readonly indexesToDelete: readonly string[];
  readonly streamChange?: StreamChange;
  /** True when `settleTable` has something to complete (status, throughput, encryption, indexes). */
  readonly settlingRequired: boolean;
}

export function applyUpdateTable(table: TableDefinition, request: UpdateTableRequest, context: UpdateTableContext): UpdateTableResult {
  checkUpdateTableRequest(request);
  if (checkAdmission(table, request) === 'ignore') return unchanged(table);
  checkTableThroughput(table, request, context.nowMs);
  const throughput = applyTableThroughput(table, request, context.nowMs);
  const indexes = applyGlobalIndexUpdates(table, throughput.table, request, context.nowMs);
  let updated = indexes.table;
  const pending: PendingTableChange[] = [...throughput.pending, ...indexes.pending];
  let streamChange: StreamChange | undefined;
  if (request.StreamSpecification !== undefined) {
    const stream = applyStream(updated, request.StreamSpecification, context.streamLabel);
    ({ table: updated, change: streamChange } = stream);
    pending.push(...stream.pending);
  }
  if (request.SSESpecification !== undefined) updated = applySse(updated, request.SSESpecification);
  if (request.TableClass !== undefined) {
    const tableClass = applyTableClass(updated, request.TableClass);
    updated = tableClass.table;
    pending.push(...tableClass.pending);
  }
  if (request.DeletionProtectionEnabled !== undefined) {
    updated = applyDeletionProtection(updated, request.DeletionProtectionEnabled, context.nowMs);
  }
  const pendingChanges = [...updated.pendingChanges, ...pending];
  const definition: TableDefinition = { ...updated, pendingChanges, status: pendingChanges.length > 0 ? 'UPDATING' : updated.status };
  return {
    definition,
    indexesToBackfill: indexes.indexesToBackfill,
    indexesToDelete: indexes.indexesToDelete,
    ...(streamChange === undefined ? {} : { streamChange }),
    settlingRequired: needsSettling(definition),
  };
}

function unchanged(table: TableDefinition): UpdateTableResult {
  return { definition: table, indexesToBackfill: [], indexesToDelete: [], settlingRequired: needsSettling(table) };
}

export function needsSettling(table: TableDefinition): boolean {
  return (
    table.pendingChanges.length > 0 ||
    table.sse?.status === 'UPDATING' ||
    table.globalSecondaryIndexes.some((index) => index.status === 'UPDATING' || index.status === 'DELETING')
  );
}
