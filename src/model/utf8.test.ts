import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { utf8ByteLength, utf8Decode, utf8Encode } from './utf8.js';
import { codePointArbitrary } from './arbitraries.test-support.js';

const platform = new TextEncoder();

describe('utf8', () => {
  test('valid strings encode exactly as the platform encoder does', () => {
    fc.assert(
      fc.property(fc.string({ unit: codePointArbitrary, maxLength: 20 }), (text) => {
        const bytes = utf8Encode(text);
        assert.deepEqual(bytes, platform.encode(text));
        assert.equal(utf8ByteLength(text), bytes.length);
        assert.equal(utf8Decode(bytes), text);
      }),
      { numRuns: 1000 },
    );
  });

  test('lone surrogates get three distinct bytes each and decode back', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\ud800', '\udbff', '\udc00', '\udfff', '\u{10000}'), maxLength: 8 }), (text) => {
        const bytes = utf8Encode(text);
        assert.equal(utf8ByteLength(text), bytes.length);
        assert.equal(utf8Decode(bytes), text);
      }),
      { numRuns: 1000 },
    );
    assert.deepEqual([...utf8Encode('\ud800')], [0xed, 0xa0, 0x80]);
  });

  test('byte lengths of long strings, all ASCII or not, match their encodings', () => {
    const longUnits = fc.constantFrom('a', '~', '\u007f', '\u0080', 'é', '\u0800', '\ud800', '\udc00', '\u{10000}');
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof({ weight: 20, arbitrary: fc.constant('x') }, { weight: 1, arbitrary: longUnits }), minLength: 10, maxLength: 80 }), (text) => {
        assert.equal(utf8ByteLength(text), utf8Encode(text).length);
      }),
      { numRuns: 1000 },
    );
    assert.equal(utf8ByteLength('x'.repeat(200)), 200);
    assert.equal(utf8ByteLength('x'.repeat(199) + 'é'), 201);
    assert.equal(utf8ByteLength('\u007f'.repeat(40)), 40);
  });

  test('long strings decode', () => {
    const text = 'é😀'.repeat(5000);
    assert.equal(utf8Decode(utf8Encode(text)), text);
  });
});
