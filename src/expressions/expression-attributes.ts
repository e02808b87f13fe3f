/**
 * ExpressionAttributeNames and ExpressionAttributeValues across all the expressions of one request, in
 * DynamoDB's order: the maps themselves (present only with expressions, not empty, well-formed keys, valid
 * values), then each expression's placeholders (UpdateExpression, ConditionExpression,
 * KeyConditionExpression, FilterExpression, ProjectionExpression), then placeholders nobody used.
 */
import type { AttributeValue } from '../model/attribute-value.js';
import { validationError } from '../lib/errors.js';
import { checkAttributeValue } from '../model/validate-attribute-value.js';
import type { Condition, Projection, UpdateExpression } from './ast.js';
import type { Bindings } from './bindings.js';
import { type ExpressionKind, expressionError } from './expression-errors.js';
import {
  type Reference,
  conditionReferences,
  projectionReferences,
  updateReferences,
} from './expression-references.js';

/** The parsed expressions of one request; absent ones are undefined. */
export interface ExpressionTrees {
  readonly update?: UpdateExpression | undefined;
  readonly condition?: Condition | undefined;
  readonly keyCondition?: Condition | undefined;
  readonly filter?: Condition | undefined;
  readonly projection?: Projection | undefined;
}

/** The two maps as the request carried them (after the request-shape layer: names map to strings). */
export interface ExpressionAttributeMaps {
  readonly names?: Readonly<Record<string, string>> | undefined;
  readonly values?: Readonly<Record<string, unknown>> | undefined;
}

/** What the operation's request holds, for the "can only be specified when using expressions" checks. */
export interface ExpressionUsage {
  /** True when the request has any expression parameter at all. */
  readonly anyExpression: boolean;
  /**
   * The operation's expression parameters that can use values (all but ProjectionExpression), in
   * DynamoDB's order, and whether each is present: `[['UpdateExpression', false], ['ConditionExpression', true]]`.
   */
  readonly valueExpressions: readonly (readonly [ExpressionKind, boolean])[];
}

const nameKeyPattern = /^#[0-9A-Za-z_]+$/;
const valueKeyPattern = /^:[0-9A-Za-z_]+$/;

/**
 * The checks on the maps alone. DynamoDB makes them before it parses any expression, so an operation that
 * wants DynamoDB's exact precedence calls this first, then parses, then calls validateExpressionAttributes.
 */
export function validateAttributeMaps(maps: ExpressionAttributeMaps, usage?: ExpressionUsage): Bindings {
  if (usage !== undefined) checkUsage(maps, usage);
  // Keys are checked against their patterns before they are set, so none is "__proto__".
  const names: Record<string, string> = {};
  if (maps.names !== undefined) {
    const keys = Object.keys(maps.names);
    if (keys.length === 0) throw validationError('ExpressionAttributeNames must not be empty');
    for (const key of keys) {
      if (!nameKeyPattern.test(key)) throw validationError(`ExpressionAttributeNames contains invalid key: Syntax error; key: "${key}"`);
      names[key] = maps.names[key] as string;
    }
  }
  return { names, values: validateValues(maps.values) };
}

function checkUsage(maps: ExpressionAttributeMaps, usage: ExpressionUsage): void {
  if (maps.names !== undefined && !usage.anyExpression) {
    throw validationError('ExpressionAttributeNames can only be specified when using expressions');
  }
  const kinds = usage.valueExpressions.map(([kind]) => kind);
  if (maps.values !== undefined && kinds.length > 0 && usage.valueExpressions.every(([, present]) => !present)) {
    const verb = kinds.length > 1 ? 'are' : 'is';
    throw validationError(`ExpressionAttributeValues can only be specified when using expressions: ${kinds.join(' and ')} ${verb} null`);
  }
}

function validateValues(input: Readonly<Record<string, unknown>> | undefined): Record<string, AttributeValue> {
  const values: Record<string, AttributeValue> = {};
  if (input === undefined) return values;
  const keys = Object.keys(input);
  if (keys.length === 0) throw validationError('ExpressionAttributeValues must not be empty');
  for (const key of keys) {
    if (!valueKeyPattern.test(key)) throw validationError(`ExpressionAttributeValues contains invalid key: Syntax error; key: "${key}"`);
  }
  for (const key of keys) {
    const result = checkAttributeValue(input[key]);
    if (!result.ok) {
      if (result.error.type !== 'ValidationException') throw result.error;
      throw validationError(`ExpressionAttributeValues contains invalid value: ${result.error.message} for key ${key}`);
    }
    values[key] = result.value;
  }
  return values;
}

