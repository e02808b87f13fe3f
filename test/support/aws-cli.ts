import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { testCredentials } from './server.js';

const run = promisify(execFile);
const CLI_TIMEOUT_MS = 60_000;

type Service = 'dynamodb' | 'dynamodbstreams';

export interface AccessKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** The environment the AWS CLI and boto3 run in: these keys, us-east-1, no pager, no instance-metadata lookups. */
export function clientEnvironment(keys: AccessKeys = testCredentials): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_ACCESS_KEY_ID: keys.accessKeyId,
    AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** The AWS CLI, unchanged, pointed at the server with --endpoint-url; answers its JSON output. */
export async function awsCli(endpoint: string, args: string[], service: Service = 'dynamodb', keys?: AccessKeys): Promise<unknown> {
  const { stdout } = await run('aws', ['--endpoint-url', endpoint, '--output', 'json', service, ...args], {
    timeout: CLI_TIMEOUT_MS,
    env: clientEnvironment(keys),
  });
  return stdout.trim() === '' ? undefined : JSON.parse(stdout);
}

/** Runs a command that must fail; answers what the CLI printed on stderr. */
export async function awsCliFailure(endpoint: string, args: string[], service: Service = 'dynamodb', keys?: AccessKeys): Promise<string> {
  try {
    await awsCli(endpoint, args, service, keys);
  } catch (error) {
    return String((error as { stderr?: string }).stderr);
  }
  throw new Error('expected the AWS CLI to fail');
}
