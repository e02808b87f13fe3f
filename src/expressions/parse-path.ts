/**
 * Document paths, shared by every grammar: `a.#b[2].c`. Names may be separated from dots and brackets by
 * whitespace, as DynamoDB allows. Problems DynamoDB reports after parsing (reserved words, index range,
 * depth) are deferred; a grammar's own keywords (AND, SET...) cannot be names at all and are syntax errors.
 */
import { limits } from '../lib/limits.js';
import type { DocumentPath, PathElement } from './ast.js';
import type { DeferredProblems } from './expression-errors.js';
import { expressionLimits } from './expression-limits.js';
import { isReservedWord } from './reserved-words.js';
import type { TokenCursor } from './token-cursor.js';

export interface PathParsing {
  readonly cursor: TokenCursor;
  readonly problems: DeferredProblems;
  /** Upper-case words the grammar uses as keywords, which therefore cannot name an attribute. */
  readonly keywords: ReadonlySet<string>;
}

/** True when the next token can start a path in this grammar. */
export function startsPath(parsing: PathParsing): boolean {
  const token = parsing.cursor.peek();
  if (token === undefined) return false;
  if (token.kind === 'nameReference') return true;
  return token.kind === 'identifier' && !parsing.keywords.has(token.text.toUpperCase());
}

export function parsePath(parsing: PathParsing): DocumentPath {
  const elements: PathElement[] = [parseNameElement(parsing)];
  const { cursor } = parsing;
  for (;;) {
    if (cursor.isPunctuation('.')) {
      cursor.next();
      elements.push(parseNameElement(parsing));
    } else if (cursor.isPunctuation('[')) {
      cursor.next();
      elements.push(parseIndexElement(parsing));
      cursor.expectPunctuation(']');
    } else {
      break;
    }
  }
  if (elements.length > limits.documentNestingDepthMax) {
    parsing.problems.record('pathDepth', `The document path has too many nesting levels; nesting levels: ${elements.length}`);
  }
  return { kind: 'path', elements };
}

function parseNameElement(parsing: PathParsing): PathElement {
  if (!startsPath(parsing)) throw parsing.cursor.syntaxError();
  const token = parsing.cursor.next();
  if (token.kind === 'nameReference') return { kind: 'nameReference', placeholder: token.text };
  if (isReservedWord(token.text)) {
    parsing.problems.record('reserved', `Attribute name is a reserved keyword; reserved keyword: ${token.text}`);
  }
  return { kind: 'name', name: token.text };
}

function parseIndexElement(parsing: PathParsing): PathElement {
  const token = parsing.cursor.peek();
  if (token === undefined || token.kind !== 'number') throw parsing.cursor.syntaxError();
  parsing.cursor.next();
  const digits = token.text;
  const tooLong = digits.replace(/^0+(?=.)/, '').length > expressionLimits.listIndexDigitsMax;
  const index = tooLong ? Number.POSITIVE_INFINITY : Number(digits);
  if (index > expressionLimits.listIndexMax) {
    parsing.problems.record('listIndex', `List index is not within the allowable range; index: [${digits}]`);
    return { kind: 'index', index: 0 };
  }
  return { kind: 'index', index };
}
