import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  BatchWriteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  ScanCommand,
  UpdateTimeToLiveCommand,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { clientFor, spawnServer, type ServerProcess } from './support/server.js';
import { createKeyedTable } from './support/tables.js';

/**
 * Heavy expiry must not starve client traffic: p99 GetItem latency while 20,000 items expire (at the
 * default pace) against the same load on the same data with TTL off. The server runs in its own process,
 * as in production; the load is closed-loop, CONCURRENCY clients each waiting for its answer. The machine
 * is shared, so quiet and busy windows alternate (TTL disabled, then enabled) and each side pools its
 * windows: a slow spell of the machine then weighs on both.
 */
const EXPIRING_ITEMS = 20_000;
const HOT_ITEMS = 1000;
const CONCURRENCY = 4;
const ROUNDS = 12;
const WINDOW_MS = 600;
const BATCH_ITEMS = 25;
const EXPIRY_WAIT_MS = 60_000;

async function load(client: DynamoDBClient, table: string, count: number, expires: () => string): Promise<void> {
  const batches: WriteRequest[][] = [];
  for (let start = 0; start < count; start += BATCH_ITEMS) {
    batches.push(
      Array.from({ length: Math.min(BATCH_ITEMS, count - start) }, (_, offset) => ({
        PutRequest: { Item: { pk: { S: `item-${start + offset}` }, expires: { N: expires() }, payload: { S: 'x'.repeat(200) } } },
      })),
    );
  }
  const writers = Array.from({ length: 8 }, async () => {
    for (let batch = batches.pop(); batch !== undefined; batch = batches.pop()) {
      const answer = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: batch } }));
      assert.equal(Object.keys(answer.UnprocessedItems ?? {}).length, 0);
    }
  });
  await Promise.all(writers);
}

/** GetItem latencies in milliseconds, from CONCURRENCY closed-loop clients over `durationMs`. */
async function getItemLatencies(client: DynamoDBClient, table: string, durationMs: number): Promise<number[]> {
  const latencies: number[] = [];
  const end = performance.now() + durationMs;
  let sequence = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < end) {
      const key = { pk: { S: `item-${sequence++ % HOT_ITEMS}` } };
      const started = performance.now();
      const answer = await client.send(new GetItemCommand({ TableName: table, Key: key }));
      latencies.push(performance.now() - started);
      assert.notEqual(answer.Item, undefined);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return latencies;
}

function setTimeToLive(client: DynamoDBClient, table: string, enabled: boolean): Promise<unknown> {
  return client.send(new UpdateTimeToLiveCommand({ TableName: table, TimeToLiveSpecification: { Enabled: enabled, AttributeName: 'expires' } }));
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] as number;
}

async function itemCount(client: DynamoDBClient, table: string): Promise<number> {
  let count = 0;
  let startKey: Record<string, never> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, Select: 'COUNT', ExclusiveStartKey: startKey }));
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (startKey !== undefined);
  return count;
}

describe('Time to Live under load', () => {
  let server: ServerProcess;
  let client: DynamoDBClient;
  before(async () => {
    server = await spawnServer(['--in-memory', '--ttl-interval-ms', '10', '--ttl-change-interval-ms', '0']);
    client = clientFor(server.endpoint);
  });
  after(() => {
    client.destroy();
    server.child.kill('SIGTERM');
  });

  it(`serves GetItem with a bounded p99 while ${EXPIRING_ITEMS} items expire`, async (context) => {
    const hot = 'ttl-hot';
    const expiring = 'ttl-expiring';
    await createKeyedTable(client, hot);
    await createKeyedTable(client, expiring);
    const farFuture = String(Math.floor(Date.now() / 1000) + 86_400);
    await load(client, hot, HOT_ITEMS, () => farFuture);
    await load(client, expiring, EXPIRING_ITEMS, () => String(Math.floor(Date.now() / 1000) - 60));

    const quiet: number[] = [];
    const busy: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      quiet.push(...(await getItemLatencies(client, hot, WINDOW_MS)));
      await setTimeToLive(client, expiring, true);
      busy.push(...(await getItemLatencies(client, hot, WINDOW_MS)));
      await setTimeToLive(client, expiring, false);
    }
    const remaining = await itemCount(client, expiring);
    await setTimeToLive(client, expiring, true);

    const quietP99 = percentile(quiet, 0.99);
    const busyP99 = percentile(busy, 0.99);
    context.diagnostic(
      `GetItem p99 ${quietP99.toFixed(2)} ms without expiry (${quiet.length} requests), ${busyP99.toFixed(2)} ms while ` +
        `${EXPIRING_ITEMS - remaining} of ${EXPIRING_ITEMS} items expired (${busy.length} requests); p50 ` +
        `${percentile(quiet, 0.5).toFixed(2)} / ${percentile(busy, 0.5).toFixed(2)} ms`,
    );
    assert.ok(remaining < EXPIRING_ITEMS && remaining > 0, `expiry ran in the busy windows and was not over (${remaining} left)`);
    assert.ok(busyP99 <= 2 * quietP99 + 5, `p99 ${busyP99.toFixed(2)} ms while expiring, ${quietP99.toFixed(2)} ms without`);

    const deadline = Date.now() + EXPIRY_WAIT_MS;
    while ((await itemCount(client, expiring)) > 0) {
      assert.ok(Date.now() < deadline, `every expired item deleted within ${EXPIRY_WAIT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.equal(await itemCount(client, hot), HOT_ITEMS);
  });
});
