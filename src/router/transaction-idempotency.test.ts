import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { requestFingerprint, TransactionTokens } from './transaction-idempotency.js';

function clock() {
  let nowMs = 1_000_000;
  return { nowMs: () => nowMs, advance: (ms: number) => void (nowMs += ms) };
}

describe('ClientRequestToken idempotency', () => {
  test('replays a succeeded request within the window, and runs it again after', () => {
    const time = clock();
    const tokens = new TransactionTokens(time.nowMs, 600_000);
    assert.deepEqual(tokens.admit('t', 'request'), { kind: 'run' });
    tokens.succeeded('t', 'request', { answer: 1 });
    time.advance(599_999);
    assert.deepEqual(tokens.admit('t', 'request'), { kind: 'replay', response: { answer: 1 } });
    time.advance(1);
    assert.deepEqual(tokens.admit('t', 'request'), { kind: 'run' });
  });

  test('refuses a different request with the same token, and a retry while the first runs', () => {
    const tokens = new TransactionTokens(clock().nowMs);
    tokens.admit('t', 'request');
    assert.deepEqual(tokens.admit('t', 'request'), { kind: 'inProgress' });
    assert.deepEqual(tokens.admit('t', 'other'), { kind: 'mismatch' });
    tokens.succeeded('t', 'request', {});
    assert.deepEqual(tokens.admit('t', 'other'), { kind: 'mismatch' });
  });

  test('forgets a token whose request failed', () => {
    const tokens = new TransactionTokens(clock().nowMs);
    tokens.admit('t', 'request');
    tokens.failed('t');
    assert.deepEqual(tokens.admit('t', 'other'), { kind: 'run' });
  });

  test('keeps a bounded number of tokens, the oldest going first', () => {
    const tokens = new TransactionTokens(clock().nowMs, 600_000, 2);
    for (const token of ['a', 'b', 'c']) {
      tokens.admit(token, 'request');
      tokens.succeeded(token, 'request', {});
    }
    assert.deepEqual(tokens.admit('a', 'request'), { kind: 'run' });
    assert.equal(tokens.admit('c', 'request').kind, 'replay');
  });

  test('a fingerprint ignores the order of members, not of list elements', () => {
    assert.equal(requestFingerprint({ a: 1, b: [1, 2] }), requestFingerprint({ b: [1, 2], a: 1 }));
    assert.notEqual(requestFingerprint({ b: [1, 2] }), requestFingerprint({ b: [2, 1] }));
  });
});

test('a fingerprint orders members, and survives nesting far deeper than the call stack', () => {
  assert.equal(requestFingerprint({ b: [1, { d: null, c: 'x' }], a: true }), '{"a":true,"b":[1,{"c":"x","d":null}]}');
  assert.equal(requestFingerprint({ b: 1, a: 2 }), requestFingerprint({ a: 2, b: 1 }));
  assert.notEqual(requestFingerprint([1, 2]), requestFingerprint([2, 1]));
  let deep: unknown = 'leaf';
  for (let level = 0; level < 200_000; level++) deep = level % 2 === 0 ? [deep] : { L: deep };
  assert.ok(requestFingerprint(deep).length > 200_000);
});
