import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Item } from '../model/attribute-value.js';
import { base64Encode } from '../model/base64.js';
import { itemSizeBytes } from '../model/item-size.js';
import { MemoryStorageEngine } from '../storage/memory-engine.js';
import type { StorageEngine, WriteOperation } from '../storage/engine.js';
import { encodeItemKey } from './item-key.js';
import { Partition, type WriteDecision } from './partition.js';
import type { PartitionSchema } from './partition-schema.js';
import { keyspace, partitionPrefix, prefixEnd } from './storage-keys.js';
import { decodeItem } from './stored-item.js';

const schema: PartitionSchema = {
  tableName: 'things',
  key: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'N' } },
  localIndexes: [],
  globalIndexes: [],
};

function put(partition: Partition, item: Item) {
  return partition.write(encodeItemKey(item, partition.currentSchema.key), () => ({ kind: 'put', item }));
}

function remove(partition: Partition, key: Item) {
  return partition.write(encodeItemKey(key, partition.currentSchema.key), () => ({ kind: 'delete' }));
}

function read(partition: Partition, key: Item): Item | undefined {
  return partition.read(encodeItemKey(key, partition.currentSchema.key));
}

/** Every stored key and value, as text, to compare whole engines. */
function snapshot(engine: StorageEngine): string[] {
  return [...engine.range({})].map((entry) => `${Buffer.from(entry.key).toString('hex')}=${Buffer.from(entry.value).toString('hex')}`);
}

function itemEntries(engine: StorageEngine, partitionId: number): Item[] {
  const start = partitionPrefix(keyspace.item, partitionId);
  return [...engine.range({ start, end: prefixEnd(start) })].map((entry) => decodeItem(entry.value));
}

const first: Item = { pk: { S: 'a' }, sk: { N: '1' }, text: { S: 'one' } };
const second: Item = { pk: { S: 'a' }, sk: { N: '1' }, list: { L: [{ N: '2' }, { BOOL: true }] } };

describe('Partition writes and reads', () => {
  test('puts, overwrites and deletes, returning the item before and after', async () => {
    const partition = new Partition(1, schema, new MemoryStorageEngine());
    const created = put(partition, first);
    assert.ok(created.ok);
    assert.deepEqual([created.old, created.new], [undefined, first]);
    await created.durable;
    assert.deepEqual(read(partition, { pk: { S: 'a' }, sk: { N: '1' } }), first);
    const replaced = put(partition, second);
    assert.ok(replaced.ok);
    assert.deepEqual([replaced.old, replaced.new], [first, second]);
    assert.deepEqual(read(partition, { pk: { S: 'a' }, sk: { N: '1' } }), second);
    const deleted = remove(partition, { pk: { S: 'a' }, sk: { N: '1' } });
    assert.ok(deleted.ok);
    assert.deepEqual([deleted.old, deleted.new], [second, undefined]);
    assert.equal(read(partition, { pk: { S: 'a' }, sk: { N: '1' } }), undefined);
    assert.deepEqual(partition.statistics(), { itemCount: 0, sizeBytes: 0 });
    assert.equal(partition.lastSequence, 3);
  });

  test('shows the decision the current item, and keeps items apart by sort key and by partition', () => {
    const engine = new MemoryStorageEngine();
    const left = new Partition(1, schema, engine);
    const right = new Partition(2, schema, engine);
    put(left, first);
    put(left, { ...first, sk: { N: '2' } });
    put(right, { ...first, text: { S: 'right' } });
    const seen: Array<Item | undefined> = [];
    left.write(encodeItemKey(first, schema.key), (old) => {
      seen.push(old);
      return { kind: 'rejected', reason: 'look only' };
    });
    assert.deepEqual(seen, [first]);
    assert.equal(itemEntries(engine, 1).length, 2);
    assert.deepEqual(itemEntries(engine, 2), [{ ...first, text: { S: 'right' } }]);
    assert.equal(read(right, { pk: { S: 'a' }, sk: { N: '2' } }), undefined);
  });

  test('a rejected decision writes nothing and wakes no log consumer', () => {
    const engine = new MemoryStorageEngine();
    const partition = new Partition(1, schema, engine);
    put(partition, first);
    let committed = 0;
    partition.onCommitted(() => committed++);
    const before = snapshot(engine);
    const outcome = partition.write(encodeItemKey(second, schema.key), (): WriteDecision<string> => ({ kind: 'rejected', reason: 'conditionFailed' }));
    assert.deepEqual(outcome, { ok: false, reason: 'conditionFailed', old: first });
    assert.deepEqual(snapshot(engine), before);
    assert.equal(partition.lastSequence, 1);
    assert.equal(committed, 0);
  });

  test('deleting an absent item writes nothing and takes no sequence number', async () => {
    const engine = new MemoryStorageEngine();
    const partition = new Partition(1, schema, engine);
    let committed = 0;
    partition.onCommitted(() => committed++);
    const before = snapshot(engine);
    const outcome = remove(partition, { pk: { S: 'absent' }, sk: { N: '0' } });
    assert.ok(outcome.ok);
    assert.deepEqual([outcome.old, outcome.new], [undefined, undefined]);
    await outcome.durable;
    assert.deepEqual(snapshot(engine), before);
    assert.equal(partition.lastSequence, 0);
    assert.equal(committed, 0);
  });

  test('tells its log consumers after each committed write', () => {
    const partition = new Partition(1, schema, new MemoryStorageEngine());
    const sequences: number[] = [];
    partition.onCommitted((committed) => sequences.push(committed.lastSequence));
    put(partition, first);
    put(partition, second);
    remove(partition, first);
    assert.deepEqual(sequences, [1, 2, 3]);
  });

  test('keeps its sequence and statistics across re-opening on the same engine', () => {
    const engine = new MemoryStorageEngine();
    const partition = new Partition(7, schema, engine);
    put(partition, first);
    put(partition, { ...first, sk: { N: '-5' } });
    remove(partition, first);
    put(partition, { ...second, sk: { N: '3' } });
    const reopened = new Partition(7, schema, engine);
    assert.equal(reopened.lastSequence, 4);
    assert.deepEqual(reopened.statistics(), partition.statistics());
    assert.deepEqual(reopened.statistics(), { itemCount: 2, sizeBytes: itemSizeBytes({ ...first, sk: { N: '-5' } }) + itemSizeBytes({ ...second, sk: { N: '3' } }) });
    assert.deepEqual(read(reopened, { pk: { S: 'a' }, sk: { N: '3' } }), { ...second, sk: { N: '3' } });
    put(reopened, first);
    assert.equal(reopened.lastSequence, 5);
    assert.equal(new Partition(8, schema, engine).lastSequence, 0);
  });

  test('a write the engine refuses leaves the partition as it was', () => {
    const engine = new MemoryStorageEngine();
    let refuse = false;
    const refusing: StorageEngine = {
      durable: false,
      get: (key) => engine.get(key),
      range: (options) => engine.range(options),
      getShared: (key) => engine.getShared(key),
      rangeShared: (options) => engine.rangeShared(options),
      write: (operations: readonly WriteOperation[]) => {
        if (refuse) throw new Error('refused');
        return engine.write(operations);
      },
      flush: () => engine.flush(),
      close: () => engine.close(),
    };
    const partition = new Partition(1, schema, refusing);
    put(partition, first);
    refuse = true;
    assert.throws(() => put(partition, { ...first, sk: { N: '2' } }), /refused/);
    assert.throws(() => remove(partition, first), /refused/);
    refuse = false;
    assert.equal(partition.lastSequence, 1);
    assert.deepEqual(partition.statistics(), { itemCount: 1, sizeBytes: itemSizeBytes(first) });
    put(partition, { ...first, sk: { N: '2' } });
    assert.deepEqual(new Partition(1, schema, engine).statistics(), { itemCount: 2, sizeBytes: 2 * itemSizeBytes(first) });
  });
});

