/**
 * What a request binds to an expression's placeholders: ExpressionAttributeNames and
 * ExpressionAttributeValues. Trees are cached by expression text, so the same tree meets different bindings
 * on every request; evaluation looks placeholders up here.
 */
import type { AttributeValue } from '../model/attribute-value.js';
import { assert } from '../lib/assert.js';

export interface Bindings {
  readonly names: Readonly<Record<string, string>>;
  readonly values: Readonly<Record<string, AttributeValue>>;
}

export const emptyBindings: Bindings = { names: {}, values: {} };

/**
 * The attribute name bound to `#placeholder`. Validation has already refused undefined placeholders with
 * DynamoDB's message, so a missing one here is a programmer error.
 */
export function boundName(bindings: Bindings, placeholder: string): string {
  const name = Object.hasOwn(bindings.names, placeholder) ? bindings.names[placeholder] : undefined;
  assert(name !== undefined, `expression attribute name not bound: ${placeholder}`);
  return name;
}

/** The value bound to `:placeholder`; like boundName, a missing one is a programmer error. */
export function boundValue(bindings: Bindings, placeholder: string): AttributeValue {
  const value = Object.hasOwn(bindings.values, placeholder) ? bindings.values[placeholder] : undefined;
  assert(value !== undefined, `expression attribute value not bound: ${placeholder}`);
  return value;
}
