/**
 * Limits of the expression language that only this folder needs. DynamoDB's documented limits live in
 * lib/limits.ts (expressionBytesMax, documentNestingDepthMax); these are the ones DynamoDB enforces with
 * their own messages, plus dynacell's bounds on its own resources.
 */
export const expressionLimits = {
  /** `a IN (...)` takes at most 100 candidates. */
  inCandidatesMax: 100,
  /** List indexes in a document path must fit a signed 32-bit integer. */
  listIndexMax: 2_147_483_647,
  /** Longest digit run accepted as a list index before the value is even considered. */
  listIndexDigitsMax: 10,
  /** A key condition is one partition-key condition, optionally AND one sort-key condition. */
  keyConditionsMax: 2,
  /**
   * Parenthesis nesting the recursive-descent parser follows before it refuses the expression: a 4 KB
   * expression could otherwise nest ~2,000 levels and exhaust the stack. No sensible expression comes near.
   */
  parenthesesDepthMax: 200,
  /** Parsed trees kept per process, keyed by (kind, text); the least recently used is dropped first. */
  parseCacheEntriesMax: 2048,
} as const;
