import type { AttributeValue, Item } from '../model/attribute-value.js';
import { itemSizeBytes } from '../model/item-size.js';
import { writeCapacityUnits } from './capacity.js';
import { encodeIndexKey } from './item-key.js';
import type { KeySchema } from '../model/key-schema.js';
import type { PartitionSchema, Projection } from './partition-schema.js';
import { hasIndexKey, projectItem } from './projection.js';
import { sameBytes } from './storage-keys.js';

export interface WriteCapacity {
  readonly table: number;
  readonly localIndexes: ReadonlyMap<string, number>;
  readonly globalIndexes: ReadonlyMap<string, number>;
}

/**
 * The write units one item write consumes: the table is charged for the larger of the old and new item
 * (at least one unit, even when nothing was there to delete); each index for what it stores: nothing
 * when the item is in neither version or the stored copy is unchanged, one write for an insert, an
 * in-place update or a removal, and two (removal plus insert) when the index key changes.
 */
export function writeCapacityOf(schema: PartitionSchema, old: Item | undefined, next: Item | undefined, transactional = false): WriteCapacity {
  const sizeBytes = Math.max(old === undefined ? 0 : itemSizeBytes(old), next === undefined ? 0 : itemSizeBytes(next));
  const localIndexes = new Map<string, number>();
  for (const index of schema.localIndexes) {
    localIndexes.set(index.name, indexUnits(schema.key, index.key, index.projection, old, next, transactional));
  }
  const globalIndexes = new Map<string, number>();
  for (const index of schema.globalIndexes) {
    globalIndexes.set(index.name, indexUnits(schema.key, index.key, index.projection, old, next, transactional));
  }
  return { table: writeCapacityUnits(sizeBytes, transactional), localIndexes, globalIndexes };
}

function indexUnits(
  tableKey: KeySchema,
  indexKey: KeySchema,
  projection: Projection,
  old: Item | undefined,
  next: Item | undefined,
  transactional: boolean,
): number {
  const before = old !== undefined && hasIndexKey(old, indexKey) ? projectItem(old, tableKey, indexKey, projection) : undefined;
  const after = next !== undefined && hasIndexKey(next, indexKey) ? projectItem(next, tableKey, indexKey, projection) : undefined;
  const units = (item: Item): number => writeCapacityUnits(itemSizeBytes(item), transactional);
  if (before === undefined) return after === undefined ? 0 : units(after);
  if (after === undefined) return units(before);
  if (!sameBytes(encodeIndexKey(before, indexKey), encodeIndexKey(after, indexKey))) return units(before) + units(after);
  if (canonicalText({ M: before }) === canonicalText({ M: after })) return 0;
  return Math.max(units(before), units(after));
}

/**
 * A text equal for equal values: items keep attributes in the order the client sent them, and sets their
 * members, so the same stored copy can arrive in another order, and that is no change to the index.
 */
function canonicalText(value: AttributeValue): string {
  if ('M' in value) {
    const entries = Object.keys(value.M)
      .sort()
      .map((name) => `${JSON.stringify(name)}:${canonicalText(value.M[name] as AttributeValue)}`);
    return `{"M":{${entries.join(',')}}}`;
  }
  if ('L' in value) return `{"L":[${value.L.map(canonicalText).join(',')}]}`;
  if ('SS' in value) return JSON.stringify({ SS: [...value.SS].sort() });
  if ('NS' in value) return JSON.stringify({ NS: [...value.NS].sort() });
  if ('BS' in value) return JSON.stringify({ BS: [...value.BS].sort() });
  return JSON.stringify(value);
}
