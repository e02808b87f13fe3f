import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStorageEngine } from '../storage/memory-engine.js';
import type { StorageEngine, WriteOperation } from '../storage/engine.js';
import { DROP_BATCH_KEYS_MAX, dropPartitionData } from './drop-partition-data.js';
import { catalogueKey, concatBytes, consumerCursorKey, keyspace, partitionPrefix, partitionStateKey, systemKey, uint32Bytes, writeLogKey } from './storage-keys.js';

const PARTITION_KEYSPACES = [keyspace.item, keyspace.localIndex, keyspace.globalIndex, keyspace.writeLog, keyspace.partitionState, keyspace.consumerCursor];
/** Neighbours in byte order: 255 and 256 differ in a middle byte, 0xffffffff is the last id. */
const PARTITION_IDS = [0, 1, 2, 255, 256, 0xffff, 0x10000, 0xffffffff];

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** Keys of every kind for each partition, plus the catalogue and system keys no partition owns. */
function populate(engine: StorageEngine, entriesPerKeyspace: number): void {
  const operations: WriteOperation[] = [
    { kind: 'put', key: catalogueKey('table'), value: Uint8Array.of(1) },
    { kind: 'put', key: systemKey('next-partition-id'), value: Uint8Array.of(2) },
  ];
  for (const partitionId of PARTITION_IDS) {
    for (const space of PARTITION_KEYSPACES) {
      if (space === keyspace.partitionState) {
        operations.push({ kind: 'put', key: partitionStateKey(partitionId), value: Uint8Array.of(3) });
        continue;
      }
      if (space === keyspace.consumerCursor) {
        operations.push({ kind: 'put', key: consumerCursorKey(partitionId, 'global-indexes'), value: Uint8Array.of(4) });
        continue;
      }
      for (let index = 0; index < entriesPerKeyspace; index++) {
        const key = space === keyspace.writeLog ? writeLogKey(partitionId, index + 1) : concatBytes([partitionPrefix(space, partitionId), uint32Bytes(index), Uint8Array.of(0xff)]);
        operations.push({ kind: 'put', key, value: Uint8Array.of(5) });
      }
    }
  }
  void engine.write(operations);
}

function keysOf(engine: StorageEngine): string[] {
  return [...engine.range({})].map((entry) => hex(entry.key));
}

function ownedBy(key: string, partitionIds: readonly number[]): boolean {
  return partitionIds.some((partitionId) => PARTITION_KEYSPACES.some((space) => key.startsWith(hex(partitionPrefix(space, partitionId)))));
}

describe('dropPartitionData', () => {
  test('removes everything of the given partitions and nothing else', async () => {
    for (const dropped of [[1], [255], [256, 0], [0xffffffff], [0x10000, 2, 0xffff], []]) {
      const engine = new MemoryStorageEngine();
      populate(engine, 3);
      const before = keysOf(engine);
      await dropPartitionData(engine, dropped);
      assert.deepEqual(
        keysOf(engine),
        before.filter((key) => !ownedBy(key, dropped)),
        `dropping ${dropped.join(', ')}`,
      );
      assert.ok(keysOf(engine).includes(hex(catalogueKey('table'))));
    }
  });

  test('drops partitions larger than one batch of deletions', async () => {
    const engine = new MemoryStorageEngine();
    populate(engine, 0);
    const operations: WriteOperation[] = [];
    for (let index = 0; index < DROP_BATCH_KEYS_MAX * 2 + 3; index++) {
      operations.push({ kind: 'put', key: concatBytes([partitionPrefix(keyspace.item, 1), uint32Bytes(index)]), value: new Uint8Array(0) });
    }
    await engine.write(operations);
    const others = keysOf(engine).filter((key) => !ownedBy(key, [1]));
    await dropPartitionData(engine, [1]);
    assert.deepEqual(keysOf(engine), others);
  });

  test('is idempotent', async () => {
    const engine = new MemoryStorageEngine();
    populate(engine, 2);
    await dropPartitionData(engine, [2]);
    const after = keysOf(engine);
    await dropPartitionData(engine, [2]);
    assert.deepEqual(keysOf(engine), after);
  });
});