/**
 * Validates the maps against the parsed expressions of one request and returns the bindings. Trees must
 * already be parsed (parse errors come first). Includes validateAttributeMaps, which is idempotent.
 * `beforeUnused` runs the checks on bound values that DynamoDB makes after undefined placeholders but
 * before unused ones (an item operation's update and condition checks).
 */
export function validateExpressionAttributes(
  trees: ExpressionTrees,
  maps: ExpressionAttributeMaps,
  usage?: ExpressionUsage,
  beforeUnused?: (bindings: Bindings) => void,
): Bindings {
  return checkBindings(trees, validateAttributeMaps(maps, usage), beforeUnused);
}

/**
 * As validateExpressionAttributes, for bindings validateAttributeMaps already returned (an operation that
 * checks the maps before it parses its expressions does not check them twice).
 */
export function checkBindings(trees: ExpressionTrees, bindings: Bindings, beforeUnused?: (bindings: Bindings) => void): Bindings {
  const usedNames = new Set<string>();
  const usedValues = new Set<string>();
  for (const [kind, references] of referencesByExpression(trees)) {
    checkDefined(kind, references, bindings);
    for (const reference of references) (reference.kind === 'name' ? usedNames : usedValues).add(reference.placeholder);
  }
  beforeUnused?.(bindings);
  checkUnused('ExpressionAttributeNames', Object.keys(bindings.names), usedNames);
  checkUnused('ExpressionAttributeValues', Object.keys(bindings.values), usedValues);
  return bindings;
}

/** Undefined placeholders in the given trees only (a read checks its expressions one at a time). */
export function checkPlaceholdersDefined(trees: ExpressionTrees, bindings: Bindings): void {
  for (const [kind, references] of referencesByExpression(trees)) checkDefined(kind, references, bindings);
}

function referencesByExpression(trees: ExpressionTrees): [ExpressionKind, readonly Reference[]][] {
  const result: [ExpressionKind, readonly Reference[]][] = [];
  const { update, condition, keyCondition, filter, projection } = trees;
  if (update !== undefined) result.push(['UpdateExpression', referencesOf(updateReferenceLists, update, updateReferences, true)]);
  if (condition !== undefined) result.push(['ConditionExpression', referencesOf(conditionReferenceLists, condition, conditionReferences, false)]);
  if (keyCondition !== undefined) result.push(['KeyConditionExpression', referencesOf(conditionReferenceLists, keyCondition, conditionReferences, false)]);
  if (filter !== undefined) result.push(['FilterExpression', referencesOf(conditionReferenceLists, filter, conditionReferences, false)]);
  if (projection !== undefined) result.push(['ProjectionExpression', referencesOf(projectionReferenceLists, projection, projectionReferences, false)]);
  return result;
}

/**
 * Each tree's placeholders, in the order they are checked: an update's names before its values (the
 * sort is stable), a condition's and a projection's in document order. Trees are immutable and the parse
 * cache hands out the same tree for the same text, so a hot expression's list is collected once.
 */
const updateReferenceLists = new WeakMap<UpdateExpression, readonly Reference[]>();
const conditionReferenceLists = new WeakMap<Condition, readonly Reference[]>();
const projectionReferenceLists = new WeakMap<Projection, readonly Reference[]>();

function referencesOf<T extends object>(
  lists: WeakMap<T, readonly Reference[]>,
  tree: T,
  collect: (tree: T, into: Reference[]) => void,
  namesBeforeValues: boolean,
): readonly Reference[] {
  let references = lists.get(tree);
  if (references === undefined) {
    const collected: Reference[] = [];
    collect(tree, collected);
    references = namesBeforeValues ? collected.sort(namesFirst) : collected;
    lists.set(tree, references);
  }
  return references;
}

/** Undefined placeholders: an update reports undefined names before undefined values, a condition the first in order. */
function checkDefined(kind: ExpressionKind, references: readonly Reference[], bindings: Bindings): void {
  for (const reference of references) {
    if (reference.kind === 'name' && !Object.hasOwn(bindings.names, reference.placeholder)) {
      throw expressionError(
        kind,
        `An expression attribute name used in the document path is not defined; attribute name: ${reference.placeholder}`,
      );
    }
    if (reference.kind === 'value' && !Object.hasOwn(bindings.values, reference.placeholder)) {
      throw expressionError(kind, `An expression attribute value used in expression is not defined; attribute value: ${reference.placeholder}`);
    }
  }
}

function namesFirst(left: Reference, right: Reference): number {
  return left.kind === right.kind ? 0 : left.kind === 'name' ? -1 : 1;
}

function checkUnused(parameter: string, provided: Iterable<string>, used: ReadonlySet<string>): void {
  const unused = [...provided].filter((key) => !used.has(key));
  if (unused.length > 0) throw validationError(`Value provided in ${parameter} unused in expressions: keys: {${unused.join(', ')}}`);
}
