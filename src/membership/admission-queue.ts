import { assert } from '../lib/assert.js';

/**
 * A FIFO ring buffer with a length limit (Infinity for the unbounded queue of the naive profile, which
 * then grows by doubling). Offer refuses when full, so admission is decided before any work is done.
 */
export class AdmissionQueue<T> {
  private slots: (T | undefined)[];
  private head = 0;
  private size = 0;

  constructor(readonly lengthMax: number, initialSlots = 64) {
    assert(lengthMax > 0, 'a queue holds at least one request');
    this.slots = new Array<T | undefined>(Math.min(initialSlots, lengthMax));
  }

  get length(): number {
    return this.size;
  }

  offer(value: T): boolean {
    if (this.size >= this.lengthMax) return false;
    if (this.size === this.slots.length) this.grow();
    this.slots[(this.head + this.size) % this.slots.length] = value;
    this.size += 1;
    return true;
  }

  poll(): T | undefined {
    if (this.size === 0) return undefined;
    const value = this.slots[this.head];
    this.slots[this.head] = undefined;
    this.head = (this.head + 1) % this.slots.length;
    this.size -= 1;
    return value;
  }

  /** Empties the queue, returning how many requests it held. */
  clear(): number {
    const dropped = this.size;
    this.slots = new Array<T | undefined>(Math.min(64, this.lengthMax));
    this.head = 0;
    this.size = 0;
    return dropped;
  }

  private grow(): void {
    const larger = new Array<T | undefined>(Math.min(this.slots.length * 2, this.lengthMax));
    for (let index = 0; index < this.size; index += 1) larger[index] = this.slots[(this.head + index) % this.slots.length];
    this.slots = larger;
    this.head = 0;
  }
}
