import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Item } from '../model/attribute-value.js';
import { MemoryStorageEngine } from '../storage/memory-engine.js';
import type { WriteOperation } from '../storage/engine.js';
import { encodeItemKey } from './item-key.js';
import { Partition, type WriteDecision } from './partition.js';
import type { PartitionSchema } from './partition-schema.js';
import type { StoredItem } from './stored-item.js';

const schema: PartitionSchema = {
  tableName: 'batch',
  key: { partitionKey: { name: 'pk', type: 'S' } },
  localIndexes: [],
  globalIndexes: [],
};
const item = (pk: string, payload: string): Item => ({ pk: { S: pk }, payload: { S: payload } });
const keyOf = (pk: string) => encodeItemKey({ pk: { S: pk } }, schema.key);

/** An in-memory engine that counts the storage writes it takes. */
class CountingEngine extends MemoryStorageEngine {
  writes = 0;
  override write(operations: readonly WriteOperation[]): Promise<void> {
    this.writes++;
    return super.write(operations);
  }
}

type Decide = (old: StoredItem | undefined) => WriteDecision<string>;
const put = (value: Item): Decide => () => ({ kind: 'put', item: value });
const remove: Decide = () => ({ kind: 'delete' });

describe('a partition writing several items at once', () => {
  it('writes them in one storage write, with the statistics and the log head of writing them one by one', () => {
    const batched = new CountingEngine();
    const single = new CountingEngine();
    const one = new Partition(1, schema, single);
    const many = new Partition(1, schema, batched);
    for (const partition of [one, many]) partition.write(keyOf('gone'), () => ({ kind: 'put', item: item('gone', 'x') }));
    const writes = [
      { key: keyOf('a'), decide: put(item('a', 'first')) },
      { key: keyOf('b'), decide: put(item('b', 'second item')) },
      { key: keyOf('gone'), decide: remove },
      { key: keyOf('never'), decide: remove },
    ];
    const before = batched.writes;
    const outcomes = many.writeStoredMany(writes);
    assert.equal(batched.writes - before, 1, 'one storage write for the batch');
    for (const write of writes) one.writeStored(write.key, write.decide);
    assert.deepEqual(many.statistics(), one.statistics());
    assert.equal(many.lastSequence, one.lastSequence);
    assert.deepEqual(outcomes.map((outcome) => outcome.ok), [true, true, true, true]);
    assert.deepEqual(outcomes[2]?.old?.item, item('gone', 'x'));
    for (const pk of ['a', 'b', 'gone', 'never']) assert.deepEqual(many.read(keyOf(pk)), one.read(keyOf(pk)));
    const reopened = new Partition(1, schema, batched);
    assert.deepEqual(reopened.statistics(), one.statistics(), 'the state was stored with the writes');
  });

  it('answers each refused write on its own and writes the rest', () => {
    const engine = new CountingEngine();
    const partition = new Partition(1, schema, engine);
    const outcomes = partition.writeStoredMany<string>([
      { key: keyOf('a'), decide: put(item('a', '1')) },
      { key: keyOf('b'), decide: () => ({ kind: 'rejected', reason: 'not this one' }) },
    ]);
    assert.deepEqual(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.reason)), ['ok', 'not this one']);
    assert.deepEqual(partition.read(keyOf('a')), item('a', '1'));
    assert.equal(partition.read(keyOf('b')), undefined);
    assert.equal(partition.statistics().itemCount, 1);
  });

  it('writes nothing when nothing changes, and refuses the same item twice', () => {
    const engine = new CountingEngine();
    const partition = new Partition(1, schema, engine);
    partition.writeStoredMany([{ key: keyOf('missing'), decide: remove }]);
    assert.equal(engine.writes, 0);
    assert.throws(() => partition.writeStoredMany([{ key: keyOf('a'), decide: put(item('a', '1')) }, { key: keyOf('a'), decide: remove }]), /distinct/);
    assert.equal(partition.read(keyOf('a')), undefined);
  });
});
