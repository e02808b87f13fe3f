import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  PutItemCommand,
  ScanCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  waitUntilTableExists,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand, type DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { createPrng } from '../src/lib/prng.js';
import { clientFor, exitOf, spawnServer, temporaryDirectory, type ServerProcess } from './support/server.js';
import { streamsClientFor } from './support/streams.js';

const TABLE = 'replayed';
const KEYS = 300;
const WRITERS = 16;
const RUN_BEFORE_KILL_MS = 3000;
const RUN_AFTER_RESTART_MS = 2000;
const CONSUMER_PAUSE_MS = 20;
/** The kill comes once the consumer has read this many records (or after PHASE_MS_MAX, and the test fails). */
const RECORDS_BEFORE_KILL_MIN = 50;
const PHASE_MS_MAX = 30_000;

type Item = Record<string, AttributeValue>;

/** One random write: a put, an update, a delete, a transaction of three actions or a batch of four. */
async function randomWrite(client: DynamoDBClient, random: () => number, writer: number, step: number): Promise<void> {
  const key = (): Item => ({ id: { S: `item-${Math.floor(random() * KEYS)}` } });
  const choice = random();
  const value = { S: `w${writer}-s${step}` };
  if (choice < 0.3) {
    await client.send(new PutItemCommand({ TableName: TABLE, Item: { ...key(), value, size: { N: String(step) } } }));
  } else if (choice < 0.55) {
    await client.send(
      new UpdateItemCommand({ TableName: TABLE, Key: key(), UpdateExpression: 'SET #v = :v ADD hits :one', ExpressionAttributeNames: { '#v': 'value' }, ExpressionAttributeValues: { ':v': value, ':one': { N: '1' } } }),
    );
  } else if (choice < 0.7) {
    await client.send(new DeleteItemCommand({ TableName: TABLE, Key: key() }));
  } else if (choice < 0.85) {
    const keys = new Map<string, Item>();
    while (keys.size < 3) {
      const next = key();
      keys.set(next['id']?.S as string, next);
    }
    const [first, second, third] = [...keys.values()] as [Item, Item, Item];
    await client
      .send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: TABLE, Item: { ...first, value, transacted: { BOOL: true } } } },
            { Update: { TableName: TABLE, Key: second, UpdateExpression: 'ADD hits :one', ExpressionAttributeValues: { ':one': { N: '1' } } } },
            { Delete: { TableName: TABLE, Key: third } },
          ],
        }),
      )
      .catch((error: unknown) => {
        // Two transactions on one item: one is cancelled, which changes nothing.
        if ((error as { name?: string }).name !== 'TransactionCanceledException') throw error;
      });
  } else {
    const keys = new Map<string, Item>();
    while (keys.size < 4) {
      const next = key();
      keys.set(next['id']?.S as string, next);
    }
    const requests = [...keys.values()].map((item, index) => (index % 2 === 0 ? { PutRequest: { Item: { ...item, value, batched: { N: String(index) } } } } : { DeleteRequest: { Key: item } }));
    await client.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: requests } }));
  }
}

/** Reads every shard of the stream from TRIM_HORIZON and applies each record to its own copy of the table. */
class StreamReplica {
  readonly items = new Map<string, Item>();
  records = 0;
  private readonly iterators = new Map<string, string | undefined>();

  constructor(private readonly streamArn: string) {}

  /** One pass over the shards; answers how many records it applied. */
  async pass(streams: DynamoDBStreamsClient): Promise<number> {
    const description = await streams.send(new DescribeStreamCommand({ StreamArn: this.streamArn }));
    assert.equal(description.StreamDescription?.LastEvaluatedShardId, undefined);
    let applied = 0;
    for (const shard of description.StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId as string;
      if (!this.iterators.has(shardId)) {
        const start = await streams.send(new GetShardIteratorCommand({ StreamArn: this.streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }));
        this.iterators.set(shardId, start.ShardIterator);
      }
      const iterator = this.iterators.get(shardId);
      if (iterator === undefined) continue;
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
      for (const record of page.Records ?? []) {
        const id = record.dynamodb?.Keys?.['id']?.S as string;
        if (record.eventName === 'REMOVE') this.items.delete(id);
        else this.items.set(id, record.dynamodb?.NewImage as Item);
        applied++;
      }
      this.iterators.set(shardId, page.NextShardIterator);
      this.records += page.Records?.length ?? 0;
    }
    return applied;
  }
}

