import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Item } from '../../model/attribute-value.js';
import { itemSizeBytes } from '../../model/item-size.js';
import type { PartitionSchema } from '../../partition/partition-schema.js';
import { writeCapacityOf } from '../../partition/write-capacity.js';
import { sumUnits, writeUnitsOf } from './batch-write-units.js';

const key = { partitionKey: { name: 'pk', type: 'S' as const } };
const plain: PartitionSchema = { tableName: 'plain', key, localIndexes: [], globalIndexes: [] };
const indexed: PartitionSchema = {
  tableName: 'indexed',
  key,
  localIndexes: [],
  globalIndexes: [{ name: 'byColour', key: { partitionKey: { name: 'colour', type: 'S' } }, projection: { type: 'ALL' }, partitions: [] }],
};

const small: Item = { pk: { S: 'a' }, colour: { S: 'red' } };
const large: Item = { pk: { S: 'a' }, colour: { S: 'blue' }, payload: { S: 'x'.repeat(3000) } };

describe('writeUnitsOf', () => {
  test('counts as writeCapacityOf does, with and without indexes', () => {
    for (const schema of [plain, indexed]) {
      for (const [old, next] of [[undefined, small], [small, large], [large, small], [large, undefined], [undefined, undefined]] as const) {
        assert.deepEqual(writeUnitsOf(schema, old, next), writeCapacityOf(schema, old, next));
        if (next !== undefined) assert.deepEqual(writeUnitsOf(schema, old, next, { item: next, sizeBytes: itemSizeBytes(next) }), writeCapacityOf(schema, old, next));
      }
    }
  });

  test('takes a known size only for that very item', () => {
    const copy: Item = { ...large };
    assert.equal(writeUnitsOf(plain, undefined, large, { item: large, sizeBytes: 5000 }).table, 5);
    assert.equal(writeUnitsOf(plain, undefined, copy, { item: large, sizeBytes: 5000 }).table, 3);
  });
});

describe('sumUnits', () => {
  test('adds the table and each index, names in the order first seen', () => {
    const total = sumUnits([
      { table: 1, localIndexes: new Map(), globalIndexes: new Map([['b', 1]]) },
      { table: 2, localIndexes: new Map([['l', 2]]), globalIndexes: new Map([['a', 1], ['b', 2]]) },
    ]);
    assert.equal(total.table, 3);
    assert.deepEqual([...total.localIndexes], [['l', 2]]);
    assert.deepEqual([...total.globalIndexes], [['b', 3], ['a', 1]]);
    assert.deepEqual(sumUnits([]), { table: 0, localIndexes: new Map(), globalIndexes: new Map() });
  });
});
