import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startEmbeddedServer, type EmbeddedServer } from '../../src/cluster/embedded-server.js';
import { createLogger, type Logger, type LogLevel } from '../../src/lib/logger.js';
import type { SigningCredentials } from '../../src/protocol/sigv4/signature-verifier.js';
import type { ConnectionLimits } from '../../src/protocol/connection-limits.js';
import { defaultServerOptions, type ServerOptions } from '../../src/cli/options.js';

export const testCredentials = { accessKeyId: 'AKIDTESTEXAMPLE', secretAccessKey: 'test-secret-key' };

/**
 * A server in this process on a free port (in memory unless a data directory is given); with
 * signatureCredentials it verifies signatures against them.
 */
export async function startTestServer(
  options: Partial<ServerOptions> & {
    readonly signatureCredentials?: readonly SigningCredentials[];
    readonly connectionLimits?: Partial<ConnectionLimits>;
    readonly nowMs?: () => number;
  } = {},
  logger: Logger = createLogger((process.env['TEST_LOG_LEVEL'] as LogLevel | undefined) ?? 'silent'),
): Promise<EmbeddedServer> {
  return startEmbeddedServer(
    { ...defaultServerOptions, port: 0, inMemory: options.dataDirectory === undefined, logLevel: 'silent', ...options },
    logger,
  );
}

export function clientFor(endpoint: string, region = 'us-east-1'): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region, credentials: testCredentials, maxAttempts: 1 });
}

export function temporaryDirectory(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `dynacell-${prefix}-`));
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly endpoint: string;
  /** Everything the process has written to stderr so far. */
  stderr(): string;
}

const BIN = new URL('../../../bin/dynacell.js', import.meta.url).pathname;
const START_TIMEOUT_MS = 15_000;

/** Runs `dynacell` as a child process and resolves with its endpoint once it prints that it is ready. */
export function spawnServer(args: readonly string[], environment: NodeJS.ProcessEnv = process.env): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BIN, '--port', '0', '--log-level', 'warn', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: environment,
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${stderr}`));
    }, START_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (https?:\/\/\S+)/.exec(stdout);
      if (match !== null) {
        clearTimeout(timer);
        resolve({ child, endpoint: match[1] as string, stderr: () => stderr });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready: ${stderr}`));
    });
  });
}

export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** The Python that has boto3 and pytest: `DYNACELL_PYTHON` (set by .ci/run when needed), else `python3`. */
export const PYTHON = process.env['DYNACELL_PYTHON'] ?? 'python3';
