/**
 * Ordered reads of one partition's items or index entries, for Query and Scan. A read walks one range of
 * the storage engine (see storage-keys.ts) and stops at the item limit or once the bytes read reach the
 * page budget, as DynamoDB stops a page at its Limit or at 1 MB.
 *
 * Range bounds are byte prefixes of storage keys. A stored key longer than the engine allows is kept as a
 * prefix and a digest (`boundedKey`), and a bound longer than that is cut to the bytes such a key keeps;
 * so an entry whose key may be bounded, and every entry of a range whose bounds were cut, is checked
 * against its real key too. Other entries are in the range by their storage keys, and are not parsed.
 */
import type { Item, KeyValue } from '../model/attribute-value.js';
import { orderSatisfies } from '../expressions/compare-values.js';
import { compareBytes, encodeKeyValue } from '../model/key-encoding.js';
import type { KeySchema } from '../model/key-schema.js';
import type { StorageEngine } from '../storage/engine.js';
import { storageKeyBytesMax } from '../storage/engine.js';
import { decodeStoredItem, type StoredItem } from './stored-item.js';
import { encodeIndexKey, encodeItemKey } from './item-key.js';
import type { GlobalIndexSchema, LocalIndexSchema, PartitionSchema } from './partition-schema.js';
import {
  BOUNDED_KEY_PREFIX_BYTES,
  concatBytes,
  globalIndexKey,
  itemKey,
  keyspace,
  localIndexKey,
  partitionPrefix,
  prefixEnd,
  uint32Bytes,
} from './storage-keys.js';

/** The sort-key part of a key condition, as data. */
export type SortKeyRange =
  | { readonly kind: 'comparison'; readonly comparator: '=' | '<' | '<=' | '>' | '>='; readonly value: KeyValue }
  | { readonly kind: 'between'; readonly lower: KeyValue; readonly upper: KeyValue }
  | { readonly kind: 'beginsWith'; readonly prefix: KeyValue };

/** What a read walks: the table's items, or one secondary index's entries. */
export type ReadTarget =
  | { readonly kind: 'table' }
  /** `fetchTableItems`: answer with the whole table item, not the projected entry. */
  | { readonly kind: 'local'; readonly index: LocalIndexSchema; readonly fetchTableItems: boolean }
  | { readonly kind: 'global'; readonly index: GlobalIndexSchema };

export interface ReadBudget {
  /** Items to read at most; undefined: no limit but the bytes. */
  readonly limit?: number | undefined;
  readonly sizeBytesMax: number;
}

export interface PartitionRead {
  /** Items (or index entries, or fetched table items) in the order read, as stored. */
  readonly entries: StoredItem[];
  /** Sum of the sizes of the items or entries read. */
  readonly sizeBytes: number;
  /** Sum of the sizes of the table items fetched for index entries. */
  readonly fetchedSizeBytes: number;
  /** True when the read stopped at its limit or byte budget, rather than at the end of its range. */
  readonly stopped: boolean;
}

export interface QueryRange {
  readonly partitionKeyValue: KeyValue;
  readonly sortKeyRange?: SortKeyRange | undefined;
  readonly forward: boolean;
  /** The last item of the previous page: table key, plus the index key for index reads. */
  readonly exclusiveStartKey?: Item | undefined;
}

/** A range of the 32-bit hash space: [hashStart, hashEnd), hashEnd at most 2^32. */
export interface HashRange {
  readonly hashStart: number;
  readonly hashEnd: number;
  readonly exclusiveStartKey?: Item | undefined;
}

export const HASH_SPACE_SIZE = 2 ** 32;

/** Segment `segment` of `totalSegments`: equal, disjoint ranges that together cover the hash space. */
export function segmentHashRange(segment: number, totalSegments: number): { hashStart: number; hashEnd: number } {
  const bound = (index: number): number => Math.floor((index * HASH_SPACE_SIZE) / totalSegments);
  return { hashStart: bound(segment), hashEnd: bound(segment + 1) };
}

/** The key schema a target orders its entries by. */
export function targetKeySchema(schema: PartitionSchema, target: ReadTarget): KeySchema {
  return target.kind === 'table' ? schema.key : target.index.key;
}

/** The placement hash of the partition key of `item` under `key` (the hash that places it). */
export function placementHashOf(item: Item, key: KeySchema): number {
  return encodeItemKey(item, { partitionKey: key.partitionKey }).hash;
}

