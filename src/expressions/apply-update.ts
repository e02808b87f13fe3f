/**
 * Applies an UpdateExpression to an item, as UpdateItem does after its condition passed.
 *
 * DynamoDB evaluates every right-hand side against the item as it was, and list indexes in every action
 * refer to positions before the update: `REMOVE a[1] SET a[3] = :v` on [2,3,4,5,6,7] gives [2,4,:v,6,7].
 * So the update runs in phases: compute values; replace in place (SET, ADD, DELETE); remove (REMOVE, and
 * DELETE that empties a set), highest index first; then append (SET or ADD past a list's end), lowest index
 * first. Overlapping paths never reach here: validation refuses them.
 */
import type { AttributeValue, Item } from '../model/attribute-value.js';
import type { UpdateAction, UpdateExpression } from './ast.js';
import type { Bindings } from './bindings.js';
import { type ResolvedPath, type ResolvedStep, resolvePath } from './document-path.js';
import { type Container, UpdateDocument, get, invalidPathError, put } from './apply-update-document.js';
import { addToValue, deleteFromValue, evaluateSetValue, isIncorrectDataTypeError, missingAttributeError } from './apply-update-values.js';
import { validationError } from '../lib/errors.js';
import { checkUpdatedItem } from './apply-update-limits.js';
import { positionsAfterMoves } from './apply-update-paths.js';
import { evaluateOperand } from './evaluate-operand.js';
import { unreachable } from '../lib/assert.js';

export interface UpdateResult {
  /** The item after the update. */
  readonly item: Item;
  /** Every path the update named, bound, as positions in the old item: ReturnValues UPDATED_OLD projects these. */
  readonly updatedPaths: readonly ResolvedPath[];
  /**
   * Where the values the update wrote sit in the new item (removed values left out, list positions after
   * removals and appends): ReturnValues UPDATED_NEW projects these.
   */
  readonly newPaths: readonly ResolvedPath[];
  /** The top-level attributes the update touched, each once, in the order first named. */
  readonly updatedAttributeNames: readonly string[];
}

interface Placement {
  readonly container: Container;
  readonly step: ResolvedStep;
  readonly value: AttributeValue;
}

interface Removal {
  readonly container: Container;
  readonly step: ResolvedStep;
}

/**
 * Where an update came from. The legacy AttributeUpdates parameter, converted to the same tree, reports a
 * type mismatch in its own words.
 */
export type UpdateSource = 'UpdateExpression' | 'AttributeUpdates';

/**
 * `item` undefined means the item does not exist: the update creates it from `key` (the key attributes
 * the request named). Throws DynamoDB's ValidationException when the update cannot apply to this item.
 */
export function applyUpdate(
  update: UpdateExpression,
  item: Item | undefined,
  key: Item,
  bindings: Bindings,
  source: UpdateSource = 'UpdateExpression',
): UpdateResult {
  try {
    return applyActions(update, item, key, bindings);
  } catch (error) {
    if (source === 'AttributeUpdates' && isIncorrectDataTypeError(error)) throw validationError('Type mismatch for attribute to update');
    throw error;
  }
}

function applyActions(update: UpdateExpression, item: Item | undefined, key: Item, bindings: Bindings): UpdateResult {
  const original = item ?? key;
  const actions = update.actions.map((action) => ({ action, path: resolvePath(action.path, bindings) }));
  const operands = actions.map(({ action }) => operandValue(action, original, bindings));
  const document = new UpdateDocument(original);
  const deferred: Deferred = { removals: [], appends: [] };
  const written: { readonly containers: Container[]; readonly path: ResolvedPath }[] = [];
  actions.forEach(({ action, path }, index) => {
    const containers = document.containersAlong(path);
    if (containers !== undefined) {
      applyInPlace(action, containers[containers.length - 1]!, path[path.length - 1]!, operands[index], deferred);
      if (action.kind !== 'remove') written.push({ containers, path });
    } else if (action.kind !== 'remove' || item !== undefined) {
      // DynamoDB ignores a REMOVE of any path when the item does not exist at all.
      throw invalidPathError();
    }
  });
  // Without removals or appends nothing moves: every written value is where its path names it.
  const moves = deferred.removals.length > 0 || deferred.appends.length > 0;
  const positionAfter = moves ? positionsAfterMoves(deferred) : undefined;
  const newPaths = positionAfter === undefined ? written.map(({ path }) => path) : written.map(({ containers, path }) => positionAfter(containers, path)).filter((path) => path !== undefined);
  applyRemovals(deferred.removals);
  applyAppends(deferred.appends);
  checkUpdatedItem(document.item);
  const updatedPaths = actions.map(({ path }) => path);
  return { item: document.item, updatedPaths, newPaths, updatedAttributeNames: topLevelNames(updatedPaths) };
}

/** Changes that would move list elements, kept until every in-place change is done. */
interface Deferred {
  readonly removals: Removal[];
  readonly appends: Placement[];
}

/** Replaces values in place; removals and appends past a list's end are deferred. */
function applyInPlace(action: UpdateAction, container: Container, step: ResolvedStep, operand: AttributeValue | undefined, deferred: Deferred): void {
  const existing = get(container, step);
  switch (action.kind) {
    case 'remove':
      deferred.removals.push({ container, step });
      return;
    case 'set':
    case 'add': {
      const value = action.kind === 'set' ? operand! : addToValue(existing, operand!);
      if (isPastEnd(container, step)) deferred.appends.push({ container, step, value });
      else put(container, step, value);
      return;
    }
    case 'delete': {
      if (existing === undefined) return;
      const remaining = deleteFromValue(existing, operand!);
      if (remaining === undefined) deferred.removals.push({ container, step });
      else put(container, step, remaining);
      return;
    }
    default:
      unreachable(action, 'update action');
  }
}

/** The value an action writes or combines, computed from the item before the update. */
function operandValue(action: UpdateAction, original: Item, bindings: Bindings): AttributeValue | undefined {
  switch (action.kind) {
    case 'set':
      return evaluateSetValue(action.value, original, bindings);
    case 'add':
    case 'delete': {
      const operand = evaluateOperand(action.value, original, bindings);
      if (operand === undefined) throw missingAttributeError();
      return operand;
    }
    case 'remove':
      return undefined;
    default:
      return unreachable(action, 'update action');
  }
}

function isPastEnd(container: Container, step: ResolvedStep): boolean {
  return container.kind === 'list' && typeof step === 'number' && step >= container.elements.length;
}

/** Removes list elements from the highest index down, so each index still means its original position. */
function applyRemovals(removals: readonly Removal[]): void {
  const ordered = [...removals].sort((left, right) => stepOrder(right.step) - stepOrder(left.step));
  for (const { container, step } of ordered) {
    if (container.kind === 'list') {
      if (typeof step === 'number' && step < container.elements.length) container.elements.splice(step, 1);
    } else if (typeof step === 'string') {
      delete container.entries[step];
    }
  }
}

/** Appends past a list's end land at the end, in index order (`SET a[84] = :x, a[17] = :y` adds y, then x). */
function applyAppends(appends: readonly Placement[]): void {
  const ordered = [...appends].sort((left, right) => stepOrder(left.step) - stepOrder(right.step));
  for (const { container, value } of ordered) {
    if (container.kind === 'list') container.elements.push(value);
  }
}

function stepOrder(step: ResolvedStep): number {
  return typeof step === 'number' ? step : 0;
}

function topLevelNames(paths: readonly ResolvedPath[]): string[] {
  const names = new Set<string>();
  for (const path of paths) names.add(path[0] as string);
  return [...names];
}
