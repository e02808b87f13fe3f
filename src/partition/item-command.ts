import type { Item } from '../model/attribute-value.js';
import { unreachable } from '../lib/assert.js';
import type { WriteDecision } from './partition.js';

/**
 * A single-item write as data, so that it can travel to whichever node leads the partition. Conditions
 * and update programs (the expression language) join this union as fields of their own.
 */
export type ItemWriteCommand =
  | { readonly kind: 'put'; readonly item: Item }
  | { readonly kind: 'delete' };

/** Why a partition refused a write command (none yet: conditions bring the first). */
export type ItemWriteRefusal = never;

export function decideItemWrite(command: ItemWriteCommand, _old: Item | undefined): WriteDecision<ItemWriteRefusal> {
  switch (command.kind) {
    case 'put':
      return { kind: 'put', item: command.item };
    case 'delete':
      return { kind: 'delete' };
    default:
      return unreachable(command);
  }
}
