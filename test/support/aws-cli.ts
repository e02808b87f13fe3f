import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { testCredentials } from './server.js';

const run = promisify(execFile);
const CLI_TIMEOUT_MS = 60_000;

/** The AWS CLI, unchanged, pointed at the server with --endpoint-url; answers its JSON output. */
export async function awsCli(endpoint: string, args: string[], service: 'dynamodb' | 'dynamodbstreams' = 'dynamodb'): Promise<unknown> {
  const { stdout } = await run('aws', ['--endpoint-url', endpoint, '--output', 'json', service, ...args], {
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

/** Runs a command that must fail; answers what the CLI printed on stderr. */
export async function awsCliFailure(endpoint: string, args: string[], service: 'dynamodb' | 'dynamodbstreams' = 'dynamodb'): Promise<string> {
  try {
    await awsCli(endpoint, args, service);
  } catch (error) {
    return String((error as { stderr?: string }).stderr);
  }
  throw new Error('expected the AWS CLI to fail');
}
