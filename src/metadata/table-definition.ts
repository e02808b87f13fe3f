/**
 * The persisted state of one table in the catalogue: everything DescribeTable reports except item counts
 * and sizes (which the partitions know), plus what the control plane needs to judge the next request
 * (pending changes, decrease budgets, cooldowns). JSON-serialisable: plain objects, arrays, strings,
 * numbers and booleans only; times are epoch milliseconds.
 *
 * Key schemas, attribute definitions and projections are kept in their wire form, because DescribeTable
 * echoes them as sent; `key` holds the same schema typed, for the data plane.
 */
import type { KeySchema } from '../model/key-schema.js';
import type {
  AttributeDefinition,
  BillingMode,
  KeySchemaElement,
  Projection,
  StreamViewType,
  TableClass,
} from './control-plane-requests.js';
import { controlPlaneLimits } from './control-plane-limits.js';
import { limits } from '../lib/limits.js';
import { assert } from '../lib/assert.js';
import type { TimeToLiveSetting } from './time-to-live.js';

/** A stored tag: both members present (the request's Tag may lack either until validated). */
export interface TagEntry {
  readonly Key: string;
  readonly Value: string;
}

export type TableStatus = 'CREATING' | 'UPDATING' | 'DELETING' | 'ACTIVE';
export type IndexStatus = 'CREATING' | 'UPDATING' | 'DELETING' | 'ACTIVE';

export interface ThroughputUnits {
  readonly readCapacityUnits: number;
  readonly writeCapacityUnits: number;
}

/** Provisioned throughput of a table or GSI. On-demand tables and indexes hold 0/0. */
export interface ProvisionedThroughputState extends ThroughputUnits {
  readonly lastIncreaseMs?: number;
  readonly lastDecreaseMs?: number;
  /** Decreases accepted during the UTC day starting at `decreasesDayStartMs`. */
  readonly decreasesToday: number;
  readonly decreasesDayStartMs: number;
  /** Requested units, applied when the change settles: until then DynamoDB still reports the old ones. */
  readonly pending?: ThroughputUnits;
}

/** On-demand caps; an absent member means "no cap". */
export interface OnDemandThroughputState {
  readonly maxReadRequestUnits?: number;
  readonly maxWriteRequestUnits?: number;
}

/** WarmThroughput: the highest throughput the table or index has been ready for. It never decreases. */
export interface WarmThroughputState {
  readonly readUnitsPerSecond: number;
  readonly writeUnitsPerSecond: number;
}

export interface LocalIndexDefinition {
  readonly indexName: string;
  readonly indexArn: string;
  readonly keySchema: readonly KeySchemaElement[];
  readonly key: KeySchema;
  readonly projection: Projection;
}

export interface GlobalIndexDefinition {
  readonly indexName: string;
  readonly indexArn: string;
  readonly keySchema: readonly KeySchemaElement[];
  readonly key: KeySchema;
  readonly projection: Projection;
  readonly status: IndexStatus;
  /**
   * Only for an index added by UpdateTable while it is CREATING: false while DynamoDB allocates resources,
   * true while it backfills. Indexes created with the table never report it.
   */
  readonly backfilling?: boolean;
  readonly provisionedThroughput: ProvisionedThroughputState;
  readonly onDemandThroughput?: OnDemandThroughputState;
  readonly warmThroughput: WarmThroughputState;
  readonly partitionCount: number;
}

export type SseStatus = 'ENABLED' | 'UPDATING';

/** Encryption with a KMS key. Absent: the AWS-owned default key, which DynamoDB does not describe. */
export interface SseState {
  readonly kmsMasterKeyArn: string;
  readonly status: SseStatus;
  /** What completes when the change settles: back to the default key, or a new key. */
  readonly pending?: { readonly kind: 'disable' } | { readonly kind: 'changeKey'; readonly kmsMasterKeyArn: string };
}

/** Table-level changes in flight; each keeps the table UPDATING until `settleTable` applies it. */
export type PendingTableChange =
  | { readonly kind: 'creation' }
  | { readonly kind: 'provisionedThroughput' }
  | { readonly kind: 'billingMode'; readonly from: BillingMode; readonly to: BillingMode }
  | { readonly kind: 'stream' }
  | { readonly kind: 'tableClass'; readonly to: TableClass }
  | { readonly kind: 'indexCreation'; readonly indexName: string }
  | { readonly kind: 'indexDeletion'; readonly indexName: string };

