/**
 * How an item, or a secondary index's copy of one, is stored: a tag byte, the item's size as DynamoDB
 * counts it (u32, big-endian), then the item's UTF-8 JSON, the wire form.
 *
 *   [STORED_ITEM_TAG][size u32][JSON …]
 *
 * With the size beside the JSON, a read needs neither `JSON.parse` for the page budget and capacity nor
 * `JSON.stringify` for the answer: the JSON bytes are spliced into it as they are (they are exactly
 * `JSON.stringify` of the item, which a parse and stringify would give back unchanged).
 *
 * Values written before this format are the JSON alone. JSON written by `JSON.stringify` starts with `{`
 * for an item, and the tag byte is a control character no JSON text can start with, so the first byte
 * tells the two apart; an old value is parsed once to learn its size.
 */
import type { Item } from '../model/attribute-value.js';
import { itemSizeBytes } from '../model/item-size.js';
import { assert } from '../lib/assert.js';

/** First byte of a value in this format. */
export const STORED_ITEM_TAG = 0x01;
/** First byte of a value written as JSON alone (the format before the size header). */
const JSON_OBJECT_START = 0x7b;
/** Tag byte and size. */
export const STORED_ITEM_HEADER_BYTES = 5;

const decoder = new TextDecoder();

/** One stored item as read: its JSON bytes and size, and the item itself, parsed only when asked for. */
export class StoredItem {
  #item: Item | undefined;

  constructor(
    /** The item's UTF-8 JSON (a view of the stored value: read it, never change it). */
    readonly json: Uint8Array,
    /** Its size in DynamoDB's bytes (model/item-size.ts). */
    readonly sizeBytes: number,
    item?: Item,
  ) {
    this.#item = item;
  }

  get item(): Item {
    this.#item ??= JSON.parse(decoder.decode(this.json)) as Item;
    return this.#item;
  }
}

/** The stored value of `item`; pass `sizeBytes` when it is known already, so it is not counted again. */
export function encodeStoredItem(item: Item, sizeBytes: number = itemSizeBytes(item)): Uint8Array {
  const json = JSON.stringify(item);
  // The JSON is written once, straight into the value: no intermediate array, no zero-filling. Buffer's
  // pool serves small values; both engines copy a value when they store it, so none keeps a pool slab.
  const jsonBytes = Buffer.byteLength(json, 'utf8');
  const value = Buffer.allocUnsafe(STORED_ITEM_HEADER_BYTES + jsonBytes);
  value[0] = STORED_ITEM_TAG;
  value[1] = sizeBytes >>> 24;
  value[2] = (sizeBytes >>> 16) & 0xff;
  value[3] = (sizeBytes >>> 8) & 0xff;
  value[4] = sizeBytes & 0xff;
  value.write(json, STORED_ITEM_HEADER_BYTES, jsonBytes, 'utf8');
  return value;
}

/** A stored value, in either format; the JSON is a view of `value`, not a copy. */
export function decodeStoredItem(value: Uint8Array): StoredItem {
  const first = value[0];
  if (first === STORED_ITEM_TAG) {
    assert(value.length > STORED_ITEM_HEADER_BYTES, 'a stored item value holds its header and JSON');
    const sizeBytes = (((value[1] as number) << 24) >>> 0) + ((value[2] as number) << 16) + ((value[3] as number) << 8) + (value[4] as number);
    return new StoredItem(value.subarray(STORED_ITEM_HEADER_BYTES), sizeBytes);
  }
  assert(first === JSON_OBJECT_START, `a stored item value starts with its tag or with JSON, not byte ${String(first)}`);
  const item = JSON.parse(decoder.decode(value)) as Item;
  return new StoredItem(value, itemSizeBytes(item), item);
}

/** The item a stored value holds. */
export function decodeItem(value: Uint8Array): Item {
  return decodeStoredItem(value).item;
}
