import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AdmissionQueue } from './admission-queue.js';
import { layoutCells, REPLICAS_PER_GROUP } from './cells.js';
import { MembershipDirectory } from './membership-directory.js';
import { RetryBudget } from './retry-budget.js';

describe('admission queue', () => {
  it('is first in, first out, and refuses beyond its limit', () => {
    const queue = new AdmissionQueue<number>(3, 2);
    assert.equal(queue.offer(1) && queue.offer(2) && queue.offer(3), true);
    assert.equal(queue.offer(4), false);
    assert.deepEqual([queue.poll(), queue.poll()], [1, 2]);
    assert.equal(queue.offer(5), true);
    assert.deepEqual([queue.poll(), queue.poll(), queue.poll()], [3, 5, undefined]);
  });

  it('grows without limit when unbounded, and clear reports what it dropped', () => {
    const queue = new AdmissionQueue<number>(Infinity, 2);
    for (let index = 0; index < 1000; index += 1) assert.ok(queue.offer(index));
    assert.equal(queue.poll(), 0);
    assert.equal(queue.clear(), 999);
    assert.equal(queue.length, 0);
  });
});

describe('membership directory', () => {
  it('answers unchanged, a delta of what changed, or the whole list for a node that knows nothing', () => {
    const directory = new MembershipDirectory(2, 900);
    assert.equal(directory.entriesChangedSince(0, 1), 0);
    directory.recordChange(0, 40);
    directory.recordChange(0, 60);
    assert.equal(directory.versionOf(0), 3);
    assert.equal(directory.entriesChangedSince(0, 1), 100);
    assert.equal(directory.entriesChangedSince(0, 2), 60);
    assert.equal(directory.entriesChangedSince(0, undefined), 900);
    assert.equal(directory.entriesChangedSince(1, 1), 0);
  });
});

describe('retry budget', () => {
  it('spends tokens and refills them at its pace', () => {
    const budget = new RetryBudget(2, 1000, 0);
    assert.deepEqual([budget.trySpend(0), budget.trySpend(0), budget.trySpend(0)], [true, true, false]);
    assert.equal(budget.trySpend(999), false);
    assert.equal(budget.trySpend(1000), true);
  });
});

describe('cells', () => {
  it('places every group inside one cell on distinct nodes, with the same number of replicas on every node', () => {
    const layout = layoutCells(100, 30, 4);
    for (const nodes of layout.groupNodes) {
      assert.equal(new Set(nodes).size, REPLICAS_PER_GROUP);
      assert.equal(new Set(nodes.map((node) => layout.cellOfNode[node])).size, 1);
    }
    for (const groups of layout.groupsOfNode) assert.equal(groups.length, 30);
    assert.deepEqual([0, 1, 2, 3].map((cell) => layout.cellOfNode.filter((owner) => owner === cell).length), [25, 25, 25, 25]);
  });
});
