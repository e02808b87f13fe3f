import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Item } from '../model/attribute-value.js';
import { MemoryStorageEngine } from '../storage/memory-engine.js';
import type { StorageEngine } from '../storage/engine.js';
import { encodeItemKey } from './item-key.js';
import { Partition, type WriteDecision } from './partition.js';
import type { PartitionSchema } from './partition-schema.js';
import { keyspace, partitionPrefix, prefixEnd, readUint64 } from './storage-keys.js';
import type { WriteLogEntry } from './write-log.js';

const withoutGlobalIndexes: PartitionSchema = {
  tableName: 'logged',
  key: { partitionKey: { name: 'pk', type: 'S' } },
  localIndexes: [],
  globalIndexes: [],
};
const withGlobalIndex: PartitionSchema = {
  ...withoutGlobalIndexes,
  globalIndexes: [{ name: 'byGroup', key: { partitionKey: { name: 'group', type: 'S' } }, projection: { type: 'ALL' }, partitions: [{ partitionId: 90, hashStart: 0 }] }],
};

/** The log as stored: each entry with the sequence number its key carries. */
function logEntries(engine: StorageEngine, partitionId: number): Array<{ keySequence: number; entry: WriteLogEntry }> {
  const start = partitionPrefix(keyspace.writeLog, partitionId);
  return [...engine.range({ start, end: prefixEnd(start) })].map((stored) => ({
    keySequence: readUint64(stored.key, start.length),
    entry: JSON.parse(Buffer.from(stored.value).toString('utf8')) as WriteLogEntry,
  }));
}

type Operation = { kind: 'put'; item: Item } | { kind: 'delete'; key: Item } | { kind: 'reject'; key: Item };
const keyArbitrary = fc.constantFrom('a', 'b', 'c').map((name): Item => ({ pk: { S: name } }));
const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  fc.tuple(keyArbitrary, fc.option(fc.constantFrom('x', 'y'), { nil: undefined })).map(([key, group]) => ({
    kind: 'put' as const,
    item: group === undefined ? key : { ...key, group: { S: group } },
  })),
  keyArbitrary.map((key) => ({ kind: 'delete' as const, key })),
  keyArbitrary.map((key) => ({ kind: 'reject' as const, key })),
);

function decisionOf(operation: Operation): WriteDecision<string> {
  if (operation.kind === 'put') return { kind: 'put', item: operation.item };
  return operation.kind === 'delete' ? { kind: 'delete' } : { kind: 'rejected', reason: 'no' };
}

describe('Partition write log', () => {
  test('holds one entry per committed write, numbered one by one, when the schema has global indexes', () => {
    fc.assert(
      fc.property(fc.array(operationArbitrary, { maxLength: 40 }), (operations) => {
        const engine = new MemoryStorageEngine();
        const partition = new Partition(2, withGlobalIndex, engine);
        const current = new Map<string, Item>();
        const expected: WriteLogEntry[] = [];
        for (const operation of operations) {
          const key = operation.kind === 'put' ? operation.item : operation.key;
          const name = JSON.stringify(key['pk']);
          const old = current.get(name);
          partition.write(encodeItemKey(key, withGlobalIndex.key), () => decisionOf(operation));
          if (operation.kind === 'reject' || (operation.kind === 'delete' && old === undefined)) continue;
          const next = operation.kind === 'put' ? operation.item : undefined;
          expected.push({ sequence: expected.length + 1, old, new: next });
          if (next === undefined) current.delete(name);
          else current.set(name, next);
        }
        const stored = logEntries(engine, 2);
        assert.deepEqual(
          stored.map(({ entry }) => ({ sequence: entry.sequence, old: entry.old, new: entry.new })),
          expected,
        );
        for (const { keySequence, entry } of stored) assert.equal(keySequence, entry.sequence);
        assert.equal(partition.lastSequence, expected.length);
      }),
      { numRuns: 200 },
    );
  });

  test('holds nothing when the schema has no global index, though sequence numbers still advance', () => {
    const engine = new MemoryStorageEngine();
    const partition = new Partition(2, withoutGlobalIndexes, engine);
    for (const name of ['a', 'b', 'a']) {
      partition.write(encodeItemKey({ pk: { S: name } }, withoutGlobalIndexes.key), () => ({ kind: 'put', item: { pk: { S: name }, group: { S: 'x' } } }));
    }
    partition.write(encodeItemKey({ pk: { S: 'a' } }, withoutGlobalIndexes.key), () => ({ kind: 'delete' }));
    assert.deepEqual(logEntries(engine, 2), []);
    assert.equal(partition.lastSequence, 4);
  });

  test('starts logging once a global index joins the schema, continuing the sequence, with the time of each write', () => {
    const engine = new MemoryStorageEngine();
    const partition = new Partition(2, withoutGlobalIndexes, engine, () => 1_764_000_000_123);
    const put = (name: string): void =>
      void partition.write(encodeItemKey({ pk: { S: name } }, withoutGlobalIndexes.key), () => ({ kind: 'put', item: { pk: { S: name } } }));
    put('a');
    put('b');
    partition.updateSchema(withGlobalIndex);
    put('c');
    partition.updateSchema(withoutGlobalIndexes);
    put('d');
    assert.deepEqual(
      logEntries(engine, 2).map(({ entry }) => entry),
      [{ sequence: 3, new: { pk: { S: 'c' } }, timeMs: 1_764_000_000_123 }],
    );
  });

  test('keeps the logs of partitions apart', () => {
    const engine = new MemoryStorageEngine();
    const left = new Partition(255, withGlobalIndex, engine);
    const right = new Partition(256, withGlobalIndex, engine);
    left.write(encodeItemKey({ pk: { S: 'a' } }, withGlobalIndex.key), () => ({ kind: 'put', item: { pk: { S: 'a' } } }));
    right.write(encodeItemKey({ pk: { S: 'b' } }, withGlobalIndex.key), () => ({ kind: 'put', item: { pk: { S: 'b' } } }));
    right.write(encodeItemKey({ pk: { S: 'b' } }, withGlobalIndex.key), () => ({ kind: 'delete' }));
    assert.deepEqual(
      logEntries(engine, 255).map(({ entry }) => entry.sequence),
      [1],
    );
    assert.deepEqual(
      logEntries(engine, 256).map(({ entry }) => entry.sequence),
      [1, 2],
    );
  });
});
