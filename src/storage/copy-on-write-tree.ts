/**
 * A copy-on-write B+-tree of byte-string keys: the ordered map behind the in-memory engine.
 *
 * Nodes never change once built. A write copies only the nodes on the path it changes (O(log n) nodes of
 * at most `nodeSizeMax` entries) and returns a new root, so whoever holds an old root keeps iterating a
 * consistent snapshot for free, and a batch of operations becomes visible at once by publishing one root.
 *
 * Every node except the root holds between `nodeSizeMin` and `nodeSizeMax` entries (keys in a leaf,
 * children in a branch), which keeps the height logarithmic under any mix of puts and deletes.
 */
import { assert } from '../lib/assert.js';
import type { StorageKey, StorageValue } from './engine.js';
import { compareStorageKeys } from './storage-key.js';

/** Wide enough for a shallow tree (3 levels hold ~250k keys), small enough to copy cheaply per write. */
const nodeSizeMax = 64;
const nodeSizeMin = nodeSizeMax / 2;

interface LeafNode {
  readonly kind: 'leaf';
  readonly keys: readonly StorageKey[];
  readonly values: readonly StorageValue[];
}

/** `keys[i]` separates `children[i]` (keys below it) from `children[i + 1]` (keys at or above it). */
interface BranchNode {
  readonly kind: 'branch';
  readonly keys: readonly StorageKey[];
  readonly children: readonly TreeNode[];
}

export type TreeNode = LeafNode | BranchNode;

/** A node that outgrew `nodeSizeMax` and became two. */
interface SplitNode {
  readonly kind: 'split';
  readonly left: TreeNode;
  readonly separator: StorageKey;
  readonly right: TreeNode;
}

export const emptyTree: TreeNode = { kind: 'leaf', keys: [], values: [] };

export function treeGet(root: TreeNode, key: StorageKey): StorageValue | undefined {
  let node = root;
  while (node.kind === 'branch') node = node.children[childIndexFor(node, key)] as TreeNode;
  const index = searchKeys(node.keys, key);
  return index >= 0 ? node.values[index] : undefined;
}

/** The tree with `key` set to `value`; the argument tree is unchanged. */
export function treeWithPut(root: TreeNode, key: StorageKey, value: StorageValue): TreeNode {
  const result = putInto(root, key, value);
  if (result.kind !== 'split') return result;
  return { kind: 'branch', keys: [result.separator], children: [result.left, result.right] };
}

/** The tree without `key`; the same tree when `key` is absent. */
export function treeWithDelete(root: TreeNode, key: StorageKey): TreeNode {
  let result = deleteFrom(root, key);
  while (result.kind === 'branch' && result.children.length === 1) result = result.children[0] as TreeNode;
  return result;
}

function putInto(node: TreeNode, key: StorageKey, value: StorageValue): TreeNode | SplitNode {
  if (node.kind === 'leaf') {
    const index = searchKeys(node.keys, key);
    if (index >= 0) return { kind: 'leaf', keys: node.keys, values: replaced(node.values, index, value) };
    const insertAt = -index - 1;
    return splitIfFull({
      kind: 'leaf',
      keys: inserted(node.keys, insertAt, key),
      values: inserted(node.values, insertAt, value),
    });
  }
  const childIndex = childIndexFor(node, key);
  const result = putInto(node.children[childIndex] as TreeNode, key, value);
  if (result.kind !== 'split') {
    return { kind: 'branch', keys: node.keys, children: replaced(node.children, childIndex, result) };
  }
  const children = node.children.slice();
  children.splice(childIndex, 1, result.left, result.right);
  return splitIfFull({ kind: 'branch', keys: inserted(node.keys, childIndex, result.separator), children });
}

function deleteFrom(node: TreeNode, key: StorageKey): TreeNode {
  if (node.kind === 'leaf') {
    const index = searchKeys(node.keys, key);
    if (index < 0) return node;
    return { kind: 'leaf', keys: removed(node.keys, index), values: removed(node.values, index) };
  }
  const childIndex = childIndexFor(node, key);
  const child = node.children[childIndex] as TreeNode;
  const newChild = deleteFrom(child, key);
  if (newChild === child) return node;
  if (nodeSize(newChild) >= nodeSizeMin) {
    return { kind: 'branch', keys: node.keys, children: replaced(node.children, childIndex, newChild) };
  }
  return rebalanced(node, childIndex, newChild);
}

