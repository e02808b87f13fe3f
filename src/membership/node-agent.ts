import type { Prng } from '../lib/prng.js';
import type { MembershipReply, MembershipRequest } from './messages.js';
import type { NodeAgentConfig } from './profiles.js';
import { RetryBudget, fullJitterBackoffMs } from './retry-budget.js';

interface Pending {
  readonly requestId: number;
  readonly timeoutAtMs: number;
  readonly attempt: number;
}

/** The membership a node holds: durable on the node, which is authoritative for what it holds. */
export interface HeldMembership {
  readonly version: number;
  readonly entries: number;
}

/**
 * A storage node's membership agent: when to ask the metadata service, what to do with the answer, and
 * whether the node stays in service. A synchronous state machine in the shape of etcd-io/raft's RawNode:
 * inputs are `tick`, `receive`, link and process events, each with the time; outputs are requests taken
 * with `takeRequests` and the wake-up time `nextWakeMs`.
 */
export class MembershipAgent {
  private held: HeldMembership | undefined;
  private inServiceFlag: boolean;
  private runningFlag = true;
  private pending: Pending | undefined;
  private nextAttemptAtMs: number;
  private failures = 0;
  private nextRequestId = 1;
  private outbox: MembershipRequest[] = [];
  private lastConfirmedAtMsValue: number;
  private readonly budget: RetryBudget | undefined;

  constructor(
    readonly nodeId: number,
    private readonly config: NodeAgentConfig,
    private readonly prng: Prng,
    nowMs: number,
    held: HeldMembership | undefined,
  ) {
    this.held = held;
    this.inServiceFlag = held !== undefined;
    this.lastConfirmedAtMsValue = held === undefined ? -Infinity : nowMs;
    // The fleet starts with its refreshes spread over one period.
    this.nextAttemptAtMs = held === undefined ? nowMs : nowMs + prng.nextFloat() * config.refreshPeriodMs;
    const retry = config.retry;
    this.budget = retry.kind === 'backoff' ? new RetryBudget(retry.budgetTokensMax, retry.budgetRefillMs, nowMs) : undefined;
  }

  /** In service from the node's own point of view: running and not self-demoted. */
  get inService(): boolean {
    return this.runningFlag && this.inServiceFlag;
  }

  get running(): boolean {
    return this.runningFlag;
  }

  get membership(): HeldMembership | undefined {
    return this.held;
  }

  /** When the metadata service last confirmed (or completed) this node's membership. */
  get lastConfirmedAtMs(): number {
    return this.lastConfirmedAtMsValue;
  }

  nextWakeMs(): number {
    if (!this.runningFlag) return Infinity;
    return this.pending === undefined ? this.nextAttemptAtMs : this.pending.timeoutAtMs;
  }

  takeRequests(): MembershipRequest[] {
    const requests = this.outbox;
    this.outbox = [];
    return requests;
  }

  tick(nowMs: number): void {
    if (!this.runningFlag) return;
    if (this.pending !== undefined && nowMs >= this.pending.timeoutAtMs) this.fail(nowMs);
    if (this.pending === undefined && nowMs >= this.nextAttemptAtMs) this.send(nowMs, this.failures, 0);
  }

  /** An answer arrives; returns whether it was used (false: late or stale, the service's work was wasted). */
  receive(reply: MembershipReply, nowMs: number): boolean {
    const pending = this.pending;
    if (!this.runningFlag || pending === undefined || reply.requestId !== pending.requestId || nowMs > pending.timeoutAtMs) return false;
    this.pending = undefined;
    const answer = reply.answer;
    switch (answer.kind) {
      case 'full':
        this.confirm({ version: answer.version, entries: answer.entries }, nowMs);
        return true;
      case 'unchanged':
        this.confirm(this.held ?? { version: answer.version, entries: 0 }, nowMs);
        return true;
      case 'delta':
        if (!answer.complete) {
          this.send(nowMs, 0, answer.cursor);
          return true;
        }
        this.confirm({ version: answer.version, entries: this.held?.entries ?? answer.cursor }, nowMs);
        return true;
      case 'rejected':
        // Obeying retryAfter (with jitter so rejected nodes do not return together) spends no retry budget.
        this.nextAttemptAtMs = nowMs + answer.retryAfterMs * (1 + this.prng.nextFloat());
        return true;
    }
  }

