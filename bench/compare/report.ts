/** The comparison as markdown: measured values per target, then the targets of issue 6 as ratios. */
import type { Sample } from './measure.js';
import type { Storage } from './targets.js';

export interface TargetSummary {
  readonly name: string;
  readonly product: string;
  readonly storage: Storage;
  readonly startupMs: number;
  readonly startupCpuMs: number;
  readonly idleResidentMegabytes: number;
  /** Median sample per operation name. */
  readonly operations: ReadonlyMap<string, Sample>;
}

export interface ReportContext {
  readonly heading: string;
  readonly operationNames: readonly string[];
  readonly targets: readonly TargetSummary[];
}

/** A run's load generator counts as the bottleneck when it used at least this share of its one core. */
const GENERATOR_BOUND_SHARE = 0.85;
const GET_ITEM = 'GetItem';
const FLOOR_CPU_RATIO_MAX = 1.5;
const STARTUP_MS_MAX = 300;
const IDLE_RSS_MEGABYTES_MAX = 80;
const HEAVY_OPERATIONS = /^(Query|Scan|BatchWriteItem)/;

const whole = (value: number): string => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–');
const fixed = (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const align = header.map((_, index) => (index === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function perOperation(context: ReportContext, cell: (sample: Sample) => string): string {
  const rows = context.operationNames.map((operation) => [
    operation,
    ...context.targets.map((target) => {
      const sample = target.operations.get(operation);
      return sample === undefined ? '–' : cell(sample);
    }),
  ]);
  return table(['operation', ...context.targets.map((target) => target.name)], rows);
}

interface Comparison {
  readonly label: string;
  readonly ours: TargetSummary;
  readonly peers: readonly TargetSummary[];
}

function comparisonRows(context: ReportContext, comparison: Comparison): string[][] {
  return context.operationNames.map((operation) => {
    const ours = comparison.ours.operations.get(operation);
    // A peer that refuses the operation (dynalite has no transactions) is no benchmark for it.
    const peerSamples = comparison.peers.map((peer) => peer.operations.get(operation)).filter((sample): sample is Sample => sample !== undefined && sample.failed === 0);
    if (ours === undefined || peerSamples.length === 0) return [operation, '–', '–', '–', '–', '–'];
    const bestThroughput = Math.max(...peerSamples.map((sample) => sample.operationsPerSecond));
    const bestCpu = Math.min(...peerSamples.map((sample) => sample.serverCpuMicrosecondsPerOperation));
    const bestP50 = Math.min(...peerSamples.map((sample) => sample.p50Ms));
    const throughputRatio = ours.operationsPerSecond / bestThroughput;
    const cpuRatio = bestCpu / ours.serverCpuMicrosecondsPerOperation;
    const goal = HEAVY_OPERATIONS.test(operation) ? 5 : 2;
    const generatorBound = ours.generatorCpuShare >= GENERATOR_BOUND_SHARE;
    const verdict = throughputRatio >= goal ? 'met' : generatorBound && cpuRatio >= goal ? 'met (CPU; generator-bound)' : 'missed';
    const latency = ours.p99Ms <= bestP50 ? 'met' : 'missed';
    return [operation, `${fixed(throughputRatio, 2)}×`, `${fixed(cpuRatio, 2)}×`, `≥${goal}×: ${verdict}`, `${fixed(ours.p99Ms, 2)} vs ${fixed(bestP50, 2)}`, latency];
  });
}

function comparisons(context: ReportContext): Comparison[] {
  const find = (product: string, storage: Storage): TargetSummary | undefined =>
    context.targets.find((target) => target.product === product && target.storage === storage);
  const result: Comparison[] = [];
  for (const storage of ['memory', 'disk'] as const) {
    const ours = find('dynacell', storage);
    const peers = [find('dynalite', storage), find('DynamoDB Local', storage)].filter((target) => target !== undefined);
    if (ours !== undefined && peers.length > 0) result.push({ label: storage === 'memory' ? 'in-memory' : 'durable vs on disk', ours, peers });
  }
  return result;
}

function floorRows(context: ReportContext): string[][] {
  const floor = context.targets.find((target) => target.product === 'floor')?.operations.get(GET_ITEM);
  if (floor === undefined) return [];
  return context.targets
    .filter((target) => target.product === 'dynacell')
    .map((target) => {
      const sample = target.operations.get(GET_ITEM);
      const ratio = sample === undefined ? Number.NaN : sample.serverCpuMicrosecondsPerOperation / floor.serverCpuMicrosecondsPerOperation;
      return [`${target.name} GetItem CPU ÷ floor CPU per request`, `${fixed(ratio, 2)}×`, `≤${FLOOR_CPU_RATIO_MAX}×`, ratio <= FLOOR_CPU_RATIO_MAX ? 'met' : 'missed'];
    });
}

function startupRows(context: ReportContext): string[][] {
  return context.targets
    .filter((target) => target.product === 'dynacell')
    .flatMap((target) => [
      [`${target.name} start-up to first answer`, `${whole(target.startupMs)} ms`, `≤${STARTUP_MS_MAX} ms`, target.startupMs <= STARTUP_MS_MAX ? 'met' : 'missed'],
      [`${target.name} idle RSS`, `${fixed(target.idleResidentMegabytes, 1)} MB`, `≤${IDLE_RSS_MEGABYTES_MAX} MB`, target.idleResidentMegabytes <= IDLE_RSS_MEGABYTES_MAX ? 'met' : 'missed'],
    ]);
}

export function renderReport(context: ReportContext): string {
  const names = context.targets.map((target) => target.name);
  const sections = [
    context.heading,
    '### Throughput (operations per second, median of the rounds)',
    perOperation(context, (sample) => whole(sample.operationsPerSecond)),
    '### Latency at 16 concurrent clients (p50 / p99 ms)',
    perOperation(context, (sample) => `${fixed(sample.p50Ms, 2)} / ${fixed(sample.p99Ms, 2)}`),
    '### Server CPU time per operation (µs, user + system from /proc)',
    perOperation(context, (sample) => whole(sample.serverCpuMicrosecondsPerOperation)),
    '### Load generator CPU (share of its one core; ≥0.85 means the generator, not the server, set the pace)',
    perOperation(context, (sample) => fixed(sample.generatorCpuShare, 2)),
    '### Start-up and memory',
    table(
      ['', ...names],
      [
        ['spawn to first answer (ms)', ...context.targets.map((target) => whole(target.startupMs))],
        ['CPU time used by then (ms)', ...context.targets.map((target) => whole(target.startupCpuMs))],
        ['idle RSS (MB)', ...context.targets.map((target) => fixed(target.idleResidentMegabytes, 1))],
        ['loaded RSS, largest seen (MB)', ...context.targets.map((target) => fixed(Math.max(...[...target.operations.values()].map((sample) => sample.residentMegabytes)), 1))],
      ],
    ),
    '### Targets',
    ...comparisons(context).flatMap((comparison) => [
      `dynacell ${comparison.label} against the better of ${comparison.peers.map((peer) => peer.name).join(' and ')}: throughput ratio, server CPU ratio (peer ÷ dynacell), goal, and p99 against the best peer p50 (ms).`,
      table(['operation', 'throughput', 'CPU per op', 'goal', 'p99 vs best peer p50', 'latency'], comparisonRows(context, comparison)),
    ]),
    table(['target', 'measured', 'goal', ''], [...floorRows(context), ...startupRows(context)]),
  ];
  const failures = context.targets.flatMap((target) =>
    [...target.operations.entries()].filter(([, sample]) => sample.failed > 0).map(([operation, sample]) => `- ${target.name} ${operation}: ${sample.failed} answers not 200 (${sample.firstFailure ?? ''})`),
  );
  if (failures.length > 0) sections.push('### Failed answers', failures.join('\n'));
  return `${sections.join('\n\n')}\n`;
}