/** Refills the child at `childIndex`, which fell below `nodeSizeMin`, from a neighbour. */
function rebalanced(node: BranchNode, childIndex: number, newChild: TreeNode): BranchNode {
  const leftIndex = childIndex > 0 ? childIndex - 1 : childIndex;
  const left = leftIndex === childIndex ? newChild : (node.children[leftIndex] as TreeNode);
  const right = leftIndex === childIndex ? (node.children[childIndex + 1] as TreeNode) : newChild;
  const combined = concatenated(left, node.keys[leftIndex] as StorageKey, right);
  const replacement = splitIfFull(combined);
  const keys = node.keys.slice();
  const children = node.children.slice();
  if (replacement.kind === 'split') {
    keys.splice(leftIndex, 1, replacement.separator);
    children.splice(leftIndex, 2, replacement.left, replacement.right);
  } else {
    keys.splice(leftIndex, 1);
    children.splice(leftIndex, 2, replacement);
  }
  return { kind: 'branch', keys, children };
}

/** Two neighbouring nodes of one level as one node (possibly over `nodeSizeMax`). */
function concatenated(left: TreeNode, separator: StorageKey, right: TreeNode): TreeNode {
  if (left.kind === 'leaf' && right.kind === 'leaf') {
    return { kind: 'leaf', keys: [...left.keys, ...right.keys], values: [...left.values, ...right.values] };
  }
  assert(left.kind === 'branch' && right.kind === 'branch', 'neighbours must be on the same level');
  return {
    kind: 'branch',
    keys: [...left.keys, separator, ...right.keys],
    children: [...left.children, ...right.children],
  };
}

function splitIfFull(node: TreeNode): TreeNode | SplitNode {
  const size = nodeSize(node);
  if (size <= nodeSizeMax) return node;
  const middle = Math.ceil(size / 2);
  if (node.kind === 'leaf') {
    const right: LeafNode = { kind: 'leaf', keys: node.keys.slice(middle), values: node.values.slice(middle) };
    const left: LeafNode = { kind: 'leaf', keys: node.keys.slice(0, middle), values: node.values.slice(0, middle) };
    return { kind: 'split', left, separator: right.keys[0] as StorageKey, right };
  }
  return {
    kind: 'split',
    left: { kind: 'branch', keys: node.keys.slice(0, middle - 1), children: node.children.slice(0, middle) },
    separator: node.keys[middle - 1] as StorageKey,
    right: { kind: 'branch', keys: node.keys.slice(middle), children: node.children.slice(middle) },
  };
}

function nodeSize(node: TreeNode): number {
  return node.kind === 'leaf' ? node.keys.length : node.children.length;
}

/** The child whose key interval holds `key`: the number of separators at or below it. */
function childIndexFor(node: BranchNode, key: StorageKey): number {
  const index = searchKeys(node.keys, key);
  return index >= 0 ? index + 1 : -index - 1;
}

/** The index of `key` in the sorted `keys`, or `-(insertion point) - 1` when absent. */
function searchKeys(keys: readonly StorageKey[], key: StorageKey): number {
  let low = 0;
  let high = keys.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const order = compareStorageKeys(keys[middle] as StorageKey, key);
    if (order < 0) low = middle + 1;
    else if (order > 0) high = middle - 1;
    else return middle;
  }
  return -low - 1;
}

/** The position of the first key at or above `key`. */
function lowerBound(keys: readonly StorageKey[], key: StorageKey): number {
  const index = searchKeys(keys, key);
  return index >= 0 ? index : -index - 1;
}

function replaced<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}

function inserted<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = items.slice(0, index);
  copy.push(item);
  for (let position = index; position < items.length; position++) copy.push(items[position] as T);
  return copy;
}

function removed<T>(items: readonly T[], index: number): T[] {
  const copy = items.slice(0, index);
  for (let position = index + 1; position < items.length; position++) copy.push(items[position] as T);
  return copy;
}

export interface TreeEntry {
  readonly key: StorageKey;
  readonly value: StorageValue;
}

/** A branch on the path from the root to the current leaf, and which of its children the path takes. */
interface PathStep {
  readonly node: BranchNode;
  childIndex: number;
}

