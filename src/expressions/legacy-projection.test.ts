import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { convertAttributesToGet } from './legacy-projection.js';
import { attributePath } from './legacy-comparison.js';

describe('convertAttributesToGet', () => {
  test('each name is a top-level attribute, in order', () => {
    assert.deepEqual(convertAttributesToGet(['b', 'a.c', 'x[0]']), {
      kind: 'projection',
      paths: [attributePath('b'), attributePath('a.c'), attributePath('x[0]')],
    });
  });
  test('a name listed twice is refused', () => {
    assert.throws(() => convertAttributesToGet(['a', 'b', 'a']), {
      type: 'ValidationException',
      message: 'One or more parameter values were invalid: Duplicate value in attribute name: a',
    });
  });
});
