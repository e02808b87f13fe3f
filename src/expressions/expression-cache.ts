/**
 * A bounded cache of parse outcomes keyed by (kind, text), so a hot expression is lexed and parsed once.
 * Failures are cached too: a client retrying a bad expression costs no more than a good one. Trees are
 * immutable and hold no placeholder bindings, so one tree serves every request with the same text.
 * Eviction is least-recently-used, using Map's insertion order.
 */
import { DynamoDbError } from '../lib/errors.js';
import { assert } from '../lib/assert.js';

type Outcome = { readonly ok: true; readonly tree: unknown } | { readonly ok: false; readonly error: DynamoDbError };

export class ExpressionCache {
  private readonly entries = new Map<string, Outcome>();

  constructor(readonly entriesMax: number) {
    assert(Number.isInteger(entriesMax) && entriesMax > 0, 'a cache holds at least one entry');
  }

  get size(): number {
    return this.entries.size;
  }

  /** The tree for `text`, parsed by `parse` on a miss; rethrows a cached parse failure. */
  parse<T>(kind: string, text: string, parse: (text: string) => T): T {
    // The kind contains no newline, so the key is unambiguous.
    const key = `${kind}\n${text}`;
    let outcome = this.entries.get(key);
    if (outcome === undefined) {
      outcome = run(text, parse);
      if (this.entries.size >= this.entriesMax) this.evictOldest();
    } else {
      this.entries.delete(key);
    }
    this.entries.set(key, outcome);
    if (!outcome.ok) throw outcome.error;
    return outcome.tree as T;
  }

  clear(): void {
    this.entries.clear();
  }

  private evictOldest(): void {
    const oldest = this.entries.keys().next();
    if (oldest.done !== true) this.entries.delete(oldest.value);
  }
}

function run<T>(text: string, parse: (text: string) => T): Outcome {
  try {
    return { ok: true, tree: parse(text) };
  } catch (error) {
    // Only client errors are cached; anything else is a programmer error and must surface every time.
    if (error instanceof DynamoDbError) return { ok: false, error };
    throw error;
  }
}
