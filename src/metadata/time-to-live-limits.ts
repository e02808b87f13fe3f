/** Limits of Time to Live settings (DynamoDB's API reference and observed behaviour). Units last. */
export const timeToLiveLimits = {
  /** TimeToLiveSpecification.AttributeName: 1 to 255 characters. */
  attributeNameLengthMax: 255,
  /**
   * How long after a successful UpdateTimeToLive another one is refused. DynamoDB documents "up to one
   * hour"; a change inside the window gets "Time to live has been modified multiple times within a fixed
   * interval". `--ttl-change-interval-ms` shortens it for tests.
   */
  changeIntervalMs: 60 * 60 * 1000,
} as const;
