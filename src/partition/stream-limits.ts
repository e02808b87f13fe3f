/** How long a stream keeps a record: DynamoDB Streams' 24 hours. */
export const STREAM_RETENTION_MS = 24 * 60 * 60 * 1000;
/** A stream's shard of a partition closes after this long and a child shard takes over, as DynamoDB's roll over about every four hours. */
export const STREAM_SHARD_ROLLOVER_MS = 4 * 60 * 60 * 1000;
/** Log entries turned into stream records per storage write, so catching up never blocks the event loop for long. */
export const STREAM_BATCH_ENTRIES_MAX = 256;
/** Expired records deleted per storage write. */
export const STREAM_TRIM_BATCH_RECORDS_MAX = 1000;
