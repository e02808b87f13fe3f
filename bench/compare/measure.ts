/** One measurement: a warm-up, then a timed closed-loop run, with the server's CPU time read around it. */
import { quantile, runLoad } from './http-load.js';
import { cpuTimeMs, residentMegabytes } from './process-stats.js';

export interface Sample {
  readonly operationsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Server CPU time (user + system, all threads) per answered request, in microseconds. */
  readonly serverCpuMicrosecondsPerOperation: number;
  /** CPU the load generator used, as a share of one core. */
  readonly generatorCpuShare: number;
  readonly residentMegabytes: number;
  readonly failed: number;
  readonly firstFailure: string | undefined;
}

export interface MeasureOptions {
  readonly pid: number;
  readonly port: number;
  readonly requests: readonly Buffer[];
  readonly concurrency: number;
  readonly warmupMs: number;
  readonly durationMs: number;
}

export async function measure(options: MeasureOptions): Promise<Sample> {
  let serverCpuBefore = 0;
  let generatorCpuBefore = process.cpuUsage();
  const result = await runLoad({
    port: options.port,
    requests: options.requests,
    concurrency: options.concurrency,
    warmupMs: options.warmupMs,
    durationMs: options.durationMs,
    onMeasureStart: () => {
      serverCpuBefore = cpuTimeMs(options.pid);
      generatorCpuBefore = process.cpuUsage();
    },
  });
  const generatorCpu = process.cpuUsage(generatorCpuBefore);
  const serverCpuMs = cpuTimeMs(options.pid) - serverCpuBefore;
  return {
    operationsPerSecond: (result.completed * 1000) / result.elapsedMs,
    p50Ms: quantile(result.latenciesMicroseconds, 0.5) / 1000,
    p99Ms: quantile(result.latenciesMicroseconds, 0.99) / 1000,
    serverCpuMicrosecondsPerOperation: (serverCpuMs * 1000) / Math.max(1, result.completed),
    generatorCpuShare: (generatorCpu.user + generatorCpu.system) / 1000 / result.elapsedMs,
    residentMegabytes: residentMegabytes(options.pid),
    failed: result.failed,
    firstFailure: result.firstFailure,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The median of each field over repeated samples (RSS: the largest seen; failures: the sum). */
export function summarise(samples: readonly Sample[]): Sample {
  const of = (field: (sample: Sample) => number): number => median(samples.map(field));
  return {
    operationsPerSecond: of((sample) => sample.operationsPerSecond),
    p50Ms: of((sample) => sample.p50Ms),
    p99Ms: of((sample) => sample.p99Ms),
    serverCpuMicrosecondsPerOperation: of((sample) => sample.serverCpuMicrosecondsPerOperation),
    generatorCpuShare: of((sample) => sample.generatorCpuShare),
    residentMegabytes: Math.max(...samples.map((sample) => sample.residentMegabytes)),
    failed: samples.reduce((sum, sample) => sum + sample.failed, 0),
    firstFailure: samples.find((sample) => sample.firstFailure !== undefined)?.firstFailure,
  };
}
