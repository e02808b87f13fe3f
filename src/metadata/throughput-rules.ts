/**
 * Provisioned and on-demand throughput rules shared by tables and GSIs: bounds, per-table maxima, the
 * daily decrease budget and how a change is recorded and later applied.
 *
 * The decrease budget (measured on DynamoDB in 2026): 4 decreases per UTC day at once, then one more
 * every 3,600 s counted from the last accepted decrease; the count resets at 00:00 UTC. A call lowering
 * either dimension is one decrease, even if it raises the other. The UpdateTable answer still shows the
 * old units and count with the new LastIncrease/LastDecreaseDateTime; both land when the change settles.
 */
import type { OnDemandThroughput, ProvisionedThroughput } from './control-plane-requests.js';
import type { OnDemandThroughputState, ProvisionedThroughputState, ThroughputUnits } from './table-definition.js';
import { tableErrors, type CapacityMember, type OnDemandMember } from './table-errors.js';
import { updateTableErrors } from './update-table-errors.js';
import { controlPlaneLimits } from './control-plane-limits.js';
import { limits } from '../lib/limits.js';
import { nextUtcDayStartMs, utcDayStartMs } from './utc-time-format.js';

export function unitsOf(throughput: ProvisionedThroughput): ThroughputUnits {
  return { readCapacityUnits: throughput.ReadCapacityUnits, writeCapacityUnits: throughput.WriteCapacityUnits };
}

/** `indexName` for an UpdateTable index update, whose message names the index. */
export function checkCapacityBounds(throughput: ProvisionedThroughput, indexName?: string): void {
  if (throughput.ReadCapacityUnits > controlPlaneLimits.capacityUnitsBound) {
    throw tableErrors.capacityOutOfBounds(throughput.ReadCapacityUnits, 'ReadCapacityUnits', indexName);
  }
  if (throughput.WriteCapacityUnits > controlPlaneLimits.capacityUnitsBound) {
    throw tableErrors.capacityOutOfBounds(throughput.WriteCapacityUnits, 'WriteCapacityUnits', indexName);
  }
}

const maxima: readonly [CapacityMember, keyof ThroughputUnits, number][] = [
  ['ReadCapacityUnits', 'readCapacityUnits', limits.tableReadCapacityUnitsMax],
  ['WriteCapacityUnits', 'writeCapacityUnits', limits.tableWriteCapacityUnitsMax],
];

/** Per-table and per-index maxima are separate: index capacity does not count toward the table's. */
export function checkCapacityMaximum(units: ThroughputUnits, region: string, indexName?: string): void {
  for (const [member, field, maximum] of maxima) {
    const value = units[field];
    if (value <= maximum) continue;
    throw indexName === undefined
      ? tableErrors.capacityAboveTableMaximum(member, value, region, maximum)
      : tableErrors.capacityAboveIndexMaximum(member, indexName, value, region, maximum);
  }
}

export function specifiedOnDemandMember(onDemand: OnDemandThroughput): OnDemandMember | undefined {
  if (onDemand.MaxReadRequestUnits !== undefined) return 'MaxReadRequestUnits';
  if (onDemand.MaxWriteRequestUnits !== undefined) return 'MaxWriteRequestUnits';
  return undefined;
}

/** Caps must be positive; UpdateTable also takes -1, meaning "remove this cap". */
export function outOfRangeOnDemandMember(onDemand: OnDemandThroughput, minusOneClears: boolean): OnDemandMember | undefined {
  const valid = (value: number | undefined) => value === undefined || value >= 1 || (minusOneClears && value === -1);
  if (!valid(onDemand.MaxReadRequestUnits)) return 'MaxReadRequestUnits';
  if (!valid(onDemand.MaxWriteRequestUnits)) return 'MaxWriteRequestUnits';
  return undefined;
}

