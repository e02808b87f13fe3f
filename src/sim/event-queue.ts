/**
 * The simulator's agenda: a binary min-heap of events by virtual time, ties broken by insertion order, so
 * the same inputs always pop in the same order.
 */
export interface SimulationEvent<P> {
  readonly atMs: number;
  readonly sequence: number;
  readonly payload: P;
}

export class EventQueue<P> {
  private readonly heap: SimulationEvent<P>[] = [];
  private sequence = 0;

  get size(): number {
    return this.heap.length;
  }

  push(atMs: number, payload: P): void {
    const event = { atMs, sequence: this.sequence, payload };
    this.sequence += 1;
    const heap = this.heap;
    let index = heap.length;
    heap.push(event);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const above = heap[parent] as SimulationEvent<P>;
      if (!earlier(event, above)) break;
      heap[index] = above;
      index = parent;
    }
    heap[index] = event;
  }

  peekAtMs(): number {
    return this.heap[0]?.atMs ?? Infinity;
  }

  pop(): SimulationEvent<P> | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && earlier(heap[right] as SimulationEvent<P>, heap[left] as SimulationEvent<P>) ? right : left;
      const smaller = heap[child] as SimulationEvent<P>;
      if (!earlier(smaller, last)) break;
      heap[index] = smaller;
      index = child;
    }
    heap[index] = last;
    return top;
  }
}

function earlier<P>(a: SimulationEvent<P>, b: SimulationEvent<P>): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.sequence < b.sequence);
}
