/**
 * The storage engine interface: one ordered key-value space of byte strings, per data directory.
 *
 * Contract (checked by storage-engine.contract.ts against every implementation):
 * - Keys order by unsigned bytes (memcmp order, a prefix before its extensions); an empty value is
 *   allowed, an empty key is not, nor a key longer than `storageKeyBytesMax`.
 * - `write` applies all its operations atomically, in order (a later operation on the same key wins).
 *   They are visible to `get` and `range` as soon as `write` returns (synchronously), so a partition can
 *   run read-check-write sequences without locks.
 * - The promise `write` returns resolves only when the operations are durable; concurrent writes share
 *   durable commits (group commit). It rejects only when durability failed (e.g. the disk refused an
 *   fsync); the engine then refuses further writes, since what is on disk is no longer known.
 * - Programmer errors (invalid key, use after close) throw synchronously and apply nothing.
 * - Byte arrays passed in are copied: callers may reuse their buffers once `write` returns. Byte arrays
 *   returned are the caller's own copies.
 * - `range` iterates a consistent snapshot, taken when iteration starts, in key order (or reverse), over
 *   [start, end). Finish or break out of an iteration (a `for…of` does): an abandoned iterator can pin a
 *   snapshot, and on disk that stops space from being reused.
 * - `close` waits for pending durability, then releases the engine; using it afterwards throws.
 */
export type StorageKey = Uint8Array;
export type StorageValue = Uint8Array;

/**
 * The longest key every engine accepts. It is LMDB's limit with 8 KiB pages (lmdb-js caps keys at 4026
 * bytes); the in-memory engine enforces it too, so a key that works in tests works on disk.
 */
export const storageKeyBytesMax = 4026;

export type WriteOperation =
  | { readonly kind: 'put'; readonly key: StorageKey; readonly value: StorageValue }
  | { readonly kind: 'delete'; readonly key: StorageKey };

export interface RangeOptions {
  /** Inclusive lower bound; omitted: from the first key. */
  readonly start?: StorageKey;
  /** Exclusive upper bound; omitted: to the last key. */
  readonly end?: StorageKey;
  /** Iterate from the highest key down (still within [start, end)). */
  readonly reverse?: boolean;
  /** At most this many entries (a non-negative integer); omitted: no limit. */
  readonly limit?: number;
}

export interface StorageEntry {
  readonly key: StorageKey;
  readonly value: StorageValue;
}

export interface StorageEngine {
  /** `durable` engines keep data across restarts; the in-memory engine does not. */
  readonly durable: boolean;
  get(key: StorageKey): StorageValue | undefined;
  range(options: RangeOptions): Iterable<StorageEntry>;
  /**
   * As `get` and `range`, except that the byte arrays returned may be the engine's own rather than copies,
   * or views of memory shared with other arrays returned: for a caller that reads them and never changes
   * them (a read that answers from the bytes it read). They still keep their bytes for as long as the
   * caller keeps them, through later reads and writes: callers hold views of them (a stored item's JSON)
   * until the answer is written. An engine with no cheaper way to meet that returns what `get` and
   * `range` return.
   */
  getShared(key: StorageKey): StorageValue | undefined;
  rangeShared(options: RangeOptions): Iterable<StorageEntry>;
  write(operations: readonly WriteOperation[]): Promise<void>;
  /** Resolves when every write issued so far is durable. */
  flush(): Promise<void>;
  close(): Promise<void>;
}
