import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AttributeValue, Item, KeyValue } from '../model/attribute-value.js';
import { base64Encode } from '../model/base64.js';
import { compareBytes, encodeKeyValue } from '../model/key-encoding.js';
import { itemSizeBytes } from '../model/item-size.js';
import { partitionKeyHash } from '../model/partition-key-hash.js';
import { MemoryStorageEngine } from '../storage/memory-engine.js';
import type { StorageEngine } from '../storage/engine.js';
import { encodeItemKey } from './item-key.js';
import { Partition } from './partition.js';
import type { LocalIndexSchema, PartitionSchema } from './partition-schema.js';
import { concatBytes, keyspace, partitionPrefix, prefixEnd } from './storage-keys.js';
import { decodeItem } from './stored-item.js';

const localIndexes: LocalIndexSchema[] = [
  { name: 'byLabel', number: 0, key: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'label', type: 'S' } }, projection: { type: 'ALL' } },
  { name: 'byMeasure', number: 1, key: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'measure', type: 'N' } }, projection: { type: 'KEYS_ONLY' } },
  {
    name: 'byTag',
    number: 2,
    key: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'tag', type: 'B' } },
    projection: { type: 'INCLUDE', nonKeyAttributes: ['note', 'label'] },
  },
];
const schema: PartitionSchema = {
  tableName: 'local',
  key: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'N' } },
  localIndexes,
  globalIndexes: [],
};

/** The attributes each index copies, written out here rather than taken from projection.ts. */
const projectedNames: Record<string, readonly string[] | 'all'> = {
  byLabel: 'all',
  byMeasure: ['pk', 'sk', 'measure'],
  byTag: ['pk', 'sk', 'tag', 'note', 'label'],
};

const keyArbitrary = fc.record({
  pk: fc.constantFrom('a', 'b', 'c').map((S) => ({ S })),
  sk: fc.constantFrom('0', '1', '2', '-7').map((N) => ({ N })),
});
const optional = (arbitrary: fc.Arbitrary<AttributeValue>): fc.Arbitrary<AttributeValue | undefined> =>
  fc.option(arbitrary, { nil: undefined, freq: 2 });
const itemArbitrary = fc
  .record({
    key: keyArbitrary,
    label: optional(fc.oneof(fc.constantFrom('x', 'y', '', 'zz').map((S) => ({ S })), fc.constant({ N: '1' }))),
    measure: optional(fc.constantFrom('5', '-5', '0.5').map((N) => ({ N }))),
    tag: optional(fc.uint8Array({ maxLength: 3 }).map((bytes) => ({ B: base64Encode(bytes) }))),
    note: optional(fc.string({ maxLength: 10 }).map((S) => ({ S }))),
    other: optional(fc.constant({ BOOL: true })),
  })
  .map(({ key, ...attributes }): Item => {
    const item: Record<string, AttributeValue> = { ...key };
    for (const [name, attribute] of Object.entries(attributes)) if (attribute !== undefined) item[name] = attribute;
    return item;
  });

type Operation = { kind: 'put'; item: Item } | { kind: 'delete'; key: Item };
const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: itemArbitrary.map((item) => ({ kind: 'put' as const, item })) },
  { weight: 1, arbitrary: keyArbitrary.map((key) => ({ kind: 'delete' as const, key })) },
);

function inIndex(item: Item, index: LocalIndexSchema): boolean {
  const sortKey = index.key.sortKey;
  assert.ok(sortKey !== undefined);
  const attribute = item[sortKey.name];
  return attribute !== undefined && Object.keys(attribute)[0] === sortKey.type;
}

function expectedProjection(item: Item, index: LocalIndexSchema): Item {
  const names = projectedNames[index.name];
  if (names === 'all') return item;
  return Object.fromEntries((names ?? []).filter((name) => item[name] !== undefined).map((name) => [name, item[name] as AttributeValue]));
}

/** Order in a partition's index: placement hash, partition key, index sort key, then table sort key. */
function indexOrder(index: LocalIndexSchema) {
  const sortName = index.key.sortKey?.name ?? '';
  const bytes = (item: Item, name: string): Uint8Array => encodeKeyValue(item[name] as KeyValue);
  return (left: Item, right: Item): number => {
    const leftHash = partitionKeyHash(left['pk'] as KeyValue) >> 32n;
    const rightHash = partitionKeyHash(right['pk'] as KeyValue) >> 32n;
    if (leftHash !== rightHash) return leftHash < rightHash ? -1 : 1;
    return (
      compareBytes(bytes(left, 'pk'), bytes(right, 'pk')) ||
      compareBytes(bytes(left, sortName), bytes(right, sortName)) ||
      compareBytes(bytes(left, 'sk'), bytes(right, 'sk'))
    );
  };
}

