/**
 * CPU time per request of dynacell's own work, without node:http: the operation handlers of an in-memory
 * node called in process on the benchmark's requests (body parsed from the same bytes the load generator
 * sends, the answer serialised and checksummed as the front door does). Steadier than the HTTP comparison
 * on a shared machine, so each optimisation's gain is measured here as well.
 *
 *   npm run build && node dist/bench/compare/handler-cost.js [--rounds 5] [--operations GetItem,Query]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { crc32 } from 'node:zlib';
import { EmbeddedControlPlane } from '../../src/cluster/embedded-control-plane.js';
import { createLogger } from '../../src/lib/logger.js';
import type { OperationHandler, RequestContext } from '../../src/protocol/http-server.js';
import { createOperationHandlers } from '../../src/protocol/operations/operation-handlers.js';
import { AMZ_JSON_CONTENT_TYPE, jsonAnswer } from '../../src/protocol/wire-response.js';
import { EmbeddedRouter } from '../../src/router/embedded-router.js';
import { ThroughputGovernor } from '../../src/router/throughput-governor.js';
import { MemoryStorageEngine } from '../../src/storage/memory-engine.js';
import { median } from './measure.js';
import { createTableBody, initialDataBodies, operations } from './workload.js';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '5' }, operations: { type: 'string' }, milliseconds: { type: 'string', default: '400' } },
});

const CONTEXT: RequestContext = { requestId: 'bench', operation: 'bench' };
const HEADER_END = '\r\n\r\n';

async function node(): Promise<ReadonlyMap<string, OperationHandler>> {
  const engine = new MemoryStorageEngine();
  const router = new EmbeddedRouter(engine, (task) => setImmediate(task), () => undefined);
  const throughput = new ThroughputGovernor(false, () => Date.now());
  const clock = { nowMs: () => Date.now(), newTableId: () => randomUUID(), schedule: (delayMs: number, task: () => void) => void setTimeout(task, delayMs) };
  const controlPlane = new EmbeddedControlPlane(engine, router, clock, { region: 'us-east-1', accountId: '000000000000', statusTransitionMs: 0 }, createLogger('silent'), throughput);
  await controlPlane.load();
  const handlers = createOperationHandlers({ controlPlane, tables: controlPlane, router, throughput, nowMs: () => Date.now() });
  const call = (operation: string, body: unknown): unknown => (handlers.get(operation) as OperationHandler)(body, CONTEXT);
  await call('CreateTable', createTableBody);
  await new Promise((resolve) => setTimeout(resolve, 10));
  for (const body of initialDataBodies()) await call('BatchWriteItem', body);
  return handlers;
}

interface Prepared {
  readonly operation: string;
  readonly body: Buffer;
}

function split(request: Buffer): Prepared {
  const text = request.toString('latin1');
  const operation = /X-Amz-Target: DynamoDB_20120810\.(\w+)/.exec(text)?.[1] ?? '';
  return { operation, body: request.subarray(text.indexOf(HEADER_END) + HEADER_END.length) };
}

async function microsecondsPerRequest(handlers: ReadonlyMap<string, OperationHandler>, requests: readonly Prepared[], milliseconds: number): Promise<number> {
  const before = process.cpuUsage();
  const deadline = performance.now() + milliseconds;
  let count = 0;
  while (performance.now() < deadline) {
    const request = requests[count++ % requests.length] as Prepared;
    const answer = await (handlers.get(request.operation) as OperationHandler)(JSON.parse(request.body.toString('utf8')), CONTEXT);
    crc32(jsonAnswer(200, answer ?? {}, AMZ_JSON_CONTENT_TYPE).body);
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / count;
}

const handlers = await node();
const selected = values.operations === undefined ? operations : operations.filter((operation) => values.operations?.split(',').some((name) => operation.name.startsWith(name)));
const prepared = new Map(selected.map((operation) => [operation.name, operation.requests().map(split)]));
const samples = new Map<string, number[]>();
for (let round = 0; round < Number(values.rounds); round++) {
  for (const operation of selected) {
    const cost = await microsecondsPerRequest(handlers, prepared.get(operation.name) as Prepared[], Number(values.milliseconds));
    samples.set(operation.name, [...(samples.get(operation.name) ?? []), cost]);
  }
}
process.stdout.write('| operation | CPU µs per request (median) | min |\n| --- | ---: | ---: |\n');
for (const operation of selected) {
  const costs = samples.get(operation.name) as number[];
  process.stdout.write(`| ${operation.name} | ${median(costs).toFixed(1)} | ${Math.min(...costs).toFixed(1)} |\n`);
}
