/**
 * Pacing of Time to Live's background work, so that expiry never starves client traffic: a token bucket
 * per kind of work (items scanned, items deleted) caps its rate, and work is granted in small batches the
 * expirer runs between turns of the event loop. When the node is busy the work costs more tokens, so its
 * rate falls with the load, to `busyShareMin` of the cap when fully busy: like DynamoDB, expiry is best
 * effort and gives way to the throughput of other operations. Time and load are passed in.
 */
import { TokenBucket } from './token-bucket.js';

export const expiryPacingDefaults = {
  /** How long after one sweep over the TTL-enabled tables ends the next one starts. */
  sweepIntervalMs: 1000,
  /** Deletions a second at most (DynamoDB's deletions also run "without consuming write throughput"). */
  deletesPerSecond: 2000,
  /** Items read a second at most while looking for expired ones. */
  scannedItemsPerSecond: 50_000,
  /** Items read per step of a sweep: one page of a scan. */
  scanPageItems: 100,
  /** Deletions started together per step; they share a group commit on the durable engine. */
  deleteBatchItems: 25,
  /** The share of its rate expiry keeps when the node is fully busy. */
  busyShareMin: 0.1,
} as const;

/**
 * The share of its rate background work may use when the node is `busyFraction` (0 to 1) busy: the idle
 * share squared, so that it gives way early (a quarter of the rate at half busy) yet runs nearly at full
 * rate when only its own work keeps the node busy.
 */
export function rateShareAt(busyFraction: number): number {
  const idle = 1 - Math.min(1, Math.max(0, busyFraction));
  return Math.max(expiryPacingDefaults.busyShareMin, idle * idle);
}

/** A granted burst is at most this much of a second's work (but always at least one unit). */
const BURST_SECONDS = 0.1;

export class WorkPacer {
  private readonly bucket: TokenBucket;

  constructor(
    readonly ratePerSecond: number,
    nowMs: number,
  ) {
    this.bucket = new TokenBucket(ratePerSecond, Math.max(BURST_SECONDS, 1 / ratePerSecond), nowMs);
  }

  /**
   * Whether `wanted` units (at most a burst) may run now, at `share` of the rate; if so they are consumed
   * and granted whole, so that work runs in batches, not in one-unit slivers each costing a timer.
   */
  take(wanted: number, nowMs: number, share = 1): number {
    const granted = this.batchOf(wanted, share);
    const cost = this.costOf(granted, share);
    if (this.bucket.available(nowMs) < cost) return 0;
    this.bucket.consume(cost, nowMs);
    return granted;
  }

  /** Milliseconds until `wanted` units (at most a burst) can be granted at `share` of the rate. */
  waitMs(wanted: number, nowMs: number, share = 1): number {
    const missing = this.costOf(this.batchOf(wanted, share), share) - this.bucket.available(nowMs);
    return missing <= 0 ? 0 : Math.ceil((missing * 1000) / this.ratePerSecond);
  }

  /** Tokens a batch costs; never more than the bucket holds, or a slow pacer under load would stall. */
  private costOf(units: number, share: number): number {
    return Math.min(units / share, this.bucket.capacity);
  }

  private batchOf(wanted: number, share: number): number {
    return Math.max(1, Math.min(Math.floor(wanted), Math.floor(this.bucket.capacity * share)));
  }
}
