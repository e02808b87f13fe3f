import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodeKeyValue } from './key-encoding.js';
import { finalize64, fnv1a64, hashBytes64, partitionKeyHash } from './partition-key-hash.js';
import { utf8 } from './arbitraries.test-support.js';

const mask64 = (1n << 64n) - 1n;

/** Textbook FNV-1a 64 in BigInt, to check the split-word implementation against. */
function referenceFnv1a64(bytes: Uint8Array): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const byte of bytes) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & mask64;
  return hash;
}

describe('FNV-1a 64', () => {
  test('matches the published test vectors', () => {
    assert.equal(fnv1a64(utf8.encode('')), 0xcbf29ce484222325n);
    assert.equal(fnv1a64(utf8.encode('a')), 0xaf63dc4c8601ec8cn);
    assert.equal(fnv1a64(utf8.encode('foobar')), 0x85944171f73967e8n);
  });

  test('matches a BigInt reference on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => assert.equal(fnv1a64(bytes), referenceFnv1a64(bytes))), {
      numRuns: 2000,
    });
  });
});

describe('partitionKeyHash', () => {
  test('is the finalized FNV-1a 64 of the key encoding', () => {
    const value = { S: 'user#1' };
    assert.equal(partitionKeyHash(value), finalize64(fnv1a64(encodeKeyValue(value))));
    assert.equal(partitionKeyHash(value), hashBytes64(encodeKeyValue(value)));
  });

  test('is pinned: placement must never change between versions', () => {
    assert.deepEqual(
      [partitionKeyHash({ S: 'a' }), partitionKeyHash({ N: '1' }), partitionKeyHash({ B: 'AA==' })].map((hash) => hash.toString(16)),
      goldenHashes,
    );
  });

  test('is an unsigned 64-bit value', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const hash = partitionKeyHash({ S: text });
        assert.ok(hash >= 0n && hash <= mask64);
      }),
      { numRuns: 500 },
    );
  });

  test('spreads sequential keys evenly over the top bits', () => {
    const bucketCount = 16;
    const keyCount = 16_000;
    const buckets = new Array<number>(bucketCount).fill(0);
    for (let index = 0; index < keyCount; index++) buckets[Number(partitionKeyHash({ S: `user#${index}` }) >> 60n)]!++;
    const expected = keyCount / bucketCount;
    for (const count of buckets) assert.ok(Math.abs(count - expected) < expected * 0.1, `bucket count ${count}`);
  });
});

/** Hashes of { S: 'a' }, { N: '1' }, { B: 'AA==' }; a change here would move every stored item. */
const goldenHashes = ['bc08481f96e3b568', '8b1eff2c7d76e5da', '3924d2dfd81dc996'];
