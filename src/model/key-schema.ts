/**
 * Key schemas and the key checks DynamoDB makes on items (PutItem and friends) and on keys (GetItem,
 * DeleteItem, UpdateItem Key), with its messages, typos included ("limit of2048").
 *
 * Inputs are values already through validate-attribute-value (normalised wire form). Order of checks:
 * 1. empty string / binary in a table key attribute (DynamoDB rejects these up front, before anything
 *    about the schema; only when the value has the key's declared type);
 * 2. the table key attributes in schema order (partition, then sort): presence, type, size;
 * 3. for items, secondary index key attributes that are present: type, then emptiness, index by index in
 *    name order (DynamoDB names the alphabetically first index when several share the attribute).
 */
import type { AttributeType, AttributeValue, Item, KeyValue, ScalarAttributeType } from './attribute-value.js';
import { type DynamoDbError, invalidParameter, validationError } from '../lib/errors.js';
import { assert } from '../lib/assert.js';
import { limits } from '../lib/limits.js';
import { base64DecodedLength } from './base64.js';
import { utf8ByteLength } from './utf8.js';

export interface KeyAttribute {
  readonly name: string;
  readonly type: ScalarAttributeType;
}

export interface KeySchema {
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
}

/** A secondary index's key schema (for an LSI the partition key is the table's). */
export interface SecondaryIndexKeySchema {
  readonly indexName: string;
  readonly keySchema: KeySchema;
}

/** The key values of an item or key, typed by the schema. */
export interface PrimaryKey {
  readonly partition: KeyValue;
  readonly sort?: KeyValue;
}

const keyMismatchMessage = 'The provided key element does not match the schema';

export function keyAttributes(schema: KeySchema): readonly KeyAttribute[] {
  return schema.sortKey === undefined ? [schema.partitionKey] : [schema.partitionKey, schema.sortKey];
}

/** The type of a validated attribute value: its one type key. */
export function attributeTypeOf(value: AttributeValue): AttributeType {
  const type = Object.keys(value)[0];
  assert(type !== undefined, 'attribute value without a type');
  return type as AttributeType;
}

/**
 * Checks the key attributes of an item to be written and returns its primary key. Throws DynamoDB's
 * ValidationException for the first problem.
 */
export function validateItemKey(item: Item, schema: KeySchema, indexes: readonly SecondaryIndexKeySchema[] = []): PrimaryKey {
  throwIf(emptyKeyProblem(item, schema));
  for (const attribute of keyAttributes(schema)) throwIf(itemKeyAttributeProblem(item, attribute, attribute === schema.partitionKey));
  throwIf(indexKeyProblem(item, indexes));
  return primaryKeyOf(item, schema);
}

/**
 * Checks a key given by a client (GetItem, DeleteItem, UpdateItem, BatchGetItem) and returns it. The key
 * must hold exactly the schema's attributes with the schema's types.
 */
export function validateKey(key: Item, schema: KeySchema): PrimaryKey {
  throwIf(emptyKeyProblem(key, schema));
  const attributes = keyAttributes(schema);
  if (Object.keys(key).length !== attributes.length) throw validationError(keyMismatchMessage);
  for (const attribute of attributes) {
    const value = key[attribute.name];
    if (value === undefined || !(attribute.type in value)) throw validationError(keyMismatchMessage);
    throwIf(keySizeProblem(value as KeyValue, attribute === schema.partitionKey));
  }
  return primaryKeyOf(key, schema);
}

/** The key attributes of a validated item, as a key map (e.g. for LastEvaluatedKey or a delete). */
export function projectKey(item: Item, schema: KeySchema): Item {
  const key: Record<string, AttributeValue> = {};
  for (const attribute of keyAttributes(schema)) {
    const value = item[attribute.name];
    if (value !== undefined) key[attribute.name] = value;
  }
  return key;
}

function primaryKeyOf(item: Item, schema: KeySchema): PrimaryKey {
  const partition = item[schema.partitionKey.name] as KeyValue;
  if (schema.sortKey === undefined) return { partition };
  return { partition, sort: item[schema.sortKey.name] as KeyValue };
}

function throwIf(problem: DynamoDbError | undefined): void {
  if (problem !== undefined) throw problem;
}

/** 'string' or 'binary' when the value is an empty S or B of the attribute's declared type. */
function emptyKind(value: AttributeValue | undefined, type: ScalarAttributeType): 'string' | 'binary' | undefined {
  if (value === undefined) return undefined;
  if (type === 'S' && 'S' in value && value.S === '') return 'string';
  if (type === 'B' && 'B' in value && value.B === '') return 'binary';
  return undefined;
}

function emptyKeyProblem(item: Item, schema: KeySchema): DynamoDbError | undefined {
  for (const attribute of keyAttributes(schema)) {
    const kind = emptyKind(item[attribute.name], attribute.type);
    if (kind !== undefined) {
      return validationError(
        `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${kind} value. Key: ${attribute.name}`,
      );
    }
  }
  return undefined;
}

function itemKeyAttributeProblem(item: Item, attribute: KeyAttribute, isPartitionKey: boolean): DynamoDbError | undefined {
  const value = item[attribute.name];
  if (value === undefined) return invalidParameter(`Missing the key ${attribute.name} in the item`);
  if (!(attribute.type in value)) {
    return invalidParameter(`Type mismatch for key ${attribute.name} expected: ${attribute.type} actual: ${attributeTypeOf(value)}`);
  }
  return keySizeProblem(value as KeyValue, isPartitionKey);
}

/** Key value size limits: UTF-8 bytes of a string, raw bytes of a binary; numbers are always small enough. */
function keySizeProblem(value: KeyValue, isPartitionKey: boolean): DynamoDbError | undefined {
  let bytes: number;
  if ('S' in value) bytes = utf8ByteLength(value.S);
  else if ('B' in value) bytes = base64DecodedLength(value.B);
  else return undefined;
  if (isPartitionKey) {
    if (bytes <= limits.partitionKeyBytesMax) return undefined;
    return invalidParameter(`Size of hashkey has exceeded the maximum size limit of${limits.partitionKeyBytesMax} bytes`);
  }
  if (bytes <= limits.sortKeyBytesMax) return undefined;
  return invalidParameter(`Aggregated size of all range keys has exceeded the size limit of ${limits.sortKeyBytesMax} bytes`);
}

function indexKeyProblem(item: Item, indexes: readonly SecondaryIndexKeySchema[]): DynamoDbError | undefined {
  const byName = [...indexes].sort((left, right) => (left.indexName < right.indexName ? -1 : left.indexName > right.indexName ? 1 : 0));
  for (const index of byName) {
    for (const attribute of keyAttributes(index.keySchema)) {
      const value = item[attribute.name];
      if (value === undefined) continue;
      if (!(attribute.type in value)) {
        return invalidParameter(
          `Type mismatch for Index Key ${attribute.name} Expected: ${attribute.type} Actual: ${attributeTypeOf(value)} IndexName: ${index.indexName}`,
        );
      }
      const kind = emptyKind(value, attribute.type);
      if (kind !== undefined) {
        return validationError(
          `One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty ${kind} value. IndexName: ${index.indexName}, IndexKey: ${attribute.name}`,
        );
      }
    }
  }
  return undefined;
}
