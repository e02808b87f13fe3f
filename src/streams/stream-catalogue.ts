import type { TableDefinition } from '../metadata/table-definition.js';
import { streamArnFor } from '../metadata/table-definition.js';
import { streamLabelAt } from '../metadata/utc-time-format.js';
import type { StreamSchema, StreamViewType } from '../partition/partition-schema.js';
import { STREAM_RETENTION_MS } from '../partition/stream-limits.js';

/**
 * The streams a table has had and may still be read: the enabled one, and those disabled less than 24
 * hours ago (DynamoDB keeps a disabled stream readable, with its records, for the retention period).
 */
export interface StreamHistoryEntry {
  readonly label: string;
  readonly viewType: StreamViewType;
  readonly disabledMs?: number;
}

/** A stream's label is the time it was enabled, to the millisecond: that time is its identity. */
export function streamStartMs(label: string): number {
  return Date.parse(`${label}Z`);
}

/** The label for a stream enabled at `nowMs`: never the label of an earlier stream, even within a millisecond. */
export function nextStreamLabel(definition: TableDefinition | undefined, nowMs: number): string {
  const latest = definition?.latestStreamLabel;
  return streamLabelAt(latest === undefined ? nowMs : Math.max(nowMs, streamStartMs(latest) + 1));
}

export function streamSchemaOf(definition: TableDefinition): StreamSchema | undefined {
  const label = definition.latestStreamLabel;
  if (definition.streamViewType === undefined || label === undefined) return undefined;
  return { startMs: streamStartMs(label), viewType: definition.streamViewType };
}

/**
 * The history after a definition changed from `before` to `after` at `nowMs`: a newly enabled stream is
 * added, a disabled one marked, and streams disabled more than 24 hours ago forgotten.
 */
export function nextStreamHistory(
  history: readonly StreamHistoryEntry[],
  before: TableDefinition | undefined,
  after: TableDefinition,
  nowMs: number,
): StreamHistoryEntry[] {
  let next = history.filter((entry) => entry.disabledMs === undefined || nowMs - entry.disabledMs < STREAM_RETENTION_MS);
  const wasEnabled = before?.streamViewType !== undefined ? before.latestStreamLabel : undefined;
  const isEnabled = after.streamViewType !== undefined ? after.latestStreamLabel : undefined;
  if (wasEnabled !== undefined && wasEnabled !== isEnabled) {
    next = next.map((entry) => (entry.label === wasEnabled && entry.disabledMs === undefined ? { ...entry, disabledMs: nowMs } : entry));
  }
  if (isEnabled !== undefined && isEnabled !== wasEnabled && after.streamViewType !== undefined) {
    next.push({ label: isEnabled, viewType: after.streamViewType });
  }
  return next;
}

/** The history of a table whose record predates stream history: its enabled stream, if any. */
export function historyOf(stored: readonly StreamHistoryEntry[] | undefined, definition: TableDefinition): readonly StreamHistoryEntry[] {
  if (stored !== undefined) return stored;
  return nextStreamHistory([], undefined, definition, 0);
}

export function streamArnOf(definition: TableDefinition, entry: StreamHistoryEntry): string {
  return streamArnFor(definition.tableArn, entry.label);
}
