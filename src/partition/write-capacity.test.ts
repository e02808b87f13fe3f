import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Item } from '../model/attribute-value.js';
import { itemSizeBytes } from '../model/item-size.js';
import type { PartitionSchema } from './partition-schema.js';
import { writeCapacityOf } from './write-capacity.js';

const schema: PartitionSchema = {
  tableName: 'charged',
  key: { partitionKey: { name: 'pk', type: 'S' } },
  localIndexes: [],
  globalIndexes: [
    { name: 'all', key: { partitionKey: { name: 'g', type: 'S' } }, projection: { type: 'ALL' }, partitions: [{ partitionId: 10, hashStart: 0 }] },
    { name: 'keys', key: { partitionKey: { name: 'g', type: 'S' } }, projection: { type: 'KEYS_ONLY' }, partitions: [{ partitionId: 11, hashStart: 0 }] },
    {
      name: 'include',
      key: { partitionKey: { name: 'h', type: 'S' } },
      projection: { type: 'INCLUDE', nonKeyAttributes: ['x'] },
      partitions: [{ partitionId: 12, hashStart: 0 }],
    },
  ],
};
const withLocalIndex: PartitionSchema = {
  ...schema,
  key: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'S' } },
  localIndexes: [
    { name: 'local', number: 0, key: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'l', type: 'S' } }, projection: { type: 'KEYS_ONLY' } },
  ],
  globalIndexes: [],
};

/** An item of roughly `kilobytes` KB, so each case lands on a known number of units. */
const sized = (kilobytes: number, attributes: Item = {}): Item => ({ pk: { S: 'p' }, pad: { S: 'x'.repeat(Math.max(0, kilobytes * 1024 - 20)) }, ...attributes });
const unitsOf = (item: Item): number => Math.max(1, Math.ceil(itemSizeBytes(item) / 1024));
const indexUnits = (old: Item | undefined, next: Item | undefined) => Object.fromEntries(writeCapacityOf(schema, old, next).globalIndexes);

describe('writeCapacityOf: the table', () => {
  test('is charged for the larger of the old and new item, at least one unit', () => {
    const small = sized(0.5);
    const large = sized(2.5);
    assert.equal(writeCapacityOf(schema, undefined, small).table, 1);
    assert.equal(writeCapacityOf(schema, undefined, large).table, 3);
    assert.equal(writeCapacityOf(schema, large, small).table, 3);
    assert.equal(writeCapacityOf(schema, small, large).table, 3);
    assert.equal(writeCapacityOf(schema, large, undefined).table, 3);
    assert.equal(writeCapacityOf(schema, undefined, undefined).table, 1);
  });

  test('charges a kilobyte as one unit and a byte more as two', () => {
    const exactly = (bytes: number): Item => {
      const item: Item = { pk: { S: 'p' }, pad: { S: '' } };
      return { ...item, pad: { S: 'x'.repeat(bytes - itemSizeBytes(item)) } };
    };
    assert.equal(itemSizeBytes(exactly(1024)), 1024);
    assert.equal(writeCapacityOf(schema, undefined, exactly(1024)).table, 1);
    assert.equal(writeCapacityOf(schema, undefined, exactly(1025)).table, 2);
  });

  test('doubles every charge in a transaction', () => {
    const old = sized(0.5, { g: { S: 'a' }, h: { S: 'a' } });
    const next = sized(1.5, { g: { S: 'b' }, h: { S: 'a' }, x: { S: 'changed' } });
    const plain = writeCapacityOf(schema, old, next);
    const transactional = writeCapacityOf(schema, old, next, true);
    assert.equal(transactional.table, 2 * plain.table);
    for (const [name, units] of plain.globalIndexes) assert.equal(transactional.globalIndexes.get(name), 2 * units, name);
  });
});