/** Reads the items of one partition key, in sort-key order (or reverse), within a sort-key range. */
export function queryPartition(
  engine: StorageEngine,
  partitionId: number,
  schema: PartitionSchema,
  target: ReadTarget,
  range: QueryRange,
  budget: ReadBudget,
): PartitionRead {
  const key = targetKeySchema(schema, target);
  const partitionItem = { [key.partitionKey.name]: range.partitionKeyValue };
  const hash = placementHashOf(partitionItem, key);
  const encodedPartitionKey = encodeKeyValue(range.partitionKeyValue);
  const base = concatBytes([targetPrefix(partitionId, target), uint32Bytes(hash), encodedPartitionKey]);
  let { start, end } = sortKeyBounds(base, range.sortKeyRange);
  if (range.exclusiveStartKey !== undefined) {
    const after = entryKey(partitionId, schema, target, range.exclusiveStartKey);
    if (range.forward) start = maxBytes(start, successor(after));
    else end = minBytes(end, after);
  }
  // The range's bounds are encoded once here, not once per entry read.
  const sortKeyMatcher = range.sortKeyRange === undefined || key.sortKey === undefined ? undefined : encodedSortKeyMatcher(range.sortKeyRange);
  const matchesItem = (entry: Item): boolean => {
    const partitionValue = entry[key.partitionKey.name] as KeyValue | undefined;
    if (partitionValue === undefined || compareBytes(encodeKeyValue(partitionValue), encodedPartitionKey) !== 0) return false;
    if (sortKeyMatcher === undefined || key.sortKey === undefined) return true;
    const sortValue = entry[key.sortKey.name] as KeyValue | undefined;
    return sortValue !== undefined && sortKeyMatcher(encodeKeyValue(sortValue));
  };
  const boundsCut = start.length > storageKeyBytesMax || end.length > storageKeyBytesMax;
  const matches = (storageKey: Uint8Array, entry: StoredItem): boolean =>
    (!boundsCut && !mayBeBounded(storageKey)) || matchesItem(entry.item);
  return readRange(engine, partitionId, schema, target, { start, end, reverse: !range.forward }, budget, matches);
}

/** Reads the items of one partition whose hash lies in a range, in hash-then-key order. */
export function scanPartition(
  engine: StorageEngine,
  partitionId: number,
  schema: PartitionSchema,
  target: ReadTarget,
  range: HashRange,
  budget: ReadBudget,
): PartitionRead {
  const prefix = targetPrefix(partitionId, target);
  let start = concatBytes([prefix, uint32Bytes(range.hashStart)]);
  const end = range.hashEnd >= HASH_SPACE_SIZE ? prefixEnd(prefix) : concatBytes([prefix, uint32Bytes(range.hashEnd)]);
  if (range.exclusiveStartKey !== undefined) {
    start = maxBytes(start, successor(entryKey(partitionId, schema, target, range.exclusiveStartKey)));
  }
  return readRange(engine, partitionId, schema, target, { start, end, reverse: false }, budget, () => true);
}

/** A key of the longest storable length may be a bounded one (a longer key's prefix and digest). */
function mayBeBounded(storageKey: Uint8Array): boolean {
  return storageKey.length >= storageKeyBytesMax;
}

interface Bounds {
  readonly start: Uint8Array;
  readonly end: Uint8Array;
  readonly reverse: boolean;
}

function readRange(
  engine: StorageEngine,
  partitionId: number,
  schema: PartitionSchema,
  target: ReadTarget,
  bounds: Bounds,
  budget: ReadBudget,
  matches: (storageKey: Uint8Array, entry: StoredItem) => boolean,
): PartitionRead {
  const entries: StoredItem[] = [];
  let sizeBytes = 0;
  let fetchedSizeBytes = 0;
  if (budget.limit === 0 || compareBytes(bounds.start, bounds.end) >= 0) return { entries, sizeBytes, fetchedSizeBytes, stopped: budget.limit === 0 };
  const range = { start: storableStart(bounds.start), end: storableEnd(bounds.end), reverse: bounds.reverse };
  // Entries are only read here, and copied into the answer, so the engine need not copy them first.
  const read = engine.rangeShared(range);
  for (const entry of read) {
    const stored = decodeStoredItem(entry.value);
    if (!matches(entry.key, stored)) continue;
    sizeBytes += stored.sizeBytes;
    let answered = stored;
    if (target.kind === 'local' && target.fetchTableItems) {
      const tableKey = encodeItemKey(stored.item, schema.key);
      const tableItem = engine.get(itemKey(partitionId, tableKey.hash, tableKey.bytes));
      if (tableItem !== undefined) {
        answered = decodeStoredItem(tableItem);
        fetchedSizeBytes += answered.sizeBytes;
      }
    }
    entries.push(answered);
    if ((budget.limit !== undefined && entries.length >= budget.limit) || sizeBytes >= budget.sizeBytesMax) {
      return { entries, sizeBytes, fetchedSizeBytes, stopped: true };
    }
  }
  return { entries, sizeBytes, fetchedSizeBytes, stopped: false };
}

