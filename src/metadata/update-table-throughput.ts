/**
 * UpdateTable's BillingMode, ProvisionedThroughput and OnDemandThroughput (table level), with DynamoDB's
 * rules (2026 ack-api-quirks lab):
 *
 * - BillingMode=PROVISIONED needs ProvisionedThroughput, also when the table is provisioned already;
 *   the same units again are "will not change", with or without BillingMode.
 * - Throughput on an on-demand table: "Neither … can be specified…"; with BillingMode=PAY_PER_REQUEST
 *   in the request: "ProvisionedThroughput cannot be specified…".
 * - On-demand → provisioned needs throughput for every GSI in the same request (index.ts checks that).
 * - A provisioned change waits (`pending`) and spends the decrease budget when it lands; a billing switch
 *   takes the new mode and units at once (DynamoDB reports them in the answer), and a switch to on-demand
 *   stamps LastDecreaseDateTime and 0/0 without spending the table's budget.
 * - OnDemandThroughput is synchronous: caps merge member by member, -1 removes one.
 */
import type { BillingMode, UpdateTableRequest } from './control-plane-requests.js';
import type { PendingTableChange, TableDefinition } from './table-definition.js';
import { grownPartitionCount, raisedWarmThroughput } from './table-definition.js';
import { tableErrors } from './table-errors.js';
import { updateTableErrors } from './update-table-errors.js';
import {
  checkCapacityMaximum,
  checkDecreaseBudget,
  isDecrease,
  mergedOnDemand,
  outOfRangeOnDemandMember,
  requestThroughputChange,
  sameUnits,
  specifiedOnDemandMember,
  unitsOf,
} from './throughput-rules.js';

export interface ThroughputOutcome {
  readonly table: TableDefinition;
  readonly pending: readonly PendingTableChange[];
}

export function targetBillingMode(table: TableDefinition, request: UpdateTableRequest): BillingMode {
  return request.BillingMode ?? table.billingMode;
}

/** Checks table-level billing and throughput members; nothing is changed yet. */
export function checkTableThroughput(table: TableDefinition, request: UpdateTableRequest, nowMs: number): void {
  const target = targetBillingMode(table, request);
  const throughput = request.ProvisionedThroughput;
  if (request.BillingMode === 'PROVISIONED' && throughput === undefined) throw updateTableErrors.throughputRequiredForProvisioned();
  if (target === 'PAY_PER_REQUEST' && throughput !== undefined) {
    throw request.BillingMode === undefined ? tableErrors.payPerRequestWithThroughput() : updateTableErrors.throughputWithPayPerRequest();
  }
  const onDemand = request.OnDemandThroughput;
  if (onDemand !== undefined) {
    const member = specifiedOnDemandMember(onDemand);
    if (target === 'PROVISIONED' && member !== undefined) throw updateTableErrors.onDemandOnProvisionedTable(member);
    const outOfRange = outOfRangeOnDemandMember(onDemand, true);
    if (outOfRange !== undefined) throw tableErrors.onDemandOutOfRange(outOfRange);
  }
  if (throughput === undefined) return;
  const requested = unitsOf(throughput);
  if (table.billingMode === 'PROVISIONED') {
    const current = table.provisionedThroughput;
    if (sameUnits(current, requested)) throw updateTableErrors.tableThroughputUnchanged(current, requested);
    if (isDecrease(current, requested)) checkDecreaseBudget(current, nowMs);
  }
  checkCapacityMaximum(requested, table.region);
}

/** Applies checked table-level billing and throughput members. */
export function applyTableThroughput(table: TableDefinition, request: UpdateTableRequest, nowMs: number): ThroughputOutcome {
  const target = targetBillingMode(table, request);
  const onDemandApplied = applyOnDemand(table, request, target);
  if (target !== table.billingMode) return switchBillingMode(onDemandApplied, request, target, nowMs);
  const throughput = request.ProvisionedThroughput;
  if (throughput === undefined) return { table: onDemandApplied, pending: [] };
  const requested = unitsOf(throughput);
  return {
    table: {
      ...onDemandApplied,
      provisionedThroughput: requestThroughputChange(table.provisionedThroughput, requested, nowMs),
      partitionCount: grownPartitionCount(table.partitionCount, 'PROVISIONED', requested),
    },
    pending: [{ kind: 'provisionedThroughput' }],
  };
}

function applyOnDemand(table: TableDefinition, request: UpdateTableRequest, target: BillingMode): TableDefinition {
  const { onDemandThroughput, ...rest } = table;
  if (target === 'PROVISIONED') return rest;
  if (request.OnDemandThroughput === undefined) return table;
  const merged = mergedOnDemand(onDemandThroughput, request.OnDemandThroughput);
  return merged === undefined ? rest : { ...rest, onDemandThroughput: merged };
}

function switchBillingMode(table: TableDefinition, request: UpdateTableRequest, target: BillingMode, nowMs: number): ThroughputOutcome {
  const pending: PendingTableChange[] = [{ kind: 'billingMode', from: table.billingMode, to: target }];
  if (target === 'PAY_PER_REQUEST') {
    const provisionedThroughput = { ...table.provisionedThroughput, readCapacityUnits: 0, writeCapacityUnits: 0, lastDecreaseMs: nowMs };
    return { table: { ...table, billingMode: target, provisionedThroughput }, pending };
  }
  const throughput = request.ProvisionedThroughput;
  if (throughput === undefined) return { table, pending: [] };
  const units = unitsOf(throughput);
  return {
    table: {
      ...table,
      billingMode: target,
      provisionedThroughput: { ...table.provisionedThroughput, ...units },
      warmThroughput: raisedWarmThroughput(table.warmThroughput, target, units),
      partitionCount: grownPartitionCount(table.partitionCount, target, units),
    },
    pending,
  };
}
