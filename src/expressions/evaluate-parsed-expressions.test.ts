/**
 * Scenarios DynamoDB's behaviour was recorded in (ScyllaDB's alternator tests, run against DynamoDB),
 * written as expression text through the parser, then evaluated, projected and applied here.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AttributeValue, Item } from '../model/attribute-value.js';
import { parseConditionExpression, parseProjectionExpression, parseUpdateExpression } from './parse-expression.js';
import { evaluateCondition } from './evaluate-condition.js';
import { projectExpression } from './project-item.js';
import { applyUpdate } from './apply-update.js';
import { bindings } from './evaluate-builders.test-support.js';

const key: Item = { p: { S: 'key' } };

function numbers(...values: number[]): AttributeValue {
  return { L: values.map((value) => ({ N: String(value) })) };
}

function updated(text: string, item: Item | undefined, values: Record<string, AttributeValue> = {}, names: Record<string, string> = {}): Item {
  return applyUpdate(parseUpdateExpression(text), item, key, bindings(values, names)).item;
}

describe('parsed expressions', () => {
  it('REMOVE a[1] SET a[3] = :val counts indexes before the removal, in either order', () => {
    const item = { ...key, a: numbers(2, 3, 4, 5, 6, 7) };
    for (const text of ['REMOVE a[1] SET a[3] = :val', 'SET a[3] = :val REMOVE a[1]']) {
      assert.deepEqual(updated(text, item, { ':val': { N: '17' } }).a, numbers(2, 4, 17, 6, 7));
    }
  });

  it('SET past the end appends in index order', () => {
    const item = { ...key, a: { L: [{ S: 'one' }, { S: 'two' }, { S: 'three' }, { S: 'hello' }] } };
    const values = { ':val1': { S: 'a1' }, ':val2': { S: 'a2' }, ':val3': { S: 'a3' }, ':val4': { S: 'a4' } };
    const result = updated('SET a[84] = :val1, a[37] = :val2, a[17] = :val3, a[50] = :val4', item, values);
    assert.deepEqual(result.a, { L: ['one', 'two', 'three', 'hello', 'a3', 'a2', 'a4', 'a1'].map((text) => ({ S: text })) });
  });

  it('nested updates and removals of one document', () => {
    const item: Item = { ...key, a: { M: { x: { N: '3' }, y: { N: '4' }, c: { M: { y: { N: '3' } } } } }, b: { M: { x: { N: '1' }, y: { N: '2' } } } };
    const result = updated('SET a.b = :val1, a.c.d = :val2, b.x = :val3 REMOVE a.x, b.y', item, {
      ':val1': { N: '10' },
      ':val2': { S: 'dog' },
      ':val3': { N: '17' },
    });
    assert.deepEqual(result, {
      ...key,
      a: { M: { y: { N: '4' }, c: { M: { y: { N: '3' }, d: { S: 'dog' } } }, b: { N: '10' } } },
      b: { M: { x: { N: '17' } } },
    });
  });

  it('SET b = if_not_exists(b, :val1) + :val2 on a new item', () => {
    assert.deepEqual(updated('SET b = if_not_exists(b, :val1)+:val2', undefined, { ':val1': { N: '2' }, ':val2': { N: '3' } }).b, { N: '5' });
  });

  it('projects nested paths as DynamoDB returns them', () => {
    const item: Item = { ...key, a: { M: { b: { L: [{ N: '2' }, { N: '4' }, { M: { x: { S: 'hi' }, y: { S: 'yo' } } }] }, c: { N: '5' } } }, b: { S: 'hello' } };
    const project = (text: string) => projectExpression(item, parseProjectionExpression(text), bindings());
    assert.deepEqual(project('a.b[2].y'), { a: { M: { b: { L: [{ M: { y: { S: 'yo' } } }] } } } });
    assert.deepEqual(project('a.b[0],a.b[1]'), { a: { M: { b: { L: [{ N: '2' }, { N: '4' }] } } } });
    assert.deepEqual(project('a.c,b'), { a: { M: { c: { N: '5' } } }, b: { S: 'hello' } });
    assert.deepEqual(project('a.x, a.b[0], x, a.b[3].x'), { a: { M: { b: { L: [{ N: '2' }] } } } });
    for (const missing of ['x', 'a.b[3]', 'a.x.y', 'a.b.x', 'a[0]', 'a.b[0][0]']) assert.deepEqual(project(missing), {}, missing);
  });

  it('evaluates conditions with placeholders', () => {
    const item: Item = { ...key, a: { N: '1' }, b: { N: '2' }, s: { S: 'hello' }, tags: { SS: ['x'] } };
    const values = bindings({ ':one': { N: '1' }, ':he': { S: 'he' }, ':x': { S: 'x' } }, { '#t': 'tags' });
    const holds = (text: string) => evaluateCondition(parseConditionExpression(text), item, values);
    assert.ok(holds('a < b AND NOT b < a'));
    assert.ok(holds('q <> z'));
    assert.ok(!holds('q < z OR q BETWEEN z AND x'));
    assert.ok(holds('begins_with(s, :he) AND contains(#t, :x) AND size(s) > :one'));
    assert.ok(holds('a IN (:one, :he)'));
  });
});
