import type { Item } from '../model/attribute-value.js';
import type { KeyValue } from '../model/attribute-value.js';
import { encodeKeyValue } from '../model/key-encoding.js';
import { hashBytes64 } from '../model/partition-key-hash.js';
import type { KeySchema } from '../model/key-schema.js';
import { assert } from '../lib/assert.js';
import { concatBytes } from './storage-keys.js';

/**
 * A primary key as a partition stores it: the 32-bit hash that places it (and orders the partition, as
 * DynamoDB's hash order does), and the order-preserving encoding of partition key then sort key.
 */
export interface EncodedKey {
  readonly hash: number;
  readonly bytes: Uint8Array;
}

/** Encodes the key attributes of a validated item or key. */
export function encodeItemKey(item: Item, key: KeySchema): EncodedKey {
  const partitionValue = item[key.partitionKey.name];
  assert(partitionValue !== undefined, 'item has no partition key');
  const partitionBytes = encodeKeyValue(partitionValue as KeyValue);
  const hash = placementHash(partitionBytes);
  if (key.sortKey === undefined) return { hash, bytes: partitionBytes };
  const sortValue = item[key.sortKey.name];
  assert(sortValue !== undefined, 'item has no sort key');
  return { hash, bytes: concatBytes([partitionBytes, encodeKeyValue(sortValue as KeyValue)]) };
}

/** The index key part of an index entry (index partition key, then index sort key if any). */
export function encodeIndexKey(item: Item, key: KeySchema): Uint8Array {
  return encodeItemKey(item, key).bytes;
}

/** The high 32 bits of the model's 64-bit partition-key hash place a key in a partition's hash range. */
const PLACEMENT_SHIFT = 32n;

function placementHash(encodedPartitionKey: Uint8Array): number {
  return Number(hashBytes64(encodedPartitionKey) >> PLACEMENT_SHIFT);
}
