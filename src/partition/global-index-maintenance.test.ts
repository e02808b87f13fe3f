import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AttributeValue, Item, KeyValue } from '../model/attribute-value.js';
import { base64Encode } from '../model/base64.js';
import { compareBytes, encodeKeyValue } from '../model/key-encoding.js';
import { itemSizeBytes } from '../model/item-size.js';
import { partitionKeyHash } from '../model/partition-key-hash.js';
import { AssertionError } from '../lib/assert.js';
import { MemoryStorageEngine } from '../storage/memory-engine.js';
import type { StorageEngine } from '../storage/engine.js';
import {
  GLOBAL_INDEX_BATCH_ENTRIES_MAX,
  GLOBAL_INDEX_CONSUMER,
  applyWriteLogBatch,
  backfillItem,
  discardWriteLog,
  readIndexPartitionStatistics,
} from './global-index-maintenance.js';
import { encodeItemKey } from './item-key.js';
import { splitHashSpace } from './partition-ranges.js';
import { Partition } from './partition.js';
import type { GlobalIndexSchema, PartitionSchema } from './partition-schema.js';
import { consumerCursorKey, keyspace, partitionPrefix, prefixEnd } from './storage-keys.js';
import { decodeItem } from './stored-item.js';

const globalIndexes: GlobalIndexSchema[] = [
  {
    name: 'byGroup',
    key: { partitionKey: { name: 'group', type: 'S' }, sortKey: { name: 'rank', type: 'N' } },
    projection: { type: 'ALL' },
    partitions: splitHashSpace([100, 101, 102]),
  },
  { name: 'byOwner', key: { partitionKey: { name: 'owner', type: 'B' } }, projection: { type: 'KEYS_ONLY' }, partitions: splitHashSpace([200]) },
  {
    name: 'byGroupNote',
    key: { partitionKey: { name: 'group', type: 'S' } },
    projection: { type: 'INCLUDE', nonKeyAttributes: ['note'] },
    partitions: splitHashSpace([300, 301]),
  },
];
const schema: PartitionSchema = {
  tableName: 'global',
  key: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'N' } },
  localIndexes: [],
  globalIndexes,
};
/** What each index copies, written out here rather than taken from projection.ts. */
const projectedNames: Record<string, readonly string[] | 'all'> = {
  byGroup: 'all',
  byOwner: ['pk', 'sk', 'owner'],
  byGroupNote: ['pk', 'sk', 'group', 'note'],
};

const tableRanges = splitHashSpace([1, 2]);
const placementHash = (value: AttributeValue): bigint => partitionKeyHash(value as KeyValue) >> 32n;
const encoded = (item: Item, name: string): Uint8Array => encodeKeyValue(item[name] as KeyValue);

function partitionsOn(engine: StorageEngine, tableSchema: PartitionSchema = schema): Partition[] {
  return tableRanges.map((range) => new Partition(range.partitionId, tableSchema, engine));
}

function owningPartition(partitions: readonly Partition[], key: Item): Partition {
  const hash = Number(placementHash(key['pk'] as AttributeValue));
  const owner = [...tableRanges].reverse().find((range) => range.hashStart <= hash);
  return partitions.find((partition) => partition.id === owner?.partitionId) as Partition;
}

function write(partitions: readonly Partition[], operation: Operation): void {
  if (operation.kind === 'maintain') return;
  const key = operation.kind === 'put' ? operation.item : operation.key;
  const outcome = owningPartition(partitions, key).write(encodeItemKey(key, schema.key), () =>
    operation.kind === 'put' ? { kind: 'put', item: operation.item } : { kind: 'delete' },
  );
  assert.ok(outcome.ok);
}

async function drain(engine: StorageEngine, partitions: readonly Partition[]): Promise<void> {
  for (const partition of partitions) {
    for (let durable = applyWriteLogBatch(engine, partition); durable !== undefined; durable = applyWriteLogBatch(engine, partition)) await durable;
  }
}

function hasKey(item: Item, index: GlobalIndexSchema): boolean {
  return [index.key.partitionKey, ...(index.key.sortKey === undefined ? [] : [index.key.sortKey])].every(
    (attribute) => item[attribute.name] !== undefined && Object.keys(item[attribute.name] as AttributeValue)[0] === attribute.type,
  );
}

