/**
 * How a table's in-flight changes complete, and how deletion starts. The caller (the metadata service's
 * shell) decides when: DynamoDB takes seconds to minutes; dynacell may settle at once or after a delay.
 *
 * `settleTable` completes everything pending at the table level: creation (the table and the GSIs it was
 * created with become ACTIVE together), throughput (units land, a decrease is counted), billing switches
 * (LastUpdateToPayPerRequestDateTime is stamped when a switch to on-demand completes), stream toggles,
 * table class, encryption, GSI throughput updates, GSI deletion (the index goes and attribute definitions
 * no key uses any more go with it) and the resource-allocation phase of a new GSI, which then backfills
 * (Backfilling true, table ACTIVE) until `completeIndexBackfill`.
 */
import type { GlobalIndexDefinition, PendingTableChange, TableDefinition } from './table-definition.js';
import { grownPartitionCount, raisedWarmThroughput } from './table-definition.js';
import { settleThroughput } from './throughput-rules.js';
import { tableErrors } from './table-errors.js';
import { attributeNames } from './key-schema-validation.js';
import { assert } from '../lib/assert.js';

export function settleTable(table: TableDefinition, nowMs: number): TableDefinition {
  if (table.status === 'DELETING') return table;
  let settled: TableDefinition = { ...table, provisionedThroughput: settleThroughput(table.provisionedThroughput, nowMs) };
  for (const change of table.pendingChanges) settled = settleChange(settled, change, nowMs);
  settled = settleSse(settled);
  const globalSecondaryIndexes = settled.globalSecondaryIndexes.map((index) => settleIndex(index, nowMs));
  return { ...settled, globalSecondaryIndexes, pendingChanges: [], status: 'ACTIVE' };
}

function settleChange(table: TableDefinition, change: PendingTableChange, nowMs: number): TableDefinition {
  switch (change.kind) {
    case 'creation':
      return {
        ...table,
        ...(table.billingMode === 'PAY_PER_REQUEST' ? { lastUpdateToPayPerRequestMs: nowMs } : {}),
        globalSecondaryIndexes: table.globalSecondaryIndexes.map((index) => (index.status === 'CREATING' ? { ...index, status: 'ACTIVE' } : index)),
      };
    case 'billingMode':
      if (change.to === 'PROVISIONED') return table;
      return {
        ...table,
        lastUpdateToPayPerRequestMs: nowMs,
        warmThroughput: raisedWarmThroughput(table.warmThroughput, 'PAY_PER_REQUEST', table.provisionedThroughput),
        partitionCount: grownPartitionCount(table.partitionCount, 'PAY_PER_REQUEST', table.provisionedThroughput),
      };
    case 'tableClass':
      return { ...table, tableClass: change.to, tableClassLastUpdateMs: nowMs };
    case 'indexCreation':
      return {
        ...table,
        globalSecondaryIndexes: table.globalSecondaryIndexes.map((index) =>
          index.indexName === change.indexName && index.status === 'CREATING' ? { ...index, backfilling: true } : index,
        ),
      };
    case 'indexDeletion':
      return withoutIndex(table, change.indexName);
    case 'provisionedThroughput':
    case 'stream':
      return table;
  }
}

function settleIndex(index: GlobalIndexDefinition, nowMs: number): GlobalIndexDefinition {
  const provisionedThroughput = settleThroughput(index.provisionedThroughput, nowMs);
  return { ...index, provisionedThroughput, ...(index.status === 'UPDATING' ? { status: 'ACTIVE' } : {}) };
}

function settleSse(table: TableDefinition): TableDefinition {
  const sse = table.sse;
  if (sse === undefined || sse.status !== 'UPDATING') return table;
  if (sse.pending?.kind === 'disable') {
    const { sse: _removed, ...rest } = table;
    return rest;
  }
  const kmsMasterKeyArn = sse.pending?.kind === 'changeKey' ? sse.pending.kmsMasterKeyArn : sse.kmsMasterKeyArn;
  return { ...table, sse: { kmsMasterKeyArn, status: 'ENABLED' } };
}

/** Drops a deleted GSI and the attribute definitions only it used, as DynamoDB prunes them. */
function withoutIndex(table: TableDefinition, indexName: string): TableDefinition {
  const globalSecondaryIndexes = table.globalSecondaryIndexes.filter((index) => index.indexName !== indexName);
  const used = new Set(
    [table.keySchema, ...table.localSecondaryIndexes.map((index) => index.keySchema), ...globalSecondaryIndexes.map((index) => index.keySchema)].flatMap(
      (keySchema) => attributeNames(keySchema),
    ),
  );
  return {
    ...table,
    globalSecondaryIndexes,
    attributeDefinitions: table.attributeDefinitions.filter((definition) => used.has(definition.AttributeName)),
  };
}

/** A new GSI finished backfilling: it becomes ACTIVE and stops reporting Backfilling. */
export function completeIndexBackfill(table: TableDefinition, indexName: string): TableDefinition {
  const globalSecondaryIndexes = table.globalSecondaryIndexes.map((index) => {
    if (index.indexName !== indexName || index.status !== 'CREATING') return index;
    const { backfilling: _backfilling, ...rest } = index;
    return { ...rest, status: 'ACTIVE' as const };
  });
  assert(
    globalSecondaryIndexes.some((index) => index.indexName === indexName),
    `no global secondary index ${indexName} on ${table.tableName}`,
  );
  return { ...table, globalSecondaryIndexes };
}

/**
 * DeleteTable's checks and the DELETING table. Deletion protection is judged first (a ValidationException
 * in any state), then the table's state, then indexes in flight, which block deletion even while the
 * table itself reads ACTIVE (a GSI backfilling).
 */
export function startTableDeletion(table: TableDefinition): TableDefinition {
  if (table.deletionProtectionEnabled) throw tableErrors.deletionProtected();
  if (table.status === 'CREATING') throw tableErrors.tableBeingCreated(table.tableName);
  if (table.status === 'DELETING') throw tableErrors.tableBeingDeleted(table.tableName);
  const tableLevelChange = table.pendingChanges.some((change) => change.kind !== 'indexCreation' && change.kind !== 'indexDeletion');
  if (tableLevelChange || table.sse?.status === 'UPDATING') throw tableErrors.tableBeingUpdated(table.tableName);
  if (table.globalSecondaryIndexes.some((index) => index.status !== 'ACTIVE')) throw tableErrors.indexesInTransition();
  return { ...table, status: 'DELETING', pendingChanges: [] };
}
