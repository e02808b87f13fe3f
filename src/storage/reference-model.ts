/**
 * A reference ordered map for checking storage engines against: the obvious implementation (a Map,
 * sorted when a range needs it), plus a seeded generator for reproducible random data.
 */
import type { RangeOptions, StorageKey, StorageValue, WriteOperation } from './engine.js';
import type { Prng } from '../lib/prng.js';

/** Applies writes to a Map; sorts its entries again only after a change. */
export class ReferenceModel {
  readonly #values = new Map<string, { key: StorageKey; value: StorageValue }>();
  #sorted: Array<{ key: StorageKey; value: StorageValue }> | undefined;

  apply(operations: readonly WriteOperation[]): void {
    this.#sorted = undefined;
    for (const operation of operations) {
      const id = Buffer.from(operation.key).toString('hex');
      if (operation.kind === 'put') this.#values.set(id, { key: operation.key.slice(), value: operation.value.slice() });
      else this.#values.delete(id);
    }
  }

  get(key: StorageKey): StorageValue | undefined {
    return this.#values.get(Buffer.from(key).toString('hex'))?.value;
  }

  range(options: RangeOptions): Array<{ key: StorageKey; value: StorageValue }> {
    this.#sorted ??= [...this.#values.values()].sort((left, right) => Buffer.compare(left.key, right.key));
    const sorted = this.#sorted;
    const firstIndex = options.start === undefined ? 0 : firstIndexAtOrAbove(sorted, options.start);
    const endIndex = options.end === undefined ? sorted.length : firstIndexAtOrAbove(sorted, options.end);
    const inRange = sorted.slice(firstIndex, Math.max(firstIndex, endIndex));
    if (options.reverse) inRange.reverse();
    return inRange.slice(0, options.limit ?? inRange.length).map(({ key, value }) => ({ key, value }));
  }
}

function firstIndexAtOrAbove(sorted: ReadonlyArray<{ key: StorageKey }>, bound: StorageKey): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (Buffer.compare((sorted[middle] as { key: StorageKey }).key, bound) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function randomBytes(random: Prng, length: number): Uint8Array {
  const result = new Uint8Array(length);
  for (let index = 0; index < length; index++) result[index] = random.nextInt(256);
  return result;
}
