import type { Prng } from '../lib/prng.js';

/**
 * A token bucket of retries: each retry spends a token, tokens come back at a fixed pace up to a cap, so
 * a node that keeps failing settles at one retry per refill interval instead of retrying forever.
 */
export class RetryBudget {
  private tokens: number;
  private updatedAtMs: number;

  constructor(private readonly tokensMax: number, private readonly refillMs: number, nowMs: number) {
    this.tokens = tokensMax;
    this.updatedAtMs = nowMs;
  }

  trySpend(nowMs: number): boolean {
    this.tokens = Math.min(this.tokensMax, this.tokens + (nowMs - this.updatedAtMs) / this.refillMs);
    this.updatedAtMs = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Capped exponential backoff with full jitter: uniform in [0, min(cap, base × 2^attempt)). */
export function fullJitterBackoffMs(attempt: number, baseMs: number, capMs: number, prng: Prng): number {
  return prng.nextFloat() * Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
}
