import { assert, unreachable } from '../lib/assert.js';
import { AdmissionQueue } from './admission-queue.js';
import type { MembershipDirectory } from './membership-directory.js';
import type { MembershipAnswer, MembershipRequest, MetadataReply, MetadataRequest, OperatorCommand } from './messages.js';
import type { MetadataServiceConfig } from './profiles.js';

/** Cumulative counts; the simulator differences them per second. */
export interface ServiceCounters {
  offered: number;
  admitted: number;
  /** Refused at the door without work: queue full or paused. */
  rejected: number;
  /** Taken from the queue after its deadline and dropped unserved. */
  expiredDropped: number;
  /** Thrown away by an operator's pause. */
  pauseDropped: number;
  completed: number;
  /** Completed after the request's own deadline: work nobody waited for. */
  completedLate: number;
  /** Worker time spent, in milliseconds. */
  busyMs: number;
}

interface Work {
  readonly request: MetadataRequest;
  readonly finishAtMs: number;
}

/**
 * One metadata service instance (one cell): admission, a bounded queue, a pool of workers whose service
 * time grows with the size of the answer, and operator commands. A synchronous state machine: requests and
 * time go in (`receive`, `advance`), replies come out (`takeReplies`); it never reads a clock.
 */
export class MetadataService {
  readonly counters: ServiceCounters = { offered: 0, admitted: 0, rejected: 0, expiredDropped: 0, pauseDropped: 0, completed: 0, completedLate: 0, busyMs: 0 };
  private readonly queue: AdmissionQueue<MetadataRequest>;
  private readonly working: Work[] = [];
  private outbox: MetadataReply[] = [];
  private workerCount: number;
  private pausedFlag = false;

  constructor(
    private readonly config: MetadataServiceConfig,
    private readonly directory: MembershipDirectory,
    private readonly partitionMapVersion: () => number = () => 1,
  ) {
    assert(config.workers > 0, 'a metadata service has workers');
    this.queue = new AdmissionQueue(config.queueLengthMax);
    this.workerCount = config.workers;
  }

  get queueDepth(): number {
    return this.queue.length;
  }

  get workers(): number {
    return this.workerCount;
  }

  get paused(): boolean {
    return this.pausedFlag;
  }

  /** A request arrives at `nowMs`: admit it, refuse it cheaply, or (operator lane) act on it at once. */
  receive(request: MetadataRequest, nowMs: number): void {
    this.advance(nowMs);
    this.counters.offered += 1;
    if (request.kind === 'operator' && (this.config.operatorLane || request.command.kind !== 'addCapacity')) {
      // Pause and resume act at the door, which load never reaches; capacity needs the reserved lane.
      this.applyOperator(request.command, nowMs);
      this.outbox.push({ kind: 'operator', requestId: request.requestId, command: request.command });
      return;
    }
    if (this.pausedFlag && request.kind !== 'operator') {
      this.reject(request, this.config.pausedRetryAfterMs, true);
      return;
    }
    if (!this.queue.offer(request)) {
      this.reject(request, this.config.rejectRetryAfterMs, false);
      return;
    }
    this.counters.admitted += 1;
    this.startWork(nowMs);
  }

  /** Completes the work finished by `nowMs`, in finishing order, and starts queued work on freed workers. */
  advance(nowMs: number): void {
    for (;;) {
      const next = this.earliestWork();
      if (next === undefined || next.finishAtMs > nowMs) return;
      this.working.splice(this.working.indexOf(next), 1);
      this.complete(next);
      this.startWork(next.finishAtMs);
    }
  }

  /** When the next piece of work finishes (Infinity when idle): the caller's next wake-up. */
  nextEventMs(): number {
    return this.earliestWork()?.finishAtMs ?? Infinity;
  }

  takeReplies(): MetadataReply[] {
    const replies = this.outbox;
    this.outbox = [];
    return replies;
  }

