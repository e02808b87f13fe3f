import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { CreateTableCommand, GetItemCommand, PutItemCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { clientFor, exitOf, spawnServer, temporaryDirectory } from './support/server.js';

const BIN = new URL('../../bin/dynacell.js', import.meta.url).pathname;
const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function run(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 10_000 });
}

describe('the dynacell command', () => {
  it('prints its help', () => {
    const result = run(['--help']);
    assert.equal(result.status, 0);
    for (const flag of ['--port', '--host', '--data-dir', '--in-memory', '--region', '--log-level', '--max-connections', '--help', '--version']) {
      assert.ok(result.stdout.includes(flag), `help mentions ${flag}`);
    }
  });

  it('prints its version', () => {
    const result = run(['--version']);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, `dynacell ${PACKAGE.version}\n`);
  });

  it('refuses unknown flags and bad values with exit code 2', () => {
    for (const args of [['--bogus'], ['--port', 'eighty'], ['--port', '70000'], ['--log-level', 'loud'], ['--region', 'mars'], ['--tls-cert', 'cert.pem'], ['--max-connections', '0'], ['--max-connections', 'many']]) {
      const result = run(args);
      assert.equal(result.status, 2, `exit code for ${args.join(' ')}`);
      assert.match(result.stderr, /^dynacell: /);
    }
  });

  it('refuses a second server on the same data directory, and stops cleanly on SIGTERM', async () => {
    const dataDirectory = temporaryDirectory('lock');
    try {
      const first = await spawnServer(['--data-dir', dataDirectory]);
      const second = run(['--port', '0', '--data-dir', dataDirectory]);
      assert.equal(second.status, 1);
      assert.match(second.stderr, /in use by another dynacell process/);

      const client = clientFor(first.endpoint);
      await client.send(
        new CreateTableCommand({
          TableName: 'lifecycle',
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: 'lifecycle' });
      await client.send(new PutItemCommand({ TableName: 'lifecycle', Item: { id: { S: 'kept' } } }));
      client.destroy();
      first.child.kill('SIGTERM');
      assert.deepEqual(await exitOf(first.child), { code: 0, signal: null });

      const restarted = await spawnServer(['--data-dir', dataDirectory]);
      const again = clientFor(restarted.endpoint);
      const result = await again.send(new GetItemCommand({ TableName: 'lifecycle', Key: { id: { S: 'kept' } } }));
      assert.deepEqual(result.Item, { id: { S: 'kept' } });
      again.destroy();
      restarted.child.kill('SIGINT');
      assert.deepEqual(await exitOf(restarted.child), { code: 0, signal: null });
    } finally {
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  });
});
