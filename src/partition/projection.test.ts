import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Item } from '../model/attribute-value.js';
import type { KeySchema } from '../model/key-schema.js';
import { hasIndexKey, keyAttributeNames, projectItem } from './projection.js';

const tableKey: KeySchema = { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'N' } };
const hashOnlyIndex: KeySchema = { partitionKey: { name: 'g', type: 'S' } };
const sortedIndex: KeySchema = { partitionKey: { name: 'g', type: 'S' }, sortKey: { name: 'r', type: 'B' } };

const item: Item = {
  pk: { S: 'p' },
  sk: { N: '1' },
  g: { S: 'group' },
  r: { B: 'AQI=' },
  kept: { S: 'yes' },
  dropped: { L: [{ N: '1' }] },
  nested: { M: { kept: { S: 'no' } } },
};

describe('keyAttributeNames', () => {
  test('lists the partition key, then the sort key when there is one', () => {
    assert.deepEqual(keyAttributeNames(tableKey), ['pk', 'sk']);
    assert.deepEqual(keyAttributeNames(hashOnlyIndex), ['g']);
  });
});

describe('hasIndexKey', () => {
  test('holds when every index key attribute is present with its type', () => {
    assert.equal(hasIndexKey(item, hashOnlyIndex), true);
    assert.equal(hasIndexKey(item, sortedIndex), true);
    assert.equal(hasIndexKey({ g: { S: '' } }, hashOnlyIndex), true);
  });

  test('fails when an index key attribute is missing', () => {
    assert.equal(hasIndexKey({ pk: { S: 'p' }, r: { B: 'AQI=' } }, sortedIndex), false);
    assert.equal(hasIndexKey({ pk: { S: 'p' }, g: { S: 'x' } }, sortedIndex), false);
    assert.equal(hasIndexKey({}, hashOnlyIndex), false);
  });

  test('fails when an index key attribute has another type', () => {
    for (const wrong of [{ N: '1' }, { B: 'AA==' }, { SS: ['x'] }, { NULL: true }, { M: { S: { S: 'x' } } }, { L: [{ S: 'x' }] }] as const) {
      assert.equal(hasIndexKey({ g: wrong, r: { B: 'AQI=' } }, sortedIndex), false, JSON.stringify(wrong));
      assert.equal(hasIndexKey({ g: { S: 'x' }, r: wrong }, sortedIndex), 'B' in wrong, JSON.stringify(wrong));
    }
  });

  test('ignores attributes of the same name inside maps', () => {
    assert.equal(hasIndexKey({ m: { M: { g: { S: 'x' } } } }, hashOnlyIndex), false);
  });
});

describe('projectItem', () => {
  test('ALL keeps the whole item', () => {
    assert.deepEqual(projectItem(item, tableKey, sortedIndex, { type: 'ALL' }), item);
  });

  test('KEYS_ONLY keeps the table key and the index key', () => {
    assert.deepEqual(projectItem(item, tableKey, sortedIndex, { type: 'KEYS_ONLY' }), {
      pk: { S: 'p' },
      sk: { N: '1' },
      g: { S: 'group' },
      r: { B: 'AQI=' },
    });
    assert.deepEqual(projectItem(item, tableKey, hashOnlyIndex, { type: 'KEYS_ONLY' }), { pk: { S: 'p' }, sk: { N: '1' }, g: { S: 'group' } });
  });

  test('INCLUDE adds the named attributes that are present, and only top-level ones', () => {
    assert.deepEqual(projectItem(item, tableKey, hashOnlyIndex, { type: 'INCLUDE', nonKeyAttributes: ['kept', 'absent', 'nested.kept'] }), {
      pk: { S: 'p' },
      sk: { N: '1' },
      g: { S: 'group' },
      kept: { S: 'yes' },
    });
  });

  test('an INCLUDE naming key attributes copies them once', () => {
    assert.deepEqual(projectItem(item, tableKey, hashOnlyIndex, { type: 'INCLUDE', nonKeyAttributes: ['pk', 'g'] }), {
      pk: { S: 'p' },
      sk: { N: '1' },
      g: { S: 'group' },
    });
  });

  test('leaves the item itself unchanged', () => {
    const copy = structuredClone(item);
    projectItem(item, tableKey, sortedIndex, { type: 'KEYS_ONLY' });
    projectItem(item, tableKey, sortedIndex, { type: 'INCLUDE', nonKeyAttributes: ['kept'] });
    assert.deepEqual(item, copy);
  });
});
