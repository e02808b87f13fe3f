import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Item } from '../model/attribute-value.js';
import { projectExpression, projectPaths } from './project-item.js';
import { bindings, path } from './evaluate-builders.test-support.js';

const item: Item = {
  id: { S: 'k' },
  a: { L: [{ S: 'a0' }, { S: 'a1' }, { S: 'a2' }, { S: 'a3' }, { S: 'a4' }] },
  m: { M: { x: { N: '1' }, y: { M: { z: { S: 'deep' }, w: { S: 'other' } } }, l: { L: [{ M: { q: { N: '1' }, r: { N: '2' } } }] } } },
  s: { S: 'scalar' },
};

describe('projectPaths', () => {
  it('keeps whole top-level attributes and leaves out missing ones', () => {
    assert.deepEqual(projectPaths(item, [['id'], ['s'], ['missing']]), { id: { S: 'k' }, s: { S: 'scalar' } });
  });

  it('packs selected list elements in index order', () => {
    assert.deepEqual(projectPaths(item, [['a', 3], ['a', 1]]), { a: { L: [{ S: 'a1' }, { S: 'a3' }] } });
    assert.deepEqual(projectPaths(item, [['a', 9], ['a', 4]]), { a: { L: [{ S: 'a4' }] } });
    assert.deepEqual(projectPaths(item, [['a', 9]]), {});
  });

  it('keeps only the selected keys of maps, at any depth', () => {
    assert.deepEqual(projectPaths(item, [['m', 'y', 'z'], ['m', 'x']]), { m: { M: { x: { N: '1' }, y: { M: { z: { S: 'deep' } } } } } });
    assert.deepEqual(projectPaths(item, [['m', 'l', 0, 'r']]), { m: { M: { l: { L: [{ M: { r: { N: '2' } } }] } } } });
  });

  it('leaves out paths that meet the wrong type', () => {
    assert.deepEqual(projectPaths(item, [['s', 'x'], ['a', 'x'], ['m', 0]]), {});
  });

  it('binds name placeholders from a projection expression', () => {
    const projection = { kind: 'projection' as const, paths: [path('#m.#y.z'), path('id')] };
    assert.deepEqual(projectExpression(item, projection, bindings({}, { '#m': 'm', '#y': 'y' })), {
      id: { S: 'k' },
      m: { M: { y: { M: { z: { S: 'deep' } } } } },
    });
  });

  it('projecting every top-level attribute returns the item', () => {
    fc.assert(
      fc.property(fc.subarray(Object.keys(item)), (names) => {
        const projected = projectPaths(item, names.map((name) => [name]));
        assert.deepEqual(Object.keys(projected).sort(), [...names].sort());
      }),
    );
    assert.deepEqual(projectPaths(item, Object.keys(item).map((name) => [name])), item);
  });
});
