import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Item, KeyValue } from '../model/attribute-value.js';
import { base64Encode } from '../model/base64.js';
import { MemoryStorageEngine } from '../storage/memory-engine.js';
import { encodeIndexKey, encodeItemKey } from './item-key.js';
import { encodeJson } from './json-bytes.js';
import { Partition } from './partition.js';
import {
  HASH_SPACE_SIZE,
  type PartitionRead,
  type ReadTarget,
  type SortKeyRange,
  placementHashOf,
  queryPartition,
  scanPartition,
  segmentHashRange,
} from './partition-reads.js';
import type { GlobalIndexSchema, LocalIndexSchema, PartitionSchema } from './partition-schema.js';
import { globalIndexKey } from './storage-keys.js';

/** The items of a read, parsed from their stored JSON. */
const itemsOf = (read: PartitionRead): Item[] => read.entries.map((entry) => entry.item);

const local: LocalIndexSchema = {
  name: 'byColour',
  number: 0,
  key: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'colour', type: 'S' } },
  projection: { type: 'KEYS_ONLY' },
};
const global: GlobalIndexSchema = {
  name: 'byGroup',
  key: { partitionKey: { name: 'group', type: 'S' }, sortKey: { name: 'sk', type: 'N' } },
  projection: { type: 'ALL' },
  partitions: [{ partitionId: 9, hashStart: 0 }],
};
const schema: PartitionSchema = {
  tableName: 'reads',
  key: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'N' } },
  localIndexes: [local],
  globalIndexes: [],
};
const unlimited = { sizeBytesMax: 1024 * 1024 };
const table: ReadTarget = { kind: 'table' };

function setUp(items: readonly Item[], partitionSchema: PartitionSchema = schema): MemoryStorageEngine {
  const engine = new MemoryStorageEngine();
  const partition = new Partition(1, partitionSchema, engine);
  for (const item of items) partition.write(encodeItemKey(item, partitionSchema.key), () => ({ kind: 'put', item }));
  return engine;
}

const item = (pk: string, sk: number, extra: Item = {}): Item => ({ pk: { S: pk }, sk: { N: String(sk) }, ...extra });
const sortKeys = (read: PartitionRead): number[] => itemsOf(read).map((entry) => Number((entry['sk'] as { N: string }).N));

describe('queryPartition on a table', () => {
  const items = [5, -3, 0, 12, 7, 100].map((sk) => item('a', sk, { colour: { S: `c${sk}` } }));
  const engine = setUp([...items, item('b', 1), item('aa', 1)]);
  const query = (sortKeyRange: SortKeyRange | undefined, forward = true, limit?: number, exclusiveStartKey?: Item): PartitionRead =>
    queryPartition(engine, 1, schema, table, { partitionKeyValue: { S: 'a' }, sortKeyRange, forward, exclusiveStartKey }, { ...unlimited, limit });

  test('reads one partition key in sort-key order, and in reverse', () => {
    assert.deepEqual(sortKeys(query(undefined)), [-3, 0, 5, 7, 12, 100]);
    assert.deepEqual(sortKeys(query(undefined, false)), [100, 12, 7, 5, 0, -3]);
  });

  test('sort-key comparisons and BETWEEN select ranges', () => {
    const value: KeyValue = { N: '7' };
    assert.deepEqual(sortKeys(query({ kind: 'comparison', comparator: '=', value })), [7]);
    assert.deepEqual(sortKeys(query({ kind: 'comparison', comparator: '<', value })), [-3, 0, 5]);
    assert.deepEqual(sortKeys(query({ kind: 'comparison', comparator: '<=', value })), [-3, 0, 5, 7]);
    assert.deepEqual(sortKeys(query({ kind: 'comparison', comparator: '>', value })), [12, 100]);
    assert.deepEqual(sortKeys(query({ kind: 'comparison', comparator: '>=', value }, false)), [100, 12, 7]);
    assert.deepEqual(sortKeys(query({ kind: 'between', lower: { N: '0' }, upper: { N: '12' } })), [0, 5, 7, 12]);
    assert.deepEqual(sortKeys(query({ kind: 'between', lower: { N: '13' }, upper: { N: '99' } })), []);
  });

  test('pages by limit and exclusive start key, both directions', () => {
    const first = query(undefined, true, 2);
    assert.deepEqual(sortKeys(first), [-3, 0]);
    assert.equal(first.stopped, true);
    const second = query(undefined, true, 10, itemsOf(first)[1]);
    assert.deepEqual(sortKeys(second), [5, 7, 12, 100]);
    assert.equal(second.stopped, false);
    const backwards = query(undefined, false, 3, item('a', 7));
    assert.deepEqual(sortKeys(backwards), [5, 0, -3]);
    assert.equal(backwards.stopped, true);
  });

  test('counts the bytes read and stops at the byte budget, including the item that reaches it', () => {
    const all = query(undefined);
    const sizeBytesMax = all.sizeBytes / 2;
    const read = queryPartition(engine, 1, schema, table, { partitionKeyValue: { S: 'a' }, forward: true }, { sizeBytesMax });
    assert.equal(read.stopped, true);
    assert.ok(itemsOf(read).length < itemsOf(all).length);
    assert.ok(read.sizeBytes >= sizeBytesMax);
    assert.ok(read.sizeBytes - 30 < sizeBytesMax, 'stops at the first item past the budget');
  });
});

