import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AttributeValue, Item, KeyValue } from '../model/attribute-value.js';
import { itemSizeBytes } from '../model/item-size.js';
import { partitionKeyHash } from '../model/partition-key-hash.js';
import { splitHashSpace } from '../partition/partition-ranges.js';
import type { GlobalIndexSchema, PartitionSchema } from '../partition/partition-schema.js';
import { keyspace, partitionPrefix, prefixEnd } from '../partition/storage-keys.js';
import { MemoryStorageEngine } from '../storage/memory-engine.js';
import type { StorageEngine } from '../storage/engine.js';
import { EmbeddedRouter } from './embedded-router.js';
import type { TableRoute } from './router.js';
import { decodeItem } from '../partition/stored-item.js';

const byGroup: GlobalIndexSchema = {
  name: 'byGroup',
  key: { partitionKey: { name: 'group', type: 'S' } },
  projection: { type: 'ALL' },
  partitions: splitHashSpace([100, 101, 102]),
};
const byColour: GlobalIndexSchema = {
  name: 'byColour',
  key: { partitionKey: { name: 'colour', type: 'S' } },
  projection: { type: 'KEYS_ONLY' },
  partitions: splitHashSpace([200, 201]),
};
const schema: PartitionSchema = {
  tableName: 'routed',
  key: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'N' } },
  localIndexes: [
    { name: 'byLabel', number: 0, key: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'label', type: 'S' } }, projection: { type: 'KEYS_ONLY' } },
  ],
  globalIndexes: [byGroup],
};
const route: TableRoute = { tableName: 'routed', schema, partitions: splitHashSpace([1, 2, 3, 4]) };

/** A deferrer that holds tasks while paused, so a test can look between a write and its maintenance. */
function pausableDeferrer() {
  let paused = false;
  const held: Array<() => void> = [];
  return {
    defer: (task: () => void): void => {
      if (paused) held.push(task);
      else setImmediate(task);
    },
    pause: (): void => void (paused = true),
    resume: (): void => {
      paused = false;
      for (const task of held.splice(0)) setImmediate(task);
    },
  };
}

function itemNumber(index: number): Item {
  const item: Record<string, AttributeValue> = { pk: { S: `key-${index % 97}` }, sk: { N: String(index % 3) }, payload: { S: 'x'.repeat(index % 50) } };
  if (index % 2 === 0) item['group'] = { S: `group-${index % 5}` };
  if (index % 3 === 0) item['label'] = { S: `label-${index}` };
  if (index % 4 === 0) item['colour'] = { S: 'blue' };
  return item;
}

function storedValues(engine: StorageEngine, space: number, partitionId: number): Item[] {
  const start = partitionPrefix(space as (typeof keyspace)[keyof typeof keyspace], partitionId);
  return [...engine.range({ start, end: prefixEnd(start) })].map((entry) => decodeItem(entry.value));
}

const placement = (value: AttributeValue | undefined): number => Number(partitionKeyHash(value as KeyValue) >> 32n);
const sum = (items: readonly Item[]) => ({ itemCount: items.length, sizeBytes: items.reduce((total, item) => total + itemSizeBytes(item), 0) });

