/**
 * Which UpdateTable changes a table admits while earlier changes are still in flight. DynamoDB decides per
 * field, not per state (2026 ack-api-quirks lab): while IOPS (throughput or billing mode) change, another
 * IOPS change, a stream toggle, an index create/delete and OnDemandThroughput are refused, while
 * DeletionProtection, encryption and tags pass; a stream or table-class change blocks index creation; an
 * index being created or deleted blocks stream toggles, OnDemandThroughput and IOPS changes.
 *
 * Where DynamoDB's exact words for a combination are unknown, the answer is the generic "Table: <name> is
 * in the process of being updated." that DeleteTable gives during any update.
 */
import type { UpdateTableRequest } from './control-plane-requests.js';
import type { PendingTableChange, TableDefinition } from './table-definition.js';
import { tableErrors } from './table-errors.js';
import { updateTableErrors } from './update-table-errors.js';
import { indexCreatesAndDeletes } from './update-table-request.js';

export type AdmissionVerdict = 'admit' | 'ignore';

function indexNamesWithStatus(table: TableDefinition, status: 'CREATING' | 'DELETING'): string[] {
  return table.globalSecondaryIndexes.filter((index) => index.status === status).map((index) => index.indexName);
}

function pendingOf<K extends PendingTableChange['kind']>(table: TableDefinition, kind: K): Extract<PendingTableChange, { kind: K }> | undefined {
  return table.pendingChanges.find((change): change is Extract<PendingTableChange, { kind: K }> => change.kind === kind);
}

/**
 * Throws ResourceInUseException when the table cannot take this request now. Answers 'ignore' for the one
 * request DynamoDB accepts and drops: BillingMode=PAY_PER_REQUEST while a switch from on-demand to
 * provisioned is in flight (DynamoDB takes it for a re-send of the mode it still records).
 */
export function checkAdmission(table: TableDefinition, request: UpdateTableRequest): AdmissionVerdict {
  if (table.status === 'CREATING') throw tableErrors.tableBeingCreated(table.tableName);
  if (table.status === 'DELETING') throw tableErrors.tableBeingDeleted(table.tableName);
  const billingSwitch = pendingOf(table, 'billingMode');
  const revertsToOnDemand = billingSwitch?.from === 'PAY_PER_REQUEST' && request.BillingMode === 'PAY_PER_REQUEST';
  if (revertsToOnDemand && request.ProvisionedThroughput === undefined) return 'ignore';
  checkWhileIopsChange(table, request, billingSwitch !== undefined);
  checkWhileOtherTableChange(table, request);
  checkWhileIndexesChange(table, request);
  return 'admit';
}

function changesIops(request: UpdateTableRequest): boolean {
  return request.ProvisionedThroughput !== undefined || request.BillingMode !== undefined;
}

function checkWhileIopsChange(table: TableDefinition, request: UpdateTableRequest, billingSwitch: boolean): void {
  if (!billingSwitch && pendingOf(table, 'provisionedThroughput') === undefined) return;
  if (changesIops(request)) throw updateTableErrors.iopsBeingUpdated(table.tableName);
  if (request.StreamSpecification !== undefined) throw updateTableErrors.streamWhileIopsBeingUpdated(table.tableName);
  if (indexCreatesAndDeletes(request.GlobalSecondaryIndexUpdates) > 0) throw updateTableErrors.indexWhileIopsBeingUpdated(table.tableName);
  if (billingSwitch && request.OnDemandThroughput !== undefined) throw updateTableErrors.onDemandWhileBillingModeBeingUpdated();
}

function checkWhileOtherTableChange(table: TableDefinition, request: UpdateTableRequest): void {
  const stream = pendingOf(table, 'stream') !== undefined;
  const tableClass = pendingOf(table, 'tableClass') !== undefined;
  if (!stream && !tableClass) return;
  if (indexCreatesAndDeletes(request.GlobalSecondaryIndexUpdates) > 0) {
    throw stream ? updateTableErrors.indexWhileStreamBeingUpdated() : updateTableErrors.indexWhileTableClassBeingUpdated();
  }
  if (changesIops(request) || request.StreamSpecification !== undefined || request.TableClass !== undefined) {
    throw tableErrors.tableBeingUpdated(table.tableName);
  }
}

function checkWhileIndexesChange(table: TableDefinition, request: UpdateTableRequest): void {
  const creating = indexNamesWithStatus(table, 'CREATING');
  const deleting = indexNamesWithStatus(table, 'DELETING');
  if (deleting.length > 0 && changesIops(request)) throw updateTableErrors.iopsWhileIndexDeleting(table.tableName, deleting);
  if (request.OnDemandThroughput !== undefined) {
    if (creating.length > 0) throw updateTableErrors.onDemandWhileIndexesChange('creation', creating);
    if (deleting.length > 0) throw updateTableErrors.onDemandWhileIndexesChange('deletion', deleting);
  }
  if (creating.length > 0 && request.StreamSpecification !== undefined) throw updateTableErrors.streamWhileIndexCreating();
  const allocating = pendingOf(table, 'indexCreation') !== undefined;
  if (allocating && changesIops(request)) throw tableErrors.tableBeingUpdated(table.tableName);
}
