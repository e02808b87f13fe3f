import type { AttributeValue, Item } from '../model/attribute-value.js';
import type { KeySchema } from '../model/key-schema.js';
import type { Projection } from './partition-schema.js';

export function keyAttributeNames(key: KeySchema): string[] {
  return key.sortKey === undefined ? [key.partitionKey.name] : [key.partitionKey.name, key.sortKey.name];
}

/** Whether an item has every key attribute of an index (an item without them is not in the index). */
export function hasIndexKey(item: Item, indexKey: KeySchema): boolean {
  const partitionValue = item[indexKey.partitionKey.name];
  if (partitionValue === undefined || !(indexKey.partitionKey.type in partitionValue)) return false;
  if (indexKey.sortKey === undefined) return true;
  const sortValue = item[indexKey.sortKey.name];
  return sortValue !== undefined && indexKey.sortKey.type in sortValue;
}

/** The copy of a table item an index keeps: table key, index key, and the projected attributes. */
export function projectItem(item: Item, tableKey: KeySchema, indexKey: KeySchema, projection: Projection): Item {
  if (projection.type === 'ALL') return item;
  const projected: Record<string, AttributeValue> = {};
  const copy = (name: string): void => {
    const value = item[name];
    if (value !== undefined) projected[name] = value;
  };
  for (const name of keyAttributeNames(tableKey)) copy(name);
  for (const name of keyAttributeNames(indexKey)) copy(name);
  if (projection.type === 'INCLUDE') for (const name of projection.nonKeyAttributes) copy(name);
  return projected;
}
