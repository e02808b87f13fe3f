import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { KeyValue, ScalarAttributeType } from './attribute-value.js';
import { base64Encode } from './base64.js';
import { compareBytes, decodeKey, decodeKeyValue, encodeKey, encodeKeyValue } from './key-encoding.js';
import { canonicalNumber } from './number.js';
import {
  bytesArbitrary,
  compareUnsignedBytes,
  referenceCompare,
  trickyBytesArbitrary,
  trickyStringArbitrary,
  unicodeStringArbitrary,
  utf8,
  validNumberArbitrary,
  type NumberSample,
} from './arbitraries.test-support.js';

const runs = { numRuns: 2000 };
const nines38 = '9'.repeat(38);

/** A key value together with what an independent reference needs to order it. */
type Sample =
  | { readonly type: 'S'; readonly value: KeyValue; readonly bytes: Uint8Array }
  | { readonly type: 'N'; readonly value: KeyValue; readonly number: NumberSample }
  | { readonly type: 'B'; readonly value: KeyValue; readonly bytes: Uint8Array };

/** DynamoDB's order, computed without the encoder: UTF-8 bytes, exact decimals, unsigned bytes. */
function referenceOrder(left: Sample, right: Sample): number {
  if (left.type === 'N' && right.type === 'N') return referenceCompare(left.number, right.number);
  if (left.type !== 'N' && right.type !== 'N') return compareUnsignedBytes(left.bytes, right.bytes);
  throw new Error('samples of different types');
}

function stringSample(text: string): Sample {
  return { type: 'S', value: { S: text }, bytes: utf8.encode(text) };
}

function numberSample(number: NumberSample): Sample {
  return { type: 'N', value: { N: canonicalNumber(number.text) }, number };
}

function binarySample(bytes: Uint8Array): Sample {
  return { type: 'B', value: { B: base64Encode(bytes) }, bytes };
}

const stringSamples = fc.oneof(unicodeStringArbitrary, trickyStringArbitrary).map(stringSample);
const numberSamples = validNumberArbitrary.map(numberSample);
const binarySamples = fc.oneof(bytesArbitrary, trickyBytesArbitrary).map(binarySample);
const samplesByType: [ScalarAttributeType, fc.Arbitrary<Sample>][] = [
  ['S', stringSamples],
  ['N', numberSamples],
  ['B', binarySamples],
];

function roundTrip(value: KeyValue, type: ScalarAttributeType): KeyValue {
  const encoded = encodeKeyValue(value);
  const decoded = decodeKeyValue(encoded, 0, type);
  assert.equal(decoded.end, encoded.length);
  return decoded.value;
}