function indexEntries(engine: StorageEngine, partitionId: number, index: LocalIndexSchema): Item[] {
  const start = concatBytes([partitionPrefix(keyspace.localIndex, partitionId), Uint8Array.of(index.number)]);
  return [...engine.range({ start, end: prefixEnd(start) })].map((entry) => decodeItem(entry.value));
}

function checkIndexes(engine: StorageEngine, partition: Partition, items: readonly Item[]): void {
  for (const index of localIndexes) {
    const indexed = items.filter((item) => inIndex(item, index)).sort(indexOrder(index));
    const expected = indexed.map((item) => expectedProjection(item, index));
    assert.deepEqual(indexEntries(engine, partition.id, index), expected, index.name);
    const sizeBytes = expected.reduce((sum, item) => sum + itemSizeBytes(item), 0);
    assert.deepEqual(partition.localIndexStatistics(index.number), { itemCount: expected.length, sizeBytes }, index.name);
  }
}

const identity = (item: Item): string => JSON.stringify([item['pk'], item['sk']]);

describe('Partition local secondary indexes', () => {
  test('hold exactly the items that have the index sort key, projected, in index order, with exact statistics', () => {
    fc.assert(
      fc.property(fc.array(operationArbitrary, { maxLength: 50 }), (operations) => {
        const engine = new MemoryStorageEngine();
        const partition = new Partition(4, schema, engine);
        const reference = new Map<string, Item>();
        for (const operation of operations) {
          const key = operation.kind === 'put' ? operation.item : operation.key;
          partition.write(encodeItemKey(key, schema.key), () => (operation.kind === 'put' ? { kind: 'put', item: operation.item } : { kind: 'delete' }));
          if (operation.kind === 'put') reference.set(identity(key), operation.item);
          else reference.delete(identity(key));
        }
        checkIndexes(engine, partition, [...reference.values()]);
        const reopened = new Partition(4, schema, engine);
        for (const index of localIndexes) assert.deepEqual(reopened.localIndexStatistics(index.number), partition.localIndexStatistics(index.number));
      }),
      { numRuns: 200 },
    );
  });

  test('moves an entry when its index sort key changes and drops it when the attribute goes', () => {
    const engine = new MemoryStorageEngine();
    const partition = new Partition(4, schema, engine);
    const write = (item: Item): void => void partition.write(encodeItemKey(item, schema.key), () => ({ kind: 'put', item }));
    write({ pk: { S: 'a' }, sk: { N: '1' }, label: { S: 'first' } });
    write({ pk: { S: 'a' }, sk: { N: '1' }, label: { S: 'second' }, measure: { N: '3' } });
    checkIndexes(engine, partition, [{ pk: { S: 'a' }, sk: { N: '1' }, label: { S: 'second' }, measure: { N: '3' } }]);
    write({ pk: { S: 'a' }, sk: { N: '1' } });
    checkIndexes(engine, partition, [{ pk: { S: 'a' }, sk: { N: '1' } }]);
    assert.deepEqual(indexEntries(engine, 4, localIndexes[0] as LocalIndexSchema), []);
  });

  test('an index unknown to a stored state starts empty when the partition is re-opened', () => {
    const engine = new MemoryStorageEngine();
    const bare: PartitionSchema = { ...schema, localIndexes: [] };
    new Partition(4, bare, engine).write(encodeItemKey({ pk: { S: 'a' }, sk: { N: '1' } }, schema.key), () => ({
      kind: 'put',
      item: { pk: { S: 'a' }, sk: { N: '1' }, label: { S: 'x' } },
    }));
    const reopened = new Partition(4, schema, engine);
    for (const index of localIndexes) assert.deepEqual(reopened.localIndexStatistics(index.number), { itemCount: 0, sizeBytes: 0 });
    reopened.write(encodeItemKey({ pk: { S: 'b' }, sk: { N: '1' } }, schema.key), () => ({
      kind: 'put',
      item: { pk: { S: 'b' }, sk: { N: '1' }, label: { S: 'x' } },
    }));
    assert.equal(reopened.localIndexStatistics(0).itemCount, 1);
    assert.deepEqual(reopened.statistics().itemCount, 2);
  });
});
