import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPrng } from '../lib/prng.js';
import { EventQueue } from './event-queue.js';

describe('event queue', () => {
  it('pops by time, and in insertion order at equal times', () => {
    const queue = new EventQueue<string>();
    queue.push(5, 'c');
    queue.push(1, 'a');
    queue.push(5, 'd');
    queue.push(2, 'b');
    const order: string[] = [];
    for (let event = queue.pop(); event !== undefined; event = queue.pop()) order.push(event.payload);
    assert.deepEqual(order, ['a', 'b', 'c', 'd']);
  });

  it('sorts many random times', () => {
    const prng = createPrng(9);
    const queue = new EventQueue<number>();
    const times = Array.from({ length: 5000 }, () => prng.nextInt(1000));
    for (const time of times) queue.push(time, time);
    const popped: number[] = [];
    for (let event = queue.pop(); event !== undefined; event = queue.pop()) popped.push(event.atMs);
    assert.deepEqual(popped, [...times].sort((a, b) => a - b));
  });
});