/** Member by member: a given member replaces the cap, -1 removes it, an absent one keeps it. */
export function mergedOnDemand(current: OnDemandThroughputState | undefined, requested: OnDemandThroughput): OnDemandThroughputState | undefined {
  const merge = (old: number | undefined, asked: number | undefined) => (asked === undefined ? old : asked === -1 ? undefined : asked);
  const read = merge(current?.maxReadRequestUnits, requested.MaxReadRequestUnits);
  const write = merge(current?.maxWriteRequestUnits, requested.MaxWriteRequestUnits);
  if (read === undefined && write === undefined) return undefined;
  return { ...(read === undefined ? {} : { maxReadRequestUnits: read }), ...(write === undefined ? {} : { maxWriteRequestUnits: write }) };
}

export function decreasesTodayAt(state: ProvisionedThroughputState, nowMs: number): number {
  return utcDayStartMs(nowMs) === state.decreasesDayStartMs ? state.decreasesToday : 0;
}

export function isDecrease(current: ThroughputUnits, requested: ThroughputUnits): boolean {
  return requested.readCapacityUnits < current.readCapacityUnits || requested.writeCapacityUnits < current.writeCapacityUnits;
}

export function isIncrease(current: ThroughputUnits, requested: ThroughputUnits): boolean {
  return requested.readCapacityUnits > current.readCapacityUnits || requested.writeCapacityUnits > current.writeCapacityUnits;
}

export function sameUnits(left: ThroughputUnits, right: ThroughputUnits): boolean {
  return left.readCapacityUnits === right.readCapacityUnits && left.writeCapacityUnits === right.writeCapacityUnits;
}

/** Throws LimitExceededException when a decrease now would exceed the daily budget. */
export function checkDecreaseBudget(state: ProvisionedThroughputState, nowMs: number): void {
  const decreasesToday = decreasesTodayAt(state, nowMs);
  if (decreasesToday < controlPlaneLimits.throughputDecreasesBeforeHourlyLimit || state.lastDecreaseMs === undefined) return;
  const nextAllowedMs = Math.min(state.lastDecreaseMs + controlPlaneLimits.throughputDecreaseIntervalMs, nextUtcDayStartMs(nowMs));
  if (nowMs >= nextAllowedMs) return;
  throw updateTableErrors.decreaseLimit(decreasesToday, state.lastDecreaseMs, nextAllowedMs);
}

/** Records a requested change: the new units wait in `pending`, the increase/decrease times move now. */
export function requestThroughputChange(state: ProvisionedThroughputState, requested: ThroughputUnits, nowMs: number): ProvisionedThroughputState {
  return {
    ...state,
    ...(isIncrease(state, requested) ? { lastIncreaseMs: nowMs } : {}),
    ...(isDecrease(state, requested) ? { lastDecreaseMs: nowMs } : {}),
    pending: requested,
  };
}

/** Applies a pending change; a decrease spends one from today's budget. */
export function settleThroughput(state: ProvisionedThroughputState, nowMs: number): ProvisionedThroughputState {
  const { pending, ...rest } = state;
  if (pending === undefined) return state;
  const applied = { ...rest, readCapacityUnits: pending.readCapacityUnits, writeCapacityUnits: pending.writeCapacityUnits };
  if (!isDecrease(state, pending)) return applied;
  return countDecrease(applied, nowMs);
}

export function countDecrease(state: ProvisionedThroughputState, nowMs: number): ProvisionedThroughputState {
  return { ...state, decreasesToday: decreasesTodayAt(state, nowMs) + 1, decreasesDayStartMs: utcDayStartMs(nowMs) };
}

/** The throughput state of a new table or index. */
export function initialThroughputState(units: ThroughputUnits, nowMs: number): ProvisionedThroughputState {
  return { ...units, decreasesToday: 0, decreasesDayStartMs: utcDayStartMs(nowMs) };
}

export function onDemandStateOf(onDemand: OnDemandThroughput | undefined): OnDemandThroughputState | undefined {
  if (onDemand === undefined) return undefined;
  return mergedOnDemand(undefined, onDemand);
}
