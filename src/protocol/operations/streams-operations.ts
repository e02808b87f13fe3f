import { assert } from '../../lib/assert.js';
import type { DescribeStreamRequest, GetRecordsRequest, GetShardIteratorRequest, ListStreamsRequest } from '../../streams/stream-operations.js';
import { validateRequest } from '../request-validation.js';
import type { OperationName } from '../shapes/index.js';

type Response = Record<string, unknown>;

/**
 * DynamoDB Streams as the front door sees it (X-Amz-Target `DynamoDBStreams_20120810.*`): requests that
 * passed shape validation. The embedded node implements it over its partitions (cluster/embedded-streams.ts).
 */
export interface StreamService {
  listStreams(request: ListStreamsRequest): Response;
  describeStream(request: DescribeStreamRequest): Promise<Response>;
  getShardIterator(request: GetShardIteratorRequest): Promise<Response>;
  getRecords(request: GetRecordsRequest): Promise<Response>;
}

export function createStreamsOperations(streams: StreamService | undefined): Record<string, (body: unknown) => unknown> {
  const validated =
    <Request, T>(operation: OperationName, run: (service: StreamService, request: Request) => T) =>
    (body: unknown): T => {
      validateRequest(operation, body);
      assert(streams !== undefined, 'the server has a stream service');
      return run(streams, body as Request);
    };
  return {
    ListStreams: validated('ListStreams', (service, request: ListStreamsRequest) => service.listStreams(request)),
    DescribeStream: validated('DescribeStream', (service, request: DescribeStreamRequest) => service.describeStream(request)),
    GetShardIterator: validated('GetShardIterator', (service, request: GetShardIteratorRequest) => service.getShardIterator(request)),
    GetRecords: validated('GetRecords', (service, request: GetRecordsRequest) => service.getRecords(request)),
  };
}
