import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Item } from '../model/attribute-value.js';
import { DynamoDbError } from '../lib/errors.js';
import { itemSizeBytes } from '../model/item-size.js';
import { MemoryStorageEngine } from '../storage/memory-engine.js';
import type { StorageEngine } from '../storage/engine.js';
import { encodeItemKey } from './item-key.js';
import { Partition, type TransactionItemDecision } from './partition.js';
import type { PartitionSchema } from './partition-schema.js';

const schema: PartitionSchema = {
  tableName: 'things',
  key: { partitionKey: { name: 'pk', type: 'S' } },
  localIndexes: [],
  globalIndexes: [],
};

const keyOf = (pk: string) => encodeItemKey({ pk: { S: pk } }, schema.key);
const itemOf = (pk: string, value: string): Item => ({ pk: { S: pk }, value: { S: value } });

function snapshot(engine: StorageEngine): string[] {
  return [...engine.range({})].map((entry) => `${Buffer.from(entry.key).toString('hex')}=${Buffer.from(entry.value).toString('hex')}`);
}

function prepare(partition: Partition, transactionId: number, pk: string, decision: TransactionItemDecision<string>) {
  return partition.prepareTransactionItem(transactionId, keyOf(pk), () => decision);
}

function seeded(): { engine: MemoryStorageEngine; partition: Partition } {
  const engine = new MemoryStorageEngine();
  const partition = new Partition(1, schema, engine);
  partition.write(keyOf('a'), () => ({ kind: 'put', item: itemOf('a', 'old') }));
  return { engine, partition };
}

describe('Partition transactions: prepare, commit, abort', () => {
  test('prepare decides against the current item, locks it, and writes nothing', () => {
    const { engine, partition } = seeded();
    const before = snapshot(engine);
    const outcome = prepare(partition, 7, 'a', { kind: 'put', item: itemOf('a', 'new') });
    assert.deepEqual(outcome, { kind: 'prepared', old: itemOf('a', 'old'), new: itemOf('a', 'new') });
    assert.deepEqual(snapshot(engine), before);
    assert.equal(partition.lockedItemCount, 1);
    assert.deepEqual(partition.read(keyOf('a')), itemOf('a', 'old'));
  });

  test('a held item refuses other transactions, transactional reads and single-item writes', () => {
    const { partition } = seeded();
    prepare(partition, 7, 'a', { kind: 'delete' });
    assert.deepEqual(prepare(partition, 8, 'a', { kind: 'check' }), { kind: 'conflict' });
    assert.deepEqual(partition.readTransactionItem(keyOf('a')), { kind: 'conflict' });
    assert.throws(
      () => partition.write(keyOf('a'), () => ({ kind: 'put', item: itemOf('a', 'racing') })),
      (error: unknown) => error instanceof DynamoDbError && error.type === 'TransactionConflictException' && error.message === 'Transaction is ongoing for the item',
    );
    // Other items stay free.
    assert.equal(prepare(partition, 8, 'b', { kind: 'check' }).kind, 'prepared');
  });

  test('commit applies every prepared write and releases the items', async () => {
    const { partition } = seeded();
    prepare(partition, 7, 'a', { kind: 'delete' });
    prepare(partition, 7, 'b', { kind: 'put', item: itemOf('b', 'made') });
    prepare(partition, 7, 'c', { kind: 'check' });
    await partition.commitTransaction(7);
    assert.equal(partition.read(keyOf('a')), undefined);
    assert.deepEqual(partition.read(keyOf('b')), itemOf('b', 'made'));
    assert.equal(partition.read(keyOf('c')), undefined);
    assert.equal(partition.lockedItemCount, 0);
    assert.deepEqual(partition.statistics(), { itemCount: 1, sizeBytes: itemSizeBytes(itemOf('b', 'made')) });
    assert.equal(partition.lastSequence, 3);
    partition.write(keyOf('a'), () => ({ kind: 'put', item: itemOf('a', 'again') }));
  });

  test('abort leaves storage exactly as it was and frees the items', () => {
    const { engine, partition } = seeded();
    const before = snapshot(engine);
    prepare(partition, 7, 'a', { kind: 'delete' });
    prepare(partition, 7, 'b', { kind: 'put', item: itemOf('b', 'made') });
    partition.abortTransaction(7);
    assert.deepEqual(snapshot(engine), before);
    assert.equal(partition.lockedItemCount, 0);
    const read = partition.readTransactionItem(keyOf('a'));
    assert.deepEqual(read.kind === 'item' ? read.item?.item : read, itemOf('a', 'old'));
  });

  test('a refused item is not locked, and a commit of only checks writes nothing', async () => {
    const { engine, partition } = seeded();
    const before = snapshot(engine);
    assert.deepEqual(prepare(partition, 7, 'a', { kind: 'rejected', reason: 'no' }), { kind: 'rejected', reason: 'no', old: itemOf('a', 'old') });
    assert.equal(partition.lockedItemCount, 0);
    prepare(partition, 8, 'a', { kind: 'check' });
    const staged = partition.stageTransactionCommit(8);
    assert.equal(staged.operations.length, 0);
    staged.complete();
    await partition.commitTransaction(8);
    assert.deepEqual(snapshot(engine), before);
    assert.equal(partition.lockedItemCount, 0);
  });
});
