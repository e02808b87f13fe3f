/**
 * Profiles dynacell under one operation's load: starts it with `node --cpu-prof`, loads the benchmark table,
 * runs the operation, stops the server and prints the functions with the most self time.
 *
 *   npm run build && node dist/bench/compare/profile.js --operation GetItem [--seconds 5] [--durable] [--top 40]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dynamoRequest, runLoad, sendOnce } from './http-load.js';
import { freePort } from './targets.js';
import { createTableBody, initialDataBodies, operations } from './workload.js';

const { values } = parseArgs({
  options: {
    operation: { type: 'string', default: 'GetItem' },
    seconds: { type: 'string', default: '5' },
    durable: { type: 'boolean', default: false },
    top: { type: 'string', default: '40' },
  },
});

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount: number;
}

function summarise(profilePath: string, top: number): string {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as { nodes: ProfileNode[] };
  const total = profile.nodes.reduce((sum, node) => sum + node.hitCount, 0);
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const file = node.callFrame.url.replace(/^.*\/(dist|node_modules)\//, '');
    const key = `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + node.hitCount);
  }
  return [...byFunction.entries()]
    .sort((left, right) => right[1] - left[1])
    .slice(0, top)
    .map(([key, hits]) => `${((hits * 100) / total).toFixed(1).padStart(5)}%  ${key}`)
    .join('\n');
}

const operation = operations.find((candidate) => candidate.name.startsWith(values.operation));
if (operation === undefined) throw new Error(`no operation ${values.operation}`);
const port = await freePort();
const profileDirectory = mkdtempSync(join(tmpdir(), 'dynacell-profile-'));
const storage = values.durable ? ['--data-dir', join(profileDirectory, 'data')] : ['--in-memory'];
const binary = new URL('../../../bin/dynacell.js', import.meta.url).pathname;
const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profileDirectory, binary, '--port', String(port), '--log-level', 'error', ...storage], { stdio: 'inherit' });
for (;;) {
  try {
    await sendOnce(port, dynamoRequest('ListTables', {}));
    break;
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
await sendOnce(port, dynamoRequest('CreateTable', createTableBody));
for (const body of initialDataBodies()) await sendOnce(port, dynamoRequest('BatchWriteItem', body));
const result = await runLoad({ port, requests: operation.requests(), concurrency: 16, durationMs: Number(values.seconds) * 1000 });
const exited = new Promise((resolve) => child.once('exit', resolve));
child.kill('SIGINT');
await exited;
const profileFile = readdirSync(profileDirectory).find((entry) => entry.endsWith('.cpuprofile'));
if (profileFile === undefined) throw new Error('no profile written');
process.stdout.write(`${operation.name}: ${result.completed} answers (${result.failed} not 200) in ${result.elapsedMs.toFixed(0)} ms\n`);
process.stdout.write(`profile: ${join(profileDirectory, profileFile)}\n${summarise(join(profileDirectory, profileFile), Number(values.top))}\n`);
