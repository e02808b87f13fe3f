/**
 * UpdateTable checks that need no table. DynamoDB makes them before it looks the table up (an empty
 * UpdateTable on a missing table is a ValidationException), so the caller runs `checkUpdateTableRequest`
 * first; `applyUpdateTable` runs it again, which is harmless.
 *
 * Order: something to do; an empty GlobalSecondaryIndexUpdates list; each index update entry; the
 * "must be the only operation" family (precedence SSE > TableClass > DeletionProtection, as DynamoDB
 * names them); OnDemandThroughput only with BillingMode; stream or index creation next to IOPS changes;
 * capacity bounds; stream, encryption and table class values; new indexes' AttributeDefinitions.
 *
 * AttributeDefinitions alone does not count as a change: DynamoDB only reads it for a GSI Create.
 */
import type { GlobalSecondaryIndexUpdate, UpdateTableRequest } from './control-plane-requests.js';
import { tableErrors } from './table-errors.js';
import { updateTableErrors } from './update-table-errors.js';
import { checkCapacityBounds } from './throughput-rules.js';
import { checkSseSpecification } from './sse-specification.js';
import { checkTableClass } from './table-class.js';

export interface RequestedMembers {
  readonly billingMode: boolean;
  readonly provisionedThroughput: boolean;
  readonly onDemandThroughput: boolean;
  readonly indexUpdates: boolean;
  readonly stream: boolean;
  readonly sse: boolean;
  readonly tableClass: boolean;
  readonly deletionProtection: boolean;
}

export function requestedMembers(request: UpdateTableRequest): RequestedMembers {
  return {
    billingMode: request.BillingMode !== undefined,
    provisionedThroughput: request.ProvisionedThroughput !== undefined,
    onDemandThroughput: request.OnDemandThroughput !== undefined,
    indexUpdates: (request.GlobalSecondaryIndexUpdates?.length ?? 0) > 0,
    stream: request.StreamSpecification !== undefined,
    sse: request.SSESpecification !== undefined,
    tableClass: request.TableClass !== undefined,
    deletionProtection: request.DeletionProtectionEnabled !== undefined,
  };
}

function countOf(members: RequestedMembers): number {
  return Object.values(members).filter(Boolean).length;
}

/** Creates and deletes (not throughput updates) in the index update list. */
export function indexCreatesAndDeletes(updates: readonly GlobalSecondaryIndexUpdate[] | undefined): number {
  return (updates ?? []).filter((update) => update.Create !== undefined || update.Delete !== undefined).length;
}

export function checkUpdateTableRequest(request: UpdateTableRequest): RequestedMembers {
  const members = requestedMembers(request);
  if (countOf(members) === 0) throw updateTableErrors.nothingToUpdate();
  if (request.GlobalSecondaryIndexUpdates?.length === 0) throw tableErrors.indexListEmpty('GlobalSecondaryIndexUpdates');
  checkIndexUpdateEntries(request.GlobalSecondaryIndexUpdates ?? []);
  checkCombinations(request, members);
  if (request.ProvisionedThroughput !== undefined) checkCapacityBounds(request.ProvisionedThroughput);
  checkStream(request);
  if (request.SSESpecification !== undefined) checkSseSpecification(request.SSESpecification);
  if (request.TableClass !== undefined) checkTableClass(request.TableClass);
  for (const update of request.GlobalSecondaryIndexUpdates ?? []) {
    if (update.Create !== undefined && request.AttributeDefinitions === undefined) {
      throw updateTableErrors.definitionsMissingForIndex(update.Create.IndexName);
    }
    if (update.Create?.ProvisionedThroughput !== undefined) checkCapacityBounds(update.Create.ProvisionedThroughput);
    // An index Update names its index in the message (recorded by dynalite's updateTable.js).
    if (update.Update?.ProvisionedThroughput !== undefined) checkCapacityBounds(update.Update.ProvisionedThroughput, update.Update.IndexName);
  }
  return members;
}

function checkIndexUpdateEntries(updates: readonly GlobalSecondaryIndexUpdate[]): void {
  const names = new Set<string>();
  for (const update of updates) {
    const actions = [update.Update, update.Create, update.Delete].filter((action) => action !== undefined);
    if (actions.length === 0) throw updateTableErrors.indexUpdateWithoutAction();
    if (actions.length > 1) throw updateTableErrors.indexUpdateWithSeveralActions();
    const indexName = (actions[0] as { readonly IndexName: string }).IndexName;
    if (names.has(indexName)) throw updateTableErrors.indexUpdatedTwice(indexName);
    names.add(indexName);
  }
}

function checkCombinations(request: UpdateTableRequest, members: RequestedMembers): void {
  const others = countOf(members) - 1;
  if (members.sse && others > 0) throw updateTableErrors.onlyOperation('Server-Side Encryption');
  if (members.tableClass && others > 0) throw updateTableErrors.onlyOperation('TableClass');
  if (members.deletionProtection && others > 0) throw updateTableErrors.onlyOperation('DeletionProtection');
  if (members.onDemandThroughput && others > (members.billingMode ? 1 : 0)) throw updateTableErrors.onDemandOnlyWithBillingMode();
  const changesIops = members.provisionedThroughput || request.BillingMode === 'PROVISIONED';
  if (members.stream && changesIops) throw updateTableErrors.streamWhileChangingIops();
  if (indexCreatesAndDeletes(request.GlobalSecondaryIndexUpdates) > 0) {
    if (members.provisionedThroughput) throw updateTableErrors.indexWhileChangingIops();
    if (members.stream) throw updateTableErrors.indexWhileChangingStream();
  }
}

function checkStream(request: UpdateTableRequest): void {
  const specification = request.StreamSpecification;
  if (specification === undefined) return;
  if (specification.StreamEnabled && specification.StreamViewType === undefined) throw updateTableErrors.streamEnableWithoutViewType();
  if (!specification.StreamEnabled && specification.StreamViewType !== undefined) throw updateTableErrors.streamDisableWithViewType();
}
