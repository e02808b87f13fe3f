/**
 * The durable engine, on LMDB (the `lmdb` package).
 *
 * Durability with group commit: the environment is opened with `noSync`, so each `write` commits its
 * own LMDB transaction synchronously (`transactionSync`: visible at once, written to the OS page cache,
 * no fsync), and a GroupFlush then makes whole batches of commits durable with one fdatasync of the data
 * file (`node:fs`, on the libuv thread pool; what `mdb_env_sync` does for a `noSync` environment without
 * a write map). Up to `flushesInFlightMax` flushes overlap, so a commit waits for the next flush to
 * start, not for the running one to end.
 *
 * Each flush channel fdatasyncs its own file descriptor: Linux reports a write-back error once per open
 * file description, to the first fsync that checks it, so two flushes sharing one descriptor could leave
 * the error to the other and return success for pages that never reached the disk. With a descriptor per
 * channel, and a channel starting its next flush only after its last one was handled, any write-back
 * error after a commit fails the first flush of every channel that checks it, and GroupFlush fails the
 * engine before a later flush can acknowledge the commit.
 *
 * Why not lmdb-js's default `overlappingSync`: in that mode LMDB fsyncs inside every commit of a
 * synchronous transaction, on the committing thread (mdb_txn_commit), so there is no way to share one
 * fsync between synchronous commits. Its asynchronous, worker-thread writes do share fsyncs and are
 * power-safe, but they are not visible when `write` returns (`put`, `batch`; `transaction(callback)` never
 * resolved in our trials with lmdb 3.5.6 on Node 20), so they would need an in-memory overlay of pending
 * writes in front of LMDB: a possible next step, which would also cut LMDB's page writes per fsync.
 *
 * What this guarantees: a commit reaches the OS page cache before `write` returns, and LMDB writes a
 * commit's pages before its meta page and never over the pages of the previous commit, so after a process
 * crash (kill -9) at any moment the file holds every commit, consistent. A write is acknowledged only
 * after an fdatasync that started after its commit. The known gap, which LMDB documents for MDB_NOSYNC:
 * if the machine itself fails (power loss, kernel crash) while commits wait for their flush, the disk may
 * have received their pages in any order (a meta page before the pages it points at, pages reused over
 * the last flushed commit), and the file can be left corrupt, acknowledged writes included. Replicas
 * (cluster mode) cover a failed machine; a single node that must survive power loss needs the overlay
 * design above.
 */
