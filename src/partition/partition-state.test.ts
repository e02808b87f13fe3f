import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodeJson } from './json-bytes.js';
import { decodePartitionState, emptyPartitionState, encodePartitionState, PARTITION_STATE_TAG, type PartitionState } from './partition-state.js';

const statistics = fc.record({ itemCount: fc.nat(), sizeBytes: fc.nat({ max: Number.MAX_SAFE_INTEGER }) }, { noNullPrototype: true });
const state: fc.Arbitrary<PartitionState> = fc.record({
  lastSequence: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
  items: statistics,
  localIndexes: fc.array(fc.option(statistics, { nil: null }), { maxLength: 6 }),
}, { noNullPrototype: true });

describe('partition state', () => {
  it('reads back what it wrote, index slots without an LSI included', () => {
    fc.assert(
      fc.property(state, (written) => {
        const bytes = encodePartitionState(written);
        assert.equal(bytes[0], PARTITION_STATE_TAG);
        assert.deepEqual(decodePartitionState(bytes), written);
      }),
      { seed: 20261127 },
    );
  });

  it('reads a state stored as JSON before the binary form, holes as null', () => {
    const old = { lastSequence: 42, items: { itemCount: 3, sizeBytes: 900 }, localIndexes: [null, { itemCount: 2, sizeBytes: 40 }] };
    assert.deepEqual(decodePartitionState(encodeJson(old)), old);
    const sparse: PartitionState = emptyPartitionState();
    sparse.localIndexes[2] = { itemCount: 1, sizeBytes: 5 };
    assert.deepEqual(decodePartitionState(encodeJson(sparse)).localIndexes, [null, null, { itemCount: 1, sizeBytes: 5 }]);
    assert.deepEqual(decodePartitionState(encodePartitionState(sparse)).localIndexes, [null, null, { itemCount: 1, sizeBytes: 5 }]);
  });

  it('refuses bytes that are neither form', () => {
    assert.throws(() => decodePartitionState(new Uint8Array([0x02, 0, 0])));
    assert.throws(() => decodePartitionState(encodePartitionState(emptyPartitionState()).subarray(0, 10)));
  });
});