/** Entries with start <= key < end in ascending order; an omitted bound is open. */
export function* treeEntriesAscending(
  root: TreeNode,
  start: StorageKey | undefined,
  end: StorageKey | undefined,
): Generator<TreeEntry, void, undefined> {
  const path: PathStep[] = [];
  let node = root;
  while (node.kind === 'branch') {
    const childIndex = start === undefined ? 0 : childIndexFor(node, start);
    path.push({ node, childIndex });
    node = node.children[childIndex] as TreeNode;
  }
  let index = start === undefined ? 0 : lowerBound(node.keys, start);
  for (;;) {
    for (; index < node.keys.length; index++) {
      const key = node.keys[index] as StorageKey;
      if (end !== undefined && compareStorageKeys(key, end) >= 0) return;
      yield { key, value: node.values[index] as StorageValue };
    }
    const next = nextLeaf(path, +1);
    if (next === undefined) return;
    node = next;
    index = 0;
  }
}

/** Entries with start <= key < end in descending order; an omitted bound is open. */
export function* treeEntriesDescending(
  root: TreeNode,
  start: StorageKey | undefined,
  end: StorageKey | undefined,
): Generator<TreeEntry, void, undefined> {
  const path: PathStep[] = [];
  let node = root;
  while (node.kind === 'branch') {
    // The child holding the last key below `end`: keys in children[i] are below separator keys[i].
    const childIndex = end === undefined ? node.children.length - 1 : lowerBound(node.keys, end);
    path.push({ node, childIndex });
    node = node.children[childIndex] as TreeNode;
  }
  let index = (end === undefined ? node.keys.length : lowerBound(node.keys, end)) - 1;
  for (;;) {
    for (; index >= 0; index--) {
      const key = node.keys[index] as StorageKey;
      if (start !== undefined && compareStorageKeys(key, start) < 0) return;
      yield { key, value: node.values[index] as StorageValue };
    }
    const previous = nextLeaf(path, -1);
    if (previous === undefined) return;
    node = previous;
    index = node.keys.length - 1;
  }
}

/** Moves `path` to the neighbouring leaf in `direction` and returns it, or undefined past the edge. */
function nextLeaf(path: PathStep[], direction: 1 | -1): LeafNode | undefined {
  for (;;) {
    const step = path[path.length - 1];
    if (step === undefined) return undefined;
    const childIndex = step.childIndex + direction;
    if (childIndex >= 0 && childIndex < step.node.children.length) {
      step.childIndex = childIndex;
      let node = step.node.children[childIndex] as TreeNode;
      while (node.kind === 'branch') {
        const edgeIndex = direction === 1 ? 0 : node.children.length - 1;
        path.push({ node, childIndex: edgeIndex });
        node = node.children[edgeIndex] as TreeNode;
      }
      return node;
    }
    path.pop();
  }
}

/** Checks the structural invariants (order, node sizes, equal depth); for tests. */
export function assertTreeInvariants(root: TreeNode): void {
  const leafDepths = new Set<number>();
  let previousKey: StorageKey | undefined;
  const visit = (node: TreeNode, depth: number, isRoot: boolean, low?: StorageKey, high?: StorageKey): void => {
    const size = nodeSize(node);
    assert(size <= nodeSizeMax, `node of ${size} entries exceeds ${nodeSizeMax}`);
    if (!isRoot) assert(size >= nodeSizeMin, `node of ${size} entries is below ${nodeSizeMin}`);
    if (node.kind === 'leaf') {
      assert(node.keys.length === node.values.length, 'leaf keys and values differ in length');
      leafDepths.add(depth);
      for (const key of node.keys) {
        assert(previousKey === undefined || compareStorageKeys(previousKey, key) < 0, 'keys out of order');
        assert(low === undefined || compareStorageKeys(low, key) <= 0, 'key below its separator');
        assert(high === undefined || compareStorageKeys(key, high) < 0, 'key at or above its separator');
        previousKey = key;
      }
      return;
    }
    assert(node.keys.length === node.children.length - 1, 'branch separators do not match its children');
    assert(!isRoot || node.children.length >= 2, 'a branch root needs two children');
    node.children.forEach((child, index) => {
      visit(child, depth + 1, false, index === 0 ? low : node.keys[index - 1], node.keys[index] ?? high);
    });
  };
  visit(root, 0, true);
  assert(leafDepths.size <= 1, 'leaves at different depths');
}
