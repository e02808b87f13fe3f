/**
 * Pacing of Time to Live's background work, so that expiry never starves client traffic: a token bucket
 * per kind of work (items scanned, items deleted) caps its rate, and work is granted in small amounts the
 * expirer runs between turns of the event loop. Time is passed in.
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
} as const;

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

  /** How many of `wanted` units may run now (possibly none); those granted are consumed. */
  take(wanted: number, nowMs: number): number {
    const granted = Math.max(0, Math.min(wanted, Math.floor(this.bucket.available(nowMs))));
    if (granted > 0) this.bucket.consume(granted, nowMs);
    return granted;
  }

  /** Milliseconds until at least one unit can be granted. */
  waitMs(nowMs: number): number {
    const missing = 1 - this.bucket.available(nowMs);
    return missing <= 0 ? 0 : Math.ceil((missing * 1000) / this.ratePerSecond);
  }
}
