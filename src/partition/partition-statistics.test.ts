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
import type { PartitionSchema } from './partition-schema.js';
import { keyspace, partitionPrefix, prefixEnd } from './storage-keys.js';
import { decodeItem } from './stored-item.js';
import { encodeJson } from './json-bytes.js';

const schema: PartitionSchema = {
  tableName: 'statistics',
  key: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'N' } },
  localIndexes: [],
  globalIndexes: [],
};

const leaf: fc.Arbitrary<AttributeValue> = fc.oneof(
  fc.string({ maxLength: 30 }).map((S) => ({ S })),
  fc.constantFrom('0', '-3', '42', '3.14159', '-0.000001', '12345678901234567890123456789012345678').map((N) => ({ N })),
  fc.uint8Array({ maxLength: 20 }).map((bytes) => ({ B: base64Encode(bytes) })),
  fc.boolean().map((BOOL) => ({ BOOL })),
  fc.constant({ NULL: true as const }),
  fc.uniqueArray(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 4 }).map((SS) => ({ SS })),
);
const value: fc.Arbitrary<AttributeValue> = fc.oneof(
  { weight: 4, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 3 }).map((L) => ({ L })) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), leaf, { maxKeys: 3, noNullPrototype: true }).map((M) => ({ M })) },
);

const keyArbitrary = fc.record({
  pk: fc.constantFrom('a', 'b', 'ü', '\u0000', 'x'.repeat(300)).map((S) => ({ S })),
  sk: fc.constantFrom('-1', '0', '1', '1.5', '100').map((N) => ({ N })),
});
const itemArbitrary = fc
  .tuple(keyArbitrary, fc.dictionary(fc.constantFrom('a', 'b', 'long name', 'ñ'), value, { maxKeys: 4, noNullPrototype: true }))
  .map(([key, attributes]): Item => ({ ...attributes, ...key }));

type Operation = { kind: 'put'; item: Item } | { kind: 'delete'; key: Item };
const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 3, arbitrary: itemArbitrary.map((item) => ({ kind: 'put' as const, item })) },
  { weight: 1, arbitrary: keyArbitrary.map((key) => ({ kind: 'delete' as const, key })) },
);

const identity = (item: Item): string => JSON.stringify([item['pk'], item['sk']]);

/** DynamoDB's order within a partition: placement hash of the partition key, then partition key, then sort key. */
function referenceOrder(left: Item, right: Item): number {
  const hash = (item: Item): bigint => partitionKeyHash(item['pk'] as KeyValue) >> 32n;
  const leftHash = hash(left);
  const rightHash = hash(right);
  if (leftHash !== rightHash) return leftHash < rightHash ? -1 : 1;
  return (
    compareBytes(encodeKeyValue(left['pk'] as KeyValue), encodeKeyValue(right['pk'] as KeyValue)) ||
    compareBytes(encodeKeyValue(left['sk'] as KeyValue), encodeKeyValue(right['sk'] as KeyValue))
  );
}

function storedItems(engine: StorageEngine, partitionId: number): Item[] {
  const start = partitionPrefix(keyspace.item, partitionId);
  return [...engine.range({ start, end: prefixEnd(start) })].map((entry) => decodeItem(entry.value));
}

/** Applies one operation to the partition and to the reference; true when it wrote (a put, or a delete of an item there). */
function applyOperation(partition: Partition, reference: Map<string, Item>, operation: Operation): boolean {
  const key = operation.kind === 'put' ? operation.item : operation.key;
  const outcome = partition.write(encodeItemKey(key, schema.key), () => (operation.kind === 'put' ? { kind: 'put', item: operation.item } : { kind: 'delete' }));
  assert.ok(outcome.ok);
  assert.deepEqual(outcome.old, reference.get(identity(key)));
  if (operation.kind === 'put') reference.set(identity(key), operation.item);
  else reference.delete(identity(key));
  return outcome.old !== undefined || operation.kind === 'put';
}

function expectedStatistics(reference: ReadonlyMap<string, Item>) {
  let sizeBytes = 0;
  for (const item of reference.values()) sizeBytes += itemSizeBytes(item);
  return { itemCount: reference.size, sizeBytes };
}

describe('Partition statistics', () => {
  test('item count and size stay exact over any sequence of writes, and survive re-opening', () => {
    fc.assert(
      fc.property(fc.array(operationArbitrary, { maxLength: 60 }), (operations) => {
        const engine = new MemoryStorageEngine();
        const partition = new Partition(3, schema, engine);
        const reference = new Map<string, Item>();
        let writes = 0;
        for (const operation of operations) {
          if (applyOperation(partition, reference, operation)) writes++;
          assert.deepEqual(partition.statistics(), expectedStatistics(reference));
        }
        assert.equal(partition.lastSequence, writes);
        assert.deepEqual(storedItems(engine, 3), [...reference.values()].sort(referenceOrder));
        for (const item of reference.values()) assert.deepEqual(partition.read(encodeItemKey(item, schema.key)), item);
        const reopened = new Partition(3, schema, engine);
        assert.deepEqual(reopened.statistics(), expectedStatistics(reference));
        assert.equal(reopened.lastSequence, writes);
      }),
      { numRuns: 150 },
    );
  });

  test('data written before the size header (items as JSON alone) reads and counts the same', () => {
    fc.assert(
      fc.property(fc.array(operationArbitrary, { maxLength: 30 }), fc.array(operationArbitrary, { maxLength: 30 }), (before, after) => {
        const engine = new MemoryStorageEngine();
        const reference = new Map<string, Item>();
        const partition = new Partition(3, schema, engine);
        for (const operation of before) applyOperation(partition, reference, operation);
        const start = partitionPrefix(keyspace.item, 3);
        const legacy = [...engine.range({ start, end: prefixEnd(start) })].map((entry) => ({ kind: 'put' as const, key: entry.key, value: encodeJson(decodeItem(entry.value)) }));
        void engine.write(legacy);
        const reopened = new Partition(3, schema, engine);
        for (const item of reference.values()) {
          const stored = reopened.readStored(encodeItemKey(item, schema.key));
          assert.deepEqual(stored?.item, item);
          assert.equal(stored?.sizeBytes, itemSizeBytes(item));
        }
        for (const operation of after) applyOperation(reopened, reference, operation);
        assert.deepEqual(reopened.statistics(), expectedStatistics(reference));
        assert.deepEqual(storedItems(engine, 3), [...reference.values()].sort(referenceOrder));
      }),
      { numRuns: 100 },
    );
  });
});