function expectedProjection(item: Item, index: GlobalIndexSchema): Item {
  const names = projectedNames[index.name];
  if (names === 'all') return item;
  return Object.fromEntries((names ?? []).filter((name) => item[name] !== undefined).map((name) => [name, item[name] as AttributeValue]));
}

/** Index order: placement hash of the index partition key, index key, then table key. */
function indexOrder(index: GlobalIndexSchema) {
  const names = [index.key.partitionKey.name, ...(index.key.sortKey === undefined ? [] : [index.key.sortKey.name]), 'pk', 'sk'];
  return (left: Item, right: Item): number => {
    const leftHash = placementHash(left[index.key.partitionKey.name] as AttributeValue);
    const rightHash = placementHash(right[index.key.partitionKey.name] as AttributeValue);
    if (leftHash !== rightHash) return leftHash < rightHash ? -1 : 1;
    for (const name of names) {
      const order = compareBytes(encoded(left, name), encoded(right, name));
      if (order !== 0) return order;
    }
    return 0;
  };
}

function entriesOf(engine: StorageEngine, space: number, partitionId: number): Array<{ key: Uint8Array; value: Item }> {
  const start = partitionPrefix(space as (typeof keyspace)[keyof typeof keyspace], partitionId);
  return [...engine.range({ start, end: prefixEnd(start) })].map((entry) => ({
    key: entry.key,
    value: decodeItem(entry.value),
  }));
}

function logKeysOf(engine: StorageEngine, partitionId: number): Uint8Array[] {
  const start = partitionPrefix(keyspace.writeLog, partitionId);
  return [...engine.range({ start, end: prefixEnd(start) })].map((entry) => entry.key);
}

function cursorOf(engine: StorageEngine, partition: Partition): number {
  const cursor = engine.get(consumerCursorKey(partition.id, GLOBAL_INDEX_CONSUMER));
  return cursor === undefined ? 0 : (JSON.parse(Buffer.from(cursor).toString('utf8')) as number);
}

/**
 * Index contents, placement and statistics against the final table items; logs trimmed, and cursors at
 * the head of the log when every write was logged.
 */
function checkConsumed(
  engine: StorageEngine,
  partitions: readonly Partition[],
  items: readonly Item[],
  options: { indexes?: readonly GlobalIndexSchema[]; everyWriteLogged?: boolean } = {},
): void {
  const { indexes = globalIndexes, everyWriteLogged = true } = options;
  for (const index of indexes) {
    const expected = items.filter((item) => hasKey(item, index)).sort(indexOrder(index));
    const actual: Item[] = [];
    index.partitions.forEach((range, position) => {
      const end = index.partitions[position + 1]?.hashStart ?? 2 ** 32;
      const entries = entriesOf(engine, keyspace.globalIndex, range.partitionId).map((entry) => entry.value);
      for (const entry of entries) {
        const hash = Number(placementHash(entry[index.key.partitionKey.name] as AttributeValue));
        assert.ok(range.hashStart <= hash && hash < end, `${index.name} entry in the partition owning its hash`);
      }
      const sizeBytes = entries.reduce((sum, entry) => sum + itemSizeBytes(entry), 0);
      assert.deepEqual(readIndexPartitionStatistics(engine, range.partitionId), { itemCount: entries.length, sizeBytes }, `${index.name} statistics`);
      actual.push(...entries);
    });
    assert.deepEqual(actual, expected.map((item) => expectedProjection(item, index)), index.name);
  }
  for (const partition of partitions) {
    assert.deepEqual(logKeysOf(engine, partition.id), [], 'log trimmed');
    if (everyWriteLogged) assert.equal(cursorOf(engine, partition), partition.lastSequence, 'cursor at the head of the log');
    else assert.ok(cursorOf(engine, partition) <= partition.lastSequence);
  }
}

function tableItems(engine: StorageEngine): Item[] {
  return tableRanges.flatMap((range) => entriesOf(engine, keyspace.item, range.partitionId).map((entry) => entry.value));
}

