/**
 * AttributeUpdates (UpdateItem) as an update expression with literal values, with DynamoDB's validation.
 * Each entry is checked in map order: its value, then whether its action accepts it, then the running size
 * of the names and values it writes (DELETE writes nothing), which may not exceed an item's.
 *
 * Actions map onto the expression language as follows:
 * - PUT (the default) → SET name = value;
 * - DELETE without a value → REMOVE name; with a set → DELETE name value;
 * - ADD of a number or set → ADD name value; ADD of a list appends to the list, creating it when missing,
 *   which the expression language has no ADD for → SET name = list_append(if_not_exists(name, []), value).
 */
import type { AttributeType, AttributeValue } from '../model/attribute-value.js';
import type { UpdateAction, UpdateExpression } from './ast.js';
import type { KeySchema } from '../model/key-schema.js';
import type { LegacyAttributeAction, LegacyAttributeValueUpdate, LegacyMap } from './legacy-parameters.js';
import { isPresent } from './legacy-parameters.js';
import { invalidParameter, validationError } from '../lib/errors.js';
import { limits } from '../lib/limits.js';
import { attributeValueSizeBytes } from '../model/item-size.js';
import { utf8ByteLength } from '../model/utf8.js';
import { attributeTypeOf, keyAttributes } from '../model/key-schema.js';
import { validateAttributeValue } from '../model/validate-attribute-value.js';
import { attributePath, literal } from './legacy-comparison.js';

const deleteValueTypes: ReadonlySet<AttributeType> = new Set(['SS', 'NS', 'BS']);
const addValueTypes: ReadonlySet<AttributeType> = new Set(['N', 'SS', 'NS', 'BS', 'L']);

/** AttributeUpdates as an update expression, its actions in map order. */
export function convertAttributeUpdates(updates: LegacyMap<LegacyAttributeValueUpdate>): UpdateExpression {
  const actions: UpdateAction[] = [];
  let writtenBytes = 0;
  for (const [name, update] of Object.entries(updates)) {
    const value = isPresent(update.Value) ? validateAttributeValue(update.Value) : undefined;
    const action = convertUpdate(name, isPresent(update.Action) ? update.Action : 'PUT', value);
    actions.push(action);
    if (value === undefined || action.kind === 'delete') continue;
    writtenBytes += utf8ByteLength(name) + attributeValueSizeBytes(value);
    if (writtenBytes > limits.itemSizeBytesMax) throw validationError('Item size to update has exceeded the maximum allowed size');
  }
  return { kind: 'update', actions };
}

/**
 * AttributeUpdates may not name a key attribute. DynamoDB checks this once it knows the table, after the
 * checks convertAttributeUpdates makes; partition key first.
 */
export function checkAttributeUpdatesKeys(updates: LegacyMap<LegacyAttributeValueUpdate>, schema: KeySchema): void {
  for (const attribute of keyAttributes(schema)) {
    if (Object.hasOwn(updates, attribute.name)) {
      throw invalidParameter(`Cannot update attribute ${attribute.name}. This attribute is part of the key`);
    }
  }
}

/** One entry, its value already validated; PUT is the default action. */
function convertUpdate(name: string, action: LegacyAttributeAction, value: AttributeValue | undefined): UpdateAction {
  const path = attributePath(name);
  if (value === undefined) {
    if (action !== 'DELETE') throw invalidParameter('Only DELETE action is allowed when no attribute value is specified');
    return { kind: 'remove', path };
  }
  const type = attributeTypeOf(value);
  switch (action) {
    case 'PUT':
      return { kind: 'set', path, value: literal(value) };
    case 'DELETE':
      if (!deleteValueTypes.has(type)) throw invalidParameter(`DELETE action with value is not supported for the type ${type}`);
      return { kind: 'delete', path, value: literal(value) };
    case 'ADD':
      if (!addValueTypes.has(type)) throw invalidParameter(`ADD action is not supported for the type ${type}`);
      return type === 'L' ? appendToList(name, value) : { kind: 'add', path, value: literal(value) };
  }
}

function appendToList(name: string, value: AttributeValue): UpdateAction {
  const path = attributePath(name);
  const existingOrEmpty = { kind: 'ifNotExists', path, fallback: literal({ L: [] }) } as const;
  return { kind: 'set', path, value: { kind: 'listAppend', first: existingOrEmpty, second: literal(value) } };
}
