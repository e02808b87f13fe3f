/**
 * ProjectionExpression: the parts of an item a read returns. A nested path keeps only what it selects: a
 * map keeps the selected keys, a list keeps the selected elements in index order, packed together (a[1]
 * and a[3] of a five-element list come back as a two-element list), and a path that reaches nothing is left
 * out. The same selection gives ReturnValues UPDATED_OLD and UPDATED_NEW from an update's paths.
 */
import type { AttributeValue, Item } from '../model/attribute-value.js';
import type { Projection } from './ast.js';
import type { Bindings } from './bindings.js';
import { type ResolvedPath, childValue, resolvePath } from './document-path.js';

/** The selections below one value: the whole value, or some of its keys or indexes. */
interface Selection {
  whole: boolean;
  readonly keys: Map<string, Selection>;
  readonly indexes: Map<number, Selection>;
}

function emptySelection(): Selection {
  return { whole: false, keys: new Map(), indexes: new Map() };
}

export function projectExpression(item: Item, projection: Projection, bindings: Bindings): Item {
  return projectPaths(
    item,
    projection.paths.map((path) => resolvePath(path, bindings)),
  );
}

/** The parts of `item` at `paths`; top-level attributes keep the item's attribute order. */
export function projectPaths(item: Item, paths: readonly ResolvedPath[]): Item {
  const root = emptySelection();
  for (const path of paths) addPath(root, path);
  return selectMap(item, root) ?? {};
}

function addPath(root: Selection, path: ResolvedPath): void {
  let selection = root;
  for (const step of path) {
    const children: Map<string | number, Selection> = typeof step === 'number' ? selection.indexes : selection.keys;
    let child = children.get(step);
    if (child === undefined) {
      child = emptySelection();
      children.set(step, child);
    }
    selection = child;
  }
  selection.whole = true;
}

function select(value: AttributeValue, selection: Selection): AttributeValue | undefined {
  if (selection.whole) return value;
  if ('M' in value && selection.keys.size > 0) {
    const selected = selectMap(value.M, selection);
    return selected === undefined ? undefined : { M: selected };
  }
  if ('L' in value && selection.indexes.size > 0) {
    const indexes = [...selection.indexes.keys()].sort((left, right) => left - right);
    const elements: AttributeValue[] = [];
    for (const index of indexes) {
      const element = childValue(value, index);
      const selected = element === undefined ? undefined : select(element, selection.indexes.get(index)!);
      if (selected !== undefined) elements.push(selected);
    }
    return elements.length === 0 ? undefined : { L: elements };
  }
  return undefined;
}

/** Selected keys of a map in the map's own order, or undefined when none is present. */
function selectMap(map: Readonly<Record<string, AttributeValue>>, selection: Selection): Record<string, AttributeValue> | undefined {
  const result: Record<string, AttributeValue> = {};
  let found = false;
  for (const name of Object.keys(map)) {
    const child = selection.keys.get(name);
    if (child === undefined) continue;
    const selected = select(map[name]!, child);
    if (selected === undefined) continue;
    defineOwn(result, name, selected);
    found = true;
  }
  return found ? result : undefined;
}

/** Assignment that stays an ordinary own property even for the name "__proto__". */
function defineOwn(target: Record<string, AttributeValue>, name: string, value: AttributeValue): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}
