/**
 * Key order and argument checks shared by every engine, so the engines agree on what they accept.
 */
import { assert, AssertionError } from '../lib/assert.js';
import { storageKeyBytesMax, type RangeOptions, type StorageKey, type WriteOperation } from './engine.js';

/** memcmp order: the first differing byte decides; a prefix sorts before its extensions. */
export function compareStorageKeys(left: StorageKey, right: StorageKey): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const difference = (left[index] as number) - (right[index] as number);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

export function assertStorageKey(key: StorageKey): void {
  assert(key instanceof Uint8Array, 'a storage key must be a Uint8Array');
  assert(key.length > 0, 'a storage key must not be empty');
  // The message is built only on failure: this check runs on every get.
  if (key.length > storageKeyBytesMax) {
    throw new AssertionError(`a storage key must be at most ${storageKeyBytesMax} bytes, got ${key.length}`);
  }
}

export function assertWriteOperations(operations: readonly WriteOperation[]): void {
  for (const operation of operations) {
    assertStorageKey(operation.key);
    if (operation.kind === 'put') {
      assert(operation.value instanceof Uint8Array, 'a storage value must be a Uint8Array');
    } else {
      assert(operation.kind === 'delete', 'a write operation must be a put or a delete');
    }
  }
}

/** Range bounds may be empty (the lowest possible bound) but no longer than a key. */
export function assertRangeOptions(options: RangeOptions): void {
  for (const bound of [options.start, options.end]) {
    if (bound === undefined) continue;
    assert(bound instanceof Uint8Array, 'a range bound must be a Uint8Array');
    assert(bound.length <= storageKeyBytesMax, 'a range bound must be at most storageKeyBytesMax bytes');
  }
  if (options.limit !== undefined) {
    assert(Number.isInteger(options.limit) && options.limit >= 0, 'a range limit must be a non-negative integer');
  }
}

/** True when no key can lie in [start, end) or the limit is zero. */
export function isEmptyRange(options: RangeOptions): boolean {
  if (options.limit === 0) return true;
  if (options.end === undefined) return false;
  if (options.end.length === 0) return true;
  return options.start !== undefined && compareStorageKeys(options.start, options.end) >= 0;
}
