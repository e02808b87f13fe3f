import { DynamoDBStreamsClient, DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand, type _Record, type Shard } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EmbeddedServer } from '../../src/cluster/embedded-server.js';
import { clientFor, startTestServer, testCredentials } from './server.js';

export function streamsClientFor(endpoint: string, region = 'us-east-1'): DynamoDBStreamsClient {
  return new DynamoDBStreamsClient({ endpoint, region, credentials: testCredentials, maxAttempts: 1 });
}

/** Every shard of a stream, following DescribeStream's pages. */
export async function allShards(client: DynamoDBStreamsClient, streamArn: string): Promise<Shard[]> {
  const shards: Shard[] = [];
  let exclusiveStartShardId: string | undefined;
  do {
    const page = await client.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }));
    shards.push(...(page.StreamDescription?.Shards ?? []));
    exclusiveStartShardId = page.StreamDescription?.LastEvaluatedShardId;
  } while (exclusiveStartShardId !== undefined);
  return shards;
}

/** The records of one shard from TRIM_HORIZON, until a page comes back empty (or the shard ends). */
export async function shardRecords(client: DynamoDBStreamsClient, streamArn: string, shardId: string): Promise<_Record[]> {
  const records: _Record[] = [];
  const start = await client.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }));
  let iterator = start.ShardIterator;
  while (iterator !== undefined) {
    const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator }));
    records.push(...(page.Records ?? []));
    if ((page.Records ?? []).length === 0) break;
    iterator = page.NextShardIterator;
  }
  return records;
}

/** Every record of a stream, shard by shard (order is kept within a shard, not across shards). */
export async function streamRecords(client: DynamoDBStreamsClient, streamArn: string): Promise<_Record[]> {
  const records: _Record[] = [];
  for (const shard of await allShards(client, streamArn)) records.push(...(await shardRecords(client, streamArn, shard.ShardId as string)));
  return records;
}

/** A server in this process with a DynamoDB client and a Streams client for it. */
export interface StreamsTestServer {
  readonly server: EmbeddedServer;
  readonly db: DynamoDBClient;
  readonly streams: DynamoDBStreamsClient;
  close(): Promise<void>;
}

export async function startStreamsTestServer(nowMs?: () => number): Promise<StreamsTestServer> {
  const server = await startTestServer(nowMs === undefined ? {} : { nowMs });
  const db = clientFor(server.endpoint);
  const streams = streamsClientFor(server.endpoint);
  return {
    server,
    db,
    streams,
    close: async () => {
      db.destroy();
      streams.destroy();
      await server.close();
    },
  };
}
