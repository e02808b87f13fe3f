import assert from 'node:assert/strict';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { test } from 'node:test';
import { GroupFlush } from './group-flush.js';

/**
 * Flush channels the test completes by hand, recording when each flush started (beside the commits a test
 * records) and how many ran at once; a channel running two flushes at once fails the test.
 */
function recordingChannels(count: number) {
  const events: string[] = [];
  const pending: Array<{ channel: number; resolve: () => void; reject: (error: unknown) => void }> = [];
  const running = new Array<number>(count).fill(0);
  let overlapMax = 0;
  const channels = Array.from({ length: count }, (_, channel) => () =>
    new Promise<void>((resolve, reject) => {
      running[channel] = (running[channel] ?? 0) + 1;
      assert.equal(running[channel], 1, `channel ${channel} runs two flushes at once`);
      overlapMax = Math.max(overlapMax, running.reduce((sum, value) => sum + value, 0));
      const flushIndex = pending.length;
      events.push(`flush ${flushIndex} started`);
      const settle = () => (running[channel] = (running[channel] ?? 1) - 1);
      pending.push({ channel, resolve: () => (settle(), resolve()), reject: (error) => (settle(), reject(error)) });
    }),
  );
  return {
    channels,
    events,
    get started() {
      return pending.length;
    },
    get overlapMax() {
      return overlapMax;
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
  const control = recordingChannels(1);
  const group = new GroupFlush(control.channels);
  const acknowledged = Array.from({ length: 1000 }, () => group.afterCommit());
  await nextTurn();
  assert.equal(control.started, 1);
  control.complete(0);
  await Promise.all(acknowledged);
  assert.equal(group.flushCount, 1);
});

test('with one channel, commits made during a flush wait for the next one, and only one flush runs at a time', async () => {
  const control = recordingChannels(1);
  const group = new GroupFlush(control.channels);
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
  assert.equal(control.overlapMax, 1);
  assert.equal(group.flushCount, 2);
});

test('whenFlushed resolves at once when nothing is pending', async () => {
  const group = new GroupFlush([() => Promise.reject(new Error('must not flush'))]);
  await group.whenFlushed();
  assert.equal(group.flushCount, 0);
});

for (const channelCount of [1, 2]) {
  test(`with ${channelCount} channel(s), a failed flush rejects every commit not yet resolved, and every later one`, async () => {
    const control = recordingChannels(channelCount);
    const group = new GroupFlush(control.channels);
    const flushing: Array<Promise<void>> = [];
    for (let channel = 0; channel < channelCount; channel++) {
      flushing.push(group.afterCommit());
      await nextTurn();
    }
    const waiting = group.afterCommit();
    control.fail(channelCount - 1, new Error('EIO'));
    for (const commit of [...flushing, waiting]) await assert.rejects(commit, /EIO/);
    for (let index = 0; index < channelCount - 1; index++) control.complete(index);
    await nextTurn();
    await assert.rejects(group.afterCommit(), /EIO/);
    await assert.rejects(group.whenFlushed(), /EIO/);
    assert.ok(group.failure instanceof Error);
    assert.equal(control.started, channelCount, 'no flush starts after a failure');
  });
}

test('a flush function that throws synchronously fails the batch', async () => {
  const group = new GroupFlush([
    () => {
      throw new Error('closed');
    },
  ]);
  await assert.rejects(group.afterCommit(), /closed/);
});

test('with two channels, commits made during a flush start the next one at once', async () => {
  const control = recordingChannels(2);
  const group = new GroupFlush(control.channels);
  const first = group.afterCommit();
  await nextTurn();
  const second = group.afterCommit();
  await nextTurn();
  assert.equal(control.started, 2, 'a free channel flushes the waiting commit without waiting for the first flush');
  const third = group.afterCommit();
  await nextTurn();
  assert.equal(control.started, 2, 'no channel is free: the third commit waits');
  control.complete(0);
  await first;
  await nextTurn();
  assert.equal(control.started, 3, 'the freed channel takes the waiting commit');
  control.complete(2);
  control.complete(1);
  await Promise.all([second, third]);
  assert.equal(control.overlapMax, 2);
  assert.equal(group.flushCount, 3);
});

test('a commit is resolved only by a flush that started after it, whatever order flushes complete in', async () => {
  const channelCount = 3;
  const control = recordingChannels(channelCount);
  const group = new GroupFlush(control.channels);
  const acknowledgedBy: Array<number | undefined> = [];
  const committedAt: number[] = [];
  const commit = (index: number) => {
    control.events.push(`commit ${index}`);
    committedAt[index] = control.events.length - 1;
    void group.afterCommit().then(() => {
      // The flush whose completion ran last is the one that resolved this commit.
      acknowledgedBy[index] = lastCompleted;
    });
  };
  let lastCompleted: number | undefined;
  let commits = 0;
  let completed = 0;
  // Interleave commits, turns and out-of-order completions (newest running flush first).
  for (let round = 0; round < 12; round++) {
    for (let index = 0; index < (round % 3) + 1; index++) commit(commits++);
    await nextTurn();
    if (round % 2 === 1) {
      for (let index = control.started - 1; index >= completed; index--) {
        lastCompleted = index;
        control.complete(index);
        await nextTurn();
      }
      completed = control.started;
    }
  }
  await group.whenFlushed().then(
    () => undefined,
    () => undefined,
  );
  while (completed < control.started) {
    for (let index = control.started - 1; index >= completed; index--) {
      lastCompleted = index;
      control.complete(index);
      await nextTurn();
    }
    completed = control.started;
    await nextTurn();
  }
  await group.whenFlushed();
  assert.equal(acknowledgedBy.length, commits);
  for (let index = 0; index < commits; index++) {
    const flush = acknowledgedBy[index];
    assert.ok(flush !== undefined, `commit ${index} was never acknowledged`);
    const flushStartedAt = control.events.indexOf(`flush ${flush} started`);
    assert.ok(flushStartedAt > (committedAt[index] ?? Infinity), `commit ${index} acknowledged by flush ${flush}, which started before it`);
  }
  assert.ok(control.overlapMax > 1 && control.overlapMax <= channelCount);
});

test('a flush completing first resolves the older batches waiting on a slower flush', async () => {
  const control = recordingChannels(2);
  const group = new GroupFlush(control.channels);
  let firstDone = false;
  void group.afterCommit().then(() => (firstDone = true));
  await nextTurn();
  const second = group.afterCommit();
  await nextTurn();
  control.complete(1);
  await second;
  assert.equal(firstDone, true, 'flush 1 started after the first commit, so it made it durable too');
  control.complete(0);
  await group.whenFlushed();
});

test('whenIdle waits for a flush still running after a later one resolved its batch', async () => {
  const control = recordingChannels(2);
  const group = new GroupFlush(control.channels);
  void group.afterCommit();
  await nextTurn();
  void group.afterCommit();
  await nextTurn();
  control.complete(1);
  await group.whenFlushed();
  let idle = false;
  void group.whenIdle().then(() => (idle = true));
  await nextTurn();
  assert.equal(idle, false, 'flush 0 still runs');
  control.complete(0);
  await nextTurn();
  assert.equal(idle, true);
});
