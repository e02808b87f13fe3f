import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { CreateTableCommand, DeleteItemCommand, DescribeTableCommand, GetItemCommand, PutItemCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { clientFor, exitOf, spawnServer, temporaryDirectory } from './support/server.js';

const ROUNDS = 3;
const WRITERS = 32;
/** Each round kills the server once this many writes of the round were acknowledged, and not before this long. */
const KILL_AFTER_ACKNOWLEDGED = 40;
const KILL_AFTER_MS = 700;
const KILL_WAIT_MS_MAX = 30_000;
const TABLE = 'durability';

/**
 * Acknowledged writes survive kill -9: a server in a child process takes many concurrent writes, is
 * killed with SIGKILL while they are in flight, and restarts on the same data directory; every write it
 * acknowledged (puts and deletes) must be there, and the table must still be whole.
 */
describe('durability across kill -9', () => {
  it(`keeps every acknowledged write, ${ROUNDS} rounds`, async () => {
    const dataDirectory = temporaryDirectory('durability');
    try {
      const acknowledgedPuts = new Map<string, string>();
      const acknowledgedDeletes = new Set<string>();
      for (let round = 0; round < ROUNDS; round++) {
        const server = await spawnServer(['--data-dir', dataDirectory]);
        const client = clientFor(server.endpoint);
        if (round === 0) {
          await client.send(
            new CreateTableCommand({
              TableName: TABLE,
              AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
              KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
              BillingMode: 'PAY_PER_REQUEST',
            }),
          );
          await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: TABLE });
        }
        let stop = false;
        let acknowledgedThisRound = 0;
        const writer = async (writerNumber: number): Promise<void> => {
          for (let sequence = 0; !stop; sequence++) {
            const id = `r${round}-w${writerNumber}-${sequence}`;
            const value = `value of ${id} `.repeat(1 + (sequence % 7));
            try {
              await client.send(new PutItemCommand({ TableName: TABLE, Item: { id: { S: id }, value: { S: value } } }));
              acknowledgedPuts.set(id, value);
              acknowledgedThisRound++;
              if (sequence % 5 === 4) {
                // From here on the item's fate is unknown until the delete is acknowledged.
                acknowledgedPuts.delete(id);
                await client.send(new DeleteItemCommand({ TableName: TABLE, Key: { id: { S: id } } }));
                acknowledgedDeletes.add(id);
              }
            } catch {
              return; // the server is gone: this write was never acknowledged
            }
          }
        };
        const writers = Array.from({ length: WRITERS }, (_, index) => writer(index));
        // Kill while writes are in flight, once enough were acknowledged, however loaded the machine is.
        const started = performance.now();
        while (performance.now() - started < KILL_AFTER_MS || acknowledgedThisRound < KILL_AFTER_ACKNOWLEDGED) {
          assert.ok(performance.now() - started < KILL_WAIT_MS_MAX, `only ${acknowledgedThisRound} writes acknowledged`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        server.child.kill('SIGKILL');
        stop = true;
        await Promise.all(writers);
        await exitOf(server.child);
        client.destroy();
      }
      assert.ok(acknowledgedPuts.size > 100, `expected many acknowledged writes, got ${acknowledgedPuts.size}`);

      const server = await spawnServer(['--data-dir', dataDirectory]);
      const client = clientFor(server.endpoint);
      try {
        const description = await client.send(new DescribeTableCommand({ TableName: TABLE }));
        assert.equal(description.Table?.TableStatus, 'ACTIVE');
        const missing: string[] = [];
        const entries = [...acknowledgedPuts];
        const CONCURRENCY = 32;
        for (let start = 0; start < entries.length; start += CONCURRENCY) {
          await Promise.all(
            entries.slice(start, start + CONCURRENCY).map(async ([id, value]) => {
              const result = await client.send(new GetItemCommand({ TableName: TABLE, Key: { id: { S: id } }, ConsistentRead: true }));
              if (result.Item?.['value']?.S !== value) missing.push(id);
            }),
          );
        }
        assert.deepEqual(missing, [], 'acknowledged puts lost');
        for (const id of [...acknowledgedDeletes].slice(0, 200)) {
          const result = await client.send(new GetItemCommand({ TableName: TABLE, Key: { id: { S: id } }, ConsistentRead: true }));
          assert.equal(result.Item, undefined, `acknowledged delete of ${id} lost`);
        }
        assert.ok((description.Table?.ItemCount ?? -1) >= acknowledgedPuts.size);
      } finally {
        client.destroy();
        server.child.kill('SIGKILL');
        await exitOf(server.child);
      }
    } finally {
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  });
});
