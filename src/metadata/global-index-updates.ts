/**
 * UpdateTable's GlobalSecondaryIndexUpdates (and what a billing switch does to every GSI), with DynamoDB's
 * rules (2026 ack-api-quirks lab; dynalite's recordings):
 *
 * - Update and Delete name an existing GSI: an LSI name is "not a GlobalSecondaryIndex", an unknown name
 *   is ResourceNotFoundException "Index <name> for table <table>". Create refuses a taken name.
 * - A new index's key attributes may be defined in the request or already on the table.
 * - Throughput follows the billing mode the request leaves the table in; switching to provisioned needs an
 *   Update with throughput for every GSI, switching to on-demand forbids one.
 * - One Create or Delete per request and per table at a time, and at most 20 GSIs: LimitExceededException,
 *   which DynamoDB only reaches once everything else is valid, so those checks come last.
 * - A Create puts the table in UPDATING while resources are allocated (Backfilling false), a Delete while
 *   the index goes; a throughput Update only marks the index UPDATING and leaves the table ACTIVE.
 */
import type {
  AttributeDefinition,
  BillingMode,
  CreateGlobalSecondaryIndexAction,
  GlobalSecondaryIndexUpdate,
  UpdateGlobalSecondaryIndexAction,
  UpdateTableRequest,
} from './control-plane-requests.js';
import {
  indexArnFor,
  keySchemaOf,
  partitionCountFor,
  grownPartitionCount,
  raisedWarmThroughput,
  type GlobalIndexDefinition,
  type PendingTableChange,
  type TableDefinition,
} from './table-definition.js';
import { tableErrors } from './table-errors.js';
import { updateTableErrors } from './update-table-errors.js';
import { attributeNames, checkIndexKeysDefined, checkKeySchemaShape, checkProjection, projectedAttributeCount } from './key-schema-validation.js';
import {
  checkCapacityMaximum,
  checkDecreaseBudget,
  countDecrease,
  initialThroughputState,
  isDecrease,
  mergedOnDemand,
  onDemandStateOf,
  outOfRangeOnDemandMember,
  requestThroughputChange,
  sameUnits,
  specifiedOnDemandMember,
  unitsOf,
} from './throughput-rules.js';
import { limits } from '../lib/limits.js';

export interface IndexOutcome {
  readonly table: TableDefinition;
  readonly pending: readonly PendingTableChange[];
  readonly indexesToBackfill: readonly string[];
  readonly indexesToDelete: readonly string[];
}

interface Step {
  indexes: GlobalIndexDefinition[];
  attributeDefinitions: AttributeDefinition[];
  pending: PendingTableChange[];
  backfill: string[];
  deletions: string[];
}

/** `before` is the table as the request found it; `table` has the table-level changes applied. */
export function applyGlobalIndexUpdates(before: TableDefinition, table: TableDefinition, request: UpdateTableRequest, nowMs: number): IndexOutcome {
  const target = table.billingMode;
  const updates = request.GlobalSecondaryIndexUpdates ?? [];
  const step: Step = {
    indexes: switchedIndexes(before, target, updates, nowMs),
    attributeDefinitions: [...table.attributeDefinitions],
    pending: [],
    backfill: [],
    deletions: [],
  };
  for (const update of updates) {
    if (update.Update !== undefined) applyUpdate(table, step, update.Update, target, before.billingMode !== target, nowMs);
    else if (update.Create !== undefined) applyCreate(table, step, update.Create, request.AttributeDefinitions ?? [], target, nowMs);
    else if (update.Delete !== undefined) applyDelete(table, step, update.Delete.IndexName);
  }
  checkLimits(table, step, updates);
  return {
    table: { ...table, globalSecondaryIndexes: step.indexes, attributeDefinitions: step.attributeDefinitions },
    pending: step.pending,
    indexesToBackfill: step.backfill,
    indexesToDelete: step.deletions,
  };
}

/** A billing switch carries every GSI along: to on-demand at once, to provisioned with its Update. */
function switchedIndexes(before: TableDefinition, target: BillingMode, updates: readonly GlobalSecondaryIndexUpdate[], nowMs: number): GlobalIndexDefinition[] {
  if (before.billingMode === target) return [...before.globalSecondaryIndexes];
  return before.globalSecondaryIndexes.map((index) => {
    if (target === 'PAY_PER_REQUEST') {
      const zeroed = { ...index.provisionedThroughput, readCapacityUnits: 0, writeCapacityUnits: 0, lastDecreaseMs: nowMs };
      return { ...index, provisionedThroughput: countDecrease(zeroed, nowMs), warmThroughput: raisedWarmThroughput(index.warmThroughput, target, zeroed) };
    }
    const throughput = updates.find((update) => update.Update?.IndexName === index.indexName)?.Update?.ProvisionedThroughput;
    if (throughput === undefined) throw updateTableErrors.indexThroughputRequiredForSwitch(index.indexName);
    const { onDemandThroughput: _dropped, ...rest } = index;
    return rest;
  });
}

