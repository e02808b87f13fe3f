import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { awsCli, awsCliFailure } from './support/aws-cli.js';
import { startTestServer } from './support/server.js';

const MINUTE_MS = 60_000;

const aws = (endpoint: string, service: 'dynamodb' | 'dynamodbstreams', args: string[]): Promise<unknown> => awsCli(endpoint, args, service);
const awsFailure = (endpoint: string, args: string[]): Promise<string> => awsCliFailure(endpoint, args, 'dynamodbstreams');

interface StreamRecordOutput {
  eventName: string;
  dynamodb: { Keys: Record<string, { S: string }>; NewImage?: unknown; SequenceNumber: string };
}

describe('the AWS CLI with DynamoDB Streams', () => {
  let server: EmbeddedServer;
  let clockOffsetMs = 0;
  before(async () => {
    server = await startTestServer({ nowMs: () => Date.now() + clockOffsetMs });
  });
  after(() => server.close());

  it('lists and describes streams, takes iterators and reads records, and gets the Streams errors', async () => {
    const created = (await aws(server.endpoint, 'dynamodb', [
      'create-table',
      '--table-name', 'cli-stream',
      '--attribute-definitions', 'AttributeName=id,AttributeType=S',
      '--key-schema', 'AttributeName=id,KeyType=HASH',
      '--provisioned-throughput', 'ReadCapacityUnits=5,WriteCapacityUnits=5',
      '--stream-specification', 'StreamEnabled=true,StreamViewType=NEW_IMAGE',
    ])) as { TableDescription: { LatestStreamArn: string; LatestStreamLabel: string } };
    const streamArn = created.TableDescription.LatestStreamArn;
    await aws(server.endpoint, 'dynamodb', ['put-item', '--table-name', 'cli-stream', '--item', '{"id":{"S":"a"},"n":{"N":"1"}}']);
    await aws(server.endpoint, 'dynamodb', ['put-item', '--table-name', 'cli-stream', '--item', '{"id":{"S":"a"},"n":{"N":"2"}}']);
    await aws(server.endpoint, 'dynamodb', ['delete-item', '--table-name', 'cli-stream', '--key', '{"id":{"S":"a"}}']);

    const listed = (await aws(server.endpoint, 'dynamodbstreams', ['list-streams', '--table-name', 'cli-stream'])) as { Streams: unknown[] };
    assert.deepEqual(listed.Streams, [{ StreamArn: streamArn, TableName: 'cli-stream', StreamLabel: created.TableDescription.LatestStreamLabel }]);

    const described = (await aws(server.endpoint, 'dynamodbstreams', ['describe-stream', '--stream-arn', streamArn])) as {
      StreamDescription: { StreamStatus: string; Shards: Array<{ ShardId: string }> };
    };
    assert.equal(described.StreamDescription.StreamStatus, 'ENABLED');
    const shardId = described.StreamDescription.Shards[0]?.ShardId as string;

    const iterator = (await aws(server.endpoint, 'dynamodbstreams', [
      'get-shard-iterator', '--stream-arn', streamArn, '--shard-id', shardId, '--shard-iterator-type', 'TRIM_HORIZON',
    ])) as { ShardIterator: string };
    const records = (await aws(server.endpoint, 'dynamodbstreams', ['get-records', '--shard-iterator', iterator.ShardIterator])) as {
      Records: StreamRecordOutput[];
      NextShardIterator: string;
    };
    assert.deepEqual(records.Records.map((record) => record.eventName), ['INSERT', 'MODIFY', 'REMOVE']);
    assert.deepEqual(records.Records[1]?.dynamodb.NewImage, { id: { S: 'a' }, n: { N: '2' } });
    assert.ok(records.NextShardIterator.startsWith(`${streamArn}|1|`));

    const second = records.Records[1]?.dynamodb.SequenceNumber as string;
    const after = (await aws(server.endpoint, 'dynamodbstreams', [
      'get-shard-iterator', '--stream-arn', streamArn, '--shard-id', shardId, '--shard-iterator-type', 'AFTER_SEQUENCE_NUMBER', '--sequence-number', second,
    ])) as { ShardIterator: string };
    const last = (await aws(server.endpoint, 'dynamodbstreams', ['get-records', '--shard-iterator', after.ShardIterator, '--limit', '1'])) as { Records: StreamRecordOutput[] };
    assert.deepEqual(last.Records.map((record) => record.eventName), ['REMOVE']);

    const missingArn = streamArn.replace(/stream\/.*$/, 'stream/2024-11-18T14:36:44.149');
    assert.match(
      await awsFailure(server.endpoint, ['describe-stream', '--stream-arn', missingArn]),
      new RegExp(`\\(ResourceNotFoundException\\).*Requested resource not found: Stream: ${missingArn.replace(/[.]/g, '\\.')} not found`),
    );
    assert.match(
      await awsFailure(server.endpoint, ['get-shard-iterator', '--stream-arn', streamArn, '--shard-id', 'shardId-00000001700000000000-0000ffff', '--shard-iterator-type', 'LATEST']),
      /\(ResourceNotFoundException\).*Requested resource not found: Shard does not exist/,
    );
    assert.match(await awsFailure(server.endpoint, ['get-records', '--shard-iterator', `${streamArn}|1|garbage`]), /\(ValidationException\).*Invalid ShardIterator/);
    assert.match(await awsFailure(server.endpoint, ['get-records', '--shard-iterator', iterator.ShardIterator, '--limit', '1001']), /\(LimitExceededException\)/);

    clockOffsetMs = 16 * MINUTE_MS;
    assert.match(await awsFailure(server.endpoint, ['get-records', '--shard-iterator', iterator.ShardIterator]), /\(ExpiredIteratorException\).*Shard iterator has expired/);
    clockOffsetMs = 24 * 60 * MINUTE_MS + MINUTE_MS;
    assert.match(
      await awsFailure(server.endpoint, [
        'get-shard-iterator', '--stream-arn', streamArn, '--shard-id', shardId, '--shard-iterator-type', 'AT_SEQUENCE_NUMBER', '--sequence-number', second,
      ]),
      /\(TrimmedDataAccessException\).*The data you are trying to access has been trimmed\./,
    );
    clockOffsetMs = 0;
  });
});
