/**
 * Time to Live settings: the rules of UpdateTimeToLive and DescribeTimeToLive as pure functions of the
 * table definition, the request and the time. The setting lives in the table's catalogue record, so it
 * survives a restart; DescribeTable does not show it (neither does DynamoDB's).
 */
import type { TableDefinition } from './table-definition.js';
import { tableErrors } from './table-errors.js';
import { timeToLiveErrors } from './time-to-live-errors.js';

export interface TimeToLiveSpecification {
  readonly Enabled: boolean;
  readonly AttributeName: string;
}

export interface UpdateTimeToLiveRequest {
  readonly TableName: string;
  readonly TimeToLiveSpecification: TimeToLiveSpecification;
}

export interface DescribeTimeToLiveRequest {
  readonly TableName: string;
}

export type TimeToLiveStatus = 'ENABLING' | 'ENABLED' | 'DISABLING' | 'DISABLED';

export interface TimeToLiveDescription {
  readonly TimeToLiveStatus: TimeToLiveStatus;
  readonly AttributeName?: string;
}

/** The stored setting. Absent on a table that never had TTL (DynamoDB describes both as DISABLED). */
export interface TimeToLiveSetting {
  readonly enabled: boolean;
  /** Kept after a disable so that DISABLING can still name it; DISABLED does not show it. */
  readonly attributeName: string;
  /** When the last accepted change was made: the change interval and the transition run from here. */
  readonly changedMs: number;
}

export interface TimeToLiveTiming {
  readonly nowMs: number;
  /** How long ENABLING and DISABLING last before the change takes effect. */
  readonly transitionMs: number;
  /** How long after an accepted change the next one is refused. */
  readonly changeIntervalMs: number;
}

/** Checks that need no table: DynamoDB makes them before it looks the table up. */
export function checkUpdateTimeToLiveRequest(request: UpdateTimeToLiveRequest): void {
  if (request.TimeToLiveSpecification.AttributeName === '') throw timeToLiveErrors.emptyAttributeName();
}

/**
 * The definition after an accepted UpdateTimeToLive, and the answer: DynamoDB echoes the specification, a
 * disable included (observed on the live service; dynalite's older tests answer a disable without
 * AttributeName).
 * What the request asks is judged before the change interval, as DynamoDB does: a repeated enable inside
 * the interval is "already enabled", not "modified multiple times".
 */
export function applyUpdateTimeToLive(
  definition: TableDefinition,
  request: UpdateTimeToLiveRequest,
  timing: TimeToLiveTiming,
): { readonly definition: TableDefinition; readonly response: { readonly TimeToLiveSpecification: TimeToLiveSpecification } } {
  checkUpdateTimeToLiveRequest(request);
  if (definition.status === 'CREATING') throw timeToLiveErrors.tableBeingCreated(definition.tableName);
  // DynamoDB still accepts a change for about a second after DeleteTable; here the table is gone at once.
  if (definition.status === 'DELETING') throw tableErrors.tableNotFound(definition.tableName);
  const { Enabled: enabled, AttributeName: attributeName } = request.TimeToLiveSpecification;
  const current = definition.timeToLive;
  const active = current?.enabled === true;
  if (active && current.attributeName !== attributeName) throw timeToLiveErrors.activeOnDifferentAttribute(current.attributeName);
  if (enabled && active) throw timeToLiveErrors.alreadyEnabled();
  if (!enabled && !active) throw timeToLiveErrors.alreadyDisabled();
  if (current !== undefined && timing.nowMs < current.changedMs + timing.changeIntervalMs) throw timeToLiveErrors.changedTooRecently();
  return {
    definition: { ...definition, timeToLive: { enabled, attributeName, changedMs: timing.nowMs } },
    response: { TimeToLiveSpecification: { Enabled: enabled, AttributeName: attributeName } },
  };
}

export function describeTimeToLive(definition: TableDefinition, timing: Pick<TimeToLiveTiming, 'nowMs' | 'transitionMs'>): TimeToLiveDescription {
  if (definition.status === 'CREATING' || definition.status === 'DELETING') throw timeToLiveErrors.cannotDescribe(definition.status);
  const setting = definition.timeToLive;
  if (setting === undefined) return { TimeToLiveStatus: 'DISABLED' };
  const settling = timing.nowMs < setting.changedMs + timing.transitionMs;
  if (setting.enabled) return { TimeToLiveStatus: settling ? 'ENABLING' : 'ENABLED', AttributeName: setting.attributeName };
  return settling ? { TimeToLiveStatus: 'DISABLING', AttributeName: setting.attributeName } : { TimeToLiveStatus: 'DISABLED' };
}

/** The attribute items of this table expire by, while TTL is ENABLED; undefined otherwise. */
export function expiryAttributeOf(definition: TableDefinition, timing: Pick<TimeToLiveTiming, 'nowMs' | 'transitionMs'>): string | undefined {
  if (definition.status !== 'ACTIVE' && definition.status !== 'UPDATING') return undefined;
  const description = describeTimeToLive(definition, timing);
  return description.TimeToLiveStatus === 'ENABLED' ? description.AttributeName : undefined;
}