function snapshot(engine: StorageEngine): string[] {
  return [...engine.range({})].map((entry) => `${Buffer.from(entry.key).toString('hex')}=${Buffer.from(entry.value).toString('hex')}`);
}

type Operation = { kind: 'put'; item: Item } | { kind: 'delete'; key: Item } | { kind: 'maintain' };
const optional = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arbitrary, { nil: undefined, freq: 3 });
const keyArbitrary = fc.record({
  pk: fc.constantFrom('a', 'b', 'c', 'd', 'e').map((S) => ({ S })),
  sk: fc.constantFrom('1', '2').map((N) => ({ N })),
});
const itemArbitrary = fc
  .record({
    key: keyArbitrary,
    group: optional(fc.oneof(fc.constantFrom('red', 'green', 'blue', 'g'.repeat(50)).map((S) => ({ S })), fc.constant({ N: '7' }))),
    rank: optional(fc.constantFrom('1', '-1', '2.5').map((N) => ({ N }))),
    owner: optional(fc.uint8Array({ minLength: 1, maxLength: 2 }).map((bytes) => ({ B: base64Encode(bytes) }))),
    note: optional(fc.string({ maxLength: 8 }).map((S) => ({ S }))),
    extra: optional(fc.constant({ L: [{ NULL: true as const }] })),
  })
  .map(({ key, ...attributes }): Item => {
    const item: Record<string, AttributeValue> = { ...key };
    for (const [name, attribute] of Object.entries(attributes)) if (attribute !== undefined) item[name] = attribute;
    return item;
  });
const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 5, arbitrary: itemArbitrary.map((item) => ({ kind: 'put' as const, item })) },
  { weight: 2, arbitrary: keyArbitrary.map((key) => ({ kind: 'delete' as const, key })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'maintain' as const }) },
);

