/** Every operation of DynamoDB's 2012-08-10 API, whether dynacell implements it yet or not. */
export const dynamoDbOperationNames = new Set([
  'BatchExecuteStatement', 'BatchGetItem', 'BatchWriteItem', 'CreateBackup', 'CreateGlobalTable', 'CreateTable',
  'DeleteBackup', 'DeleteItem', 'DeleteResourcePolicy', 'DeleteTable', 'DescribeBackup',
  'DescribeContinuousBackups', 'DescribeContributorInsights', 'DescribeEndpoints', 'DescribeExport',
  'DescribeGlobalTable', 'DescribeGlobalTableSettings', 'DescribeImport', 'DescribeKinesisStreamingDestination',
  'DescribeLimits', 'DescribeTable', 'DescribeTableReplicaAutoScaling', 'DescribeTimeToLive',
  'DisableKinesisStreamingDestination', 'EnableKinesisStreamingDestination', 'ExecuteStatement',
  'ExecuteTransaction', 'ExportTableToPointInTime', 'GetItem', 'GetResourcePolicy', 'ImportTable', 'ListBackups',
  'ListContributorInsights', 'ListExports', 'ListGlobalTables', 'ListImports', 'ListTables', 'ListTagsOfResource',
  'PutItem', 'PutResourcePolicy', 'Query', 'RestoreTableFromBackup', 'RestoreTableToPointInTime', 'Scan',
  'TagResource', 'TransactGetItems', 'TransactWriteItems', 'UntagResource', 'UpdateContinuousBackups',
  'UpdateContributorInsights', 'UpdateGlobalTable', 'UpdateGlobalTableSettings', 'UpdateItem',
  'UpdateKinesisStreamingDestination', 'UpdateTable', 'UpdateTableReplicaAutoScaling', 'UpdateTimeToLive',
]);

/** X-Amz-Target prefixes DynamoDB answers to (the 2011 API name is still accepted for routing). */
export const targetPrefixes = new Set(['DynamoDB_20120810', 'DynamoDB_20111205']);

/** The X-Amz-Target prefix of DynamoDB Streams, and its operations. */
export const streamsTargetPrefix = 'DynamoDBStreams_20120810';
export const streamsOperationNames = new Set(['DescribeStream', 'GetRecords', 'GetShardIterator', 'ListStreams']);
