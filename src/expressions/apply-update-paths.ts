/**
 * Where an update's values sit in the new item, for ReturnValues UPDATED_NEW. An action's path names list
 * positions before the update; removals and appends move elements, so `REMOVE a[1] SET a[3] = :v` leaves
 * the new value at a[2], and `SET a[9] = :v` on a three-element list leaves it at a[3]. Removed values have
 * no new position.
 */
import type { ResolvedPath, ResolvedStep } from './document-path.js';
import type { Container } from './apply-update-document.js';

/** The moves an update defers, known before they are made: values removed, list positions appended. */
export interface ListMoves {
  readonly removals: readonly { readonly container: Container; readonly step: ResolvedStep }[];
  readonly appends: readonly { readonly container: Container; readonly step: ResolvedStep }[];
}

export type PositionMap = (containers: readonly Container[], path: ResolvedPath) => ResolvedPath | undefined;

/**
 * Builds the mapping from an original path (with the containers it passes through, captured before any
 * list moved) to its path after the moves. Call before the moves are applied: it reads list lengths.
 */
export function positionsAfterMoves(moves: ListMoves): PositionMap {
  const removed = new Map<Container, number[]>();
  const removedKeys = new Map<Container, string[]>();
  for (const { container, step } of moves.removals) {
    if (typeof step === 'string') removedKeys.set(container, [...(removedKeys.get(container) ?? []), step]);
    else if (container.kind === 'list' && step < container.elements.length) removed.set(container, [...(removed.get(container) ?? []), step]);
  }
  const appended = new Map<Container, number[]>();
  for (const { container, step } of moves.appends) {
    if (typeof step === 'number') appended.set(container, [...(appended.get(container) ?? []), step]);
  }
  for (const indexes of appended.values()) indexes.sort((left, right) => left - right);
  const finalIndex = (container: Container, index: number): number | undefined => {
    if (container.kind !== 'list') return index;
    const removedHere = removed.get(container) ?? [];
    if (index < container.elements.length) {
      return removedHere.includes(index) ? undefined : index - removedHere.filter((other) => other < index).length;
    }
    const rank = (appended.get(container) ?? []).indexOf(index);
    return rank < 0 ? undefined : container.elements.length - removedHere.length + rank;
  };
  return (containers, path) => {
    const result: ResolvedStep[] = [];
    for (let level = 0; level < path.length; level++) {
      const step = path[level]!;
      const container = containers[level]!;
      const moved = typeof step === 'number' ? finalIndex(container, step) : removedKeys.get(container)?.includes(step) ? undefined : step;
      if (moved === undefined) return undefined;
      result.push(moved);
    }
    return result;
  };
}