describe('global index maintenance', () => {
  test('brings every index to exactly the projected items that have its key, in index order', async () => {
    const engine = new MemoryStorageEngine();
    const partitions = partitionsOn(engine);
    const items: Item[] = [
      { pk: { S: 'a' }, sk: { N: '1' }, group: { S: 'red' }, rank: { N: '2' }, owner: { B: 'AQ==' }, note: { S: 'n' }, other: { S: 'o' } },
      { pk: { S: 'b' }, sk: { N: '1' }, group: { S: 'red' }, note: { S: 'no rank' } },
      { pk: { S: 'c' }, sk: { N: '1' }, rank: { N: '1' } },
      { pk: { S: 'd' }, sk: { N: '1' }, group: { N: '3' }, rank: { N: '1' } },
    ];
    for (const item of items) write(partitions, { kind: 'put', item });
    write(partitions, { kind: 'put', item: { pk: { S: 'e' }, sk: { N: '1' }, group: { S: 'gone' } } });
    write(partitions, { kind: 'delete', key: { pk: { S: 'e' }, sk: { N: '1' } } });
    assert.deepEqual(entriesOf(engine, keyspace.globalIndex, 100), []);
    await drain(engine, partitions);
    checkConsumed(engine, partitions, items);
    assert.equal(readIndexPartitionStatistics(engine, 200).itemCount, 1);
  });

  test('applying a consumed log again changes nothing', async () => {
    const engine = new MemoryStorageEngine();
    const partitions = partitionsOn(engine);
    write(partitions, { kind: 'put', item: { pk: { S: 'a' }, sk: { N: '1' }, group: { S: 'red' }, rank: { N: '1' } } });
    await drain(engine, partitions);
    const before = snapshot(engine);
    for (const partition of partitions) assert.equal(applyWriteLogBatch(engine, partition), undefined);
    assert.deepEqual(snapshot(engine), before);
  });

  test('applies at most one batch per call, resuming at the cursor', async () => {
    const engine = new MemoryStorageEngine();
    const [partition] = partitionsOn(engine);
    assert.ok(partition !== undefined);
    const writes = GLOBAL_INDEX_BATCH_ENTRIES_MAX * 2 + 10;
    for (let index = 0; index < writes; index++) {
      const item: Item = { pk: { S: 'same' }, sk: { N: String(index % 7) }, group: { S: `g${index % 13}` }, rank: { N: String(index) } };
      partition.write(encodeItemKey(item, schema.key), () => ({ kind: 'put', item }));
    }
    await applyWriteLogBatch(engine, partition);
    assert.equal(logKeysOf(engine, partition.id).length, writes - GLOBAL_INDEX_BATCH_ENTRIES_MAX);
    // A new Partition object reads the same cursor, as after a restart.
    const reopened = new Partition(partition.id, schema, engine);
    await drain(engine, [reopened]);
    checkConsumed(engine, [reopened], entriesOf(engine, keyspace.item, partition.id).map((entry) => entry.value));
  });

  test('keeps every index equal to the final table state over random writes and maintenance', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operationArbitrary, { maxLength: 60 }), async (operations) => {
        const engine = new MemoryStorageEngine();
        const partitions = partitionsOn(engine);
        for (const operation of operations) {
          if (operation.kind === 'maintain') {
            for (const partition of partitions) await applyWriteLogBatch(engine, partition);
          } else write(partitions, operation);
        }
        await drain(engine, partitions);
        checkConsumed(engine, partitions, tableItems(engine));
      }),
      { numRuns: 150 },
    );
  });

  test('a backfilled index ends equal to the table however backfill and log interleave', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operationArbitrary, { maxLength: 30 }), fc.array(operationArbitrary, { maxLength: 30 }), async (before, after) => {
        const engine = new MemoryStorageEngine();
        const bare: PartitionSchema = { ...schema, globalIndexes: [] };
        const partitions = partitionsOn(engine, bare);
        for (const operation of before) write(partitions, operation);
        for (const partition of partitions) partition.updateSchema(schema);
        const existing = tableItems(engine);
        const half = Math.floor(existing.length / 2);
        for (const item of existing.slice(0, half)) for (const index of globalIndexes) await backfillItem(engine, schema, index, item);
        for (const operation of after) write(partitions, operation);
        for (const item of existing.slice(half)) {
          const current = owningPartition(partitions, item).read(encodeItemKey(item, schema.key));
          if (current !== undefined) for (const index of globalIndexes) await backfillItem(engine, schema, index, current);
        }
        await drain(engine, partitions);
        checkConsumed(engine, partitions, tableItems(engine), { everyWriteLogged: before.every((operation) => operation.kind === 'maintain') });
      }),
      { numRuns: 100 },
    );
  });

  test('applies entries only to the indexes the schema still has', async () => {
    const engine = new MemoryStorageEngine();
    const partitions = partitionsOn(engine);
    const item: Item = { pk: { S: 'a' }, sk: { N: '1' }, group: { S: 'red' }, rank: { N: '1' }, owner: { B: 'AQ==' } };
    write(partitions, { kind: 'put', item });
    const remaining = globalIndexes.filter((index) => index.name !== 'byOwner');
    for (const partition of partitions) partition.updateSchema({ ...schema, globalIndexes: remaining });
    await drain(engine, partitions);
    checkConsumed(engine, partitions, [item], { indexes: remaining });
    assert.deepEqual(entriesOf(engine, keyspace.globalIndex, 200), []);
  });
});

describe('discardWriteLog', () => {
  test('empties the log of a partition left without global indexes and moves its cursor to the head', async () => {
    const engine = new MemoryStorageEngine();
    const partitions = partitionsOn(engine);
    for (let index = 0; index < GLOBAL_INDEX_BATCH_ENTRIES_MAX + 5; index++) {
      write(partitions, { kind: 'put', item: { pk: { S: `k${index}` }, sk: { N: '1' }, group: { S: 'red' }, rank: { N: '1' } } });
    }
    for (const partition of partitions) {
      partition.updateSchema({ ...schema, globalIndexes: [] });
      await discardWriteLog(engine, partition);
      assert.equal(discardWriteLog(engine, partition), undefined);
    }
    checkConsumed(engine, partitions, [], { indexes: [] });
    assert.deepEqual(entriesOf(engine, keyspace.globalIndex, 100), []);
  });

  test('refuses a partition that still has global indexes', () => {
    const [partition] = partitionsOn(new MemoryStorageEngine());
    assert.ok(partition !== undefined);
    assert.throws(() => discardWriteLog(new MemoryStorageEngine(), partition), AssertionError);
  });
});