async function scanAll(client: DynamoDBClient): Promise<Map<string, Item>> {
  const items = new Map<string, Item>();
  let startKey: Item | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: TABLE, ConsistentRead: true, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) items.set(item['id']?.S as string, item);
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
}

/** Sorted entries with each item's attributes in name order, so two copies compare item for item. */
function canonical(items: Map<string, Item>): Array<[string, Item]> {
  return [...items]
    .sort(([left], [right]) => (left < right ? -1 : 1))
    .map(([id, item]) => [id, Object.fromEntries(Object.keys(item).sort().map((name) => [name, item[name] as AttributeValue]))]);
}

/**
 * A consumer reads every shard of a table's stream from TRIM_HORIZON while many clients put, update,
 * delete, batch and transact on it; the server is killed with SIGKILL in the middle and restarted on its
 * data directory, and the consumer carries on with the iterators it holds. Rebuilt from the stream alone,
 * its copy of the table must equal the table, item for item.
 */
describe('replaying a stream', () => {
  it('rebuilds the table from the stream alone, across kill -9', async () => {
    const dataDirectory = temporaryDirectory('streams-replay');
    const startedMs = Date.now();
    let server: ServerProcess | undefined;
    try {
      server = await spawnServer(['--data-dir', dataDirectory]);
      let db = clientFor(server.endpoint);
      let streams = streamsClientFor(server.endpoint);
      const created = await db.send(
        new CreateTableCommand({
          TableName: TABLE,
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
        }),
      );
      await waitUntilTableExists({ client: db, maxWaitTime: 60 }, { TableName: TABLE });
      const replica = new StreamReplica(created.TableDescription?.LatestStreamArn as string);
      let acknowledgedWrites = 0;

      const runPhase = async (durationMs: number, phase: number, kill: boolean): Promise<void> => {
        let stop = false;
        let killed = false;
        const writers = Array.from({ length: WRITERS }, async (_, writer) => {
          const prng = createPrng(phase * 1000 + writer);
          const random = (): number => prng.nextFloat();
          for (let step = 0; !stop; step++) {
            try {
              await randomWrite(db, random, writer, step);
              acknowledgedWrites++;
            } catch (error) {
              if (killed) return; // the server is gone: this write was never acknowledged
              throw error;
            }
          }
        });
        const consumer = (async () => {
          while (!stop) {
            try {
              await replica.pass(streams);
            } catch (error) {
              if (killed) return;
              throw error;
            }
            await new Promise((resolve) => setTimeout(resolve, CONSUMER_PAUSE_MS));
          }
        })();
        // On a loaded machine the consumer may need longer for its first records: the kill waits for them.
        const startedMs = Date.now();
        while (Date.now() - startedMs < durationMs || (kill && replica.records < RECORDS_BEFORE_KILL_MIN && Date.now() - startedMs < PHASE_MS_MAX)) {
          await new Promise((resolve) => setTimeout(resolve, CONSUMER_PAUSE_MS));
        }
        if (kill) {
          killed = true;
          server?.child.kill('SIGKILL');
        }
        stop = true;
        await Promise.all([...writers, consumer]);
      };

      await runPhase(RUN_BEFORE_KILL_MS, 1, true);
      await exitOf(server.child);
      db.destroy();
      streams.destroy();
      const recordsBeforeKill = replica.records;

      server = await spawnServer(['--data-dir', dataDirectory]);
      db = clientFor(server.endpoint);
      streams = streamsClientFor(server.endpoint);
      await runPhase(RUN_AFTER_RESTART_MS, 2, false);
      while ((await replica.pass(streams)) > 0);

      const table = await scanAll(db);
      assert.ok(recordsBeforeKill >= RECORDS_BEFORE_KILL_MIN, `the consumer read ${recordsBeforeKill} records before the kill`);
      assert.ok(acknowledgedWrites > 100, `expected many writes, got ${acknowledgedWrites}`);
      assert.ok(table.size > 10, `expected items left in the table, got ${table.size}`);
      assert.deepEqual(canonical(replica.items), canonical(table));
      process.stdout.write(
        `# replay: ${acknowledgedWrites} acknowledged writes, ${replica.records} records (${recordsBeforeKill} before kill -9), ` +
          `${table.size} items rebuilt, ${Date.now() - startedMs} ms\n`,
      );
      db.destroy();
      streams.destroy();
    } finally {
      if (server !== undefined && server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGTERM');
        await exitOf(server.child);
      }
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  });
});
