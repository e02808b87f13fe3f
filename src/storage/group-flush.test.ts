import assert from 'node:assert/strict';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { test } from 'node:test';
import { GroupFlush } from './group-flush.js';

/** A flush the test completes by hand, recording how many run at once. */
function controlledFlush() {
  const pending: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  let running = 0;
  let runningMax = 0;
  const flush = () =>
    new Promise<void>((resolve, reject) => {
      running++;
      runningMax = Math.max(runningMax, running);
      const settle = () => running--;
      pending.push({
        resolve: () => (settle(), resolve()),
        reject: (error) => (settle(), reject(error)),
      });
    });
  return {
    flush,
    get started() {
      return pending.length;
    },
    get runningMax() {
      return runningMax;
    },
    complete(index: number) {
      pending[index]?.resolve();
    },
    fail(index: number, error: unknown) {
      pending[index]?.reject(error);
    },
  };
}

test('commits of one turn share one flush', async () => {
  const control = controlledFlush();
  const group = new GroupFlush(control.flush);
  const acknowledged = Array.from({ length: 1000 }, () => group.afterCommit());
  await nextTurn();
  assert.equal(control.started, 1);
  control.complete(0);
  await Promise.all(acknowledged);
  assert.equal(group.flushCount, 1);
});

test('commits made during a flush wait for the next one, and only one flush runs at a time', async () => {
  const control = controlledFlush();
  const group = new GroupFlush(control.flush);
  let firstDone = false;
  let secondDone = false;
  void group.afterCommit().then(() => (firstDone = true));
  await nextTurn();
  void group.afterCommit().then(() => (secondDone = true));
  const whenAllFlushed = group.whenFlushed();
  await nextTurn();
  assert.equal(control.started, 1, 'the second batch must wait for the running flush');
  control.complete(0);
  await nextTurn(); // the completion runs, and queues the next flush for the following turn
  await nextTurn();
  assert.equal(firstDone, true);
  assert.equal(secondDone, false, 'a commit made during a flush is not covered by it');
  assert.equal(control.started, 2);
  control.complete(1);
  await whenAllFlushed;
  assert.equal(secondDone, true);
  assert.equal(control.runningMax, 1);
  assert.equal(group.flushCount, 2);
});

test('whenFlushed resolves at once when nothing is pending', async () => {
  const group = new GroupFlush(() => Promise.reject(new Error('must not flush')));
  await group.whenFlushed();
  assert.equal(group.flushCount, 0);
});

test('a failed flush rejects its commits, the waiting ones, and every later one', async () => {
  const control = controlledFlush();
  const group = new GroupFlush(control.flush);
  const first = group.afterCommit();
  await nextTurn();
  const waiting = group.afterCommit();
  control.fail(0, new Error('EIO'));
  await assert.rejects(first, /EIO/);
  await assert.rejects(waiting, /EIO/);
  await assert.rejects(group.afterCommit(), /EIO/);
  await assert.rejects(group.whenFlushed(), /EIO/);
  assert.ok(group.failure instanceof Error);
});

test('a flush function that throws synchronously fails the batch', async () => {
  const group = new GroupFlush(() => {
    throw new Error('closed');
  });
  await assert.rejects(group.afterCommit(), /closed/);
});
