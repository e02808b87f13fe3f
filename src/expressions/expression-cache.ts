/**
 * A bounded cache of parse outcomes keyed by (kind, text), so a hot expression is lexed and parsed once.
 * Failures are cached too: a client retrying a bad expression costs no more than a good one. Trees are
 * immutable and hold no placeholder bindings, so one tree serves every request with the same text.
 *
 * Entries are found by the text alone, then by kind, so a lookup hashes the request's own string and
 * builds no combined key. Eviction is second chance (CLOCK), an approximation of least-recently-used that
 * needs no reordering on a hit: a hit marks its entry used; eviction walks from the oldest entry (Map
 * insertion order), moving used ones to the back unmarked, and drops the first unused one.
 */
import { DynamoDbError } from '../lib/errors.js';
import { assert } from '../lib/assert.js';

type Outcome = { readonly ok: true; readonly tree: unknown } | { readonly ok: false; readonly error: DynamoDbError };

/** The outcomes of one text, by kind, and whether any was used since eviction last passed it. */
interface Entry {
  readonly outcomes: Map<string, Outcome>;
  used: boolean;
}

export class ExpressionCache {
  private readonly entries = new Map<string, Entry>();
  private outcomeCount = 0;

  constructor(readonly entriesMax: number) {
    assert(Number.isInteger(entriesMax) && entriesMax > 0, 'a cache holds at least one entry');
  }

  /** How many (kind, text) outcomes are cached. */
  get size(): number {
    return this.outcomeCount;
  }

  /** The tree for `text`, parsed by `parse` on a miss; rethrows a cached parse failure. */
  parse<T>(kind: string, text: string, parse: (text: string) => T): T {
    let entry = this.entries.get(text);
    let outcome = entry?.outcomes.get(kind);
    if (outcome === undefined) {
      outcome = run(text, parse);
      while (this.outcomeCount >= this.entriesMax) this.evictOne();
      entry = this.entries.get(text);
      if (entry === undefined) {
        entry = { outcomes: new Map(), used: false };
        this.entries.set(text, entry);
      }
      entry.outcomes.set(kind, outcome);
      this.outcomeCount++;
    } else {
      (entry as Entry).used = true;
    }
    if (!outcome.ok) throw outcome.error;
    return outcome.tree as T;
  }

  clear(): void {
    this.entries.clear();
    this.outcomeCount = 0;
  }

  /** Drops the oldest entry not used since eviction last passed it; each pass unmarks what it skips. */
  private evictOne(): void {
    for (const [text, entry] of this.entries) {
      this.entries.delete(text);
      if (entry.used) {
        entry.used = false;
        this.entries.set(text, entry);
        continue;
      }
      this.outcomeCount -= entry.outcomes.size;
      return;
    }
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
