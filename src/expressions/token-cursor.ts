/**
 * A cursor over the significant (non-whitespace) tokens of one expression, with DynamoDB's syntax-error
 * message. The message quotes the offending token and, as `near`, the text from the significant token
 * before it to the significant token after it, with the whitespace between them as written:
 * `SET a = b c d` fails with token "c", near "b c d"; at the end the token is "<EOF>" and near ends with
 * the last token (`a =` gives near "a =").
 */
import type { DynamoDbError } from '../lib/errors.js';
import { type ExpressionKind, expressionError } from './expression-errors.js';
import { type Token, tokenize } from './lexer.js';
import { expressionLimits } from './expression-limits.js';

export class TokenCursor {
  private readonly tokens: readonly Token[];
  /** Indexes into `tokens` of the significant tokens, in order. */
  private readonly significant: readonly number[];
  /** For each significant '(' (by significant position), the significant position of its ')'. */
  private readonly closingParenthesis: ReadonlyMap<number, number>;
  private position = 0;
  /** How deep the parse is in parentheses, NOT and function calls (bounded, so the stack is safe). */
  private depth = 0;

  constructor(
    readonly kind: ExpressionKind,
    text: string,
  ) {
    this.tokens = tokenize(text);
    const significant: number[] = [];
    this.tokens.forEach((token, index) => {
      if (token.kind !== 'whitespace') significant.push(index);
    });
    this.significant = significant;
    this.closingParenthesis = matchParentheses(significant.map((index) => this.tokens[index] as Token));
  }

  /** Runs a nested parse, refusing nesting deep enough to threaten the stack with a syntax error. */
  nested<T>(parse: () => T): T {
    if (this.depth >= expressionLimits.parenthesesDepthMax) throw this.syntaxError();
    this.depth++;
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  get offset(): number {
    return this.position;
  }

  atEnd(): boolean {
    return this.position >= this.significant.length;
  }

  peek(ahead = 0): Token | undefined {
    const index = this.significant[this.position + ahead];
    return index === undefined ? undefined : this.tokens[index];
  }

  next(): Token {
    const token = this.peek();
    if (token === undefined) throw this.syntaxError();
    this.position++;
    return token;
  }

  isPunctuation(text: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token !== undefined && token.kind === 'punctuation' && token.text === text;
  }

  /** Keywords are identifiers compared case-insensitively. */
  isKeyword(word: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token !== undefined && token.kind === 'identifier' && token.text.toUpperCase() === word;
  }

  expectPunctuation(text: string): Token {
    if (!this.isPunctuation(text)) throw this.syntaxError();
    return this.next();
  }

  /** Distance from the cursor to the ')' matching the '(' `ahead` tokens on; undefined if unmatched. */
  closingParenthesisDistance(ahead = 0): number | undefined {
    const closing = this.closingParenthesis.get(this.position + ahead);
    return closing === undefined ? undefined : closing - this.position;
  }

  syntaxError(): DynamoDbError {
    const index = this.significant[this.position] ?? this.tokens.length;
    const problem = this.tokens[index];
    const before = this.tokens[index - 1];
    const after = this.tokens[index + 1];
    let near = '';
    if (before !== undefined) {
      const beforeThat = this.tokens[index - 2];
      if (before.kind === 'whitespace' && beforeThat !== undefined) near += beforeThat.text;
      near += before.text;
    }
    if (problem !== undefined) {
      near += problem.text;
      if (after !== undefined) {
        near += after.text;
        const afterThat = this.tokens[index + 2];
        if (after.kind === 'whitespace' && afterThat !== undefined) near += afterThat.text;
      }
    }
    const token = problem === undefined ? '<EOF>' : problem.text;
    return expressionError(this.kind, `Syntax error; token: "${token}", near: "${near}"`);
  }
}

function matchParentheses(tokens: readonly Token[]): Map<number, number> {
  const matches = new Map<number, number>();
  const open: number[] = [];
  tokens.forEach((token, position) => {
    if (token.kind !== 'punctuation') return;
    if (token.text === '(') open.push(position);
    if (token.text === ')') {
      const opening = open.pop();
      if (opening !== undefined) matches.set(opening, position);
    }
  });
  return matches;
}
