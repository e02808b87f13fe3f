import type { Item } from '../../model/attribute-value.js';
import { type KeyAttribute, keyAttributes, validateKey } from '../../model/key-schema.js';
import { checkItem } from '../../model/validate-attribute-value.js';
import { DynamoDbError, validationError } from '../../lib/errors.js';
import type { TableRoute } from '../../router/router.js';
import type { ReadIndex } from './read-select.js';

const INVALID_START_KEY = 'The provided starting key is invalid';
const KEY_MISMATCH = 'The provided key element does not match the schema';

/**
 * The problems DynamoDB reports inside "The provided starting key is invalid: …"; the others (numbers,
 * duplicates, an empty number set) it reports as they are.
 */
const PREFIXED_VALUE_PROBLEM =
  /^(Supplied AttributeValue |One or more parameter values were invalid: (Null attribute value types must have the value of true|An string set {2}may not be empty|Binary sets should not be empty)$)/;

/** The attribute values of ExclusiveStartKey, checked before the table is looked up. */
export function validateStartKeyValues(startKey: unknown): Item | undefined {
  if (startKey === undefined || startKey === null) return undefined;
  const result = checkItem(startKey);
  if (!result.ok) {
    if (result.error.type !== 'ValidationException' || !PREFIXED_VALUE_PROBLEM.test(result.error.message)) throw result.error;
    throw validationError(`${INVALID_START_KEY}: ${result.error.message}`);
  }
  return result.value;
}

/** The attributes a LastEvaluatedKey holds: the table's key, then the index's key attributes it adds. */
export function startKeyNames(route: TableRoute, index: ReadIndex | undefined): string[] {
  const names = keyAttributes(route.schema.key).map((attribute) => attribute.name);
  if (index !== undefined) for (const attribute of keyAttributes(index.index.key)) if (!names.includes(attribute.name)) names.push(attribute.name);
  return names;
}

/**
 * A Scan's ExclusiveStartKey against the index it reads: the number of attributes (a Scan of a table words
 * a wrong count as a key mismatch), then each key attribute of the index. The table's key is checked
 * later (checkStartKeyTableKey), after Select.
 */
export function checkStartKeyIndexSchema(startKey: Item, route: TableRoute, index: ReadIndex | undefined): void {
  if (index === undefined && Object.keys(startKey).length !== startKeyNames(route, index).length) {
    throw validationError(`${INVALID_START_KEY}: ${KEY_MISMATCH}`);
  }
  checkStartKeyCount(startKey, route, index);
  if (index !== undefined) for (const attribute of keyAttributes(index.index.key)) checkStartKeyAttribute(startKey, attribute);
}

/**
 * A Query checks its start key attribute by attribute, between its key-condition checks (see
 * query-operation.ts), as a Scan does without them: first only the number of attributes...
 */
export function checkStartKeyCount(startKey: Item, route: TableRoute, index: ReadIndex | undefined): void {
  if (Object.keys(startKey).length !== startKeyNames(route, index).length) throw validationError(INVALID_START_KEY);
}

/** ...then each key attribute of the key read: present, and of its schema type... */
export function checkStartKeyAttribute(startKey: Item, attribute: KeyAttribute): void {
  const value = startKey[attribute.name];
  if (value === undefined) throw validationError(INVALID_START_KEY);
  if (!(attribute.type in value)) throw validationError(KEY_MISMATCH);
}

/** ...and last the table's own key, whose problems DynamoDB words inside "The provided starting key is invalid: …". */
export function checkStartKeyTableKey(startKey: Item, route: TableRoute): void {
  try {
    validateKey(lastEvaluatedKey(startKey, keyAttributes(route.schema.key).map((attribute) => attribute.name)), route.schema.key);
  } catch (error) {
    if (error instanceof DynamoDbError) throw validationError(`${INVALID_START_KEY}: ${error.message}`);
    throw error;
  }
}

/** The LastEvaluatedKey of a page: the start-key attributes of the last item read. */
export function lastEvaluatedKey(item: Item, names: readonly string[]): Item {
  const key: Record<string, Item[string]> = {};
  for (const name of names) {
    const value = item[name];
    if (value !== undefined) key[name] = value;
  }
  return key;
}
