import { DynamoDbError, resourceNotFound, validationError } from '../lib/errors.js';

/**
 * DynamoDB Streams' answers. The stream and shard messages are DynamoDB's (a recorded stream answer and
 * what clients quote); where DynamoDB's wording is not known, the text is dynacell's (docs/streams.md).
 */
export const streamErrors = {
  streamNotFound: (streamArn: string) => resourceNotFound(`Requested resource not found: Stream: ${streamArn} not found`),
  shardNotFound: () => resourceNotFound('Requested resource not found: Shard does not exist'),
  iteratorExpired: () => new DynamoDbError('ExpiredIteratorException', 'Shard iterator has expired'),
  trimmed: () => new DynamoDbError('TrimmedDataAccessException', 'The data you are trying to access has been trimmed.'),
  invalidIterator: () => validationError('Invalid ShardIterator'),
  sequenceNumberRequired: (iteratorType: string) => validationError(`SequenceNumber must be specified for ShardIteratorType ${iteratorType}`),
  sequenceNumberNotInShard: (sequenceNumber: string, shardId: string) =>
    validationError(`Invalid SequenceNumber ${sequenceNumber} for shard ${shardId}`),
  getRecordsLimitExceeded: (limit: number) =>
    new DynamoDbError('LimitExceededException', `Limit ${limit} is more than the maximum of 1000 records`),
};
