/**
 * The in-memory engine (`--in-memory` and tests): a copy-on-write B+-tree. A write builds a new root and
 * publishes it in one assignment, which makes it atomic; an iteration keeps the root it started from,
 * which makes it a snapshot. Nothing is ever made durable, so a write's promise is resolved at once.
 */
import { assert } from '../lib/assert.js';
import type { RangeOptions, StorageEngine, StorageEntry, StorageKey, StorageValue, WriteOperation } from './engine.js';
import {
  emptyTree,
  treeEntriesAscending,
  treeEntriesDescending,
  treeGet,
  treeWithDelete,
  treeWithPut,
  type TreeNode,
} from './copy-on-write-tree.js';
import { assertRangeOptions, assertStorageKey, assertWriteOperations, isEmptyRange } from './storage-key.js';

export class MemoryStorageEngine implements StorageEngine {
  readonly durable = false;
  #root: TreeNode = emptyTree;
  #closed = false;

  get(key: StorageKey): StorageValue | undefined {
    this.#assertOpen();
    assertStorageKey(key);
    return treeGet(this.#root, key)?.slice();
  }

  /** No copy: see rangeShared. */
  getShared(key: StorageKey): StorageValue | undefined {
    this.#assertOpen();
    assertStorageKey(key);
    return treeGet(this.#root, key);
  }

  range(options: RangeOptions): Iterable<StorageEntry> {
    this.#assertOpen();
    assertRangeOptions(options);
    return { [Symbol.iterator]: () => this.#entries(this.#root, options, true) };
  }

  /**
   * No copies: the tree's arrays are never changed once stored (a write stores copies and replaces nodes),
   * so a caller that only reads them sees the snapshot as `range` would. Copying every key and value was
   * the largest cost of a Scan page.
   */
  rangeShared(options: RangeOptions): Iterable<StorageEntry> {
    this.#assertOpen();
    assertRangeOptions(options);
    return { [Symbol.iterator]: () => this.#entries(this.#root, options, false) };
  }

  write(operations: readonly WriteOperation[]): Promise<void> {
    this.#assertOpen();
    assertWriteOperations(operations);
    let root = this.#root;
    for (const operation of operations) {
      // Copies into plain arrays, so a caller reusing its buffers cannot change what is stored (a Buffer's
      // own slice() would be a view of it, not a copy).
      root =
        operation.kind === 'put'
          ? treeWithPut(root, new Uint8Array(operation.key), new Uint8Array(operation.value))
          : treeWithDelete(root, operation.key);
    }
    this.#root = root;
    return Promise.resolve();
  }

  flush(): Promise<void> {
    this.#assertOpen();
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.#closed = true;
    this.#root = emptyTree;
    return Promise.resolve();
  }

  *#entries(root: TreeNode, options: RangeOptions, copy: boolean): Generator<StorageEntry, void, undefined> {
    if (isEmptyRange(options)) return;
    const start = options.start?.length === 0 ? undefined : options.start;
    const entries = options.reverse
      ? treeEntriesDescending(root, start, options.end)
      : treeEntriesAscending(root, start, options.end);
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    for (const entry of entries) {
      if (remaining-- <= 0) return;
      this.#assertOpen();
      yield copy ? { key: entry.key.slice(), value: entry.value.slice() } : entry;
    }
  }

  #assertOpen(): void {
    assert(!this.#closed, 'the storage engine is closed');
  }
}
