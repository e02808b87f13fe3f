/**
 * How partitions lay their data out in the one ordered key space of a storage engine.
 *
 * Every key starts with a keyspace byte and, for partition data, the partition id (u32, big-endian), so
 * each partition's data is one contiguous range and a table's data can be dropped by ranges.
 *
 *   items        [ITEM][partition][hash u32][pk][sk]             → stored item (stored-item.ts: size, JSON)
 *   LSI entries  [LOCAL_INDEX][partition][index u8][hash][pk][lsi sk][pk][sk] → stored projected item
 *   GSI entries  [GLOBAL_INDEX][index partition][hash][gsi pk][gsi sk][pk][sk] → stored projected item
 *   write log    [WRITE_LOG][partition][sequence u64]             → log entry JSON
 *   state        [PARTITION_STATE][partition]                     → sequence, counts, sizes
 *   cursors      [CONSUMER_CURSOR][partition][consumer name]      → last sequence consumed
 *   stream       [STREAM_RECORD][partition][stream start u64][sequence u64] → stream record JSON
 *   stream state [STREAM_STATE][partition][stream start u64]     → consumed sequence, shards, trim point
 *
 * [pk] and [sk] are the model's order-preserving, self-delimiting key encodings, so keys within a
 * partition order as DynamoDB orders them: by hash of the partition key, then by sort key.
 *
 * Keys DynamoDB accepts can make these longer than an engine takes (`storageKeyBytesMax`): an index entry
 * holds two keys of up to 3 KB each, and the encoding doubles every 0x00 byte. Such a key is stored
 * bounded (see `boundedKey`): its first bytes, then the SHA-256 of all of it. Order is kept against
 * every key that differs within the bytes kept; among keys that share them, it is the digests' order. A
 * range over a prefix longer than the bytes kept must therefore check each item's key.
 */
import { storageKeyBytesMax } from '../storage/engine.js';
import { SHA256_BYTES, sha256 } from './sha256.js';

export const keyspace = {
  system: 0x00,
  catalogue: 0x01,
  item: 0x02,
  localIndex: 0x03,
  globalIndex: 0x04,
  writeLog: 0x05,
  partitionState: 0x06,
  consumerCursor: 0x07,
  streamRecord: 0x08,
  streamState: 0x09,
} as const;

export type Keyspace = (typeof keyspace)[keyof typeof keyspace];

const textEncoder = new TextEncoder();

/** Bytes of a long key kept as they are, before its digest: the rest of the longest storable key. */
export const BOUNDED_KEY_PREFIX_BYTES = storageKeyBytesMax - SHA256_BYTES;

/**
 * A storage key of at most `storageKeyBytesMax` bytes for `key`: the key itself when it fits, else its
 * first bytes and the SHA-256 of all of it, `storageKeyBytesMax` bytes long. Keys that fit are stored as
 * they always were. A bounded key could equal a key that fits only if that key ended in the digest of a
 * longer key sharing its first bytes, which would take finding a SHA-256 preimage.
 */
export function boundedKey(key: Uint8Array): Uint8Array {
  if (key.length <= storageKeyBytesMax) return key;
  const bounded = new Uint8Array(storageKeyBytesMax);
  bounded.set(key.subarray(0, BOUNDED_KEY_PREFIX_BYTES));
  bounded.set(sha256(key), BOUNDED_KEY_PREFIX_BYTES);
  return bounded;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function uint32Bytes(value: number): Uint8Array {
  const out = new Uint8Array(4);
  writeUint32(out, 0, value);
  return out;
}

export function uint64Bytes(value: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(value));
  return out;
}

export function readUint64(bytes: Uint8Array, offset: number): number {
  return Number(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(offset));
}

/** [keyspace][partition id]: the prefix of everything one partition keeps in one keyspace. */
export function partitionPrefix(space: Keyspace, partitionId: number): Uint8Array {
  const out = new Uint8Array(5);
  out[0] = space;
  writeUint32(out, 1, partitionId);
  return out;
}

