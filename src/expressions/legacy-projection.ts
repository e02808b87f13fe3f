/**
 * AttributesToGet (GetItem, Query, Scan, BatchGetItem) as a projection of top-level attributes. The
 * request-shape layer has checked the list's length (1 to 255); a name listed twice is refused here.
 */
import type { Projection } from './ast.js';
import { invalidParameter } from '../lib/errors.js';
import { attributePath } from './legacy-comparison.js';

export function convertAttributesToGet(names: readonly string[]): Projection {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw invalidParameter(`Duplicate value in attribute name: ${name}`);
    seen.add(name);
  }
  return { kind: 'projection', paths: names.map(attributePath) };
}