describe('begins_with on string and binary sort keys', () => {
  test('S: only values with the prefix, including the prefix itself and values with 0x00 bytes', () => {
    const stringSchema: PartitionSchema = { ...schema, localIndexes: [], key: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'S' } } };
    const values = ['ab', 'a', 'abc', 'ab\u0000x', 'ac', 'b', 'aa\u00ff'];
    const engine = setUp(values.map((sk) => ({ pk: { S: 'p' }, sk: { S: sk } })), stringSchema);
    const read = queryPartition(engine, 1, stringSchema, table, { partitionKeyValue: { S: 'p' }, sortKeyRange: { kind: 'beginsWith', prefix: { S: 'ab' } }, forward: true }, unlimited);
    assert.deepEqual(itemsOf(read).map((entry) => (entry['sk'] as { S: string }).S), ['ab', 'ab\u0000x', 'abc']);
  });

  test('B: by unsigned bytes', () => {
    const binarySchema: PartitionSchema = { ...schema, localIndexes: [], key: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'B' } } };
    const values = [[1, 2], [1], [1, 2, 0], [1, 2, 255], [1, 3], [0, 1, 2], [255]];
    const engine = setUp(values.map((bytes) => ({ pk: { S: 'p' }, sk: { B: base64Encode(Uint8Array.from(bytes)) } })), binarySchema);
    const prefix = { B: base64Encode(Uint8Array.from([1, 2])) };
    const read = queryPartition(engine, 1, binarySchema, table, { partitionKeyValue: { S: 'p' }, sortKeyRange: { kind: 'beginsWith', prefix }, forward: false }, unlimited);
    assert.deepEqual(itemsOf(read).map((entry) => (entry['sk'] as { B: string }).B), [[1, 2, 255], [1, 2, 0], [1, 2]].map((bytes) => base64Encode(Uint8Array.from(bytes))));
  });
});

describe('index reads', () => {
  const items = [item('a', 1, { colour: { S: 'red' }, size: { N: '3' } }), item('a', 2, { colour: { S: 'blue' } }), item('a', 3, { colour: { S: 'green' } }), item('a', 4)];
  const engine = setUp(items);

  test('a local index reads in index sort-key order; entries hold its projection, or the table item when asked', () => {
    const target: ReadTarget = { kind: 'local', index: local, fetchTableItems: false };
    const read = queryPartition(engine, 1, schema, target, { partitionKeyValue: { S: 'a' }, forward: true }, unlimited);
    assert.deepEqual(itemsOf(read), [item('a', 2, { colour: { S: 'blue' } }), item('a', 3, { colour: { S: 'green' } }), item('a', 1, { colour: { S: 'red' } })]);
    const fetched = queryPartition(engine, 1, schema, { ...target, fetchTableItems: true }, { partitionKeyValue: { S: 'a' }, forward: false, exclusiveStartKey: item('a', 1, { colour: { S: 'red' } }) }, unlimited);
    assert.deepEqual(itemsOf(fetched), [items[2], items[1]]);
    assert.ok(fetched.fetchedSizeBytes > 0);
  });

  test('a global index partition reads by its own key, paging with the index key plus the table key', () => {
    const gsiEngine = new MemoryStorageEngine();
    const entries = [item('x', 2, { group: { S: 'g' } }), item('y', 2, { group: { S: 'g' } }), item('z', 1, { group: { S: 'g' } })];
    void gsiEngine.write(
      entries.map((entry) => ({
        kind: 'put' as const,
        key: globalIndexKey(9, placementHashOf(entry, global.key), encodeIndexKey(entry, global.key), encodeItemKey(entry, schema.key).bytes),
        value: encodeJson(entry),
      })),
    );
    const target: ReadTarget = { kind: 'global', index: global };
    const first = queryPartition(gsiEngine, 9, schema, target, { partitionKeyValue: { S: 'g' }, forward: true }, { ...unlimited, limit: 2 });
    assert.deepEqual(itemsOf(first), [entries[2], entries[0]]);
    const rest = queryPartition(gsiEngine, 9, schema, target, { partitionKeyValue: { S: 'g' }, forward: true, exclusiveStartKey: entries[0] }, unlimited);
    assert.deepEqual(itemsOf(rest), [entries[1]]);
    const scanned = scanPartition(gsiEngine, 9, schema, target, { hashStart: 0, hashEnd: HASH_SPACE_SIZE }, unlimited);
    assert.equal(itemsOf(scanned).length, 3);
  });
});

