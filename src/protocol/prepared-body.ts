/**
 * Answers built from JSON that is already serialised: stored items (partition/stored-item.ts) are spliced
 * into the body as their bytes instead of being parsed and serialised again.
 *
 * A handler puts `RawJson` leaves where a value would go and returns `preparedBody(answer)`; the front
 * door sends a `PreparedBody`'s bytes as they are. The bytes are exactly what `JSON.stringify` gives for
 * the same answer with each leaf's value in its place (prepared-body.test.ts checks it).
 */

/** A value's JSON, already serialised: UTF-8 bytes (read, never changed), or text. */
export class RawJson {
  constructor(readonly json: Uint8Array | string) {}

  /** A value serialised now: for a large leaf a walk of its own would only slow down. */
  static of(value: unknown): RawJson {
    return new RawJson(JSON.stringify(value));
  }
}

/** An answer's body, serialised: sent as it is. */
export class PreparedBody {
  constructor(readonly bytes: Uint8Array) {}
}

/**
 * The JSON of `value`, with each `RawJson` leaf spliced in. Walks plain objects and arrays as
 * `JSON.stringify` does (own enumerable keys in order; undefined, functions and symbols left out of
 * objects and written as null in arrays); everything else is serialised by `JSON.stringify` itself.
 */
export function preparedBody(value: unknown): PreparedBody {
  const writer = new BodyWriter();
  writeValue(writer, value);
  return new PreparedBody(writer.finish());
}

function writeValue(writer: BodyWriter, value: unknown): void {
  if (value instanceof RawJson) writer.raw(value.json);
  else if (Array.isArray(value)) writeArray(writer, value);
  else if (isPlainObject(value)) writeObject(writer, value);
  else writer.text(JSON.stringify(value) ?? 'null');
}

function writeArray(writer: BodyWriter, values: readonly unknown[]): void {
  writer.text('[');
  for (let index = 0; index < values.length; index++) {
    if (index > 0) writer.text(',');
    const value = values[index];
    if (isOmitted(value)) writer.text('null');
    else writeValue(writer, value);
  }
  writer.text(']');
}

function writeObject(writer: BodyWriter, object: Record<string, unknown>): void {
  let first = true;
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (isOmitted(value)) continue;
    writer.text(`${first ? '{' : ','}${JSON.stringify(key)}:`);
    first = false;
    writeValue(writer, value);
  }
  writer.text(first ? '{}' : '}');
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** An object JSON.stringify would walk member by member (no toJSON of its own, not a boxed primitive). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Collects text and raw bytes, then writes them into one buffer. */
class BodyWriter {
  private readonly parts: Array<string | Uint8Array> = [];
  private pending = '';

  text(text: string): void {
    this.pending += text;
  }

  raw(json: Uint8Array | string): void {
    if (typeof json === 'string') {
      this.pending += json;
      return;
    }
    if (this.pending !== '') this.parts.push(this.pending);
    this.pending = '';
    this.parts.push(json);
  }

  finish(): Uint8Array {
    if (this.pending !== '') this.parts.push(this.pending);
    let length = 0;
    for (const part of this.parts) length += typeof part !== 'string' ? part.length : isAsciiCharacter(part) ? 1 : Buffer.byteLength(part, 'utf8');
    const out = Buffer.allocUnsafe(length);
    let offset = 0;
    for (const part of this.parts) {
      if (typeof part !== 'string') {
        out.set(part, offset);
        offset += part.length;
      } else if (isAsciiCharacter(part)) {
        // Mostly the commas between spliced items: one byte, without a call into the encoder.
        out[offset++] = part.charCodeAt(0);
      } else {
        offset += out.write(part, offset, 'utf8');
      }
    }
    return out;
  }
}

function isAsciiCharacter(text: string): boolean {
  return text.length === 1 && text.charCodeAt(0) < ASCII_END;
}

/** Characters below this are one byte in UTF-8. */
const ASCII_END = 0x80;
