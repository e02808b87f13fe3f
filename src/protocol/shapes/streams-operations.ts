/** Request shapes of the DynamoDBStreams_20120810 operations, with the constraints of their API model. */
import { limits } from '../../lib/limits.js';
import { streamLimits } from '../../streams/stream-limits.js';
import type { DescribeStreamRequest, GetRecordsRequest, GetShardIteratorRequest, ListStreamsRequest } from '../../streams/stream-operations.js';
import { namePattern } from './common-shapes.js';
import { operationShape } from './operation.js';
import { enumeration, integer, required, string } from './shape.js';

const streamArn = () => string({ lengthMin: streamLimits.streamArnLengthMin, lengthMax: streamLimits.streamArnLengthMax });
const shardId = () => string({ lengthMin: streamLimits.shardIdLengthMin, lengthMax: streamLimits.shardIdLengthMax });
const limit = () => integer({ valueMin: streamLimits.limitMin });

export const listStreams = operationShape<ListStreamsRequest>('ListStreams', {
  TableName: string({ pattern: namePattern, lengthMin: limits.tableNameLengthMin, lengthMax: limits.tableNameLengthMax }),
  Limit: limit(),
  ExclusiveStartStreamArn: streamArn(),
});

export const describeStream = operationShape<DescribeStreamRequest>('DescribeStream', {
  StreamArn: required(streamArn()),
  Limit: limit(),
  ExclusiveStartShardId: shardId(),
});

export const getShardIterator = operationShape<GetShardIteratorRequest>('GetShardIterator', {
  StreamArn: required(streamArn()),
  ShardId: required(shardId()),
  ShardIteratorType: required(enumeration(['TRIM_HORIZON', 'LATEST', 'AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER'])),
  SequenceNumber: string({ lengthMin: streamLimits.sequenceNumberLengthMin, lengthMax: streamLimits.sequenceNumberLengthMax }),
});

export const getRecords = operationShape<GetRecordsRequest>('GetRecords', {
  ShardIterator: required(string({ lengthMin: streamLimits.shardIteratorLengthMin, lengthMax: streamLimits.shardIteratorLengthMax })),
  Limit: limit(),
});
