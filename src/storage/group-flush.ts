/**
 * Group commit for an engine whose commits are visible at once but durable only after a flush (an
 * fsync). Every commit waits for a flush that starts after it; all commits made since the last flush
 * started share the next one.
 *
 * Flushes overlap: there are several flush channels, each running at most one flush at a time, and a new
 * flush starts (on the next turn of the event loop) as soon as commits are waiting and a channel is free,
 * instead of after the running flush ends. With one channel a commit made while a flush runs waits for
 * the rest of that flush and then a whole one (1.5 flushes on average under load); with a free channel
 * it waits for one.
 *
 * A flush that completes makes durable every commit made before it started, so it resolves its own batch
 * and every older batch still waiting on a slower flush. A failed flush fails everything not yet
 * resolved, and every later commit: what reached the disk is then unknown.
 */
import { assert } from '../lib/assert.js';

export type FlushFunction = () => Promise<void>;

interface Batch {
  readonly promise: Promise<void>;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((resolvePromise, rejectPromise) => {
    resolve = resolvePromise;
    reject = rejectPromise;
  });
  // A failure is reported to whoever waits on the batch; an unwatched one must not crash the process.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

export class GroupFlush {
  /** One flush function per channel; a channel runs one flush at a time. */
  readonly #channels: readonly FlushFunction[];
  readonly #freeChannels: number[];
  /** Commits made since the last flush started; they wait for the next one. */
  #waiting: Batch | undefined;
  /** Batches whose flush runs, oldest flush first. */
  readonly #running: Batch[] = [];
  /** Every flush not yet settled, including one whose batch a later flush already resolved. */
  readonly #flushesInFlight = new Set<Promise<void>>();
  #startScheduled = false;
  #failure: unknown;
  #flushCount = 0;

  /** `channels`: the flush of each channel; as many flushes run at once as there are channels. */
  constructor(channels: readonly FlushFunction[]) {
    assert(channels.length > 0, 'group flush needs at least one flush channel');
    this.#channels = channels;
    this.#freeChannels = channels.map((_, index) => index).reverse();
  }

  /** Flushes completed so far (to check that commits share them). */
  get flushCount(): number {
    return this.#flushCount;
  }

  /** Set once a flush failed: what reached the disk is then unknown, so nothing may be acknowledged. */
  get failure(): unknown {
    return this.#failure;
  }

  /** Call after a commit: resolves when a flush that started after the commit has completed. */
  afterCommit(): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    this.#waiting ??= newBatch();
    this.#scheduleStart();
    return this.#waiting.promise;
  }

  /** Resolves when every commit made so far is durable. */
  whenFlushed(): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    return (this.#waiting ?? this.#running.at(-1))?.promise ?? Promise.resolve();
  }

  /**
   * Resolves once no flush is running: a flush can outlast its batch (a later flush that completed first
   * resolved it), and what it flushes must not be closed under it.
   */
  async whenIdle(): Promise<void> {
    while (this.#flushesInFlight.size > 0) await Promise.all(this.#flushesInFlight);
  }

  /** Starts on the next turn of the event loop, so every commit of this turn joins the batch. */
  #scheduleStart(): void {
    if (this.#startScheduled || this.#waiting === undefined || this.#freeChannels.length === 0) return;
    this.#startScheduled = true;
    setImmediate(() => {
      this.#startScheduled = false;
      this.#startFlush();
    });
  }

  #startFlush(): void {
    const batch = this.#waiting;
    const channel = this.#freeChannels.pop();
    if (batch === undefined || channel === undefined || this.#failure !== undefined) {
      if (channel !== undefined) this.#freeChannels.push(channel);
      return;
    }
    this.#waiting = undefined;
    this.#running.push(batch);
    let flushed: Promise<void>;
    try {
      flushed = (this.#channels[channel] as FlushFunction)();
    } catch (error) {
      flushed = Promise.reject(error);
    }
    const settled = flushed.then(
      () => {
        this.#flushCount++;
        this.#freeChannels.push(channel);
        this.#resolveThrough(batch);
        this.#scheduleStart();
      },
      (error: unknown) => this.#fail(error ?? new Error('flush failed')),
    );
    this.#flushesInFlight.add(settled);
    void settled.then(() => this.#flushesInFlight.delete(settled));
  }

  /** Resolves `batch` and every batch whose flush started before it. */
  #resolveThrough(batch: Batch): void {
    const index = this.#running.indexOf(batch);
    if (index < 0) return; // already resolved by a later flush that completed first
    for (const resolved of this.#running.splice(0, index + 1)) resolved.resolve();
  }

  #fail(error: unknown): void {
    if (this.#failure !== undefined) return;
    this.#failure = error;
    for (const batch of this.#running.splice(0)) batch.reject(error);
    this.#waiting?.reject(error);
    this.#waiting = undefined;
  }
}
