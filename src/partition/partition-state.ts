/**
 * What a partition persists about itself beside its items, rewritten in the same atomic write as every
 * change: the write log's head and the size statistics of its items and of each local index's share.
 *
 * Stored in a fixed binary form, since it is encoded on every write:
 *
 *   [PARTITION_STATE_TAG][lastSequence f64][itemCount f64][sizeBytes f64][index slots u32]
 *   then per local index number: [present u8][itemCount f64][sizeBytes f64]
 *
 * Values written before this form are JSON (they start with `{`) and are still read.
 */
import { assert } from '../lib/assert.js';
import { decodeJson } from './json-bytes.js';

/** Item count and total item bytes of a table partition or of one index's share of it. */
export interface SizeStatistics {
  itemCount: number;
  sizeBytes: number;
}

export interface PartitionState {
  /** Sequence number of the last committed write (the write log's head). */
  lastSequence: number;
  items: SizeStatistics;
  /** By local index number; a slot no LSI has holds null (or is absent). */
  localIndexes: Array<SizeStatistics | null>;
}

export const PARTITION_STATE_TAG = 0x01;
const JSON_OBJECT_START = 0x7b;
const FLOAT_BYTES = 8;
const HEADER_BYTES = 1 + 3 * FLOAT_BYTES + 4;
const SLOT_BYTES = 1 + 2 * FLOAT_BYTES;

export function emptyPartitionState(): PartitionState {
  return { lastSequence: 0, items: { itemCount: 0, sizeBytes: 0 }, localIndexes: [] };
}

export function encodePartitionState(state: PartitionState): Uint8Array {
  const slots = state.localIndexes.length;
  const bytes = new Uint8Array(HEADER_BYTES + slots * SLOT_BYTES);
  const view = new DataView(bytes.buffer);
  bytes[0] = PARTITION_STATE_TAG;
  view.setFloat64(1, state.lastSequence);
  view.setFloat64(1 + FLOAT_BYTES, state.items.itemCount);
  view.setFloat64(1 + 2 * FLOAT_BYTES, state.items.sizeBytes);
  view.setUint32(1 + 3 * FLOAT_BYTES, slots);
  for (let slot = 0; slot < slots; slot++) {
    const statistics = state.localIndexes[slot];
    if (statistics === null || statistics === undefined) continue;
    const at = HEADER_BYTES + slot * SLOT_BYTES;
    bytes[at] = 1;
    view.setFloat64(at + 1, statistics.itemCount);
    view.setFloat64(at + 1 + FLOAT_BYTES, statistics.sizeBytes);
  }
  return bytes;
}

export function decodePartitionState(bytes: Uint8Array): PartitionState {
  if (bytes[0] === JSON_OBJECT_START) return decodeJson<PartitionState>(bytes);
  assert(bytes[0] === PARTITION_STATE_TAG && bytes.length >= HEADER_BYTES, 'a partition state starts with its tag and header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const slots = view.getUint32(1 + 3 * FLOAT_BYTES);
  assert(bytes.length === HEADER_BYTES + slots * SLOT_BYTES, 'a partition state holds every index slot it counts');
  const localIndexes: Array<SizeStatistics | null> = [];
  for (let slot = 0; slot < slots; slot++) {
    const at = HEADER_BYTES + slot * SLOT_BYTES;
    localIndexes.push(bytes[at] === 1 ? { itemCount: view.getFloat64(at + 1), sizeBytes: view.getFloat64(at + 1 + FLOAT_BYTES) } : null);
  }
  return {
    lastSequence: view.getFloat64(1),
    items: { itemCount: view.getFloat64(1 + FLOAT_BYTES), sizeBytes: view.getFloat64(1 + 2 * FLOAT_BYTES) },
    localIndexes,
  };
}
