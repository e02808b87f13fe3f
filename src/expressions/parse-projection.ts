/**
 * The projection grammar: `path (',' path)*`. It has no keywords, so any word may start a path, but reserved
 * words are still refused as bare names.
 */
import type { Projection } from './ast.js';
import { DeferredProblems, conditionProblemRanking, expressionError } from './expression-errors.js';
import { parsePath } from './parse-path.js';
import { TokenCursor } from './token-cursor.js';

const noKeywords: ReadonlySet<string> = new Set();

/** Parses projection text (non-empty, within the size limit: see parse-expression.ts). */
export function parseProjectionText(text: string): Projection {
  const cursor = new TokenCursor('ProjectionExpression', text);
  const problems = new DeferredProblems(conditionProblemRanking);
  const parsing = { cursor, problems, keywords: noKeywords };
  const paths = [parsePath(parsing)];
  while (cursor.isPunctuation(',')) {
    cursor.next();
    paths.push(parsePath(parsing));
  }
  if (!cursor.atEnd()) throw cursor.syntaxError();
  const problem = problems.first();
  if (problem !== undefined) throw expressionError('ProjectionExpression', problem);
  return { kind: 'projection', paths };
}