  /** The transport lost its connection to the metadata service. */
  linkDown(nowMs: number): void {
    if (!this.runningFlag || !this.config.leaveServiceOnFailure) return;
    // The 2015 behaviour: a lost connection is a failed refresh.
    if (this.pending !== undefined) this.fail(nowMs);
    else this.send(nowMs, 0, 0);
  }

  /** The connection is back: refresh after a random delay so healed nodes do not all ask at once. */
  linkUp(nowMs: number): void {
    if (!this.runningFlag || this.config.healDelayMaxMs === 0) return;
    this.failures = 0;
    // A request still out went over the connection that died: abandon it rather than wait for its timeout,
    // after which an exhausted retry budget would postpone the refresh by a whole period.
    this.pending = undefined;
    this.nextAttemptAtMs = Math.min(this.nextAttemptAtMs, nowMs + this.prng.nextFloat() * this.config.healDelayMaxMs);
  }

  /** Ask at once (startup, an operator's request), unless a request is already out. */
  requestRefresh(nowMs: number): void {
    if (this.runningFlag && this.pending === undefined) this.nextAttemptAtMs = nowMs;
  }

  crash(): void {
    this.runningFlag = false;
    this.pending = undefined;
  }

  /** A restart keeps the durable membership when the profile trusts it; the naive node starts empty. */
  restart(nowMs: number): void {
    this.runningFlag = true;
    this.failures = 0;
    if (this.config.leaveServiceOnFailure) {
      this.held = undefined;
      this.inServiceFlag = false;
    }
    this.nextAttemptAtMs = nowMs + this.prng.nextFloat() * this.config.healDelayMaxMs;
  }

  private confirm(held: HeldMembership, nowMs: number): void {
    this.held = held;
    this.inServiceFlag = true;
    this.failures = 0;
    this.lastConfirmedAtMsValue = nowMs;
    this.nextAttemptAtMs = nowMs + this.periodMs();
  }

  private fail(nowMs: number): void {
    this.pending = undefined;
    if (this.config.leaveServiceOnFailure) this.inServiceFlag = false;
    const retry = this.config.retry;
    if (retry.kind === 'immediate') {
      this.send(nowMs, this.failures + 1, 0);
      return;
    }
    if (this.budget?.trySpend(nowMs) === true) {
      this.failures += 1;
      this.nextAttemptAtMs = nowMs + fullJitterBackoffMs(this.failures, retry.backoffBaseMs, retry.backoffCapMs, this.prng);
    } else {
      // Out of budget: wait for the next periodic refresh.
      this.nextAttemptAtMs = nowMs + this.periodMs();
    }
  }

  private send(nowMs: number, attempt: number, cursor: number): void {
    const requestId = this.nextRequestId;
    this.nextRequestId += 1;
    this.failures = attempt;
    // The answer, its timeout or a heal decides the next attempt.
    this.nextAttemptAtMs = Infinity;
    this.pending = { requestId, timeoutAtMs: nowMs + this.config.requestTimeoutMs, attempt };
    this.outbox.push({
      kind: 'membership',
      requestId,
      nodeId: this.nodeId,
      knownVersion: this.config.conditionalRefresh ? this.held?.version : undefined,
      cursor,
      sentAtMs: nowMs,
      deadlineMs: this.config.sendDeadline ? nowMs + this.config.requestTimeoutMs : Infinity,
      attempt,
    });
  }

  private periodMs(): number {
    return this.config.refreshPeriodMs * (1 - this.config.refreshJitterRatio * this.prng.nextFloat());
  }
}
