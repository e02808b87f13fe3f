import type { Item } from '../../model/attribute-value.js';
import { type KeyAttribute, type KeySchema, keyAttributes, validateKey } from '../../model/key-schema.js';
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
 * ExclusiveStartKey against the table (and index): exactly the key attributes of both, each of its
 * schema type. A Scan of a table words a wrong attribute count as a key mismatch. The key a read goes by
 * (a Query's table or index key, a Scan's index key) is checked first and its mismatch reported bare;
 * the table key after it, inside "The provided starting key is invalid: …".
 */
export function checkStartKeySchema(startKey: Item, route: TableRoute, index: ReadIndex | undefined, operation: 'Query' | 'Scan'): void {
  const names = startKeyNames(route, index);
  const tableScan = operation === 'Scan' && index === undefined;
  if (Object.keys(startKey).length !== names.length || names.some((name) => !Object.hasOwn(startKey, name))) {
    throw validationError(tableScan ? `${INVALID_START_KEY}: ${KEY_MISMATCH}` : INVALID_START_KEY);
  }
  if (!tableScan) checkTypes(startKey, index === undefined ? route.schema.key : index.index.key);
  checkStartKeyTableKey(startKey, route);
}

/**
 * A Query checks its start key attribute by attribute, between its key-condition checks (see
 * query-operation.ts): first only the number of attributes...
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

function checkTypes(startKey: Item, key: KeySchema): void {
  for (const attribute of keyAttributes(key)) {
    const value = startKey[attribute.name];
    if (value === undefined || !(attribute.type in value)) {
      throw validationError(KEY_MISMATCH);
    }
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
