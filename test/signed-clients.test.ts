import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { awsCli, awsCliFailure, clientEnvironment, type AccessKeys } from './support/aws-cli.js';
import { PYTHON, startTestServer, testCredentials } from './support/server.js';

const run = promisify(execFile);
const PYTHON_TIMEOUT_MS = 60_000;
const UNKNOWN_KEY: AccessKeys = { accessKeyId: 'AKIDUNKNOWNEXAMPLE', secretAccessKey: testCredentials.secretAccessKey };
const WRONG_SECRET: AccessKeys = { accessKeyId: testCredentials.accessKeyId, secretAccessKey: 'not-the-secret' };

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

async function boto3ListTables(endpoint: string, keys: AccessKeys): Promise<string> {
  const { stdout } = await run(PYTHON, ['-c', BOTO3_LIST_TABLES], {
    timeout: PYTHON_TIMEOUT_MS,
    env: { ...clientEnvironment(keys), DYNACELL_ENDPOINT: endpoint },
  });
  return stdout.trim();
}

describe('boto3 and the AWS CLI with signature verification on', () => {
  let server: EmbeddedServer;
  before(async () => {
    server = await startTestServer({ signatureCredentials: [testCredentials] });
  });
  after(() => server.close());

  it('the AWS CLI is served with the right keys', async () => {
    assert.deepEqual(await awsCli(server.endpoint, ['list-tables']), { TableNames: [] });
  });

  it('the AWS CLI is refused a wrong secret and an unknown key with DynamoDB’s errors', async () => {
    assert.match(
      await awsCliFailure(server.endpoint, ['list-tables'], 'dynamodb', WRONG_SECRET),
      /\(InvalidSignatureException\) when calling the ListTables operation: The request signature we calculated does not match the signature you provided/,
    );
    assert.match(
      await awsCliFailure(server.endpoint, ['list-tables'], 'dynamodb', UNKNOWN_KEY),
      /\(UnrecognizedClientException\) when calling the ListTables operation: The security token included in the request is invalid\./,
    );
  });

  it('boto3 is served with the right keys', async () => {
    assert.equal(await boto3ListTables(server.endpoint, testCredentials), 'tables []');
  });

  it('boto3 is refused a wrong secret and an unknown key with DynamoDB’s errors', async () => {
    assert.match(
      await boto3ListTables(server.endpoint, WRONG_SECRET),
      /^error InvalidSignatureException \| The request signature we calculated does not match the signature you provided/,
    );
    assert.equal(
      await boto3ListTables(server.endpoint, UNKNOWN_KEY),
      'error UnrecognizedClientException | The security token included in the request is invalid.',
    );
  });
});