describe('EmbeddedRouter', () => {
  test('sends each key to the partition whose hash range holds it, and reads it back from there', async () => {
    const engine = new MemoryStorageEngine();
    const router = new EmbeddedRouter(engine, (task) => setImmediate(task));
    router.attachTable(route);
    const items = Array.from({ length: 300 }, (_, index) => itemNumber(index));
    for (const item of items) await router.writeItem(route, item, { kind: 'put', item });
    route.partitions.forEach((range, position) => {
      const end = route.partitions[position + 1]?.hashStart ?? 2 ** 32;
      const stored = storedValues(engine, keyspace.item, range.partitionId);
      assert.ok(stored.length > 0, `partition ${range.partitionId} holds items`);
      for (const item of stored) {
        const hash = placement(item['pk']);
        assert.ok(range.hashStart <= hash && hash < end, `item ${JSON.stringify(item['pk'])} in partition ${range.partitionId}`);
      }
    });
    const latest = new Map(items.map((item) => [JSON.stringify([item['pk'], item['sk']]), item]));
    for (const item of latest.values()) assert.deepEqual((await router.getItem(route, { pk: item['pk'] as AttributeValue, sk: item['sk'] as AttributeValue }))?.item, item);
    await router.drainMaintenance();
  });

  test('returns the item before and after each write', async () => {
    const router = new EmbeddedRouter(new MemoryStorageEngine(), (task) => setImmediate(task));
    router.attachTable(route);
    const first: Item = { pk: { S: 'a' }, sk: { N: '1' }, v: { N: '1' } };
    const second: Item = { pk: { S: 'a' }, sk: { N: '1' }, v: { N: '2' } };
    assert.deepEqual(await router.writeItem(route, first, { kind: 'put', item: first }), { ok: true, old: undefined, new: first });
    assert.deepEqual(await router.writeItem(route, second, { kind: 'put', item: second }), { ok: true, old: first, new: second });
    assert.deepEqual(await router.writeItem(route, second, { kind: 'delete' }), { ok: true, old: second, new: undefined });
    assert.deepEqual(await router.writeItem(route, second, { kind: 'delete' }), { ok: true, old: undefined, new: undefined });
    assert.equal(await router.getItem(route, first), undefined);
    await router.drainMaintenance();
  });

  test('sums statistics over the partitions, and drainMaintenance waits for the global indexes', async () => {
    const engine = new MemoryStorageEngine();
    const deferrer = pausableDeferrer();
    const router = new EmbeddedRouter(engine, deferrer.defer);
    router.attachTable(route);
    deferrer.pause();
    const latest = new Map<string, Item>();
    for (let index = 0; index < 400; index++) {
      const item = itemNumber(index);
      await router.writeItem(route, item, { kind: 'put', item });
      latest.set(JSON.stringify([item['pk'], item['sk']]), item);
    }
    for (let index = 0; index < 400; index += 7) {
      const key: Item = { pk: { S: `key-${index % 97}` }, sk: { N: String(index % 3) } };
      await router.writeItem(route, key, { kind: 'delete' });
      latest.delete(JSON.stringify([key['pk'], key['sk']]));
    }
    const items = [...latest.values()];
    const keysOnly = (item: Item, names: readonly string[]): Item =>
      Object.fromEntries(names.filter((name) => item[name] !== undefined).map((name) => [name, item[name] as AttributeValue]));
    const before = router.statistics(route);
    assert.deepEqual(before.table, sum(items));
    assert.deepEqual(before.indexes.get('byLabel'), sum(items.filter((item) => item['label'] !== undefined).map((item) => keysOnly(item, ['pk', 'sk', 'label']))));
    assert.deepEqual(before.indexes.get('byGroup'), { itemCount: 0, sizeBytes: 0 }, 'global index not maintained while paused');
    const drained = router.drainMaintenance();
    deferrer.resume();
    await drained;
    const after = router.statistics(route);
    assert.deepEqual(after.indexes.get('byGroup'), sum(items.filter((item) => item['group'] !== undefined)));
    const indexed = byGroup.partitions.flatMap((range) => storedValues(engine, keyspace.globalIndex, range.partitionId));
    assert.equal(indexed.length, items.filter((item) => item['group'] !== undefined).length);
    for (const range of route.partitions) assert.deepEqual(storedValues(engine, keyspace.writeLog, range.partitionId), []);
  });

  test('catches global indexes up with the log after a restart', async () => {
    const engine = new MemoryStorageEngine();
    const stopped = new EmbeddedRouter(engine, () => undefined);
    stopped.attachTable(route);
    const items = Array.from({ length: 50 }, (_, index) => itemNumber(index * 2));
    for (const item of items) await stopped.writeItem(route, item, { kind: 'put', item });
    const restarted = new EmbeddedRouter(engine, (task) => setImmediate(task));
    restarted.attachTable(route);
    await restarted.drainMaintenance();
    const latest = new Map(items.map((item) => [JSON.stringify([item['pk'], item['sk']]), item]));
    assert.deepEqual(restarted.statistics(route).indexes.get('byGroup'), sum([...latest.values()]));
  });

  test('a global index created after the last one went does not take the log written for the old one', async () => {
    const engine = new MemoryStorageEngine();
    const deferrer = pausableDeferrer();
    const router = new EmbeddedRouter(engine, deferrer.defer);
    router.attachTable(route);
    deferrer.pause();
    const keys: Item[] = [];
    for (let index = 0; index < 600; index++) {
      const item: Item = { pk: { S: `k${index}` }, sk: { N: '0' }, group: { S: 'g' }, colour: { S: 'red' } };
      await router.writeItem(route, item, { kind: 'put', item });
      keys.push({ pk: item['pk'] as AttributeValue, sk: item['sk'] as AttributeValue });
    }
    const withoutGlobalIndexes: PartitionSchema = { ...schema, globalIndexes: [] };
    router.updateSchema({ ...route, schema: withoutGlobalIndexes }, withoutGlobalIndexes);
    const bare: TableRoute = { ...route, schema: withoutGlobalIndexes };
    for (const key of keys) await router.writeItem(bare, key, { kind: 'delete' });
    const withNewIndex: PartitionSchema = { ...schema, globalIndexes: [byColour] };
    const current: TableRoute = { ...route, schema: withNewIndex };
    router.updateSchema(current, withNewIndex);
    const drained = router.drainMaintenance();
    deferrer.resume();
    await drained;
    assert.deepEqual(router.statistics(current).indexes.get('byColour'), { itemCount: 0, sizeBytes: 0 });
    for (const range of byColour.partitions) assert.deepEqual(storedValues(engine, keyspace.globalIndex, range.partitionId), []);
    for (const range of route.partitions) assert.deepEqual(storedValues(engine, keyspace.writeLog, range.partitionId), []);
  });

  test('stops maintaining a detached table', async () => {
    const engine = new MemoryStorageEngine();
    const deferrer = pausableDeferrer();
    const router = new EmbeddedRouter(engine, deferrer.defer);
    router.attachTable(route);
    deferrer.pause();
    const item: Item = { pk: { S: 'a' }, sk: { N: '1' }, group: { S: 'g' } };
    await router.writeItem(route, item, { kind: 'put', item });
    router.detachTable(route);
    const drained = router.drainMaintenance();
    deferrer.resume();
    await drained;
    for (const range of byGroup.partitions) assert.deepEqual(storedValues(engine, keyspace.globalIndex, range.partitionId), []);
    assert.deepEqual(router.statistics(route).table, { itemCount: 0, sizeBytes: 0 });
    assert.throws(() => router.getItem(route, item), /not attached/);
  });
});