describe('writeCapacityOf: each index', () => {
  test('costs nothing when the item is in neither version', () => {
    assert.deepEqual(indexUnits(sized(3), sized(2)), { all: 0, keys: 0, include: 0 });
    assert.deepEqual(indexUnits(undefined, sized(1)), { all: 0, keys: 0, include: 0 });
    assert.deepEqual(indexUnits(undefined, undefined), { all: 0, keys: 0, include: 0 });
  });

  test('charges an insert and a removal for the copy the index stores', () => {
    const item = sized(2.5, { g: { S: 'a' }, h: { S: 'b' }, x: { S: 'kept' } });
    const included: Item = { pk: { S: 'p' }, h: { S: 'b' }, x: { S: 'kept' } };
    const expected = { all: unitsOf(item), keys: 1, include: unitsOf(included) };
    assert.deepEqual(indexUnits(undefined, item), expected);
    assert.deepEqual(indexUnits(item, undefined), expected);
    assert.deepEqual(indexUnits(sized(2.5), item), expected, 'the attribute appears');
    assert.deepEqual(indexUnits(item, sized(2.5)), expected, 'the attribute goes');
  });

  test('charges a removal plus an insert when the index key changes', () => {
    const old = sized(1.5, { g: { S: 'a' } });
    const next = sized(3.5, { g: { S: 'b' } });
    assert.deepEqual(indexUnits(old, next), { all: unitsOf(old) + unitsOf(next), keys: 2, include: 0 });
  });

  test('charges nothing when the stored copy is unchanged, whatever else changes', () => {
    const old = sized(1, { g: { S: 'a' }, h: { S: 'b' }, x: { S: 'same' } });
    const next = sized(4, { g: { S: 'a' }, h: { S: 'b' }, x: { S: 'same' }, y: { S: 'new' } });
    assert.deepEqual(indexUnits(old, next), { all: unitsOf(next), keys: 0, include: 0 });
  });

  test('charges the larger copy once for an in-place update', () => {
    const old = sized(1, { h: { S: 'b' }, x: { S: 'x'.repeat(3000) } });
    const next = sized(1, { h: { S: 'b' }, x: { S: 'short' } });
    assert.deepEqual(indexUnits(old, next).include, 3);
  });

  test('sees no change in attributes or set members given in another order', () => {
    const old: Item = { pk: { S: 'p' }, g: { S: 'a' }, h: { S: 'b' }, x: { M: { one: { N: '1' }, two: { SS: ['a', 'b'] } } } };
    const next: Item = { x: { M: { two: { SS: ['b', 'a'] }, one: { N: '1' } } }, h: { S: 'b' }, g: { S: 'a' }, pk: { S: 'p' } };
    assert.deepEqual(indexUnits(old, next), { all: 0, keys: 0, include: 0 });
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 3 }), fc.string().map((S) => ({ S })), { maxKeys: 6 }), (attributes) => {
        const item: Item = { ...attributes, pk: { S: 'p' }, g: { S: 'a' }, h: { S: 'b' } };
        const reversed = Object.fromEntries(Object.entries(item).reverse());
        assert.deepEqual(indexUnits(item, reversed), { all: 0, keys: 0, include: 0 });
      }),
    );
  });

  test('charges local indexes by the same rules', () => {
    const charge = (old: Item | undefined, next: Item | undefined): number | undefined => writeCapacityOf(withLocalIndex, old, next).localIndexes.get('local');
    const key: Item = { pk: { S: 'p' }, sk: { S: 's' } };
    assert.equal(charge(undefined, { ...key, l: { S: 'a' } }), 1);
    assert.equal(charge({ ...key, l: { S: 'a' } }, { ...key, l: { S: 'a' }, other: { N: '1' } }), 0);
    assert.equal(charge({ ...key, l: { S: 'a' } }, { ...key, l: { S: 'b' } }), 2);
    assert.equal(charge({ ...key, l: { S: 'a' } }, key), 1);
    assert.equal(charge(key, key), 0);
    assert.deepEqual(writeCapacityOf(withLocalIndex, key, key).globalIndexes, new Map());
  });
});