function findGlobalIndex(table: TableDefinition, step: Step, indexName: string, action: 'update' | 'delete'): number {
  const position = step.indexes.findIndex((index) => index.indexName === indexName);
  if (position >= 0) return position;
  if (table.localSecondaryIndexes.some((index) => index.indexName === indexName)) throw updateTableErrors.notAGlobalIndex(action, indexName);
  throw updateTableErrors.indexNotFound(indexName, table.tableName);
}

function applyUpdate(
  table: TableDefinition,
  step: Step,
  action: UpdateGlobalSecondaryIndexAction,
  target: BillingMode,
  switching: boolean,
  nowMs: number,
): void {
  const position = findGlobalIndex(table, step, action.IndexName, 'update');
  const index = step.indexes[position] as GlobalIndexDefinition;
  if (index.status === 'DELETING') throw updateTableErrors.indexBeingDeleted(table.tableName, index.indexName);
  if (index.status === 'UPDATING') throw updateTableErrors.indexBeingUpdated(table.tableName, index.indexName);
  step.indexes[position] = target === 'PROVISIONED' ? updatedProvisioned(table, index, action, switching, nowMs) : updatedOnDemand(index, action, switching);
}

function updatedProvisioned(
  table: TableDefinition,
  index: GlobalIndexDefinition,
  action: UpdateGlobalSecondaryIndexAction,
  switching: boolean,
  nowMs: number,
): GlobalIndexDefinition {
  const member = action.OnDemandThroughput === undefined ? undefined : specifiedOnDemandMember(action.OnDemandThroughput);
  if (member !== undefined) throw updateTableErrors.onDemandOnProvisionedIndex(member, index.indexName);
  if (action.ProvisionedThroughput === undefined) throw updateTableErrors.indexThroughputRequired(index.indexName);
  const requested = unitsOf(action.ProvisionedThroughput);
  checkCapacityMaximum(requested, table.region, index.indexName);
  const partitionCount = grownPartitionCount(index.partitionCount, 'PROVISIONED', requested);
  if (switching) {
    const provisionedThroughput = { ...index.provisionedThroughput, ...requested };
    const warmThroughput = raisedWarmThroughput(index.warmThroughput, 'PROVISIONED', requested);
    return { ...index, status: updatingStatus(index), provisionedThroughput, partitionCount, warmThroughput };
  }
  const current = index.provisionedThroughput;
  if (sameUnits(current, requested)) throw updateTableErrors.indexThroughputUnchanged(index.indexName, current, requested);
  if (isDecrease(current, requested)) checkDecreaseBudget(current, nowMs);
  return { ...index, status: updatingStatus(index), provisionedThroughput: requestThroughputChange(current, requested, nowMs), partitionCount };
}

function updatedOnDemand(index: GlobalIndexDefinition, action: UpdateGlobalSecondaryIndexAction, switching: boolean): GlobalIndexDefinition {
  if (action.ProvisionedThroughput !== undefined) {
    throw switching ? updateTableErrors.indexThroughputOnPayPerRequest(index.indexName) : updateTableErrors.indexUpdateOnPayPerRequest(index.indexName);
  }
  if (action.OnDemandThroughput === undefined) throw updateTableErrors.indexUpdateOnPayPerRequest(index.indexName);
  const outOfRange = outOfRangeOnDemandMember(action.OnDemandThroughput, true);
  if (outOfRange !== undefined) throw tableErrors.onDemandOutOfRangeForIndex(outOfRange, index.indexName);
  const { onDemandThroughput, ...rest } = index;
  const merged = mergedOnDemand(onDemandThroughput, action.OnDemandThroughput);
  return { ...rest, status: updatingStatus(index), ...(merged === undefined ? {} : { onDemandThroughput: merged }) };
}

/** An index being built stays CREATING; throughput changes to a built one show as UPDATING. */
function updatingStatus(index: GlobalIndexDefinition): 'CREATING' | 'UPDATING' {
  return index.status === 'CREATING' ? 'CREATING' : 'UPDATING';
}

