import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Item } from '../model/attribute-value.js';
import { placementHashOf } from '../partition/partition-reads.js';
import { splitHashSpace } from '../partition/partition-ranges.js';
import type { GlobalIndexSchema, PartitionSchema } from '../partition/partition-schema.js';
import { MemoryStorageEngine } from '../storage/memory-engine.js';
import { EmbeddedRouter } from './embedded-router.js';
import type { ReadPage, ScanSegmentRequest, TableRoute } from './router.js';

/** The items of a read, parsed from their stored JSON. */
const itemsOf = (read: ReadPage): Item[] => read.entries.map((entry) => entry.item);

const byGroup: GlobalIndexSchema = {
  name: 'byGroup',
  key: { partitionKey: { name: 'group', type: 'S' }, sortKey: { name: 'sk', type: 'N' } },
  projection: { type: 'KEYS_ONLY' },
  partitions: splitHashSpace([100, 101, 102]),
};
const schema: PartitionSchema = {
  tableName: 'reads',
  key: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'N' } },
  localIndexes: [],
  globalIndexes: [byGroup],
};
const route: TableRoute = { tableName: 'reads', schema, partitions: splitHashSpace([1, 2, 3, 4, 5]) };
const ITEM_COUNT = 120;

async function loadedRouter(): Promise<EmbeddedRouter> {
  const router = new EmbeddedRouter(new MemoryStorageEngine(), (task) => setImmediate(task));
  router.attachTable(route);
  for (let index = 0; index < ITEM_COUNT; index++) {
    const item: Item = { pk: { S: `key-${index % 40}` }, sk: { N: String(index) }, group: { S: `g${index % 3}` } };
    await router.writeItem(route, item, { kind: 'put', item });
  }
  await router.drainMaintenance();
  return router;
}

/** Every page of a scan, following LastEvaluatedKey the way a client does. */
async function scanAll(router: EmbeddedRouter, request: Omit<ScanSegmentRequest, 'exclusiveStartKey'>): Promise<ReadPage[]> {
  const pages: ReadPage[] = [];
  let exclusiveStartKey: Item | undefined;
  for (let page = 0; page < 1000; page++) {
    const read = await router.scanSegment(route, { ...request, exclusiveStartKey });
    pages.push(read);
    const last = itemsOf(read)[itemsOf(read).length - 1];
    if (!read.stopped || last === undefined) return pages;
    exclusiveStartKey = last;
  }
  throw new Error('scan did not finish');
}

const keyOf = (item: Item): string => JSON.stringify([item['pk'], item['sk']]);

describe('EmbeddedRouter reads', () => {
  test('a scan walks every partition in hash order and pages across partition boundaries', async () => {
    const router = await loadedRouter();
    const pages = await scanAll(router, { segment: 0, totalSegments: 1, limit: 7 });
    const items = pages.flatMap((page) => itemsOf(page));
    assert.equal(items.length, ITEM_COUNT);
    assert.equal(new Set(items.map(keyOf)).size, ITEM_COUNT);
    const hashes = items.map((item) => placementHashOf(item, schema.key));
    assert.deepEqual(hashes, [...hashes].sort((left, right) => left - right));
  });

  test('parallel segments are disjoint and cover the table and a global index', async () => {
    const router = await loadedRouter();
    for (const index of [undefined, 'byGroup']) {
      const seen: string[] = [];
      for (let segment = 0; segment < 7; segment++) {
        const pages = await scanAll(router, { index, segment, totalSegments: 7, limit: 5 });
        seen.push(...pages.flatMap((page) => itemsOf(page).map(keyOf)));
      }
      assert.equal(seen.length, ITEM_COUNT, `index ${index ?? 'table'}`);
      assert.equal(new Set(seen).size, ITEM_COUNT);
    }
  });

  test('a query on a global index reads the partition of its key, in sort-key order, and pages', async () => {
    const router = await loadedRouter();
    const first = await router.queryPartition(route, { index: 'byGroup', partitionKeyValue: { S: 'g1' }, forward: false, limit: 10 });
    assert.equal(first.stopped, true);
    const sortKeys = itemsOf(first).map((item) => Number((item['sk'] as { N: string }).N));
    assert.deepEqual(sortKeys, [118, 115, 112, 109, 106, 103, 100, 97, 94, 91]);
    assert.deepEqual(Object.keys(itemsOf(first)[0] ?? {}).sort(), ['group', 'pk', 'sk']);
    const rest = await router.queryPartition(route, {
      index: 'byGroup',
      partitionKeyValue: { S: 'g1' },
      forward: false,
      exclusiveStartKey: itemsOf(first)[9],
    });
    assert.equal(itemsOf(rest).length, 40 - 10);
    assert.equal(rest.stopped, false);
  });
});
