import { performance } from 'node:perf_hooks';
import type { Logger } from '../lib/logger.js';
import type { Item } from '../model/attribute-value.js';
import { projectKey } from '../model/key-schema.js';
import { isExpired } from '../partition/time-to-live.js';
import { expiryPacingDefaults, rateShareAt, WorkPacer } from '../partition/time-to-live-pacing.js';
import type { Router, TableRoute } from '../router/router.js';

/** A table whose items expire now, and the attribute they expire by. */
export interface ExpiryTarget {
  readonly route: TableRoute;
  readonly attributeName: string;
}

/** Where the expirer learns which tables have TTL ENABLED (the control plane). */
export interface ExpiryTargets {
  expiryTargets(): readonly ExpiryTarget[];
  expiryTarget(tableName: string): ExpiryTarget | undefined;
}

export interface ExpirerSettings {
  /** Pause between the end of one sweep and the start of the next. */
  readonly sweepIntervalMs: number;
  readonly deletesPerSecond: number;
  readonly scannedItemsPerSecond: number;
}

export interface ExpiryTotals {
  sweeps: number;
  scannedItems: number;
  deletedItems: number;
}

const yieldTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** How often the load gauge takes a new reading; between readings it answers the last one. */
const LOAD_SAMPLE_MS = 100;

/**
 * How busy this process has been lately (0 to 1): the event loop's utilisation since the last reading,
 * client requests and expiry's own work alike.
 */
export function eventLoopLoadGauge(): () => number {
  let previous = performance.eventLoopUtilization();
  let sampledAtMs = performance.now();
  let busy = 0;
  return () => {
    if (performance.now() - sampledAtMs < LOAD_SAMPLE_MS) return busy;
    const current = performance.eventLoopUtilization();
    busy = performance.eventLoopUtilization(current, previous).utilization;
    previous = current;
    sampledAtMs = performance.now();
    return busy;
  };
}

/**
 * Time to Live's background deletions. Every `sweepIntervalMs` it walks the tables with TTL ENABLED, a
 * scan page at a time, and deletes the items that have expired (partition/time-to-live.ts decides which)
 * through the router, as the partition's own write: the partition deletes only if the item is still
 * expired when the deletion reaches it, so a write that extended the TTL meanwhile wins. Work is paced by
 * token buckets whose rate falls as the process gets busier (partition/time-to-live-pacing.ts), and done
 * in small steps with a turn of the event loop between them, so client requests are served between steps
 * and expiry never starves them.
 */
export class TimeToLiveExpirer {
  private readonly deletes: WorkPacer;
  private readonly scans: WorkPacer;
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private stopped = false;
  readonly totals: ExpiryTotals = { sweeps: 0, scannedItems: 0, deletedItems: 0 };

  constructor(
    private readonly router: Router,
    private readonly targets: ExpiryTargets,
    private readonly settings: ExpirerSettings,
    private readonly logger: Logger,
    private readonly busyFraction: () => number = eventLoopLoadGauge(),
    private readonly nowMs: () => number = Date.now,
  ) {
    this.deletes = new WorkPacer(settings.deletesPerSecond, nowMs());
    this.scans = new WorkPacer(settings.scannedItemsPerSecond, nowMs());
  }

  start(): void {
    this.stopped = false;
    this.scheduleSweep();
  }

  /** Stops sweeping; resolves once the step in progress has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.sweeping;
  }

  /** One pass over every table with TTL ENABLED. */
  private async sweep(): Promise<void> {
    const deletedBefore = this.totals.deletedItems;
    for (const target of this.targets.expiryTargets()) {
      if (this.stopped) return;
      await this.sweepTable(target.route.tableName);
    }
    this.totals.sweeps++;
    const deleted = this.totals.deletedItems - deletedBefore;
    if (deleted > 0) this.logger.debug('time to live sweep', { deleted, totals: { ...this.totals } });
  }

