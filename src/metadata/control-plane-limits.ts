/**
 * Control-plane limits that only metadata/ needs, beside the shared ones in lib/limits.ts. Units last.
 */
export const controlPlaneLimits = {
  /**
   * Capacity units above this are "out of bounds" (a ValidationException), checked before anything else
   * about throughput; the per-table maximum below is a separate, later LimitExceededException.
   */
  capacityUnitsBound: 1_000_000_000_000,
  /** Decreases a table (and each GSI, separately) may make at once in a UTC day. */
  throughputDecreasesBeforeHourlyLimit: 4,
  /** After those, one more decrease per this interval, counted from the last accepted decrease. */
  throughputDecreaseIntervalMs: 3_600_000,
  /** DeletionProtectionEnabled may change at most once in this window. */
  deletionProtectionCooldownMs: 15_000,
  /** An on-demand table starts with enough partitions for 12,000 reads and 4,000 writes a second. */
  onDemandPartitionCount: 4,
  /** WarmThroughput an on-demand table or index reports unless it was raised. */
  onDemandWarmReadUnitsPerSecond: 12_000,
  onDemandWarmWriteUnitsPerSecond: 4_000,
  /** DescribeEndpoints tells clients to cache the endpoint this long (24 hours). */
  endpointCachePeriodMinutes: 1440,
  /** Tags: values 0–256 characters (keys: lib/limits.ts), letters, digits, spaces and + - = . _ : / @. */
  tagValueLengthMin: 0,
} as const;
