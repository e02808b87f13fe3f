/**
 * The condition grammar, shared by ConditionExpression, FilterExpression and KeyConditionExpression:
 *
 *   condition  := and (OR and)*                      precedence NOT > AND > OR, all left-associative
 *   and        := not (AND not)*
 *   not        := NOT not | primary
 *   primary    := '(' condition ')' | term comparator term | term BETWEEN term AND term
 *               | term IN '(' term (',' term)* ')' | function
 *   term       := '(' term ')' | :value | path | function
 *
 * A '(' opens either a condition or a term; the token after its matching ')' decides which, so the parser
 * never backtracks. Function calls are parsed by name first and judged afterwards, because DynamoDB ranks a
 * misplaced function (e.g. `begins_with(a, :p) = :v`) below syntax errors but above everything else.
 */
import type { Comparator, Condition, DocumentPath, Operand } from './ast.js';
import { DeferredProblems, type ExpressionKind, conditionProblemRanking, expressionError } from './expression-errors.js';
import { expressionLimits } from './expression-limits.js';
import { type PathParsing, parsePath, startsPath } from './parse-path.js';
import { TokenCursor } from './token-cursor.js';

export type ConditionKind = Extract<ExpressionKind, 'ConditionExpression' | 'FilterExpression' | 'KeyConditionExpression'>;

const conditionKeywords: ReadonlySet<string> = new Set(['AND', 'OR', 'NOT', 'BETWEEN', 'IN']);
const comparators: ReadonlySet<string> = new Set(['=', '<>', '<', '<=', '>', '>=']);

/** Operand counts of the condition functions; `size` is the one that is an operand, not a condition. */
const conditionFunctionArity: ReadonlyMap<string, number> = new Map([
  ['attribute_exists', 1],
  ['attribute_not_exists', 1],
  ['attribute_type', 2],
  ['begins_with', 2],
  ['contains', 2],
  ['size', 1],
]);
const updateFunctionNames: ReadonlySet<string> = new Set(['if_not_exists', 'list_append']);

/** A parsed operand or function call, before it is known where it stands. */
type Term = { readonly kind: 'operand'; readonly operand: Operand } | { readonly kind: 'call'; readonly name: string; readonly operands: readonly Term[] };

/** Stands in for a part whose problem is already recorded: the tree is discarded when parsing ends. */
const placeholderPath: DocumentPath = { kind: 'path', elements: [{ kind: 'name', name: '' }] };

/** Parses condition text (non-empty, within the size limit: see parse-expression.ts). */
export function parseConditionText(kind: ConditionKind, text: string): Condition {
  const parser = new ConditionParser(kind, text);
  return parser.parseWhole();
}

class ConditionParser {
  private readonly cursor: TokenCursor;
  private readonly problems = new DeferredProblems(conditionProblemRanking);
  private readonly paths: PathParsing;

  constructor(
    private readonly kind: ConditionKind,
    text: string,
  ) {
    this.cursor = new TokenCursor(kind, text);
    this.paths = { cursor: this.cursor, problems: this.problems, keywords: conditionKeywords };
  }

  parseWhole(): Condition {
    const condition = this.parseOr();
    if (!this.cursor.atEnd()) throw this.cursor.syntaxError();
    const problem = this.problems.first();
    if (problem !== undefined) throw expressionError(this.kind, problem);
    return condition;
  }

