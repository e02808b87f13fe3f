/**
 * UpdateTable's single-setting members: StreamSpecification, SSESpecification, TableClass and
 * DeletionProtectionEnabled (2026 ack-api-quirks lab).
 *
 * - Streams: enabling while one is enabled (even with the same or another view type) and disabling when
 *   none is are refused; every enable starts a new stream (new label and ARN); disabling drops
 *   StreamSpecification but keeps LatestStreamLabel/Arn. The table is UPDATING meanwhile.
 * - Encryption: the table stays ACTIVE; SSEDescription says UPDATING, with the old key, until the change
 *   settles. Disabling or {} on a default-encrypted table, and the same key again, are refused.
 * - TableClass: the table is UPDATING and TableClassSummary changes when it settles; the current class
 *   again is accepted and changes nothing.
 * - DeletionProtectionEnabled: synchronous, but at most one change per 15 s (ThrottlingException).
 */
import type { SseSpecification, StreamSpecification } from './control-plane-requests.js';
import type { PendingTableChange, SseState, TableDefinition } from './table-definition.js';
import { streamArnFor } from './table-definition.js';
import { updateTableErrors } from './update-table-errors.js';
import { requestedKeyArn, wantsKmsEncryption } from './sse-specification.js';
import { checkTableClass, effectiveTableClass } from './table-class.js';
import { controlPlaneLimits } from './control-plane-limits.js';

export interface SettingOutcome {
  readonly table: TableDefinition;
  readonly pending: readonly PendingTableChange[];
}

export interface StreamChange {
  readonly enabled: boolean;
  /** The stream that was started or stopped. */
  readonly streamLabel: string;
  readonly streamArn: string;
}

export function applyStream(
  table: TableDefinition,
  specification: StreamSpecification,
  streamLabel: string,
): SettingOutcome & { readonly change: StreamChange } {
  if (specification.StreamEnabled) {
    if (table.streamViewType !== undefined) throw updateTableErrors.streamAlreadyEnabled(table.tableName);
    const viewType = specification.StreamViewType;
    if (viewType === undefined) throw updateTableErrors.streamEnableWithoutViewType();
    return {
      table: { ...table, streamViewType: viewType, latestStreamLabel: streamLabel },
      pending: [{ kind: 'stream' }],
      change: { enabled: true, streamLabel, streamArn: streamArnFor(table.tableArn, streamLabel) },
    };
  }
  const { streamViewType, ...rest } = table;
  if (streamViewType === undefined || table.latestStreamLabel === undefined) throw updateTableErrors.noStreamToDisable(table.tableName);
  return {
    table: rest,
    pending: [{ kind: 'stream' }],
    change: { enabled: false, streamLabel: table.latestStreamLabel, streamArn: streamArnFor(table.tableArn, table.latestStreamLabel) },
  };
}

export function applySse(table: TableDefinition, specification: SseSpecification): TableDefinition {
  const current = table.sse;
  if (!wantsKmsEncryption(specification)) {
    if (current === undefined) throw updateTableErrors.alreadyEncryptedByDefault();
    return { ...table, sse: { ...current, status: 'UPDATING', pending: { kind: 'disable' } } };
  }
  const keyArn = requestedKeyArn(specification, table.region, table.accountId);
  if (current === undefined) return { ...table, sse: { kmsMasterKeyArn: keyArn, status: 'UPDATING' } };
  if (specification.KMSMasterKeyId !== undefined && keyArn === current.kmsMasterKeyArn) throw updateTableErrors.alreadyEncryptedWithKey();
  const changed: SseState = { kmsMasterKeyArn: current.kmsMasterKeyArn, status: 'UPDATING', pending: { kind: 'changeKey', kmsMasterKeyArn: keyArn } };
  return { ...table, sse: changed };
}

export function applyTableClass(table: TableDefinition, value: string): SettingOutcome {
  const tableClass = checkTableClass(value);
  if (tableClass === effectiveTableClass(table.tableClass)) return { table, pending: [] };
  return { table, pending: [{ kind: 'tableClass', to: tableClass }] };
}

export function applyDeletionProtection(table: TableDefinition, enabled: boolean, nowMs: number): TableDefinition {
  const changedMs = table.deletionProtectionChangedMs;
  if (changedMs !== undefined && nowMs - changedMs < controlPlaneLimits.deletionProtectionCooldownMs) {
    throw updateTableErrors.deletionProtectionCooldown(table.tableName, changedMs + controlPlaneLimits.deletionProtectionCooldownMs);
  }
  if (enabled === table.deletionProtectionEnabled) return table;
  return { ...table, deletionProtectionEnabled: enabled, deletionProtectionChangedMs: nowMs };
}
