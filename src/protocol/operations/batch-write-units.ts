import type { WriteCapacity } from '../../partition/write-capacity.js';

/** The write units of one item write, or of several added up (a table's share of a BatchWriteItem). */
export type WriteUnits = WriteCapacity;

export const emptyWriteUnits: WriteUnits = { table: 0, localIndexes: new Map(), globalIndexes: new Map() };

export function addUnits(sum: WriteUnits, units: WriteUnits): WriteUnits {
  return {
    table: sum.table + units.table,
    localIndexes: addByName(sum.localIndexes, units.localIndexes),
    globalIndexes: addByName(sum.globalIndexes, units.globalIndexes),
  };
}

function addByName(sum: ReadonlyMap<string, number>, units: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
  const added = new Map(sum);
  for (const [name, value] of units) added.set(name, (added.get(name) ?? 0) + value);
  return added;
}
