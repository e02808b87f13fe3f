/** DynamoDB Streams' limits, by DynamoDB's documentation. */
export const streamLimits = {
  /** A shard iterator expires 15 minutes after GetShardIterator returned it. */
  shardIteratorLifetimeMs: 15 * 60 * 1000,
  /** GetRecords returns at most 1,000 records… */
  getRecordsLimitMax: 1000,
  /** …or 1 MB of them, whichever comes first. */
  getRecordsBytesMax: 1024 * 1024,
  /** DescribeStream returns at most 100 shards a page, ListStreams at most 100 streams. */
  describeStreamLimitMax: 100,
  listStreamsLimitMax: 100,
  /** Request constraints of the DynamoDBStreams_20120810 API model. */
  streamArnLengthMin: 37,
  streamArnLengthMax: 1024,
  shardIdLengthMin: 28,
  shardIdLengthMax: 65,
  sequenceNumberLengthMin: 21,
  sequenceNumberLengthMax: 40,
  shardIteratorLengthMin: 1,
  shardIteratorLengthMax: 2048,
  limitMin: 1,
  /** The stream record format DynamoDB writes today. */
  eventVersion: '1.1',
} as const;
