/**
 * Standard base64 (RFC 4648 alphabet, padded), kept pure so the model layer needs no node:buffer.
 *
 * Binary values stay base64 text everywhere in the server; bytes are only needed for sizes, key encodings
 * and comparisons. Validation follows DynamoDB's wire deserializer, which insists on canonical text: length
 * a multiple of four and no stray bits in the last character. That strictness is what lets two binaries be
 * compared by their text.
 */

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const padding = '=';
const paddingCode = padding.charCodeAt(0);
const invalidSextet = -1;

/** Character code → sextet value, or invalidSextet. */
const sextetByCode: Int8Array = (() => {
  const table = new Int8Array(128).fill(invalidSextet);
  for (let index = 0; index < alphabet.length; index++) table[alphabet.charCodeAt(index)] = index;
  return table;
})();

function sextetOf(code: number): number {
  return code < 128 ? (sextetByCode[code] ?? invalidSextet) : invalidSextet;
}

/** Number of trailing '=' (at most two, as a valid encoding has). */
function paddingLength(text: string): number {
  const length = text.length;
  if (length === 0 || text.charCodeAt(length - 1) !== paddingCode) return 0;
  return length > 1 && text.charCodeAt(length - 2) === paddingCode ? 2 : 1;
}

/**
 * Why `text` is not canonical base64, in DynamoDB's words, or undefined when it is. DynamoDB checks the
 * length first, then the last character before the padding (its unused low bits must be zero), then the
 * alphabet; "dectected" is DynamoDB's spelling.
 */
export function base64Problem(text: string): string | undefined {
  if (text.length % 4 !== 0) {
    return `Base64 encoded length is expected a multiple of 4 bytes but found: ${text.length}`;
  }
  const pad = paddingLength(text);
  const end = text.length - pad;
  if (pad > 0) {
    const last = sextetOf(text.charCodeAt(end - 1));
    const unusedBitsMask = pad === 1 ? 0b11 : 0b1111;
    if (last !== invalidSextet && (last & unusedBitsMask) !== 0) {
      return 'Invalid last non-pad Base64 character dectected';
    }
  }
  for (let index = 0; index < end; index++) {
    if (sextetOf(text.charCodeAt(index)) === invalidSextet) {
      return `Invalid Base64 character: '${text[index] ?? ''}'`;
    }
  }
  return undefined;
}

/** Byte length of a canonical base64 text, without decoding it. */
export function base64DecodedLength(text: string): number {
  return (text.length / 4) * 3 - paddingLength(text);
}

/** Decodes canonical base64 (check it with base64Problem first). */
export function base64Decode(text: string): Uint8Array {
  const bytes = new Uint8Array(base64DecodedLength(text));
  const end = text.length - paddingLength(text);
  let bits = 0;
  let bitCount = 0;
  let position = 0;
  for (let index = 0; index < end; index++) {
    bits = (bits << 6) | sextetOf(text.charCodeAt(index));
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      bytes[position++] = (bits >> bitCount) & 0xff;
    }
    bits &= 0xff;
  }
  return bytes;
}

export function base64Encode(bytes: Uint8Array): string {
  let text = '';
  const length = bytes.length;
  let index = 0;
  for (; index + 2 < length; index += 3) {
    const group = ((bytes[index] ?? 0) << 16) | ((bytes[index + 1] ?? 0) << 8) | (bytes[index + 2] ?? 0);
    text += alphabet[group >> 18]! + alphabet[(group >> 12) & 0x3f]! + alphabet[(group >> 6) & 0x3f]! + alphabet[group & 0x3f]!;
  }
  const remaining = length - index;
  if (remaining === 1) {
    const group = (bytes[index] ?? 0) << 16;
    text += alphabet[group >> 18]! + alphabet[(group >> 12) & 0x3f]! + padding + padding;
  } else if (remaining === 2) {
    const group = ((bytes[index] ?? 0) << 16) | ((bytes[index + 1] ?? 0) << 8);
    text += alphabet[group >> 18]! + alphabet[(group >> 12) & 0x3f]! + alphabet[(group >> 6) & 0x3f]! + padding;
  }
  return text;
}