describe('Partition with the longest keys DynamoDB accepts', () => {
  const binarySchema: PartitionSchema = {
    tableName: 'binary',
    key: { partitionKey: { name: 'pk', type: 'B' }, sortKey: { name: 'sk', type: 'B' } },
    localIndexes: [
      { name: 'byLocal', number: 0, key: { partitionKey: { name: 'pk', type: 'B' }, sortKey: { name: 'l', type: 'S' } }, projection: { type: 'ALL' } },
    ],
    globalIndexes: [],
  };
  /** All zero bytes, which the key encoding doubles, but for the last byte. */
  const zeros = (length: number, last: number): string => {
    const bytes = new Uint8Array(length);
    bytes[length - 1] = last;
    return base64Encode(bytes);
  };

  test('stores, tells apart and deletes items whose encoded keys exceed the engine key limit', () => {
    const engine = new MemoryStorageEngine();
    const partition = new Partition(1, binarySchema, engine);
    const items: Item[] = [];
    for (const last of [0, 1, 2]) {
      items.push({ pk: { B: zeros(2048, 0) }, sk: { B: zeros(1024, last) }, l: { S: '\u0000'.repeat(1024) }, n: { N: String(last) } });
      items.push({ pk: { B: zeros(2048, 1) }, sk: { B: zeros(1024, last) }, n: { N: String(last) } });
    }
    for (const item of items) assert.ok(put(partition, item).ok);
    for (const item of items) assert.deepEqual(read(partition, item), item);
    assert.equal(partition.statistics().itemCount, items.length);
    assert.equal(partition.localIndexStatistics(0).itemCount, 3);
    for (const item of items) {
      assert.ok(remove(partition, item).ok);
      assert.equal(read(partition, item), undefined);
    }
    assert.deepEqual(itemEntries(engine, 1), []);
    assert.deepEqual(partition.localIndexStatistics(0), { itemCount: 0, sizeBytes: 0 });
    const localStart = partitionPrefix(keyspace.localIndex, 1);
    assert.deepEqual([...engine.range({ start: localStart, end: prefixEnd(localStart) })], []);
  });
});