import { closeSync, fdatasync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { open, type Database, type RangeOptions as LmdbRangeOptions } from 'lmdb';
import { assert } from '../lib/assert.js';
import type { RangeOptions, StorageEngine, StorageEntry, StorageKey, StorageValue, WriteOperation } from './engine.js';
import { fsyncDirectory } from './file-system.js';
import { GroupFlush } from './group-flush.js';
import { assertRangeOptions, assertStorageKey, assertWriteOperations, isEmptyRange } from './storage-key.js';

export interface LmdbStorageEngineOptions {
  /** The directory of the LMDB files (data.mdb, lock.mdb); created when missing. */
  readonly directory: string;
  /** Runs once the engine has closed (open-engine.ts releases the data directory lock here). */
  readonly onClosed?: () => void;
}

/** The lowest possible key: empty keys do not exist, and lmdb-js would otherwise start at its own default. */
const lowestKey = new Uint8Array([0]);

/** 8 KiB pages raise LMDB's key size limit from 1978 to 4026 bytes (storageKeyBytesMax). */
const pageSizeBytes = 8192;

/**
 * Flushes that may run at once. Each costs a thread of the libuv pool (4 by default, shared with file
 * and DNS work) while it waits for the disk; more overlap also means more, smaller flushes for the same
 * load, each with its own journal commit.
 */
export const flushesInFlightMax = 2;

/** LMDB's data file in its directory (without MDB_NOSUBDIR). */
const dataFileName = 'data.mdb';

type BinaryDatabase = Database<Buffer, StorageKey>;

export function openLmdbStorageEngine(options: LmdbStorageEngineOptions): LmdbStorageEngine {
  mkdirSync(options.directory, { recursive: true });
  const database = open<Buffer, StorageKey>({
    path: options.directory,
    // A directory name with a dot would otherwise be taken for a file name; the flushes need data.mdb.
    noSubdir: false,
    // Keys and values stay raw bytes on disk, as `keyEncoding: 'binary'` and `encoding: 'binary'` store
    // them; these codecs only change what reads return (see PlainCopier).
    keyEncoder: plainKeyEncoder,
    encoding: 'binary',
    encoder: plainValueEncoder,
    noSync: true,
    overlappingSync: false,
    pageSize: pageSizeBytes,
  });
  // The files just created must survive a power loss too, not only their contents.
  fsyncDirectory(options.directory);
  fsyncDirectory(dirname(options.directory));
  const dataFile = join(options.directory, dataFileName);
  const flushDescriptors: number[] = [];
  try {
    for (let channel = 0; channel < flushesInFlightMax; channel++) flushDescriptors.push(openSync(dataFile, 'r+'));
  } catch (error) {
    for (const descriptor of flushDescriptors) closeSync(descriptor);
    void database.close();
    throw error;
  }
  return new LmdbStorageEngine(database, flushDescriptors, options.onClosed);
}

function fdatasyncPromise(descriptor: number): Promise<void> {
  return new Promise((resolve, reject) => fdatasync(descriptor, (error) => (error ? reject(error) : resolve())));
}

export class LmdbStorageEngine implements StorageEngine {
  readonly durable = true;
  readonly #database: BinaryDatabase;
  readonly #groupFlush: GroupFlush;
  readonly #flushDescriptors: readonly number[];
  readonly #onClosed: (() => void) | undefined;
  readonly #openIterators = new Set<LmdbRangeIterator>();
  #closing: Promise<void> | undefined;

  /** `flushDescriptors`: one open descriptor of the data file per flush channel; the engine closes them. */
  constructor(database: BinaryDatabase, flushDescriptors: readonly number[], onClosed?: () => void) {
    this.#database = database;
    this.#flushDescriptors = flushDescriptors;
    this.#onClosed = onClosed;
    this.#groupFlush = new GroupFlush(flushDescriptors.map((descriptor) => () => fdatasyncPromise(descriptor)));
  }

  /** fsyncs completed so far: far fewer than writes when writes are concurrent. */
  get flushCount(): number {
    return this.#groupFlush.flushCount;
  }

  get(key: StorageKey): StorageValue | undefined {
    this.#assertOpen();
    assertStorageKey(key);
    // Only valid until the next read, so copied at once.
    const value = this.#database.getBinaryFast(key);
    return value === undefined ? undefined : plainValue(value, value.length);
  }

  range(options: RangeOptions): Iterable<StorageEntry> {
    this.#assertOpen();
    assertRangeOptions(options);
    return { [Symbol.iterator]: () => this.#iterate(options, false) };
  }

  /**
   * As `get`, with the value cut from a slab (ReadSlab) rather than allocated on its own: a copy still,
   * since LMDB's bytes do not outlive the read, but a cheaper one.
   */
  getShared(key: StorageKey): StorageValue | undefined {
    return readShared(() => this.get(key));
  }

  /** As `range`, with keys and values cut from slabs (see getShared). */
  rangeShared(options: RangeOptions): Iterable<StorageEntry> {
    this.#assertOpen();
    assertRangeOptions(options);
    return { [Symbol.iterator]: () => this.#iterate(options, true) };
  }

  write(operations: readonly WriteOperation[]): Promise<void> {
    this.#assertOpen();
    assertWriteOperations(operations);
    if (this.#groupFlush.failure !== undefined) return Promise.reject(this.#groupFlush.failure);
    if (operations.length === 0) return this.#groupFlush.whenFlushed();
    const database = this.#database;
    database.transactionSync(() => {
      for (const operation of operations) {
        if (operation.kind === 'put') database.putSync(operation.key, operation.value as Buffer);
        else database.removeSync(operation.key);
      }
    });
    return this.#groupFlush.afterCommit();
  }

  flush(): Promise<void> {
    this.#assertOpen();
    return this.#groupFlush.whenFlushed();
  }

  close(): Promise<void> {
    this.#closing ??= this.#closeOnce();
    return this.#closing;
  }

  async #closeOnce(): Promise<void> {
    try {
      await this.#groupFlush.whenFlushed();
    } finally {
      // The flush descriptors close below, and a flush may outlast the batch it was started for.
      await this.#groupFlush.whenIdle();
      // Cursors must go before their environment does.
      for (const iterator of this.#openIterators) iterator.return();
      await this.#database.close();
      for (const descriptor of this.#flushDescriptors) closeSync(descriptor);
      this.#onClosed?.();
    }
  }

  #assertOpen = (): void => {
    assert(this.#closing === undefined, 'the storage engine is closed');
  };

  #iterate(options: RangeOptions, shared: boolean): Iterator<StorageEntry> {
    this.#assertOpen();
    if (isEmptyRange(options)) return [][Symbol.iterator]();
    // lmdb-js takes its read snapshot here, when the iterator is created.
    const entries = this.#database.getRange(lmdbRangeOptions(options))[Symbol.iterator]();
    return new LmdbRangeIterator(entries, shared, this.#openIterators, this.#assertOpen);
  }
}

/**
 * Checks the engine is open before each step (a cursor must not outlive its environment), and registers
 * in `openIterators` while running, so `close` can end iterations still in progress.
 */
class LmdbRangeIterator implements Iterator<StorageEntry> {
  readonly #entries: Iterator<StorageEntry>;
  readonly #shared: boolean;
  readonly #openIterators: Set<LmdbRangeIterator>;
  readonly #assertOpen: () => void;
  #finished = false;

  /** `shared`: keys and values are copied as shared reads copy them. */
  constructor(entries: Iterator<StorageEntry>, shared: boolean, openIterators: Set<LmdbRangeIterator>, assertOpen: () => void) {
    this.#entries = entries;
    this.#shared = shared;
    this.#openIterators = openIterators;
    this.#assertOpen = assertOpen;
    openIterators.add(this);
  }

  next(): IteratorResult<StorageEntry> {
    this.#assertOpen();
    if (this.#finished) return { done: true, value: undefined };
    const result = this.#shared ? readShared(() => this.#entries.next()) : this.#entries.next();
    if (result.done) {
      this.#finish();
      return result;
    }
    return result;
  }

  return(): IteratorResult<StorageEntry> {
    if (!this.#finished) {
      this.#entries.return?.();
      this.#finish();
    }
    return { done: true, value: undefined };
  }

  #finish(): void {
    this.#finished = true;
    this.#openIterators.delete(this);
  }
}

/** lmdb-js iterates a reverse range from `start` down to `end`, so the bounds swap. */
function lmdbRangeOptions(options: RangeOptions): LmdbRangeOptions {
  const lower = options.start !== undefined && options.start.length > 0 ? options.start : lowestKey;
  const limit = options.limit === undefined ? {} : { limit: options.limit };
  if (!options.reverse) {
    return { start: lower, ...(options.end === undefined ? {} : { end: options.end }), ...limit };
  }
  return {
    reverse: true,
    ...(options.end === undefined ? {} : { start: options.end, exclusiveStart: true }),
    end: lower,
    inclusiveEnd: true,
    ...limit,
  };
}

/**
 * Reads copy each key and value once, out of lmdb-js's reused read buffers into a plain Uint8Array of
 * their own. lmdb-js's binary encodings would make a Buffer per key and value instead (a FastBuffer
 * allocation, the largest cost of a durable Scan), and callers must not rely on Buffer methods the
 * in-memory engine's arrays lack anyway. A copy is needed at all because LMDB's bytes are valid only
 * until the next read or the end of the read transaction, and callers keep what they read.
 *
 * lmdb-js reads keys into one buffer and values into another, which it reuses (and replaces when a value
 * outgrows it); a plain view of each, kept while it stays in use, lets `slice` copy without a Buffer.
 */
class PlainCopier {
  #source: Uint8Array | undefined;
  #view: Uint8Array = new Uint8Array(0);

  /** `reused`: whether `source` is read into again later (else its view is not kept). */
  copy(source: Uint8Array, start: number, end: number, reused: boolean): Uint8Array {
    let view = this.#view;
    if (source !== this.#source) {
      view = new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
      if (reused) {
        this.#source = source;
        this.#view = view;
      }
    }
    return sharedCopies ? sharedSlab.copy(view, start, end) : view.slice(start, end);
  }
}

/**
 * Bytes of one slab: shared reads copy into slabs, a new one when the last is full. One slab is pinned as
 * long as any array cut from it is kept.
 */
const readSlabBytes = 64 * 1024;
/**
 * Arrays of up to this many bytes are copied on their own even in shared reads: V8 keeps arrays this
 * small inside its heap, which costs less than a view of a slab. Larger ones get their own memory
 * outside the heap, allocated and later freed one by one, which a slab saves.
 */
const readSlabCopyBytesMin = 64;
/** Larger arrays are copied on their own: a slab holds at least this many of the largest. */
const readSlabCopyBytesMax = readSlabBytes / 8;

/**
 * Hands out views of slabs that are each written once, in parts, and never changed: the arrays of shared
 * reads (engine.ts: callers only read them), without an allocation each.
 */
class ReadSlab {
  #bytes = new Uint8Array(readSlabBytes);
  #usedBytes = 0;

  copy(view: Uint8Array, start: number, end: number): Uint8Array {
    const sizeBytes = end - start;
    if (sizeBytes <= readSlabCopyBytesMin || sizeBytes > readSlabCopyBytesMax) return view.slice(start, end);
    if (this.#usedBytes + sizeBytes > readSlabBytes) {
      this.#bytes = new Uint8Array(readSlabBytes);
      this.#usedBytes = 0;
    }
    const at = this.#usedBytes;
    this.#bytes.set(view.subarray(start, end), at);
    this.#usedBytes = at + sizeBytes;
    return this.#bytes.subarray(at, at + sizeBytes);
  }
}

const sharedSlab = new ReadSlab();
/** Set only while a shared read runs (reads are synchronous): lmdb-js's decoders then copy into the slab. */
let sharedCopies = false;

/** Runs `read` with its keys and values copied as shared reads copy them. */
function readShared<Result>(read: () => Result): Result {
  sharedCopies = true;
  try {
    return read();
  } finally {
    sharedCopies = false;
  }
}

const keyCopier = new PlainCopier();
const valueCopier = new PlainCopier();

/**
 * A value as lmdb-js read it: its reused buffer (marked `isGlobal`), or one valid only now (a value
 * handed out from a memory map, or one too large for the reused buffer).
 */
function plainValue(bytes: Uint8Array, sizeBytes: number): Uint8Array {
  return valueCopier.copy(bytes, 0, sizeBytes, (bytes as Uint8Array & { isGlobal?: boolean }).isGlobal === true);
}

/**
 * lmdb-js's custom value encoder: values are written as given (raw bytes, as `encoding: 'binary'`), and
 * a range hands each value to `decode` in lmdb-js's buffer, with the value's size.
 */
const plainValueEncoder = {
  encode: (value: Uint8Array): Uint8Array => value,
  decode: plainValue,
};

/** lmdb-js's custom key encoder: keys are raw bytes, as with `keyEncoding: 'binary'`. */
const plainKeyEncoder = {
  writeKey(key: Uint8Array, target: Uint8Array, start: number): number {
    target.set(key, start);
    return start + key.length;
  },
  readKey: (source: Uint8Array, start: number, end: number): Uint8Array => keyCopier.copy(source, start, end, true),
};
