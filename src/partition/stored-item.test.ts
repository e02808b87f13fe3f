import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AttributeValue, Item } from '../model/attribute-value.js';
import { base64Encode } from '../model/base64.js';
import { itemSizeBytes } from '../model/item-size.js';
import { trickyStringArbitrary } from '../model/arbitraries.test-support.js';
import { encodeJson } from './json-bytes.js';
import { decodeItem, decodeStoredItem, encodeStoredItem, STORED_ITEM_HEADER_BYTES, STORED_ITEM_TAG } from './stored-item.js';

const leaf: fc.Arbitrary<AttributeValue> = fc.oneof(
  trickyStringArbitrary.map((S) => ({ S })),
  fc.constantFrom('0', '-3', '42', '3.14159', '-0.000001', '1E+125').map((N) => ({ N })),
  fc.uint8Array({ maxLength: 20 }).map((bytes) => ({ B: base64Encode(bytes) })),
  fc.boolean().map((BOOL) => ({ BOOL })),
  fc.constant({ NULL: true as const }),
);
const value: fc.Arbitrary<AttributeValue> = fc.oneof(
  { weight: 4, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 3 }).map((L) => ({ L })) },
  { weight: 1, arbitrary: fc.dictionary(trickyStringArbitrary, leaf, { maxKeys: 3, noNullPrototype: true }).map((M) => ({ M })) },
);
/** Names include integer-like ones, which objects order first: the stored JSON must keep that order. */
const itemArbitrary: fc.Arbitrary<Item> = fc.dictionary(fc.oneof(trickyStringArbitrary, fc.constantFrom('1', '10', '2')), value, {
  minKeys: 1,
  maxKeys: 6,
  noNullPrototype: true,
});

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** The bytes of a view as a plain array, so views of any Uint8Array kind compare by content. */
const plain = (bytes: Uint8Array): Uint8Array => Uint8Array.from(bytes);

describe('stored items', () => {
  test('hold the JSON of the item and its size; the item is parsed back equal', () => {
    fc.assert(
      fc.property(itemArbitrary, (item) => {
        const stored = decodeStoredItem(encodeStoredItem(item));
        assert.deepEqual(plain(stored.json), utf8(JSON.stringify(item)));
        assert.equal(stored.sizeBytes, itemSizeBytes(item));
        assert.deepEqual(stored.item, item);
        assert.equal(JSON.stringify(stored.item), JSON.stringify(item), 'member order kept');
      }),
    );
  });

  test('values written before the size header (JSON alone) read the same', () => {
    fc.assert(
      fc.property(itemArbitrary, (item) => {
        const legacy = decodeStoredItem(encodeJson(item));
        const current = decodeStoredItem(encodeStoredItem(item));
        assert.deepEqual(plain(legacy.json), plain(current.json));
        assert.equal(legacy.sizeBytes, current.sizeBytes);
        assert.deepEqual(legacy.item, item);
      }),
    );
  });

  test('the header carries the size given, up to 32 bits', () => {
    const item: Item = { pk: { S: 'a' } };
    for (const sizeBytes of [0, 1, 255, 256, 400 * 1024, 0xffffff + 5, 0xffffffff]) {
      assert.equal(decodeStoredItem(encodeStoredItem(item, sizeBytes)).sizeBytes, sizeBytes);
    }
    const value = encodeStoredItem(item);
    assert.equal(value[0], STORED_ITEM_TAG);
    assert.equal(value.length, STORED_ITEM_HEADER_BYTES + utf8(JSON.stringify(item)).length);
  });

  test('the JSON read is a view of the stored value, not a copy', () => {
    const value = encodeStoredItem({ pk: { S: 'a' } });
    const stored = decodeStoredItem(value);
    assert.equal(stored.json.buffer, value.buffer);
    assert.equal(stored.json.byteOffset, value.byteOffset + STORED_ITEM_HEADER_BYTES);
  });

  test('a value in neither format is a programmer error, not an item', () => {
    assert.throws(() => decodeStoredItem(utf8('[1]')), /starts with its tag or with JSON/);
    assert.throws(() => decodeStoredItem(Uint8Array.of(STORED_ITEM_TAG, 0, 0, 0, 1)), /header and JSON/);
    assert.deepEqual(decodeItem(encodeStoredItem({ n: { N: '1' } })), { n: { N: '1' } });
  });
});
