/**
 * The checks DynamoDB makes on the item an update produces: its size against the 400 KB limit (with the
 * update's own message) and the nesting depth of its documents.
 */
import type { AttributeValue, Item } from '../model/attribute-value.js';
import { itemSizeBytes } from '../model/item-size.js';
import { limits } from '../lib/limits.js';
import { validationError } from '../lib/errors.js';

const itemTooLargeMessage = 'Item size to update has exceeded the maximum allowed size';
const nestingMessage = 'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit';

export function checkUpdatedItem(item: Item): void {
  if (itemSizeBytes(item) > limits.itemSizeBytesMax) throw validationError(itemTooLargeMessage);
  for (const name of Object.keys(item)) {
    if (nestingLevels(item[name]!) > limits.documentNestingDepthMax) throw validationError(nestingMessage);
  }
}

/**
 * Levels a value occupies, counted as request validation counts them: an item's attribute is at level 1,
 * each element of a map or list one level below its container.
 */
function nestingLevels(value: AttributeValue): number {
  let deepest = 0;
  if ('L' in value) for (const element of value.L) deepest = Math.max(deepest, nestingLevels(element));
  else if ('M' in value) for (const name of Object.keys(value.M)) deepest = Math.max(deepest, nestingLevels(value.M[name]!));
  return deepest + 1;
}
