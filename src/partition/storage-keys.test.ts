import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { storageKeyBytesMax } from '../storage/engine.js';
import { compareStorageKeys } from '../storage/storage-key.js';
import { BOUNDED_KEY_PREFIX_BYTES, boundedKey, globalIndexKey, itemKey, localIndexKey, partitionPrefix, keyspace, prefixEnd } from './storage-keys.js';

const sign = (value: number): number => Math.sign(value);

/** Keys around the storable length, sharing long prefixes, so both forms and their boundary are drawn. */
const keyAround = (length: number) =>
  fc
    .record({ length: fc.integer({ min: length - 40, max: length + 40 }), fill: fc.constantFrom(0x00, 0x61, 0xff), tail: fc.uint8Array({ maxLength: 40 }) })
    .map(({ length: total, fill, tail }) => {
      const key = new Uint8Array(total).fill(fill);
      key.set(tail.subarray(0, Math.min(tail.length, total)), Math.max(0, total - tail.length));
      return key;
    });

describe('bounded storage keys', () => {
  test('a key that fits is stored as it is', () => {
    for (const length of [1, 100, storageKeyBytesMax]) {
      const key = new Uint8Array(length).fill(7);
      assert.deepEqual(boundedKey(key), key);
    }
  });

  test('a longer key becomes its first bytes then a digest, exactly the longest storable length', () => {
    const key = new Uint8Array(storageKeyBytesMax + 1).fill(9);
    const bounded = boundedKey(key);
    assert.equal(bounded.length, storageKeyBytesMax);
    assert.deepEqual(bounded.subarray(0, BOUNDED_KEY_PREFIX_BYTES), key.subarray(0, BOUNDED_KEY_PREFIX_BYTES));
  });

  test('distinct keys stay distinct, and keys that differ within the kept bytes keep their order', () => {
    fc.assert(
      fc.property(keyAround(storageKeyBytesMax), keyAround(storageKeyBytesMax), (left, right) => {
        const boundedLeft = boundedKey(left);
        const boundedRight = boundedKey(right);
        const same = compareStorageKeys(left, right) === 0;
        assert.equal(compareStorageKeys(boundedLeft, boundedRight) === 0, same);
        const sharedPrefix = compareStorageKeys(left.subarray(0, BOUNDED_KEY_PREFIX_BYTES), right.subarray(0, BOUNDED_KEY_PREFIX_BYTES)) === 0;
        const shortEnough = left.length <= BOUNDED_KEY_PREFIX_BYTES || right.length <= BOUNDED_KEY_PREFIX_BYTES;
        if (!sharedPrefix || shortEnough) {
          assert.equal(sign(compareStorageKeys(boundedLeft, boundedRight)), sign(compareStorageKeys(left, right)));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('keys of the largest items and index entries stay within the partition and the engine limit', () => {
    const tableKey = new Uint8Array(2 * 2050 + 2 * 1026).fill(0);
    const indexKey = new Uint8Array(2 * 2050 + 2 * 1026).fill(0xff);
    const hash = 0xffffffff;
    for (const key of [itemKey(5, hash, tableKey), localIndexKey(5, 4, hash, indexKey, tableKey), globalIndexKey(5, hash, indexKey, tableKey)]) {
      assert.ok(key.length <= storageKeyBytesMax);
      const space = key[0] as (typeof keyspace)[keyof typeof keyspace];
      const start = partitionPrefix(space, 5);
      assert.ok(compareStorageKeys(key, start) > 0 && compareStorageKeys(key, prefixEnd(start)) < 0);
    }
  });
});
