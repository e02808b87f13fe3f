import { assert } from '../lib/assert.js';

/**
 * A token bucket for capacity units, DynamoDB-style: it refills at `ratePerSecond` up to `burstSeconds` worth
 * of unused capacity (DynamoDB keeps up to 300 s), starts full, and may go negative: a request is admitted
 * while any tokens remain and is charged afterwards for what it actually consumed, as DynamoDB can only know
 * an item's size once it has read it. Time is passed in.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAtMs: number;

  constructor(
    readonly ratePerSecond: number,
    readonly burstSeconds: number,
    nowMs: number,
  ) {
    assert(ratePerSecond > 0 && burstSeconds > 0, 'a token bucket refills');
    this.tokens = this.capacity;
    this.updatedAtMs = nowMs;
  }

  get capacity(): number {
    return this.ratePerSecond * this.burstSeconds;
  }

  /** Tokens available at `nowMs` (negative while a debt is being paid off). */
  available(nowMs: number): number {
    this.refill(nowMs);
    return this.tokens;
  }

  hasTokens(nowMs: number): boolean {
    return this.available(nowMs) > 0;
  }

  consume(units: number, nowMs: number): void {
    this.refill(nowMs);
    this.tokens -= units;
  }

  private refill(nowMs: number): void {
    const elapsedMs = Math.max(0, nowMs - this.updatedAtMs);
    this.tokens = Math.min(this.capacity, this.tokens + (elapsedMs / 1000) * this.ratePerSecond);
    this.updatedAtMs = Math.max(this.updatedAtMs, nowMs);
  }
}
