import type { PartitionMapReply, PartitionMapRequest } from './messages.js';

export interface PartitionMapCacheConfig {
  /** Refresh this often whatever the traffic: constant work, so the load it puts on the service never jumps. */
  readonly refreshIntervalMs: number;
  readonly requestTimeoutMs: number;
}

/**
 * A request router's partition-map cache. Lookups are always answered from the cache, even while the
 * metadata service is unreachable; refreshes go out at a fixed pace whether the cache is hit or not, one at
 * a time, asking conditionally with the version held. So a cold or stale cache never makes the router ask
 * more, and a storm of lookups never reaches the metadata service.
 */
export class PartitionMapCache {
  private version: number;
  private pendingRequestId: number | undefined;
  private pendingTimeoutAtMs = Infinity;
  private nextRefreshAtMs: number;
  private nextRequestId = 1;
  private outbox: PartitionMapRequest[] = [];
  private lastRefreshedAtMsValue: number;
  lookups = 0;

  constructor(readonly routerId: number, private readonly config: PartitionMapCacheConfig, nowMs: number, initialVersion: number, phaseMs: number) {
    this.version = initialVersion;
    this.lastRefreshedAtMsValue = nowMs;
    this.nextRefreshAtMs = nowMs + phaseMs;
  }

  get mapVersion(): number {
    return this.version;
  }

  get lastRefreshedAtMs(): number {
    return this.lastRefreshedAtMsValue;
  }

  /** A lookup is served from the cache; it never triggers a request of its own. */
  lookup(): number {
    this.lookups += 1;
    return this.version;
  }

  nextWakeMs(): number {
    return Math.min(this.nextRefreshAtMs, this.pendingTimeoutAtMs);
  }

  tick(nowMs: number): void {
    if (this.pendingRequestId !== undefined && nowMs >= this.pendingTimeoutAtMs) {
      this.pendingRequestId = undefined;
      this.pendingTimeoutAtMs = Infinity;
    }
    if (nowMs < this.nextRefreshAtMs) return;
    // The schedule advances on its own: success, failure or rejection does not change the pace.
    this.nextRefreshAtMs += this.config.refreshIntervalMs;
    if (this.pendingRequestId !== undefined) return;
    const requestId = this.nextRequestId;
    this.nextRequestId += 1;
    this.pendingRequestId = requestId;
    this.pendingTimeoutAtMs = nowMs + this.config.requestTimeoutMs;
    this.outbox.push({ kind: 'partitionMap', requestId, routerId: this.routerId, knownVersion: this.version, sentAtMs: nowMs, deadlineMs: this.pendingTimeoutAtMs });
  }

  receive(reply: PartitionMapReply, nowMs: number): boolean {
    if (reply.requestId !== this.pendingRequestId) return false;
    this.pendingRequestId = undefined;
    this.pendingTimeoutAtMs = Infinity;
    if (reply.answer.kind === 'rejected') return true;
    this.version = reply.answer.version;
    this.lastRefreshedAtMsValue = nowMs;
    return true;
  }

  takeRequests(): PartitionMapRequest[] {
    const requests = this.outbox;
    this.outbox = [];
    return requests;
  }
}
