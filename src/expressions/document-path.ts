/**
 * Document paths with their name placeholders bound: a sequence of map keys (strings) and list indexes
 * (numbers), and the value such a path reaches in an item.
 */
import type { AttributeValue, Item } from '../model/attribute-value.js';
import type { DocumentPath, PathElement } from './ast.js';
import { type Bindings, boundName } from './bindings.js';
import { assert, unreachable } from '../lib/assert.js';

/** A map key or top-level attribute name (string), or a list index (number). */
export type ResolvedStep = string | number;

/** A bound document path; the first step is always a top-level attribute name. */
export type ResolvedPath = readonly ResolvedStep[];

export function resolveStep(element: PathElement, bindings: Bindings): ResolvedStep {
  switch (element.kind) {
    case 'name':
      return element.name;
    case 'nameReference':
      return boundName(bindings, element.placeholder);
    case 'index':
      return element.index;
    default:
      return unreachable(element, 'path element');
  }
}

export function resolvePath(path: DocumentPath, bindings: Bindings): ResolvedPath {
  const resolved = path.elements.map((element) => resolveStep(element, bindings));
  assert(typeof resolved[0] === 'string', 'a document path starts with an attribute name');
  return resolved;
}

/** The value one step below `value`, or undefined when the step is missing or `value` has the wrong type. */
export function childValue(value: AttributeValue, step: ResolvedStep): AttributeValue | undefined {
  if (typeof step === 'number') return 'L' in value ? value.L[step] : undefined;
  return 'M' in value && Object.hasOwn(value.M, step) ? value.M[step] : undefined;
}

/**
 * The value at `path` in `item`, or undefined when the item is absent, any step is missing, or a step
 * meets a value of the wrong type (a key on a list, an index on a map or scalar).
 */
export function valueAtPath(item: Item | undefined, path: ResolvedPath): AttributeValue | undefined {
  if (item === undefined) return undefined;
  const first = path[0];
  assert(typeof first === 'string', 'a document path starts with an attribute name');
  let value = Object.hasOwn(item, first) ? item[first] : undefined;
  for (let index = 1; index < path.length && value !== undefined; index++) value = childValue(value, path[index]!);
  return value;
}

/** DynamoDB's rendering of a path in messages (overlap and distinct-operand errors): `[a, b, [2]]`. */
export function pathForMessage(path: ResolvedPath): string {
  return `[${path.map((step) => (typeof step === 'number' ? `[${step}]` : step)).join(', ')}]`;
}

/** The path as expression text would write it, for logs and test names: `a.b[2]`. */
export function pathText(path: ResolvedPath): string {
  let text = '';
  for (const step of path) text += typeof step === 'number' ? `[${step}]` : text === '' ? step : `.${step}`;
  return text;
}
