/**
 * The 64-bit hash that places an item in a partition: FNV-1a 64 over the key encoding of the partition
 * key value, finished with MurmurHash3's 64-bit finalizer (fmix64).
 *
 * Why this: both halves are short, public, fixed algorithms with published constants, so the placement of
 * every item is deterministic across processes, versions and machines, and cheap enough to run on every
 * request. FNV-1a alone mixes the low output bits poorly (its lowest bit is the parity of the inputs'
 * lowest bits); partitions split the hash space by range, so every bit matters, and fmix64 makes each
 * output bit depend on every input bit. A cryptographic hash would buy nothing here: keys are chosen by
 * clients who may read the placement anyway.
 *
 * Hashing the key encoding (not the wire text) makes numerically equal numbers hash alike by
 * construction, since their canonical text and encoding are identical.
 */
import type { KeyValue } from './attribute-value.js';
import { encodeKeyValue } from './key-encoding.js';

const twoTo32 = 0x1_0000_0000;
const fnvOffsetBasisHigh = 0xcbf29ce4;
const fnvOffsetBasisLow = 0x84222325;
/** FNV prime 2^40 + 0x1b3: multiplying by it is a shift by 40 plus a multiply by 0x1b3. */
const fnvPrimeLow = 0x1b3;
const fnvPrimeShiftIntoHigh = 8;

const mask64 = (1n << 64n) - 1n;
const fmixShift = 33n;
const fmixMultiplierFirst = 0xff51afd7ed558ccdn;
const fmixMultiplierSecond = 0xc4ceb9fe1a85ec53n;

/** Hash of a partition key value, as an unsigned 64-bit integer. */
export function partitionKeyHash(value: KeyValue): bigint {
  return hashBytes64(encodeKeyValue(value));
}

/** FNV-1a 64 + fmix64 of arbitrary bytes, as an unsigned 64-bit integer. */
export function hashBytes64(bytes: Uint8Array): bigint {
  return finalize64(fnv1a64(bytes));
}

/**
 * FNV-1a 64 kept in two 32-bit halves so the per-byte loop needs no BigInt. Every intermediate product is
 * below 2^53, so the double arithmetic is exact.
 */
export function fnv1a64(bytes: Uint8Array): bigint {
  let high = fnvOffsetBasisHigh;
  let low = fnvOffsetBasisLow;
  for (const byte of bytes) {
    low = (low ^ byte) >>> 0;
    const lowProduct = low * fnvPrimeLow;
    const carry = Math.floor(lowProduct / twoTo32);
    high = (high * fnvPrimeLow + carry + ((low << fnvPrimeShiftIntoHigh) >>> 0)) % twoTo32;
    low = lowProduct % twoTo32;
  }
  return (BigInt(high) << 32n) | BigInt(low);
}

/** MurmurHash3's fmix64: an invertible mix in which every output bit depends on every input bit. */
export function finalize64(hash: bigint): bigint {
  let mixed = hash;
  mixed ^= mixed >> fmixShift;
  mixed = (mixed * fmixMultiplierFirst) & mask64;
  mixed ^= mixed >> fmixShift;
  mixed = (mixed * fmixMultiplierSecond) & mask64;
  mixed ^= mixed >> fmixShift;
  return mixed;
}
