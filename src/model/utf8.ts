/**
 * UTF-8 for attribute names, string values and string keys, written out by hand so sizes can be counted
 * without allocating and so key encodings stay injective.
 *
 * A JavaScript string may hold a lone surrogate (JSON allows "\ud800"). The standard encoders replace it
 * with U+FFFD, which would make two different strings encode to the same key bytes. Here a lone surrogate
 * is written as its three-byte generalized UTF-8 form (as WTF-8 does): every string gets a distinct byte
 * sequence, valid strings get exactly their UTF-8, and byte order still follows code point order.
 */

const surrogateFirst = 0xd800;
const surrogateLast = 0xdfff;
const highSurrogateLast = 0xdbff;
const lowSurrogateFirst = 0xdc00;

function isHighSurrogate(unit: number): boolean {
  return unit >= surrogateFirst && unit <= highSurrogateLast;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= lowSurrogateFirst && unit <= surrogateLast;
}

/** An ASCII string is as many bytes as characters; the regular expression engine checks that faster than a loop. */
const asciiOnly = /^[\x00-\x7f]*$/;
/** Below this length the loop is cheaper than calling the regular expression. */
const asciiTestLengthMin = 16;

/** The number of bytes `utf8Encode(text)` produces, counted without encoding. */
export function utf8ByteLength(text: string): number {
  if (text.length >= asciiTestLengthMin && asciiOnly.test(text)) return text.length;
  let bytes = 0;
  const length = text.length;
  for (let index = 0; index < length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (isHighSurrogate(unit) && index + 1 < length && isLowSurrogate(text.charCodeAt(index + 1))) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/** Writes the UTF-8 bytes of `text` into `target` from `offset`; returns the offset after the last byte. */
export function utf8EncodeInto(text: string, target: Uint8Array, offset: number): number {
  let position = offset;
  const length = text.length;
  for (let index = 0; index < length; index++) {
    let codePoint = text.charCodeAt(index);
    if (isHighSurrogate(codePoint) && index + 1 < length) {
      const next = text.charCodeAt(index + 1);
      if (isLowSurrogate(next)) {
        codePoint = 0x10000 + ((codePoint - surrogateFirst) << 10) + (next - lowSurrogateFirst);
        index++;
      }
    }
    if (codePoint < 0x80) {
      target[position++] = codePoint;
    } else if (codePoint < 0x800) {
      target[position++] = 0xc0 | (codePoint >> 6);
      target[position++] = 0x80 | (codePoint & 0x3f);
    } else if (codePoint < 0x10000) {
      target[position++] = 0xe0 | (codePoint >> 12);
      target[position++] = 0x80 | ((codePoint >> 6) & 0x3f);
      target[position++] = 0x80 | (codePoint & 0x3f);
    } else {
      target[position++] = 0xf0 | (codePoint >> 18);
      target[position++] = 0x80 | ((codePoint >> 12) & 0x3f);
      target[position++] = 0x80 | ((codePoint >> 6) & 0x3f);
      target[position++] = 0x80 | (codePoint & 0x3f);
    }
  }
  return position;
}

export function utf8Encode(text: string): Uint8Array {
  const bytes = new Uint8Array(utf8ByteLength(text));
  utf8EncodeInto(text, bytes, 0);
  return bytes;
}

/**
 * Decodes bytes produced by `utf8EncodeInto` (including lone surrogates) back to the string. The input is
 * trusted: it comes from our own encoder, so malformed sequences are a programmer error, not a client one.
 */
export function utf8Decode(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const units: number[] = [];
  let text = '';
  let index = start;
  while (index < end) {
    const first = bytes[index] ?? 0;
    let codePoint: number;
    if (first < 0x80) {
      codePoint = first;
      index += 1;
    } else if (first < 0xe0) {
      codePoint = ((first & 0x1f) << 6) | ((bytes[index + 1] ?? 0) & 0x3f);
      index += 2;
    } else if (first < 0xf0) {
      codePoint = ((first & 0x0f) << 12) | (((bytes[index + 1] ?? 0) & 0x3f) << 6) | ((bytes[index + 2] ?? 0) & 0x3f);
      index += 3;
    } else {
      codePoint =
        ((first & 0x07) << 18) |
        (((bytes[index + 1] ?? 0) & 0x3f) << 12) |
        (((bytes[index + 2] ?? 0) & 0x3f) << 6) |
        ((bytes[index + 3] ?? 0) & 0x3f);
      index += 4;
    }
    if (codePoint >= 0x10000) {
      const offset = codePoint - 0x10000;
      units.push(surrogateFirst + (offset >> 10), lowSurrogateFirst + (offset & 0x3ff));
    } else {
      units.push(codePoint);
    }
    // Flush in chunks: String.fromCharCode takes its arguments on the stack.
    if (units.length >= unitChunkSize) {
      text += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return text + String.fromCharCode(...units);
}

const unitChunkSize = 4096;