  private scheduleSweep(): void {
    this.timer = setTimeout(() => {
      this.sweeping = this.sweep().finally(() => {
        this.sweeping = undefined;
        if (!this.stopped) this.scheduleSweep();
      });
    }, this.settings.sweepIntervalMs);
    this.timer.unref();
  }

  /** Walks one table; a failure (the table deleted under the sweep, say) ends this table's turn only. */
  private async sweepTable(tableName: string): Promise<void> {
    try {
      let startKey: Item | undefined;
      do {
        startKey = await this.sweepPage(tableName, startKey);
        await yieldTurn();
      } while (startKey !== undefined);
    } catch (error) {
      // A table deleted or no longer expiring during the sweep is expected; anything else is worth a word.
      if (this.targets.expiryTarget(tableName) === undefined) return;
      this.logger.warn('time to live sweep failed; the next sweep retries', { table: tableName, error: String(error) });
    }
  }

  /** Reads one page and deletes its expired items; answers where the next page starts, if anywhere. */
  private async sweepPage(tableName: string, startKey: Item | undefined): Promise<Item | undefined> {
    // Looked up at every page: TTL may have been disabled, or the table changed or deleted, meanwhile.
    const target = this.targets.expiryTarget(tableName);
    if (target === undefined) return undefined;
    const limit = await this.grant(this.scans, expiryPacingDefaults.scanPageItems);
    if (limit === 0) return undefined;
    const page = await this.router.scanSegment(target.route, { segment: 0, totalSegments: 1, limit, exclusiveStartKey: startKey });
    const items = page.entries.map((entry) => entry.item);
    this.totals.scannedItems += items.length;
    const nowSeconds = this.nowMs() / 1000;
    const key = target.route.schema.key;
    const expired = items.filter((item) => isExpired(item, target.attributeName, nowSeconds)).map((item) => projectKey(item, key));
    await this.expire(target, expired);
    const last = items.at(-1);
    return page.stopped && last !== undefined && !this.stopped ? projectKey(last, key) : undefined;
  }

  private async expire(target: ExpiryTarget, keys: readonly Item[]): Promise<void> {
    let next = 0;
    while (next < keys.length) {
      const count = await this.grant(this.deletes, Math.min(expiryPacingDefaults.deleteBatchItems, keys.length - next));
      if (count === 0) return;
      const batch = keys.slice(next, next + count);
      next += count;
      const command = { kind: 'expire', attributeName: target.attributeName, nowSeconds: this.nowMs() / 1000 } as const;
      const results = await Promise.all(batch.map((key) => this.router.writeItem(target.route, key, command)));
      this.totals.deletedItems += results.filter((result) => result.ok).length;
      await yieldTurn();
    }
  }

  /** Waits until the pacer grants `wanted` units (or a burst, if fewer); 0 once stopped. */
  private async grant(pacer: WorkPacer, wanted: number): Promise<number> {
    for (;;) {
      if (this.stopped) return 0;
      const share = rateShareAt(this.busyFraction());
      const granted = pacer.take(wanted, this.nowMs(), share);
      if (granted > 0) return granted;
      await sleep(pacer.waitMs(wanted, this.nowMs(), share));
    }
  }
}

/** Starts an expirer with the given settings, `expiryPacingDefaults` filling in what is not given. */
export function startTimeToLiveExpirer(
  router: Router,
  targets: ExpiryTargets,
  settings: { readonly sweepIntervalMs?: number | undefined; readonly deletesPerSecond?: number | undefined },
  logger: Logger,
  nowMs: () => number,
): TimeToLiveExpirer {
  const expirer = new TimeToLiveExpirer(
    router,
    targets,
    {
      sweepIntervalMs: settings.sweepIntervalMs ?? expiryPacingDefaults.sweepIntervalMs,
      deletesPerSecond: settings.deletesPerSecond ?? expiryPacingDefaults.deletesPerSecond,
      scannedItemsPerSecond: expiryPacingDefaults.scannedItemsPerSecond,
    },
    logger,
    eventLoopLoadGauge(),
    nowMs,
  );
  expirer.start();
  return expirer;
}
