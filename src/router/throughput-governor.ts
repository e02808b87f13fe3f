import { DynamoDbError } from '../lib/errors.js';
import { TokenBucket } from '../partition/token-bucket.js';

/** DynamoDB keeps up to five minutes of unused capacity as burst credit. */
export const BURST_CREDIT_SECONDS = 300;

export type CapacityKind = 'read' | 'write';

/** The per-second limits of one table or global index; an absent kind is unlimited. */
export interface ResourceLimits {
  readonly mode: 'provisioned' | 'onDemand';
  readonly arn: string;
  readonly read?: number | undefined;
  readonly write?: number | undefined;
}

export interface TableLimits {
  readonly table: ResourceLimits;
  readonly globalIndexes: ReadonlyMap<string, ResourceLimits>;
}

/** Units one request consumed: on the table (LSIs share it) and on each global index. */
export interface ConsumedUnits {
  readonly table: number;
  readonly globalIndexes?: ReadonlyMap<string, number> | undefined;
}

interface Buckets {
  readonly limits: ResourceLimits;
  readonly read: TokenBucket | undefined;
  readonly write: TokenBucket | undefined;
}

const TABLE_MESSAGE =
  'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.';
const INDEX_MESSAGE =
  'The level of configured provisioned throughput for one or more global secondary indexes of the table was exceeded. Consider increasing your provisioning level for the under-provisioned global secondary indexes with the UpdateTable API';
const ON_DEMAND_MESSAGE = 'Throughput exceeds the maximum OnDemandThroughput configured on table or index';

/**
 * Throughput enforcement (off unless the server is started with --enforce-throughput): token buckets per
 * table and global index, refilled at the provisioned rate (or the on-demand maximum, when one is set)
 * with 300 s of burst credit. A request is admitted while its buckets hold tokens and charged afterwards
 * with what it consumed; a refused request gets DynamoDB's throttling error with its ThrottlingReasons.
 */
export class ThroughputGovernor {
  private readonly tables = new Map<string, { table: Buckets; globalIndexes: Map<string, Buckets> }>();

  constructor(
    readonly enabled: boolean,
    private readonly nowMs: () => number,
  ) {}

  /** Sets (or resets, after UpdateTable) a table's limits; buckets of unchanged limits keep their state. */
  configure(tableName: string, limits: TableLimits): void {
    if (!this.enabled) return;
    const previous = this.tables.get(tableName);
    const globalIndexes = new Map<string, Buckets>();
    for (const [indexName, indexLimits] of limits.globalIndexes) {
      globalIndexes.set(indexName, this.bucketsFor(indexLimits, previous?.globalIndexes.get(indexName)));
    }
    this.tables.set(tableName, { table: this.bucketsFor(limits.table, previous?.table), globalIndexes });
  }

  forget(tableName: string): void {
    this.tables.delete(tableName);
  }

  /** Throws DynamoDB's throttling error when a bucket this request draws on is empty. */
  admit(tableName: string, kind: CapacityKind, indexName?: string): void {
    const entry = this.tables.get(tableName);
    if (entry === undefined) return;
    const now = this.nowMs();
    if (kind === 'read') {
      const buckets = indexName === undefined ? entry.table : (entry.globalIndexes.get(indexName) ?? entry.table);
      if (buckets.read !== undefined && !buckets.read.hasTokens(now)) throw throttled(buckets.limits, 'Read', indexName !== undefined && buckets !== entry.table);
      return;
    }
    if (entry.table.write !== undefined && !entry.table.write.hasTokens(now)) throw throttled(entry.table.limits, 'Write', false);
    for (const buckets of entry.globalIndexes.values()) {
      if (buckets.write !== undefined && !buckets.write.hasTokens(now)) throw throttled(buckets.limits, 'Write', true);
    }
  }

  /** Charges what a request consumed; a read on a global index is charged to the index. */
  charge(tableName: string, kind: CapacityKind, units: ConsumedUnits, indexName?: string): void {
    const entry = this.tables.get(tableName);
    if (entry === undefined) return;
    const now = this.nowMs();
    if (kind === 'read') {
      const buckets = indexName === undefined ? entry.table : (entry.globalIndexes.get(indexName) ?? entry.table);
      buckets.read?.consume(units.table, now);
      return;
    }
    entry.table.write?.consume(units.table, now);
    for (const [name, consumed] of units.globalIndexes ?? []) entry.globalIndexes.get(name)?.write?.consume(consumed, now);
  }

  private bucketsFor(limits: ResourceLimits, previous: Buckets | undefined): Buckets {
    const bucket = (rate: number | undefined, old: TokenBucket | undefined): TokenBucket | undefined => {
      if (rate === undefined) return undefined;
      if (old !== undefined && old.ratePerSecond === rate) return old;
      return new TokenBucket(rate, BURST_CREDIT_SECONDS, this.nowMs());
    };
    return { limits, read: bucket(limits.read, previous?.read), write: bucket(limits.write, previous?.write) };
  }
}

function throttled(limits: ResourceLimits, operation: 'Read' | 'Write', isIndex: boolean): DynamoDbError {
  const resource = isIndex ? 'Index' : 'Table';
  if (limits.mode === 'onDemand') {
    return new DynamoDbError('ThrottlingException', ON_DEMAND_MESSAGE, {
      ThrottlingReasons: [{ reason: `${resource}${operation}MaxOnDemandThroughputExceeded`, resource: limits.arn }],
    });
  }
  return new DynamoDbError('ProvisionedThroughputExceededException', isIndex ? INDEX_MESSAGE : TABLE_MESSAGE, {
    ThrottlingReasons: [{ reason: `${resource}${operation}ProvisionedThroughputExceeded`, resource: limits.arn }],
  });
}