describe('scanPartition and segments', () => {
  const items = Array.from({ length: 60 }, (_, index) => item(`k${index}`, index));
  const engine = setUp(items);

  test('reads in hash order and pages with an exclusive start key', () => {
    const all = scanPartition(engine, 1, schema, table, { hashStart: 0, hashEnd: HASH_SPACE_SIZE }, unlimited);
    assert.equal(itemsOf(all).length, 60);
    const hashes = itemsOf(all).map((entry) => placementHashOf(entry, schema.key));
    assert.deepEqual(hashes, [...hashes].sort((left, right) => left - right));
    const first = scanPartition(engine, 1, schema, table, { hashStart: 0, hashEnd: HASH_SPACE_SIZE }, { ...unlimited, limit: 25 });
    const rest = scanPartition(engine, 1, schema, table, { hashStart: 0, hashEnd: HASH_SPACE_SIZE, exclusiveStartKey: itemsOf(first)[24] }, unlimited);
    assert.deepEqual([...itemsOf(first), ...itemsOf(rest)], itemsOf(all));
  });

  test('segments are disjoint and cover the hash space', () => {
    for (const totalSegments of [1, 3, 7, 1000]) {
      let expectedStart = 0;
      for (let segment = 0; segment < totalSegments; segment++) {
        const range = segmentHashRange(segment, totalSegments);
        assert.equal(range.hashStart, expectedStart);
        assert.ok(range.hashEnd > range.hashStart);
        expectedStart = range.hashEnd;
      }
      assert.equal(expectedStart, HASH_SPACE_SIZE);
    }
    const seen = [0, 1, 2].flatMap((segment) => itemsOf(scanPartition(engine, 1, schema, table, segmentHashRange(segment, 3), unlimited)));
    assert.equal(seen.length, 60);
    assert.equal(new Set(seen.map((entry) => JSON.stringify(entry))).size, 60);
  });
});

describe('keys longer than the engine takes', () => {
  const stringSchema: PartitionSchema = { ...schema, localIndexes: [], key: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'S' } } };
  const stringItem = (pk: string, sk: string): Item => ({ pk: { S: pk }, sk: { S: sk } });
  const sortValues = (read: PartitionRead): string[] => itemsOf(read).map((entry) => (entry['sk'] as { S: string }).S);

  test('entries under a partition key stored bounded are checked against the sort-key condition', () => {
    // Every key of this partition key is longer than the engine takes, so each is a prefix and a digest.
    const pk = '\u0000'.repeat(2100);
    const engine = setUp(['a', 'b', 'c', 'd'].map((sk) => stringItem(pk, sk)), stringSchema);
    const read = (sortKeyRange: SortKeyRange): string[] =>
      sortValues(queryPartition(engine, 1, stringSchema, table, { partitionKeyValue: { S: pk }, sortKeyRange, forward: true }, unlimited));
    assert.deepEqual(read({ kind: 'comparison', comparator: '=', value: { S: 'b' } }), ['b']);
    assert.deepEqual(read({ kind: 'comparison', comparator: '>', value: { S: 'b' } }).sort(), ['c', 'd']);
    assert.deepEqual(read({ kind: 'between', lower: { S: 'b' }, upper: { S: 'c' } }).sort(), ['b', 'c']);
  });

  test('entries whose keys fit are checked too when a bound had to be cut', () => {
    // The bound (the long sort key) is cut to the bytes a bounded key keeps; an entry that shares those
    // bytes but sorts after the bound fits the engine as it is, and is still outside the condition.
    const bound = 'a'.repeat(4020);
    const values = ['a'.repeat(100), `${'a'.repeat(3990)}b`, bound];
    const engine = setUp(values.map((sk) => stringItem('p', sk)), stringSchema);
    const read = (sortKeyRange: SortKeyRange): string[] =>
      sortValues(queryPartition(engine, 1, stringSchema, table, { partitionKeyValue: { S: 'p' }, sortKeyRange, forward: true }, unlimited));
    assert.deepEqual(read({ kind: 'comparison', comparator: '<', value: { S: bound } }), ['a'.repeat(100)]);
    assert.deepEqual(read({ kind: 'comparison', comparator: '<=', value: { S: bound } }).sort(), ['a'.repeat(100), bound]);
  });
});