export interface TableDefinition {
  readonly tableName: string;
  readonly tableId: string;
  readonly tableArn: string;
  readonly region: string;
  readonly accountId: string;
  readonly creationMs: number;
  readonly status: TableStatus;
  readonly pendingChanges: readonly PendingTableChange[];
  readonly attributeDefinitions: readonly AttributeDefinition[];
  readonly keySchema: readonly KeySchemaElement[];
  readonly key: KeySchema;
  readonly billingMode: BillingMode;
  /** When the table last finished becoming on-demand; BillingModeSummary reports it. */
  readonly lastUpdateToPayPerRequestMs?: number;
  readonly provisionedThroughput: ProvisionedThroughputState;
  readonly onDemandThroughput?: OnDemandThroughputState;
  readonly warmThroughput: WarmThroughputState;
  readonly localSecondaryIndexes: readonly LocalIndexDefinition[];
  readonly globalSecondaryIndexes: readonly GlobalIndexDefinition[];
  /** Present while a stream is enabled; DynamoDB omits StreamSpecification otherwise. */
  readonly streamViewType?: StreamViewType;
  /** The latest stream ever enabled; it outlives disabling. */
  readonly latestStreamLabel?: string;
  readonly sse?: SseState;
  /** Absent until TableClass is set: DynamoDB then reports no TableClassSummary (the class is STANDARD). */
  readonly tableClass?: TableClass;
  readonly tableClassLastUpdateMs?: number;
  readonly deletionProtectionEnabled: boolean;
  readonly deletionProtectionChangedMs?: number;
  readonly tags: readonly TagEntry[];
  /** Absent until the first UpdateTimeToLive; see metadata/time-to-live.ts. */
  readonly timeToLive?: TimeToLiveSetting;
  /** How many hash partitions the table's data is spread over (see `partitionCountFor`). */
  readonly partitionCount: number;
}

export function tableArnFor(region: string, accountId: string, tableName: string): string {
  return `arn:aws:dynamodb:${region}:${accountId}:table/${tableName}`;
}

export function indexArnFor(tableArn: string, indexName: string): string {
  return `${tableArn}/index/${indexName}`;
}

export function streamArnFor(tableArn: string, streamLabel: string): string {
  return `${tableArn}/stream/${streamLabel}`;
}

/**
 * Partitions a table (or GSI) starts with, from DynamoDB's published sizing: one partition serves at most
 * 3,000 RCU and 1,000 WCU, so provisioned capacity needs max(1, ceil(RCU / 3000 + WCU / 1000)); an
 * on-demand table starts with 4 (its initial 12,000 reads / 4,000 writes a second). Partitions split but
 * never merge, so a throughput decrease keeps the count: see `grownPartitionCount`.
 */
export function partitionCountFor(billingMode: BillingMode, throughput: ThroughputUnits): number {
  if (billingMode === 'PAY_PER_REQUEST') return controlPlaneLimits.onDemandPartitionCount;
  const needed =
    throughput.readCapacityUnits / limits.partitionReadCapacityUnitsMax +
    throughput.writeCapacityUnits / limits.partitionWriteCapacityUnitsMax;
  return Math.max(1, Math.ceil(needed));
}

export function grownPartitionCount(current: number, billingMode: BillingMode, throughput: ThroughputUnits): number {
  return Math.max(current, partitionCountFor(billingMode, throughput));
}

/** The typed key schema of a validated wire key schema (HASH first, optional RANGE second). */
export function keySchemaOf(keySchema: readonly KeySchemaElement[], definitions: readonly AttributeDefinition[]): KeySchema {
  const typeOf = (name: string) => {
    const definition = definitions.find((candidate) => candidate.AttributeName === name);
    assert(definition !== undefined, `key attribute ${name} has no definition`);
    return definition.AttributeType;
  };
  const [hash, range] = keySchema;
  assert(hash !== undefined, 'empty key schema');
  const partitionKey = { name: hash.AttributeName, type: typeOf(hash.AttributeName) };
  if (range === undefined) return { partitionKey };
  return { partitionKey, sortKey: { name: range.AttributeName, type: typeOf(range.AttributeName) } };
}


export const onDemandWarmThroughput: WarmThroughputState = {
  readUnitsPerSecond: controlPlaneLimits.onDemandWarmReadUnitsPerSecond,
  writeUnitsPerSecond: controlPlaneLimits.onDemandWarmWriteUnitsPerSecond,
};

/** Warm throughput only rises: the higher of what it was and what the new capacity needs. */
export function raisedWarmThroughput(current: WarmThroughputState | undefined, billingMode: BillingMode, throughput: ThroughputUnits): WarmThroughputState {
  const needed =
    billingMode === 'PAY_PER_REQUEST'
      ? onDemandWarmThroughput
      : { readUnitsPerSecond: throughput.readCapacityUnits, writeUnitsPerSecond: throughput.writeCapacityUnits };
  if (current === undefined) return needed;
  return {
    readUnitsPerSecond: Math.max(current.readUnitsPerSecond, needed.readUnitsPerSecond),
    writeUnitsPerSecond: Math.max(current.writeUnitsPerSecond, needed.writeUnitsPerSecond),
  };
}