function targetPrefix(partitionId: number, target: ReadTarget): Uint8Array {
  switch (target.kind) {
    case 'table':
      return partitionPrefix(keyspace.item, partitionId);
    case 'local':
      return concatBytes([partitionPrefix(keyspace.localIndex, partitionId), new Uint8Array([target.index.number])]);
    case 'global':
      return partitionPrefix(keyspace.globalIndex, partitionId);
  }
}

/** The storage key of the entry a start key names (the table item, or the index entry). */
function entryKey(partitionId: number, schema: PartitionSchema, target: ReadTarget, startKey: Item): Uint8Array {
  const tableKey = encodeItemKey(startKey, schema.key);
  switch (target.kind) {
    case 'table':
      return itemKey(partitionId, tableKey.hash, tableKey.bytes);
    case 'local':
      return localIndexKey(partitionId, target.index.number, tableKey.hash, encodeIndexKey(startKey, target.index.key), tableKey.bytes);
    case 'global': {
      const hash = placementHashOf(startKey, target.index.key);
      return globalIndexKey(partitionId, hash, encodeIndexKey(startKey, target.index.key), tableKey.bytes);
    }
  }
}

/** [start, end) of the entries under `base` (a partition key) whose sort key is in `range`. */
function sortKeyBounds(base: Uint8Array, range: SortKeyRange | undefined): { start: Uint8Array; end: Uint8Array } {
  const all = { start: base, end: prefixEnd(base) };
  if (range === undefined) return all;
  const at = (value: KeyValue): Uint8Array => concatBytes([base, encodeKeyValue(value)]);
  switch (range.kind) {
    case 'between':
      return { start: at(range.lower), end: prefixEnd(at(range.upper)) };
    case 'beginsWith':
      return { start: concatBytes([base, unterminated(range.prefix)]), end: prefixEnd(concatBytes([base, unterminated(range.prefix)])) };
    case 'comparison':
      switch (range.comparator) {
        case '=':
          return { start: at(range.value), end: prefixEnd(at(range.value)) };
        case '<':
          return { start: all.start, end: at(range.value) };
        case '<=':
          return { start: all.start, end: prefixEnd(at(range.value)) };
        case '>':
          return { start: prefixEnd(at(range.value)), end: all.end };
        case '>=':
          return { start: at(range.value), end: all.end };
      }
  }
}

/** Whether a sort-key value is in the range (checked on each entry: stored keys may be bounded). */
export function sortKeyMatches(range: SortKeyRange, value: KeyValue): boolean {
  return encodedSortKeyMatcher(range)(encodeKeyValue(value));
}

/** A test of encoded sort-key values against the range, with the range's bounds encoded once. */
function encodedSortKeyMatcher(range: SortKeyRange): (encoded: Uint8Array) => boolean {
  switch (range.kind) {
    case 'between': {
      const lower = encodeKeyValue(range.lower);
      const upper = encodeKeyValue(range.upper);
      return (encoded) => compareBytes(encoded, lower) >= 0 && compareBytes(encoded, upper) <= 0;
    }
    case 'beginsWith': {
      const prefix = unterminated(range.prefix);
      return (encoded) => encoded.length >= prefix.length && compareBytes(encoded.subarray(0, prefix.length), prefix) === 0;
    }
    case 'comparison': {
      const bound = encodeKeyValue(range.value);
      const comparator = range.comparator;
      return (encoded) => orderSatisfies(compareBytes(encoded, bound), comparator);
    }
  }
}

/**
 * An S or B value's encoding without its two-byte terminator: every encoding of a value that begins with
 * this one starts with these bytes (the escaping works byte by byte).
 */
const TERMINATOR_BYTES = 2;

function unterminated(value: KeyValue): Uint8Array {
  const encoded = encodeKeyValue(value);
  return encoded.subarray(0, encoded.length - TERMINATOR_BYTES);
}

/** The smallest key after `key`: the key itself extended by a zero byte (no longer key exists at the cap). */
function successor(key: Uint8Array): Uint8Array {
  return key.length < storageKeyBytesMax ? concatBytes([key, new Uint8Array([0])]) : prefixEnd(key);
}

/** A start bound the engine takes: cut to the bytes a bounded key keeps (a lower bound, still). */
function storableStart(start: Uint8Array): Uint8Array {
  return start.length <= storageKeyBytesMax ? start : start.subarray(0, BOUNDED_KEY_PREFIX_BYTES);
}

/** An end bound the engine takes: past every key sharing the bytes a bounded key keeps (an upper bound). */
function storableEnd(end: Uint8Array): Uint8Array {
  return end.length <= storageKeyBytesMax ? end : prefixEnd(end.subarray(0, BOUNDED_KEY_PREFIX_BYTES));
}

function maxBytes(left: Uint8Array, right: Uint8Array): Uint8Array {
  return compareBytes(left, right) >= 0 ? left : right;
}

function minBytes(left: Uint8Array, right: Uint8Array): Uint8Array {
  return compareBytes(left, right) <= 0 ? left : right;
}
