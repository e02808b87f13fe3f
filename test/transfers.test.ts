import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import {
  DynamoDBClient,
  PutItemCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { clientFor, exitOf, spawnServer, temporaryDirectory } from './support/server.js';
import { createTable } from './support/tables.js';
import { createPrng } from '../src/lib/prng.js';

const TABLE = 'accounts';
const ACCOUNTS = 20;
const OPENING_BALANCE = 100;
const TRANSFER_CLIENTS = 6;
const RUN_BEFORE_KILL_MS = 1500;

const key = (account: number) => ({ id: { S: `account-${account}` } });

/** The sum of all balances, read as one transaction (a consistent snapshot). */
async function totalBalance(client: DynamoDBClient): Promise<number> {
  const result = await client.send(
    new TransactGetItemsCommand({
      TransactItems: Array.from({ length: ACCOUNTS }, (_, account) => ({ Get: { TableName: TABLE, Key: key(account) } })),
    }),
  );
  return (result.Responses ?? []).reduce((sum, response) => sum + Number(response.Item?.['balance']?.N ?? Number.NaN), 0);
}

/**
 * Many clients move money between accounts with TransactWriteItems while others write the same items one
 * at a time and read all balances in one TransactGetItems: the total never changes, and it is still the
 * same after the server is killed with SIGKILL mid-run and restarted on its data directory.
 */
describe('transfers between accounts', () => {
  it('keep the total balance invariant, across kill -9 too', async () => {
    const dataDirectory = temporaryDirectory('transfers');
    try {
      const server = await spawnServer(['--data-dir', dataDirectory]);
      const client = clientFor(server.endpoint);
      await createTable(client, {
        TableName: TABLE,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      });
      for (let account = 0; account < ACCOUNTS; account++) {
        await client.send(new PutItemCommand({ TableName: TABLE, Item: { ...key(account), balance: { N: String(OPENING_BALANCE) }, touched: { N: '0' } } }));
      }
      const expectedTotal = ACCOUNTS * OPENING_BALANCE;
      let stop = false;
      let committed = 0;
      let snapshots = 0;
      const failures: string[] = [];
      const prng = createPrng(7);
      const random = (below: number): number => prng.nextInt(below);
      const transfer = async (): Promise<void> => {
        while (!stop) {
          const from = random(ACCOUNTS);
          const to = (from + 1 + random(ACCOUNTS - 1)) % ACCOUNTS;
          const amount = String(1 + random(20));
          try {
            await client.send(
              new TransactWriteItemsCommand({
                TransactItems: [
                  {
                    Update: {
                      TableName: TABLE,
                      Key: key(from),
                      UpdateExpression: 'SET balance = balance - :amount',
                      ConditionExpression: 'balance >= :amount',
                      ExpressionAttributeValues: { ':amount': { N: amount } },
                    },
                  },
                  { Update: { TableName: TABLE, Key: key(to), UpdateExpression: 'SET balance = balance + :amount', ExpressionAttributeValues: { ':amount': { N: amount } } } },
                ],
              }),
            );
            committed++;
          } catch (error) {
            const name = (error as Error).name;
            if (stop) return;
            if (name !== 'TransactionCanceledException' && name !== 'TransactionConflictException') failures.push(`transfer: ${name}: ${(error as Error).message}`);
          }
        }
      };
      const touch = async (): Promise<void> => {
        while (!stop) {
          try {
            await client.send(new UpdateItemCommand({ TableName: TABLE, Key: key(random(ACCOUNTS)), UpdateExpression: 'ADD touched :one', ExpressionAttributeValues: { ':one': { N: '1' } } }));
          } catch (error) {
            const name = (error as Error).name;
            if (stop) return;
            if (name !== 'TransactionConflictException') failures.push(`touch: ${name}`);
          }
        }
      };
      const audit = async (): Promise<void> => {
        while (!stop) {
          try {
            const total = await totalBalance(client);
            snapshots++;
            if (total !== expectedTotal) failures.push(`snapshot total ${total}`);
          } catch (error) {
            const name = (error as Error).name;
            if (stop) return;
            if (name !== 'TransactionCanceledException' && name !== 'TransactionConflictException') failures.push(`audit: ${name}`);
          }
        }
      };
      const workers = [...Array.from({ length: TRANSFER_CLIENTS }, transfer), touch(), touch(), audit()];
      await new Promise((resolve) => setTimeout(resolve, RUN_BEFORE_KILL_MS));
      server.child.kill('SIGKILL');
      stop = true;
      await Promise.all(workers);
      await exitOf(server.child);
      client.destroy();
      assert.deepEqual(failures, []);
      assert.ok(committed > 20, `transfers committed: ${committed}`);
      assert.ok(snapshots > 5, `consistent snapshots read: ${snapshots}`);

      const restarted = await spawnServer(['--data-dir', dataDirectory]);
      const again = clientFor(restarted.endpoint);
      try {
        assert.equal(await totalBalance(again), expectedTotal, 'the total survives kill -9');
      } finally {
        again.destroy();
        restarted.child.kill('SIGKILL');
        await exitOf(restarted.child);
      }
    } finally {
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  });
});