  private parseOr(): Condition {
    let left = this.parseAnd();
    while (this.cursor.isKeyword('OR')) {
      this.cursor.next();
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): Condition {
    let left = this.parseNot();
    while (this.cursor.isKeyword('AND')) {
      this.cursor.next();
      left = { kind: 'and', left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): Condition {
    if (!this.cursor.isKeyword('NOT')) return this.parsePrimary();
    this.cursor.next();
    return this.cursor.nested(() => ({ kind: 'not', condition: this.parseNot() }));
  }

  private parsePrimary(): Condition {
    if (this.cursor.isPunctuation('(') && !this.parenthesisOpensTerm()) return this.parseConditionGroup();
    const term = this.parseTerm();
    const token = this.cursor.peek();
    if (token !== undefined && token.kind === 'punctuation' && comparators.has(token.text)) {
      this.cursor.next();
      const right = this.parseTerm();
      return { kind: 'comparison', comparator: token.text as Comparator, left: this.toOperand(term), right: this.toOperand(right) };
    }
    if (this.cursor.isKeyword('BETWEEN')) return this.parseBetween(term);
    if (this.cursor.isKeyword('IN')) return this.parseIn(term);
    if (term.kind === 'call') return this.toCondition(term);
    throw this.cursor.syntaxError();
  }

  /** A '(' whose group is followed by a comparator, BETWEEN or IN encloses a term, not a condition. */
  private parenthesisOpensTerm(): boolean {
    const distance = this.cursor.closingParenthesisDistance();
    if (distance === undefined) return false;
    const after = this.cursor.peek(distance + 1);
    if (after === undefined) return false;
    if (after.kind === 'punctuation') return comparators.has(after.text);
    return this.cursor.isKeyword('BETWEEN', distance + 1) || this.cursor.isKeyword('IN', distance + 1);
  }

  private parseConditionGroup(): Condition {
    const redundant = this.enclosesOneGroup();
    this.cursor.expectPunctuation('(');
    const condition = this.cursor.nested(() => this.parseOr());
    this.cursor.expectPunctuation(')');
    if (redundant) this.problems.record('parentheses', 'The expression has redundant parentheses;');
    return condition;
  }

  /** `((x))`: the group at the cursor holds nothing but another group. */
  private enclosesOneGroup(): boolean {
    const outer = this.cursor.closingParenthesisDistance();
    if (outer === undefined || !this.cursor.isPunctuation('(', 1)) return false;
    // Both distances count from the cursor: the inner ')' must sit just before the outer one.
    return this.cursor.closingParenthesisDistance(1) === outer - 1;
  }

  private parseBetween(term: Term): Condition {
    this.cursor.next();
    const lower = this.parseTerm();
    if (!this.cursor.isKeyword('AND')) throw this.cursor.syntaxError();
    this.cursor.next();
    const upper = this.parseTerm();
    return { kind: 'between', operand: this.toOperand(term), lower: this.toOperand(lower), upper: this.toOperand(upper) };
  }

  private parseIn(term: Term): Condition {
    this.cursor.next();
    const candidates = this.parseArguments().map((candidate) => this.toOperand(candidate));
    if (candidates.length > expressionLimits.inCandidatesMax) {
      this.problems.record(
        'operandCount',
        `The IN operator is provided with too many operands; number of operands: ${candidates.length}`,
      );
    }
    return { kind: 'in', operand: this.toOperand(term), candidates };
  }

  /** `'(' term (',' term)* ')'`, the argument list of IN and of every function. */
  private parseArguments(): Term[] {
    this.cursor.expectPunctuation('(');
    const operands = [this.parseTerm()];
    while (this.cursor.isPunctuation(',')) {
      this.cursor.next();
      operands.push(this.parseTerm());
    }
    this.cursor.expectPunctuation(')');
    return operands;
  }

  private parseTerm(): Term {
    const token = this.cursor.peek();
    if (token === undefined) throw this.cursor.syntaxError();
    if (token.kind === 'punctuation' && token.text === '(') {
      const redundant = this.enclosesOneGroup();
      this.cursor.next();
      const term = this.cursor.nested(() => this.parseTerm());
      this.cursor.expectPunctuation(')');
      if (redundant) this.problems.record('parentheses', 'The expression has redundant parentheses;');
      return term;
    }
    if (token.kind === 'valueReference') {
      this.cursor.next();
      return { kind: 'operand', operand: { kind: 'valueReference', placeholder: token.text } };
    }
    if (token.kind === 'identifier' && this.cursor.isPunctuation('(', 1) && startsPath(this.paths)) {
      this.cursor.next();
      const operands = this.cursor.nested(() => this.parseArguments());
      this.checkFunctionName(token.text);
      return { kind: 'call', name: token.text, operands };
    }
    return { kind: 'operand', operand: parsePath(this.paths) };
  }

  private checkFunctionName(name: string): void {
    if (conditionFunctionArity.has(name)) return;
    const message = updateFunctionNames.has(name)
      ? `The function is not allowed in a condition expression; function: ${name}`
      : `Invalid function name; function: ${name}`;
    this.problems.record('functionName', message);
  }

  private checkArity(term: Extract<Term, { kind: 'call' }>): boolean {
    const arity = conditionFunctionArity.get(term.name);
    if (arity === undefined) return false;
    if (arity === term.operands.length) return true;
    this.problems.record(
      'operandCount',
      `Incorrect number of operands for operator or function; operator or function: ${term.name}, number of operands: ${term.operands.length}`,
    );
    return false;
  }

  /** A term where a value is expected: only size() may be a function there. */
  private toOperand(term: Term): Operand {
    if (term.kind === 'operand') return term.operand;
    if (term.name !== 'size') {
      this.misused(term.name);
      return placeholderPath;
    }
    return { kind: 'size', path: this.sizePath(term) };
  }

  private sizePath(term: Extract<Term, { kind: 'call' }>): DocumentPath {
    const operands = term.operands.map((operand) => this.toOperand(operand));
    if (!this.checkArity(term)) return placeholderPath;
    return this.requirePath(term.name, operands[0]);
  }

  private misused(name: string): void {
    if (!conditionFunctionArity.has(name)) return; // an unknown name is already recorded
    this.problems.record('misusedFunction', `The function is not allowed to be used this way in an expression; function: ${name}`);
  }

  private requirePath(name: string, operand: Operand | undefined): DocumentPath {
    if (operand !== undefined && operand.kind === 'path') return operand;
    this.problems.record('documentPath', `Operator or function requires a document path; operator or function: ${name}`);
    return placeholderPath;
  }

  /** A function call standing as a condition. */
  private toCondition(term: Extract<Term, { kind: 'call' }>): Condition {
    const operands = term.operands.map((operand) => this.toOperand(operand));
    if (term.name === 'size') this.misused('size');
    const placeholder: Condition = { kind: 'attributeExists', path: placeholderPath };
    if (!this.checkArity(term)) return placeholder;
    const [first, second] = operands as [Operand, Operand];
    switch (term.name) {
      case 'attribute_exists':
        return { kind: 'attributeExists', path: this.requirePath(term.name, first) };
      case 'attribute_not_exists':
        return { kind: 'attributeNotExists', path: this.requirePath(term.name, first) };
      case 'attribute_type':
        return { kind: 'attributeType', path: this.requirePath(term.name, first), type: second };
      case 'begins_with':
        return { kind: 'beginsWith', subject: first, prefix: second };
      case 'contains':
        return { kind: 'contains', subject: first, operand: second };
      default:
        return placeholder;
    }
  }

}
