/**
 * A copy-on-write view of an item for applying updates: containers (the item, maps, lists) are copied the
 * first time an update reaches into them, so the stored item is never changed and untouched parts are
 * shared with it.
 */
import type { AttributeValue, Item } from '../model/attribute-value.js';
import type { ResolvedPath, ResolvedStep } from './document-path.js';
import { validationError, type DynamoDbError } from '../lib/errors.js';
import { assert } from '../lib/assert.js';

export type Container =
  | { readonly kind: 'map'; readonly entries: Record<string, AttributeValue> }
  | { readonly kind: 'list'; readonly elements: AttributeValue[] };

export function invalidPathError(): DynamoDbError {
  return validationError('The document path provided in the update expression is invalid for update');
}

export class UpdateDocument {
  private readonly root: Container;
  /** Copies made so far, by the copy's own value, so a second update through the same container reuses it. */
  private readonly copies = new Map<AttributeValue, Container>();

  constructor(item: Item) {
    this.root = { kind: 'map', entries: { ...item } };
  }

  get item(): Item {
    assert(this.root.kind === 'map', 'the item is a map');
    return this.root.entries;
  }

  /**
   * The container holding the last step of `path`, copied and ready to change, or undefined when a step
   * before the last is missing or is not the container the next step needs (a key on a list, an index on a
   * map or scalar).
   */
  parentOf(path: ResolvedPath): Container | undefined {
    const containers = this.containersAlong(path);
    return containers === undefined ? undefined : containers[containers.length - 1];
  }

  /**
   * The containers holding each step of `path` (the item for the first step), copied and ready to change,
   * or undefined as for parentOf.
   */
  containersAlong(path: ResolvedPath): Container[] | undefined {
    const containers = [this.root];
    for (let index = 0; index + 1 < path.length; index++) {
      const step = path[index]!;
      const child = get(containers[index]!, step);
      if (child === undefined) return undefined;
      const needsList = typeof path[index + 1] === 'number';
      if (needsList ? !('L' in child) : !('M' in child)) return undefined;
      containers.push(this.writable(containers[index]!, step, child));
    }
    return containers;
  }

  private writable(parent: Container, step: ResolvedStep, child: AttributeValue): Container {
    const existing = this.copies.get(child);
    if (existing !== undefined) return existing;
    let copy: AttributeValue;
    let container: Container;
    if ('L' in child) {
      const elements = [...child.L];
      copy = { L: elements };
      container = { kind: 'list', elements };
    } else {
      assert('M' in child, 'only maps and lists hold other values');
      const entries = { ...child.M };
      copy = { M: entries };
      container = { kind: 'map', entries };
    }
    put(parent, step, copy);
    this.copies.set(copy, container);
    return container;
  }
}

export function get(container: Container, step: ResolvedStep): AttributeValue | undefined {
  if (container.kind === 'list') return typeof step === 'number' ? container.elements[step] : undefined;
  return typeof step === 'string' && Object.hasOwn(container.entries, step) ? container.entries[step] : undefined;
}

/** Replaces or adds the value at `step`; a list index must already exist (appends are separate). */
export function put(container: Container, step: ResolvedStep, value: AttributeValue): void {
  if (container.kind === 'list') {
    assert(typeof step === 'number' && step < container.elements.length, 'list replacement within bounds');
    container.elements[step] = value;
    return;
  }
  assert(typeof step === 'string', 'a map step is a name');
  // defineProperty keeps "__proto__" an ordinary own attribute name; any other name is an ordinary assignment.
  if (step === '__proto__') Object.defineProperty(container.entries, step, { value, enumerable: true, writable: true, configurable: true });
  else container.entries[step] = value;
}
