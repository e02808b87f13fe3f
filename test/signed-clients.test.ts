import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { PYTHON, startTestServer, testCredentials } from './support/server.js';

const run = promisify(execFile);
const CLIENT_TIMEOUT_MS = 60_000;
const UNKNOWN_KEY = { accessKeyId: 'AKIDUNKNOWNEXAMPLE', secretAccessKey: testCredentials.secretAccessKey };
const WRONG_SECRET = { accessKeyId: testCredentials.accessKeyId, secretAccessKey: 'not-the-secret' };

interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

interface ClientRun {
  readonly ok: boolean;
  readonly output: string;
}

function environment(credentials: Credentials, endpoint: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
    DYNACELL_ENDPOINT: endpoint,
  };
}

async function runClient(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<ClientRun> {
  try {
    const { stdout } = await run(command, args, { timeout: CLIENT_TIMEOUT_MS, env });
    return { ok: true, output: stdout };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

/** `aws dynamodb list-tables` with the given keys. */
function cliListTables(endpoint: string, credentials: Credentials): Promise<ClientRun> {
  return runClient('aws', ['--endpoint-url', endpoint, '--output', 'json', 'dynamodb', 'list-tables'], environment(credentials, endpoint));
}

/** boto3's list_tables with the given keys; prints the table names, or the error code and message. */
const BOTO3_LIST_TABLES = `
import os, boto3
from botocore.config import Config
from botocore.exceptions import ClientError
client = boto3.client("dynamodb", endpoint_url=os.environ["DYNACELL_ENDPOINT"],
                      config=Config(parameter_validation=False, retries={"max_attempts": 1}))
try:
    print("tables", client.list_tables()["TableNames"])
except ClientError as error:
    print("error", error.response["Error"]["Code"], "|", error.response["Error"]["Message"])
`;

function boto3ListTables(endpoint: string, credentials: Credentials): Promise<ClientRun> {
  return runClient(PYTHON, ['-c', BOTO3_LIST_TABLES], environment(credentials, endpoint));
}

describe('boto3 and the AWS CLI with signature verification on', () => {
  let server: EmbeddedServer;
  before(async () => {
    server = await startTestServer({ signatureCredentials: [testCredentials] });
  });
  after(() => server.close());

  it('the AWS CLI is served with the right keys', async () => {
    const result = await cliListTables(server.endpoint, testCredentials);
    assert.ok(result.ok, result.output);
    assert.deepEqual(JSON.parse(result.output), { TableNames: [] });
  });

  it('the AWS CLI is refused a wrong secret and an unknown key with DynamoDB’s errors', async () => {
    const wrongSecret = await cliListTables(server.endpoint, WRONG_SECRET);
    assert.equal(wrongSecret.ok, false);
    assert.match(wrongSecret.output, /\(InvalidSignatureException\) when calling the ListTables operation: The request signature we calculated does not match the signature you provided/);
    const unknownKey = await cliListTables(server.endpoint, UNKNOWN_KEY);
    assert.equal(unknownKey.ok, false);
    assert.match(unknownKey.output, /\(UnrecognizedClientException\) when calling the ListTables operation: The security token included in the request is invalid\./);
  });

  it('boto3 is served with the right keys', async () => {
    const result = await boto3ListTables(server.endpoint, testCredentials);
    assert.ok(result.ok, result.output);
    assert.equal(result.output.trim(), 'tables []');
  });

  it('boto3 is refused a wrong secret and an unknown key with DynamoDB’s errors', async () => {
    const wrongSecret = await boto3ListTables(server.endpoint, WRONG_SECRET);
    assert.match(wrongSecret.output, /^error InvalidSignatureException \| The request signature we calculated does not match the signature you provided/);
    const unknownKey = await boto3ListTables(server.endpoint, UNKNOWN_KEY);
    assert.equal(unknownKey.output.trim(), 'error UnrecognizedClientException | The security token included in the request is invalid.');
  });
});