describe('examples', () => {
  test('strings, including NUL, empty and lone surrogates', () => {
    for (const text of ['', 'a', '\u0000', 'a\u0000b', '\u0000\u0001\u00ff', 'é€😀', '\ud800', 'x\udc00y', '\udc00\ud800']) {
      assert.deepEqual(roundTrip({ S: text }, 'S'), { S: text });
    }
    assert.notDeepEqual(encodeKeyValue({ S: '\ud800' }), encodeKeyValue({ S: '\ud801' }));
    assert.notDeepEqual(encodeKeyValue({ S: '\ud800' }), encodeKeyValue({ S: '\ufffd' }));
  });

  test('numbers at the edges of the range', () => {
    for (const text of ['0', '1', '-1', '10', '0.5', '-0.05', nines38 + '0'.repeat(88), '-' + nines38 + '0'.repeat(88), '0.' + '0'.repeat(129) + '1', '-0.' + '0'.repeat(129) + '1', '1.' + '2'.repeat(37)]) {
      assert.deepEqual(roundTrip({ N: text }, 'N'), { N: text });
    }
  });

  test('binaries', () => {
    for (const base64 of ['', 'AA==', 'AAA=', 'AAAA', '/w==', 'AP8A']) assert.deepEqual(roundTrip({ B: base64 }, 'B'), { B: base64 });
  });

  test('shapes of the encodings', () => {
    assert.deepEqual([...encodeKeyValue({ S: 'a' })], [0x61, 0x00, 0x01]);
    assert.deepEqual([...encodeKeyValue({ S: 'a\u0000' })], [0x61, 0x00, 0xff, 0x00, 0x01]);
    assert.deepEqual([...encodeKeyValue({ N: '0' })], [0x01]);
    assert.deepEqual([...encodeKeyValue({ N: '1.5' })], [0x02, 130, 16, 0x00]);
    assert.deepEqual([...encodeKeyValue({ N: '-1.5' })], [0x00, 125, 85, 0xff]);
  });

  test('a ladder of numbers sorts numerically', () => {
    const ascending = ['-' + nines38 + '0'.repeat(88), '-100', '-10', '-1.5', '-1.05', '-1', '-0.5', '-0.' + '0'.repeat(129) + '1', '0', '0.' + '0'.repeat(129) + '1', '0.0125', '0.5', '1', '1.05', '1.5', '10', '100', nines38];
    const encoded = ascending.map((text) => encodeKeyValue({ N: text }));
    for (let index = 0; index + 1 < encoded.length; index++) {
      assert.equal(compareBytes(encoded[index]!, encoded[index + 1]!), -1, `${ascending[index]} < ${ascending[index + 1]}`);
    }
  });
});

describe('properties', () => {
  for (const [type, samples] of samplesByType) {
    test(`${type}: byte order of encodings is DynamoDB's order`, () => {
      fc.assert(
        fc.property(samples, samples, (left, right) => {
          assert.equal(compareBytes(encodeKeyValue(left.value), encodeKeyValue(right.value)), Math.sign(referenceOrder(left, right)));
        }),
        runs,
      );
    });

    test(`${type}: decode inverts encode`, () => {
      fc.assert(
        fc.property(samples, (sample) => assert.deepEqual(roundTrip(sample.value, type), sample.value)),
        runs,
      );
    });
  }

  test('encodings are prefix-free, so a key can be followed by more bytes', () => {
    fc.assert(
      fc.property(fc.oneof(...samplesByType.map(([, samples]) => samples)), fc.uint8Array({ maxLength: 4 }), (sample, suffix) => {
        const encoded = encodeKeyValue(sample.value);
        const withSuffix = new Uint8Array([...encoded, ...suffix]);
        const decoded = decodeKeyValue(withSuffix, 0, sample.type);
        assert.equal(decoded.end, encoded.length);
        assert.deepEqual(decoded.value, sample.value);
      }),
      runs,
    );
  });

  test('composite keys order by partition key, then sort key, and decode back', () => {
    const compositeSamples = fc.constantFrom(...samplesByType).chain(([partitionType, partitionSamples]) =>
      fc.constantFrom(...samplesByType).chain(([sortType, sortSamples]) =>
        fc.tuple(
          fc.constant({ partitionType, sortType }),
          fc.tuple(partitionSamples, sortSamples),
          fc.tuple(partitionSamples, sortSamples),
        ),
      ),
    );
    fc.assert(
      fc.property(compositeSamples, ([types, [leftPartition, leftSort], [rightPartition, rightSort]]) => {
        const left = encodeKey(leftPartition.value, leftSort.value);
        const right = encodeKey(rightPartition.value, rightSort.value);
        const expected = Math.sign(referenceOrder(leftPartition, rightPartition)) || Math.sign(referenceOrder(leftSort, rightSort));
        assert.equal(compareBytes(left, right), expected);
        assert.deepEqual(decodeKey(left, types.partitionType, types.sortType), { partition: leftPartition.value, sort: leftSort.value });
      }),
      runs,
    );
  });

  test('a partition-only key decodes back', () => {
    fc.assert(
      fc.property(stringSamples, (sample) => assert.deepEqual(decodeKey(encodeKey(sample.value), 'S'), { partition: sample.value })),
      { numRuns: 200 },
    );
  });
});
