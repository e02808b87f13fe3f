/**
 * The expression language's abstract syntax tree: immutable nodes with a `kind` discriminant, one union per
 * grammar category, so every consumer (validation, evaluation, update application, legacy conversion)
 * switches exhaustively and the compiler proves it handled every node.
 *
 * Trees are parsed from expression text alone and cached by that text, so placeholders stay unresolved in
 * the tree (`#name` in paths, `:value` as operands); a request binds them when it validates and evaluates.
 */
import type { AttributeValue } from '../model/attribute-value.js';

// ---- document paths -----------------------------------------------------------------------------------

/** One step of a document path: a map key / top-level name, or a list index. */
export type PathElement =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'nameReference'; readonly placeholder: string }
  | { readonly kind: 'index'; readonly index: number };

/** `a.b[2].#c`: the first element is always a name or name reference. */
export interface DocumentPath {
  readonly kind: 'path';
  readonly elements: readonly PathElement[];
}

// ---- operands -----------------------------------------------------------------------------------------

/** A `:value` placeholder, resolved from ExpressionAttributeValues. */
export interface ValueReference {
  readonly kind: 'valueReference';
  readonly placeholder: string;
}

/**
 * A literal attribute value. The expression text has no literals; the legacy parameters (Expected,
 * QueryFilter, AttributeUpdates...) carry their values inline and convert to trees with these.
 */
export interface LiteralValue {
  readonly kind: 'literal';
  readonly value: AttributeValue;
}

/** `size(path)`: a number, usable wherever an operand is. */
export interface SizeFunction {
  readonly kind: 'size';
  readonly path: DocumentPath;
}

export type Operand = DocumentPath | ValueReference | LiteralValue | SizeFunction;

// ---- conditions (ConditionExpression, FilterExpression, KeyConditionExpression) ----------------------

export type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type Condition =
  | { readonly kind: 'comparison'; readonly comparator: Comparator; readonly left: Operand; readonly right: Operand }
  | { readonly kind: 'between'; readonly operand: Operand; readonly lower: Operand; readonly upper: Operand }
  | { readonly kind: 'in'; readonly operand: Operand; readonly candidates: readonly Operand[] }
  | { readonly kind: 'and'; readonly left: Condition; readonly right: Condition }
  | { readonly kind: 'or'; readonly left: Condition; readonly right: Condition }
  | { readonly kind: 'not'; readonly condition: Condition }
  | { readonly kind: 'attributeExists'; readonly path: DocumentPath }
  | { readonly kind: 'attributeNotExists'; readonly path: DocumentPath }
  | { readonly kind: 'attributeType'; readonly path: DocumentPath; readonly type: Operand }
  | { readonly kind: 'beginsWith'; readonly subject: Operand; readonly prefix: Operand }
  | { readonly kind: 'contains'; readonly subject: Operand; readonly operand: Operand };

// ---- projections (ProjectionExpression) -----------------------------------------------------------------

export interface Projection {
  readonly kind: 'projection';
  readonly paths: readonly DocumentPath[];
}

// ---- updates (UpdateExpression) ---------------------------------------------------------------------------

/** The right-hand side of `SET path = ...`. */
export type SetValue =
  | SetOperand
  | { readonly kind: 'plus'; readonly left: SetOperand; readonly right: SetOperand }
  | { readonly kind: 'minus'; readonly left: SetOperand; readonly right: SetOperand };

/** What `+`, `-` and `list_append` combine: a path, a value, or a function call. */
export type SetOperand = Operand | IfNotExists | ListAppend;

export interface IfNotExists {
  readonly kind: 'ifNotExists';
  readonly path: DocumentPath;
  readonly fallback: SetOperand;
}

export interface ListAppend {
  readonly kind: 'listAppend';
  readonly first: SetOperand;
  readonly second: SetOperand;
}

export type UpdateAction =
  | { readonly kind: 'set'; readonly path: DocumentPath; readonly value: SetValue }
  | { readonly kind: 'remove'; readonly path: DocumentPath }
  | { readonly kind: 'add'; readonly path: DocumentPath; readonly value: Operand }
  | { readonly kind: 'delete'; readonly path: DocumentPath; readonly value: Operand };

/** Actions in the order they appear in the expression (clauses may come in any order, each at most once). */
export interface UpdateExpression {
  readonly kind: 'update';
  readonly actions: readonly UpdateAction[];
  /**
   * A function called with the wrong number of operands. DynamoDB reports it only after the checks on
   * paths and ADD/DELETE operands (validate-update.ts), so the parser keeps it here instead of throwing.
   */
  readonly operandCountProblem?: string;
}