/** The smallest key greater than every key that starts with `prefix` (for exclusive range ends). */
export function prefixEnd(prefix: Uint8Array): Uint8Array {
  const out = prefix.slice();
  for (let index = out.length - 1; index >= 0; index--) {
    if ((out[index] as number) < 0xff) {
      out[index] = (out[index] as number) + 1;
      return out.subarray(0, index + 1);
    }
  }
  return new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
}

export function catalogueKey(tableName: string): Uint8Array {
  return concatBytes([new Uint8Array([keyspace.catalogue]), textEncoder.encode(tableName)]);
}

export function systemKey(name: string): Uint8Array {
  return concatBytes([new Uint8Array([keyspace.system]), textEncoder.encode(name)]);
}

/** [item keyspace][partition id][hash][encoded key], built in one allocation: every item read and write needs one. */
export function itemKey(partitionId: number, hash: number, encodedKey: Uint8Array): Uint8Array {
  const out = new Uint8Array(ITEM_KEY_HEADER_BYTES + encodedKey.length);
  out[0] = keyspace.item;
  writeUint32(out, 1, partitionId);
  writeUint32(out, 5, hash);
  out.set(encodedKey, ITEM_KEY_HEADER_BYTES);
  return boundedKey(out);
}

/** Keyspace byte, partition id and hash. */
const ITEM_KEY_HEADER_BYTES = 9;

/** Big-endian, written byte by byte: a DataView per key cost several microseconds on every item access. */
function writeUint32(out: Uint8Array, offset: number, value: number): void {
  const unsigned = value >>> 0;
  out[offset] = unsigned >>> 24;
  out[offset + 1] = (unsigned >>> 16) & 0xff;
  out[offset + 2] = (unsigned >>> 8) & 0xff;
  out[offset + 3] = unsigned & 0xff;
}

export function localIndexKey(
  partitionId: number,
  indexNumber: number,
  hash: number,
  encodedIndexKey: Uint8Array,
  encodedTableKey: Uint8Array,
): Uint8Array {
  return boundedKey(
    concatBytes([partitionPrefix(keyspace.localIndex, partitionId), new Uint8Array([indexNumber]), uint32Bytes(hash), encodedIndexKey, encodedTableKey]),
  );
}

export function globalIndexKey(
  indexPartitionId: number,
  hash: number,
  encodedIndexKey: Uint8Array,
  encodedTableKey: Uint8Array,
): Uint8Array {
  return boundedKey(concatBytes([partitionPrefix(keyspace.globalIndex, indexPartitionId), uint32Bytes(hash), encodedIndexKey, encodedTableKey]));
}

export function writeLogKey(partitionId: number, sequence: number): Uint8Array {
  return concatBytes([partitionPrefix(keyspace.writeLog, partitionId), uint64Bytes(sequence)]);
}

export function partitionStateKey(partitionId: number): Uint8Array {
  return partitionPrefix(keyspace.partitionState, partitionId);
}

export function consumerCursorKey(partitionId: number, consumer: string): Uint8Array {
  return concatBytes([partitionPrefix(keyspace.consumerCursor, partitionId), textEncoder.encode(consumer)]);
}

/** The prefix of every record one stream keeps for one partition. */
export function streamRecordPrefix(partitionId: number, streamStartMs: number): Uint8Array {
  return concatBytes([partitionPrefix(keyspace.streamRecord, partitionId), uint64Bytes(streamStartMs)]);
}

export function streamRecordKey(partitionId: number, streamStartMs: number, sequence: number): Uint8Array {
  return concatBytes([streamRecordPrefix(partitionId, streamStartMs), uint64Bytes(sequence)]);
}

export function streamStateKey(partitionId: number, streamStartMs: number): Uint8Array {
  return concatBytes([partitionPrefix(keyspace.streamState, partitionId), uint64Bytes(streamStartMs)]);
}

export function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return false;
  return true;
}
