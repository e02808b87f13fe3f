/**
 * Group commit for an engine whose commits are visible at once but durable only after a flush (an
 * fsync). Every commit waits for the next flush to start after it; all commits made while one flush runs
 * share the following one. At most one flush runs at a time, so under load each flush makes a whole
 * batch durable, and the batch grows with the load instead of the flush rate limiting throughput.
 */
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
  readonly #flush: FlushFunction;
  /** Commits made since the running flush started; they wait for the next one. */
  #waiting: Batch | undefined;
  #running: Batch | undefined;
  #failure: unknown;
  #flushCount = 0;

  constructor(flush: FlushFunction) {
    this.#flush = flush;
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
    if (this.#waiting === undefined) {
      this.#waiting = newBatch();
      // Start on the next turn of the event loop, so every commit of this turn joins the batch.
      if (this.#running === undefined) setImmediate(() => this.#startFlush());
    }
    return this.#waiting.promise;
  }

  /** Resolves when every commit made so far is durable. */
  whenFlushed(): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    return (this.#waiting ?? this.#running)?.promise ?? Promise.resolve();
  }

  #startFlush(): void {
    const batch = this.#waiting;
    if (batch === undefined || this.#running !== undefined) return;
    this.#waiting = undefined;
    this.#running = batch;
    let flushed: Promise<void>;
    try {
      flushed = this.#flush();
    } catch (error) {
      flushed = Promise.reject(error);
    }
    flushed.then(
      () => {
        this.#flushCount++;
        this.#running = undefined;
        batch.resolve();
        if (this.#waiting !== undefined) setImmediate(() => this.#startFlush());
      },
      (error: unknown) => {
        this.#failure = error ?? new Error('flush failed');
        this.#running = undefined;
        batch.reject(this.#failure);
        this.#waiting?.reject(this.#failure);
        this.#waiting = undefined;
      },
    );
  }
}