  private earliestWork(): Work | undefined {
    let earliest: Work | undefined;
    for (const work of this.working) if (earliest === undefined || work.finishAtMs < earliest.finishAtMs) earliest = work;
    return earliest;
  }

  private startWork(nowMs: number): void {
    while (this.working.length < this.workerCount) {
      const request = this.queue.poll();
      if (request === undefined) return;
      if (this.config.dropExpired && request.deadlineMs <= nowMs) {
        this.counters.expiredDropped += 1;
        continue;
      }
      const serviceTimeMs = this.serviceTimeMs(request);
      this.counters.busyMs += serviceTimeMs;
      this.working.push({ request, finishAtMs: nowMs + serviceTimeMs });
    }
  }

  private serviceTimeMs(request: MetadataRequest): number {
    const entries = request.kind === 'membership' ? this.answerEntries(request) : 0;
    return this.config.serviceTimeBaseMs + this.config.serviceTimePerEntryMs * entries;
  }

  private answerEntries(request: MembershipRequest): number {
    if (this.config.answers === 'full') return this.directory.entriesOf(request.nodeId);
    const remaining = this.directory.entriesChangedSince(request.nodeId, request.knownVersion) - request.cursor;
    return Math.max(0, Math.min(remaining, this.config.deltaEntriesMax));
  }

  private complete(work: Work): void {
    const { request, finishAtMs } = work;
    this.counters.completed += 1;
    if (finishAtMs > request.deadlineMs) this.counters.completedLate += 1;
    switch (request.kind) {
      case 'membership':
        this.outbox.push({ kind: 'membership', requestId: request.requestId, nodeId: request.nodeId, answer: this.membershipAnswer(request) });
        return;
      case 'partitionMap': {
        const version = this.partitionMapVersion();
        const kind = version === request.knownVersion ? 'unchanged' : 'changed';
        this.outbox.push({ kind: 'partitionMap', requestId: request.requestId, routerId: request.routerId, answer: { kind, version } });
        return;
      }
      case 'operator':
        this.applyOperator(request.command, finishAtMs);
        this.outbox.push({ kind: 'operator', requestId: request.requestId, command: request.command });
        return;
      default:
        unreachable(request);
    }
  }

  private membershipAnswer(request: MembershipRequest): MembershipAnswer {
    const version = this.directory.versionOf(request.nodeId);
    if (this.config.answers === 'full') return { kind: 'full', version, entries: this.directory.entriesOf(request.nodeId) };
    const changed = this.directory.entriesChangedSince(request.nodeId, request.knownVersion);
    if (changed === 0) return { kind: 'unchanged', version };
    const entries = this.answerEntries(request);
    const cursor = request.cursor + entries;
    return { kind: 'delta', version, entries, cursor, complete: cursor >= changed };
  }

  private reject(request: MetadataRequest, retryAfterMs: number, paused: boolean): void {
    this.counters.rejected += 1;
    if (!this.config.answerRejections) return;
    if (request.kind === 'membership') {
      this.outbox.push({ kind: 'membership', requestId: request.requestId, nodeId: request.nodeId, answer: { kind: 'rejected', retryAfterMs, paused } });
    } else if (request.kind === 'partitionMap') {
      this.outbox.push({ kind: 'partitionMap', requestId: request.requestId, routerId: request.routerId, answer: { kind: 'rejected', retryAfterMs } });
    }
  }

  private applyOperator(command: OperatorCommand, nowMs: number): void {
    switch (command.kind) {
      case 'pause':
        this.pausedFlag = true;
        // Pausing also throws away the backlog: without deadlines, it would otherwise be served for hours.
        this.counters.pauseDropped += this.queue.clear();
        return;
      case 'resume':
        this.pausedFlag = false;
        return;
      case 'addCapacity':
        assert(command.workers > 0, 'capacity is added in whole workers');
        this.workerCount += command.workers;
        this.startWork(nowMs);
        return;
      default:
        unreachable(command);
    }
  }
}
