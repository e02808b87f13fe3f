import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { base64Decode, base64DecodedLength, base64Encode, base64Problem } from './base64.js';

describe('base64', () => {
  test('round-trips bytes and agrees with the platform encoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const text = base64Encode(bytes);
        assert.equal(text, btoa(String.fromCharCode(...bytes)));
        assert.equal(base64Problem(text), undefined);
        assert.equal(base64DecodedLength(text), bytes.length);
        assert.deepEqual(base64Decode(text), bytes);
      }),
      { numRuns: 1000 },
    );
  });

  test('problems in DynamoDB order: length, then last character, then alphabet', () => {
    assert.equal(base64Problem('23456'), 'Base64 encoded length is expected a multiple of 4 bytes but found: 5');
    assert.equal(base64Problem('a!'), 'Base64 encoded length is expected a multiple of 4 bytes but found: 2');
    assert.equal(base64Problem('=+/='), 'Invalid last non-pad Base64 character dectected');
    assert.equal(base64Problem('+/+='), 'Invalid last non-pad Base64 character dectected');
    assert.equal(base64Problem('YR=='), 'Invalid last non-pad Base64 character dectected');
    assert.equal(base64Problem('ab!d'), "Invalid Base64 character: '!'");
    assert.equal(base64Problem('a bc'), "Invalid Base64 character: ' '");
    assert.equal(base64Problem('YQ=a'), "Invalid Base64 character: '='");
    assert.equal(base64Problem('A==='), "Invalid Base64 character: '='");
    assert.equal(base64Problem('Y-_='), "Invalid Base64 character: '-'");
    assert.equal(base64Problem(''), undefined);
    assert.equal(base64Problem('YQ=='), undefined);
  });

  test('only canonical text is accepted, so equal bytes always have equal text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'AQgw+/=Yb'), maxLength: 12 }), (text) => {
        if (base64Problem(text) === undefined) assert.equal(base64Encode(base64Decode(text)), text);
      }),
      { numRuns: 2000 },
    );
  });
});
