import type { Item } from '../../model/attribute-value.js';
import { itemSizeBytes } from '../../model/item-size.js';
import { writeCapacityUnits } from '../../partition/capacity.js';
import type { PartitionSchema } from '../../partition/partition-schema.js';
import { writeCapacityOf, type WriteCapacity } from '../../partition/write-capacity.js';

/** The write units of one item write, or of several added up (a table's share of a BatchWriteItem). */
export type WriteUnits = WriteCapacity;

const noIndexUnits: ReadonlyMap<string, number> = new Map();

/** An item whose size the operation already computed (for the item size limit), so it is not computed again. */
export interface SizedItem {
  readonly item: Item;
  readonly sizeBytes: number;
}

/**
 * The units of one item write, as `writeCapacityOf` counts them. A table without indexes is charged by item
 * size alone, so the size known for the item the request carried is used when the partition wrote that same
 * item; with indexes, each index's share needs the items themselves.
 */
export function writeUnitsOf(schema: PartitionSchema, old: Item | undefined, next: Item | undefined, known?: SizedItem): WriteUnits {
  if (schema.localIndexes.length > 0 || schema.globalIndexes.length > 0) return writeCapacityOf(schema, old, next);
  const sizeOf = (item: Item | undefined): number => (item === undefined ? 0 : item === known?.item ? known.sizeBytes : itemSizeBytes(item));
  return { table: writeCapacityUnits(Math.max(sizeOf(old), sizeOf(next))), localIndexes: noIndexUnits, globalIndexes: noIndexUnits };
}

/** Units of several writes added up, index names in the order first seen. */
export function sumUnits(units: readonly WriteUnits[]): WriteUnits {
  let table = 0;
  let localIndexes: Map<string, number> | undefined;
  let globalIndexes: Map<string, number> | undefined;
  for (const one of units) {
    table += one.table;
    if (one.localIndexes.size > 0) localIndexes = addInto(localIndexes ?? new Map(), one.localIndexes);
    if (one.globalIndexes.size > 0) globalIndexes = addInto(globalIndexes ?? new Map(), one.globalIndexes);
  }
  return { table, localIndexes: localIndexes ?? noIndexUnits, globalIndexes: globalIndexes ?? noIndexUnits };
}

function addInto(sum: Map<string, number>, units: ReadonlyMap<string, number>): Map<string, number> {
  for (const [name, value] of units) sum.set(name, (sum.get(name) ?? 0) + value);
  return sum;
}
