import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pathForMessage, pathText, resolvePath, valueAtPath } from './document-path.js';
import { bindings, path } from './evaluate-builders.test-support.js';
import type { Item } from '../model/attribute-value.js';

const item: Item = {
  a: { M: { b: { L: [{ S: 'zero' }, { M: { c: { N: '7' } } }] }, 'x.y': { S: 'dotted' } } },
  s: { S: 'text' },
};

describe('document paths', () => {
  it('binds name placeholders, keeping dots inside names literal', () => {
    const resolved = resolvePath(path('a.#n'), bindings({}, { '#n': 'x.y' }));
    assert.deepEqual(resolved, ['a', 'x.y']);
    assert.deepEqual(valueAtPath(item, resolved), { S: 'dotted' });
  });

  it('follows keys and indexes', () => {
    assert.deepEqual(valueAtPath(item, ['a', 'b', 1, 'c']), { N: '7' });
    assert.deepEqual(valueAtPath(item, ['a', 'b', 0]), { S: 'zero' });
  });

  it('is undefined for missing steps, wrong container types and absent items', () => {
    assert.equal(valueAtPath(item, ['a', 'b', 2]), undefined);
    assert.equal(valueAtPath(item, ['a', 0]), undefined);
    assert.equal(valueAtPath(item, ['a', 'b', 'c']), undefined);
    assert.equal(valueAtPath(item, ['s', 0]), undefined);
    assert.equal(valueAtPath(item, ['missing']), undefined);
    assert.equal(valueAtPath(undefined, ['a']), undefined);
    assert.equal(valueAtPath(item, ['toString']), undefined);
  });

  it('prints paths for messages and for people', () => {
    assert.equal(pathForMessage(['a', 'b', 2, 'c']), '[a, b, [2], c]');
    assert.equal(pathText(['a', 'b', 2, 'c']), 'a.b[2].c');
  });
});
