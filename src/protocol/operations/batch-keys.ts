import type { AttributeValue, Item } from '../../model/attribute-value.js';
import { DynamoDbError, validationError } from '../../lib/errors.js';

/**
 * Helpers both batch operations share: telling two keys of one table apart, and the messages DynamoDB
 * gives batches where it words a problem differently from the single-item operations.
 */

export function duplicateKeysError(): DynamoDbError {
  return validationError('Provided list of item keys contains duplicates');
}

/**
 * A text equal for equal keys. Values are already validated, so numbers are in canonical form and
 * `1` and `1.0` name the same item; attribute names are sorted because a client may list them in any
 * order.
 */
export function keyText(key: Item): string {
  const names = Object.keys(key).sort();
  // Keys are made of scalars; each part is length-prefixed, so the text reads back one way only.
  let text = '';
  for (const name of names) {
    const value = key[name] as AttributeValue;
    const scalar = 'S' in value ? `S${value.S.length}:${value.S}` : 'N' in value ? `N${value.N}` : 'B' in value ? `B${value.B}` : undefined;
    if (scalar === undefined) return JSON.stringify(names.map((part) => [part, canonicalValue(key[part] as AttributeValue)]));
    text += `${name.length}:${name}${scalar};`;
  }
  return text;
}

/** Set members are unordered, so two keys that differ only in member order are the same key. */
function canonicalValue(value: AttributeValue): unknown {
  if ('SS' in value) return { SS: [...value.SS].sort() };
  if ('NS' in value) return { NS: [...value.NS].sort() };
  if ('BS' in value) return { BS: [...value.BS].sort() };
  return value;
}

/** Keeps each key of one table once, refusing the request at the first repeat. */
export class DistinctKeys {
  private readonly seen = new Set<string>();

  add(key: Item): void {
    const text = keyText(key);
    if (this.seen.has(text)) throw duplicateKeysError();
    this.seen.add(text);
  }
}

const keyMismatchMessage = 'The provided key element does not match the schema';
const itemKeyProblemPattern = /^One or more parameter values were invalid: (Missing the key |Type mismatch for key )/;

/**
 * A PutRequest whose item lacks a table key attribute, or has one of the wrong type, is refused with the
 * message a key gets ("does not match the schema"), not PutItem's. Index key problems keep their words.
 */
export function asBatchKeyError(error: unknown): unknown {
  if (error instanceof DynamoDbError && error.type === 'ValidationException' && itemKeyProblemPattern.test(error.message)) {
    return validationError(keyMismatchMessage);
  }
  return error;
}