describe('global index maintenance failures', () => {
  test('are reported, not thrown, and the next write retries the entries left in the log', async () => {
    const engine = new MemoryStorageEngine();
    let failIndexWrites = true;
    const failing: StorageEngine = {
      durable: false,
      get: (key) => engine.get(key),
      range: (options) => engine.range(options),
      getShared: (key) => engine.getShared(key),
      rangeShared: (options) => engine.rangeShared(options),
      write: (operations) => {
        if (failIndexWrites && operations.some((operation) => operation.key[0] === keyspace.globalIndex)) {
          throw new Error('index partition unavailable');
        }
        return engine.write(operations);
      },
      flush: () => engine.flush(),
      close: () => engine.close(),
    };
    const failures: Array<{ partitionId: number; message: string }> = [];
    const router = new EmbeddedRouter(failing, (task) => setImmediate(task), (partitionId, error) =>
      failures.push({ partitionId, message: (error as Error).message }),
    );
    router.attachTable(route);
    await router.writeItem(route, { pk: { S: 'a' }, sk: { N: '1' } }, { kind: 'put', item: { pk: { S: 'a' }, sk: { N: '1' }, group: { S: 'g' } } });
    await router.drainMaintenance();
    assert.equal(failures.length, 1);
    assert.equal(failures[0]?.message, 'index partition unavailable');
    assert.equal(router.statistics(route).indexes.get('byGroup')?.itemCount, 0);

    failIndexWrites = false;
    await router.writeItem(route, { pk: { S: 'a' }, sk: { N: '1' } }, { kind: 'put', item: { pk: { S: 'a' }, sk: { N: '1' }, group: { S: 'h' } } });
    await router.drainMaintenance();
    assert.equal(failures.length, 1);
    assert.equal(router.statistics(route).indexes.get('byGroup')?.itemCount, 1, 'the retried entries leave exactly the current item');
  });
});
