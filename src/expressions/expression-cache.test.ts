import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DynamoDbError, validationError } from '../lib/errors.js';
import { ExpressionCache } from './expression-cache.js';
import { expressionCache, parseConditionExpression } from './parse-expression.js';

/** A parse function that returns its text and records every text it was called with. */
function recordingParser(): { parsed: string[]; parse: (text: string) => string } {
  const parsed: string[] = [];
  return {
    parsed,
    parse: (text) => {
      parsed.push(text);
      return text;
    },
  };
}

describe('ExpressionCache', () => {
  it('parses a text once and serves later requests from the cache', () => {
    const cache = new ExpressionCache(4);
    let parses = 0;
    const parse = (text: string) => {
      parses++;
      return { text };
    };
    const first = cache.parse('kind', 'a = :v', parse);
    assert.equal(cache.parse('kind', 'a = :v', parse), first);
    assert.equal(parses, 1);
  });

  it('keys by kind as well as text', () => {
    const cache = new ExpressionCache(4);
    cache.parse('ConditionExpression', 'a', (text) => text);
    cache.parse('FilterExpression', 'a', (text) => text);
    assert.equal(cache.size, 2);
  });

  it('stays within its bound, dropping the least recently used entry', () => {
    const cache = new ExpressionCache(2);
    const { parsed, parse } = recordingParser();
    cache.parse('k', 'one', parse);
    cache.parse('k', 'two', parse);
    cache.parse('k', 'one', parse); // now 'two' is the least recently used
    cache.parse('k', 'three', parse);
    assert.equal(cache.size, 2);
    cache.parse('k', 'one', parse);
    assert.equal(parsed.length, 3);
    cache.parse('k', 'two', parse);
    assert.equal(parsed.length, 4);
  });

  it('gives an entry used since eviction last passed it a second chance', () => {
    const cache = new ExpressionCache(3);
    const { parsed, parse } = recordingParser();
    for (const text of ['a', 'b', 'c', 'a', 'd', 'e', 'a']) cache.parse('k', text, parse);
    // 'd' dropped 'b' (the oldest unused, 'a' moved back unmarked); 'e' then dropped 'c'; 'a' was hit again.
    assert.deepEqual(parsed, ['a', 'b', 'c', 'd', 'e']);
    assert.equal(cache.size, 3);
    cache.parse('k', 'b', parse);
    assert.deepEqual(parsed, ['a', 'b', 'c', 'd', 'e', 'b']);
  });

  it('counts each kind of a text as an entry and stays within its bound across kinds', () => {
    const cache = new ExpressionCache(3);
    const { parsed, parse } = recordingParser();
    cache.parse('ConditionExpression', 'x', parse);
    cache.parse('FilterExpression', 'x', parse);
    cache.parse('ConditionExpression', 'y', parse);
    assert.equal(cache.size, 3);
    cache.parse('ConditionExpression', 'z', parse);
    assert.ok(cache.size <= 3);
    assert.equal(parsed.length, 4);
    cache.clear();
    assert.equal(cache.size, 0);
  });

  it('caches client errors and rethrows them', () => {
    const cache = new ExpressionCache(2);
    let parses = 0;
    const parse = (): never => {
      parses++;
      throw validationError('bad');
    };
    assert.throws(() => cache.parse('k', 'x', parse), DynamoDbError);
    assert.throws(() => cache.parse('k', 'x', parse), DynamoDbError);
    assert.equal(parses, 1);
  });

  it('never caches programmer errors', () => {
    const cache = new ExpressionCache(2);
    assert.throws(() => cache.parse('k', 'x', () => { throw new TypeError('bug'); }), TypeError);
    assert.equal(cache.size, 0);
  });

  it('backs the public parse functions', () => {
    const tree = parseConditionExpression('cached_attribute = :v');
    assert.equal(parseConditionExpression('cached_attribute = :v'), tree);
    assert.ok(expressionCache.size >= 1);
  });
});
