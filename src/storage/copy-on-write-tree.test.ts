import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  assertTreeInvariants,
  emptyTree,
  treeEntriesAscending,
  treeEntriesDescending,
  treeGet,
  treeWithDelete,
  treeWithPut,
  type TreeNode,
} from './copy-on-write-tree.js';

const keyOf = (value: number): Uint8Array => new Uint8Array([value >> 16, (value >> 8) & 0xff, value & 0xff]);
const numberOf = (key: Uint8Array): number => ((key[0] as number) << 16) | ((key[1] as number) << 8) | (key[2] as number);
const keysAscending = (root: TreeNode): number[] => [...treeEntriesAscending(root, undefined, undefined)].map((entry) => numberOf(entry.key));

test('random puts and deletes keep the tree balanced and ordered', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ put: fc.boolean(), value: fc.integer({ min: 0, max: 3000 }) }), { maxLength: 3000, size: 'max' }),
      (steps) => {
        let root = emptyTree;
        const reference = new Set<number>();
        for (const step of steps) {
          root = step.put ? treeWithPut(root, keyOf(step.value), keyOf(step.value)) : treeWithDelete(root, keyOf(step.value));
          if (step.put) reference.add(step.value);
          else reference.delete(step.value);
        }
        assertTreeInvariants(root);
        assert.deepEqual(keysAscending(root), [...reference].sort((left, right) => left - right));
      },
    ),
    { numRuns: 50 },
  );
});

test('filling and then emptying the tree collapses it back to one leaf', () => {
  let root = emptyTree;
  for (let value = 0; value < 20_000; value++) root = treeWithPut(root, keyOf(value * 7919 % 20_000), keyOf(value));
  assertTreeInvariants(root);
  for (let value = 0; value < 20_000; value++) {
    root = treeWithDelete(root, keyOf(value * 104_729 % 20_000));
    if (value % 1000 === 0) assertTreeInvariants(root);
  }
  assert.equal(root.kind, 'leaf');
  assert.equal(root.keys.length, 0);
});

test('an old root is unchanged by later writes', () => {
  let root = emptyTree;
  for (let value = 0; value < 5000; value++) root = treeWithPut(root, keyOf(value), keyOf(value));
  const snapshot = root;
  for (let value = 0; value < 5000; value += 2) root = treeWithDelete(root, keyOf(value));
  root = treeWithPut(root, keyOf(1), keyOf(99));
  assert.equal(keysAscending(snapshot).length, 5000);
  assert.deepEqual(treeGet(snapshot, keyOf(1)), keyOf(1));
  assert.deepEqual(treeGet(root, keyOf(1)), keyOf(99));
  assert.equal(treeGet(root, keyOf(2)), undefined);
  assert.equal(treeWithDelete(root, keyOf(2)), root, 'deleting a missing key returns the same tree');
});

test('bounded iteration in both directions across many leaves', () => {
  let root = emptyTree;
  for (let value = 0; value < 10_000; value += 2) root = treeWithPut(root, keyOf(value), keyOf(value));
  const ascending = [...treeEntriesAscending(root, keyOf(1001), keyOf(5001))].map((entry) => numberOf(entry.key));
  const descending = [...treeEntriesDescending(root, keyOf(1001), keyOf(5001))].map((entry) => numberOf(entry.key));
  const expected = Array.from({ length: 2000 }, (_, index) => 1002 + index * 2);
  assert.deepEqual(ascending, expected);
  assert.deepEqual(descending, [...expected].reverse());
  assert.deepEqual([...treeEntriesDescending(root, undefined, keyOf(0))], []);
  assert.deepEqual([...treeEntriesAscending(root, keyOf(9999), undefined)], []);
});
