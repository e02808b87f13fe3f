/**
 * The update grammar:
 *
 *   update     := clause+                       each of SET, REMOVE, ADD, DELETE at most once, any order
 *   clause     := SET set (',' set)* | REMOVE path (',' path)* | ADD path :value (',' ...)* | DELETE ...
 *   set        := path '=' value
 *   value      := '(' value ')' | operand (('+' | '-') operand)?
 *   operand    := '(' operand ')' | :value | path | if_not_exists(path, operand) | list_append(operand, operand)
 *
 * As in conditions, the token after a '(' group's matching ')' tells a grouped value from a grouped operand.
 */
import type { DocumentPath, SetOperand, SetValue, UpdateAction, UpdateExpression } from './ast.js';
import { DeferredProblems, expressionError, updateProblemRanking } from './expression-errors.js';
import { type PathParsing, parsePath, startsPath } from './parse-path.js';
import { TokenCursor } from './token-cursor.js';

const clauseKeywords: ReadonlySet<string> = new Set(['SET', 'REMOVE', 'ADD', 'DELETE']);
const updateFunctionNames: ReadonlySet<string> = new Set(['if_not_exists', 'list_append']);
const conditionFunctionNames: ReadonlySet<string> = new Set([
  'attribute_exists',
  'attribute_not_exists',
  'attribute_type',
  'begins_with',
  'contains',
  'size',
]);

type Clause = 'SET' | 'REMOVE' | 'ADD' | 'DELETE';

const placeholderPath: DocumentPath = { kind: 'path', elements: [{ kind: 'name', name: '' }] };

/** Parses update text (non-empty, within the size limit: see parse-expression.ts). */
export function parseUpdateText(text: string): UpdateExpression {
  return new UpdateParser(text).parseWhole();
}

class UpdateParser {
  private readonly cursor: TokenCursor;
  private readonly problems = new DeferredProblems(updateProblemRanking);
  private readonly paths: PathParsing;
  private readonly clausesSeen = new Set<Clause>();
  private readonly actions: UpdateAction[] = [];
  private operandCountProblem: string | undefined;

  constructor(text: string) {
    this.cursor = new TokenCursor('UpdateExpression', text);
    this.paths = { cursor: this.cursor, problems: this.problems, keywords: clauseKeywords };
  }

  parseWhole(): UpdateExpression {
    do this.parseClause();
    while (!this.cursor.atEnd());
    const problem = this.problems.first();
    if (problem !== undefined) throw expressionError('UpdateExpression', problem);
    const late = this.operandCountProblem;
    return { kind: 'update', actions: this.actions, ...(late === undefined ? {} : { operandCountProblem: late }) };
  }

  private parseClause(): void {
    const token = this.cursor.peek();
    const clause = token?.kind === 'identifier' ? token.text.toUpperCase() : '';
    if (!clauseKeywords.has(clause)) throw this.cursor.syntaxError();
    this.cursor.next();
    if (this.clausesSeen.has(clause as Clause)) {
      this.problems.record('section', `The "${clause}" section can only be used once in an update expression;`);
    }
    this.clausesSeen.add(clause as Clause);
    do this.actions.push(this.parseAction(clause as Clause));
    while (this.consumeComma());
  }

  private consumeComma(): boolean {
    if (!this.cursor.isPunctuation(',')) return false;
    this.cursor.next();
    return true;
  }

  private parseAction(clause: Clause): UpdateAction {
    const path = parsePath(this.paths);
    switch (clause) {
      case 'SET':
        this.cursor.expectPunctuation('=');
        return { kind: 'set', path, value: this.parseValue() };
      case 'REMOVE':
        return { kind: 'remove', path };
      case 'ADD':
        return { kind: 'add', path, value: this.parseValueReference() };
      case 'DELETE':
        return { kind: 'delete', path, value: this.parseValueReference() };
    }
  }

  private parseValueReference(): { kind: 'valueReference'; placeholder: string } {
    const token = this.cursor.peek();
    if (token?.kind !== 'valueReference') throw this.cursor.syntaxError();
    this.cursor.next();
    return { kind: 'valueReference', placeholder: token.text };
  }

  private parseValue(): SetValue {
    if (this.cursor.isPunctuation('(') && !this.groupPrecedesArithmetic()) {
      this.cursor.next();
      const value = this.cursor.nested(() => this.parseValue());
      this.cursor.expectPunctuation(')');
      return value;
    }
    const left = this.parseOperand();
    for (const sign of ['+', '-'] as const) {
      if (!this.cursor.isPunctuation(sign)) continue;
      this.cursor.next();
      return { kind: sign === '+' ? 'plus' : 'minus', left, right: this.parseOperand() };
    }
    return left;
  }

  private groupPrecedesArithmetic(): boolean {
    const distance = this.cursor.closingParenthesisDistance();
    if (distance === undefined) return false;
    return this.cursor.isPunctuation('+', distance + 1) || this.cursor.isPunctuation('-', distance + 1);
  }

  private parseOperand(): SetOperand {
    const token = this.cursor.peek();
    if (token === undefined) throw this.cursor.syntaxError();
    if (token.kind === 'punctuation' && token.text === '(') {
      this.cursor.next();
      const operand = this.cursor.nested(() => this.parseOperand());
      this.cursor.expectPunctuation(')');
      return operand;
    }
    if (token.kind === 'valueReference') {
      this.cursor.next();
      return { kind: 'valueReference', placeholder: token.text };
    }
    if (token.kind === 'identifier' && this.cursor.isPunctuation('(', 1) && startsPath(this.paths)) {
      return this.parseFunction(token.text);
    }
    return parsePath(this.paths);
  }

  private parseFunction(name: string): SetOperand {
    this.cursor.next();
    this.cursor.expectPunctuation('(');
    const operands = [this.cursor.nested(() => this.parseOperand())];
    while (this.consumeComma()) operands.push(this.cursor.nested(() => this.parseOperand()));
    this.cursor.expectPunctuation(')');
    if (!updateFunctionNames.has(name)) {
      const message = conditionFunctionNames.has(name)
        ? `The function is not allowed in an update expression; function: ${name}`
        : `Invalid function name; function: ${name}`;
      this.problems.record('functionName', message);
      return placeholderPath;
    }
    if (operands.length !== 2) {
      this.operandCountProblem ??= `Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${operands.length}`;
      // The operands stay in the tree so that their placeholders are checked (defined, used) first.
      return operands.reduce((first, second) => ({ kind: 'listAppend', first, second }));
    }
    const [first, second] = operands as [SetOperand, SetOperand];
    if (name === 'list_append') return { kind: 'listAppend', first, second };
    if (first.kind !== 'path') {
      this.problems.record('documentPath', `Operator or function requires a document path; operator or function: ${name}`);
      return placeholderPath;
    }
    return { kind: 'ifNotExists', path: first, fallback: second };
  }

}
