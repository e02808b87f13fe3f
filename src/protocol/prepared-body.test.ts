import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { preparedBody, RawJson } from './prepared-body.js';

const text = (value: unknown): string => Buffer.from(preparedBody(value).bytes).toString('utf8');

/** Replaces some values of a JSON value by RawJson leaves holding their JSON, as bytes or as text. */
function withRawLeaves(value: unknown, choose: () => number): unknown {
  const choice = choose();
  if (choice === 0) return new RawJson(new TextEncoder().encode(JSON.stringify(value)));
  if (choice === 1) return RawJson.of(value);
  if (Array.isArray(value)) return value.map((element) => withRawLeaves(element, choose));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, member]) => [name, withRawLeaves(member, choose)]));
  }
  return value;
}

describe('prepared bodies', () => {
  test('are JSON.stringify of the value, byte for byte', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => assert.equal(text(value), JSON.stringify(value))));
  });

  test('splice RawJson leaves where their values would be', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.infiniteStream(fc.nat(4)), (value, choices) => {
        const iterator = choices[Symbol.iterator]();
        const raw = withRawLeaves(value, () => iterator.next().value as number);
        assert.equal(text(raw), JSON.stringify(value));
      }),
    );
  });

  test('leave out what JSON.stringify leaves out, and write null for it in arrays', () => {
    const value = { a: undefined, b: () => 1, c: Symbol('c'), d: [undefined, () => 1, Symbol('d'), 1], e: new Date(0), f: { toJSON: () => 'x' }, '2': 2, '1': [] };
    assert.equal(text(value), JSON.stringify(value));
    assert.equal(text({}), '{}');
    assert.equal(text({ a: undefined }), '{}');
    assert.equal(text({ Items: [new RawJson(new TextEncoder().encode('{"S":"é\u2028"}'))], Count: 1 }), '{"Items":[{"S":"é\u2028"}],"Count":1}');
  });
});