function applyCreate(
  table: TableDefinition,
  step: Step,
  action: CreateGlobalSecondaryIndexAction,
  requestDefinitions: readonly AttributeDefinition[],
  target: BillingMode,
  nowMs: number,
): void {
  const taken = [...step.indexes, ...table.localSecondaryIndexes].some((index) => index.indexName === action.IndexName);
  if (taken) throw updateTableErrors.indexAlreadyExists();
  const definitions = [...requestDefinitions, ...step.attributeDefinitions.filter((known) => !requestDefinitions.some((given) => given.AttributeName === known.AttributeName))];
  checkIndexKeysDefined(action.KeySchema, attributeNames(definitions));
  checkKeySchemaShape(action.KeySchema);
  checkProjection(action.Projection);
  const units = createdIndexThroughput(table, action, target);
  const onDemand = target === 'PAY_PER_REQUEST' ? onDemandStateOf(action.OnDemandThroughput) : undefined;
  step.indexes.push({
    indexName: action.IndexName,
    indexArn: indexArnFor(table.tableArn, action.IndexName),
    keySchema: action.KeySchema.map((element) => ({ ...element })),
    key: keySchemaOf(action.KeySchema, definitions),
    projection: { ...action.Projection },
    status: 'CREATING',
    backfilling: false,
    provisionedThroughput: initialThroughputState(units, nowMs),
    ...(onDemand === undefined ? {} : { onDemandThroughput: onDemand }),
    warmThroughput: raisedWarmThroughput(undefined, target, units),
    partitionCount: partitionCountFor(target, units),
  });
  for (const name of attributeNames(action.KeySchema)) {
    const definition = definitions.find((candidate) => candidate.AttributeName === name) as AttributeDefinition;
    if (!step.attributeDefinitions.some((known) => known.AttributeName === name)) step.attributeDefinitions.push({ ...definition });
  }
  step.pending.push({ kind: 'indexCreation', indexName: action.IndexName });
  step.backfill.push(action.IndexName);
}

function createdIndexThroughput(table: TableDefinition, action: CreateGlobalSecondaryIndexAction, target: BillingMode) {
  if (target === 'PAY_PER_REQUEST') {
    if (action.ProvisionedThroughput !== undefined) throw updateTableErrors.indexThroughputOnPayPerRequest(action.IndexName);
    const outOfRange = action.OnDemandThroughput === undefined ? undefined : outOfRangeOnDemandMember(action.OnDemandThroughput, false);
    if (outOfRange !== undefined) throw tableErrors.onDemandOutOfRangeForIndex(outOfRange, action.IndexName);
    return { readCapacityUnits: 0, writeCapacityUnits: 0 };
  }
  const member = action.OnDemandThroughput === undefined ? undefined : specifiedOnDemandMember(action.OnDemandThroughput);
  if (member !== undefined) throw updateTableErrors.onDemandOnProvisionedIndex(member, action.IndexName);
  if (action.ProvisionedThroughput === undefined) throw updateTableErrors.indexThroughputRequired(action.IndexName);
  const units = unitsOf(action.ProvisionedThroughput);
  checkCapacityMaximum(units, table.region, action.IndexName);
  return units;
}

function applyDelete(table: TableDefinition, step: Step, indexName: string): void {
  const position = findGlobalIndex(table, step, indexName, 'delete');
  const index = step.indexes[position] as GlobalIndexDefinition;
  if (index.status === 'DELETING') throw updateTableErrors.indexBeingDeleted(table.tableName, indexName);
  if (index.status === 'CREATING' && index.backfilling === false) throw updateTableErrors.indexInResourceAllocation(table.tableName, indexName);
  const { backfilling: _backfilling, ...rest } = index;
  step.indexes[position] = { ...rest, status: 'DELETING' };
  step.pending.push({ kind: 'indexDeletion', indexName });
  step.deletions.push(indexName);
}

function checkLimits(table: TableDefinition, step: Step, updates: readonly GlobalSecondaryIndexUpdate[]): void {
  const touched = new Set([...step.backfill, ...step.deletions]);
  if (touched.size > 1) throw updateTableErrors.onlyOneIndexOperation();
  if (touched.size === 1) {
    const busy = table.globalSecondaryIndexes.some(
      (index) => !touched.has(index.indexName) && (index.status === 'CREATING' || index.status === 'DELETING'),
    );
    if (busy) throw updateTableErrors.onlyOneIndexOperation();
  }
  if (step.indexes.length > limits.globalSecondaryIndexesPerTableMax) throw updateTableErrors.tooManyGlobalIndexes();
  if (updates.some((update) => update.Create !== undefined)) {
    const projections = [...table.localSecondaryIndexes, ...step.indexes].map((index) => index.projection);
    if (projectedAttributeCount(projections) > limits.projectedNonKeyAttributesMax) throw tableErrors.tooManyProjectedAttributes();
  }
}
