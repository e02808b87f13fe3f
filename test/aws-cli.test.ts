import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { startTestServer, testCredentials } from './support/server.js';

const run = promisify(execFile);
const CLI_TIMEOUT_MS = 60_000;

/** The AWS CLI, unchanged, pointed at the server with --endpoint-url. */
async function aws(endpoint: string, args: string[]): Promise<unknown> {
  const { stdout } = await run('aws', ['--endpoint-url', endpoint, '--output', 'json', 'dynamodb', ...args], {
    timeout: CLI_TIMEOUT_MS,
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: testCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: testCredentials.secretAccessKey,
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_PAGER: '',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  });
  return stdout.trim() === '' ? undefined : JSON.parse(stdout);
}

async function awsFailure(endpoint: string, args: string[]): Promise<string> {
  try {
    await aws(endpoint, args);
  } catch (error) {
    return String((error as { stderr?: string }).stderr);
  }
  throw new Error('expected the AWS CLI to fail');
}

describe('the AWS CLI', () => {
  let server: EmbeddedServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('creates, lists, describes, writes, reads and deletes a table', async () => {
    const created = (await aws(server.endpoint, [
      'create-table',
      '--table-name', 'cli-table',
      '--attribute-definitions', 'AttributeName=id,AttributeType=S', 'AttributeName=n,AttributeType=N',
      '--key-schema', 'AttributeName=id,KeyType=HASH', 'AttributeName=n,KeyType=RANGE',
      '--billing-mode', 'PAY_PER_REQUEST',
    ])) as { TableDescription: { TableName: string; TableStatus: string; TableArn: string } };
    assert.equal(created.TableDescription.TableName, 'cli-table');
    assert.equal(created.TableDescription.TableStatus, 'CREATING');
    assert.equal(created.TableDescription.TableArn, 'arn:aws:dynamodb:us-east-1:000000000000:table/cli-table');

    await aws(server.endpoint, ['wait', 'table-exists', '--table-name', 'cli-table']);

    const listed = (await aws(server.endpoint, ['list-tables'])) as { TableNames: string[] };
    assert.ok(listed.TableNames.includes('cli-table'));

    const described = (await aws(server.endpoint, ['describe-table', '--table-name', 'cli-table'])) as {
      Table: { TableStatus: string; KeySchema: unknown; BillingModeSummary: { BillingMode: string } };
    };
    assert.equal(described.Table.TableStatus, 'ACTIVE');
    assert.deepEqual(described.Table.KeySchema, [
      { AttributeName: 'id', KeyType: 'HASH' },
      { AttributeName: 'n', KeyType: 'RANGE' },
    ]);
    assert.equal(described.Table.BillingModeSummary.BillingMode, 'PAY_PER_REQUEST');

    await aws(server.endpoint, [
      'put-item', '--table-name', 'cli-table',
      '--item', JSON.stringify({ id: { S: 'a' }, n: { N: '1.50' }, tags: { SS: ['x', 'y'] }, flag: { BOOL: true } }),
    ]);
    const got = (await aws(server.endpoint, [
      'get-item', '--table-name', 'cli-table', '--key', JSON.stringify({ id: { S: 'a' }, n: { N: '1.5' } }), '--consistent-read',
    ])) as { Item: unknown };
    assert.deepEqual(got.Item, { id: { S: 'a' }, n: { N: '1.5' }, tags: { SS: ['x', 'y'] }, flag: { BOOL: true } });

    const missing = await awsFailure(server.endpoint, ['describe-table', '--table-name', 'no-such-table']);
    assert.match(missing, /ResourceNotFoundException/);
    assert.match(missing, /Requested resource not found: Table: no-such-table not found/);

    const deleted = (await aws(server.endpoint, ['delete-table', '--table-name', 'cli-table'])) as {
      TableDescription: { TableStatus: string };
    };
    assert.equal(deleted.TableDescription.TableStatus, 'DELETING');
    await aws(server.endpoint, ['wait', 'table-not-exists', '--table-name', 'cli-table']);
    const after = (await aws(server.endpoint, ['list-tables'])) as { TableNames: string[] };
    assert.ok(!after.TableNames.includes('cli-table'));
  });

  it('shows DynamoDB validation messages', async () => {
    const message = await awsFailure(server.endpoint, [
      'create-table',
      '--table-name', 'cli-bad',
      '--attribute-definitions', 'AttributeName=id,AttributeType=S',
      '--key-schema', 'AttributeName=other,KeyType=HASH',
      '--billing-mode', 'PAY_PER_REQUEST',
    ]);
    assert.match(message, /ValidationException/);
  });
});
