import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Item } from './attribute-value.js';
import { type KeySchema, type SecondaryIndexKeySchema, attributeTypeOf, projectKey, validateItemKey, validateKey } from './key-schema.js';

const hashTable: KeySchema = { partitionKey: { name: 'a', type: 'S' } };
const rangeTable: KeySchema = { partitionKey: { name: 'a', type: 'S' }, sortKey: { name: 'b', type: 'S' } };
const binaryTable: KeySchema = { partitionKey: { name: 'pk', type: 'B' } };
const numberTable: KeySchema = { partitionKey: { name: 'id', type: 'N' }, sortKey: { name: 'at', type: 'N' } };
const indexes: SecondaryIndexKeySchema[] = [
  { indexName: 'index4', keySchema: { partitionKey: { name: 'a', type: 'S' }, sortKey: { name: 'c', type: 'S' } } },
  { indexName: 'gsi1', keySchema: { partitionKey: { name: 'g', type: 'S' }, sortKey: { name: 'c', type: 'S' } } },
  { indexName: 'gsib', keySchema: { partitionKey: { name: 'bidx', type: 'B' } } },
];

const invalid = (detail: string) => ({ type: 'ValidationException', message: `One or more parameter values were invalid: ${detail}` });
const notValid = (message: string) => ({ type: 'ValidationException', message });
const keyMismatch = notValid('The provided key element does not match the schema');

describe('validateItemKey', () => {
  test('returns the primary key', () => {
    assert.deepEqual(validateItemKey({ a: { S: 'x' }, other: { N: '1' } }, hashTable), { partition: { S: 'x' } });
    assert.deepEqual(validateItemKey({ id: { N: '1' }, at: { N: '-2.5' } }, numberTable), { partition: { N: '1' }, sort: { N: '-2.5' } });
  });

  test('missing key attributes, partition key first', () => {
    assert.throws(() => validateItemKey({}, hashTable), invalid('Missing the key a in the item'));
    assert.throws(() => validateItemKey({ b: { S: 'a' } }, hashTable), invalid('Missing the key a in the item'));
    assert.throws(() => validateItemKey({ a: { S: 'a' } }, rangeTable), invalid('Missing the key b in the item'));
    assert.throws(() => validateItemKey({}, rangeTable), invalid('Missing the key a in the item'));
  });

  test('type mismatches name the expected and actual types', () => {
    for (const [value, actual] of [
      [{ B: 'abcd' }, 'B'],
      [{ N: '1' }, 'N'],
      [{ SS: ['a'] }, 'SS'],
      [{ NS: ['1'] }, 'NS'],
      [{ BS: ['aaaa'] }, 'BS'],
      [{ L: [] }, 'L'],
      [{ M: {} }, 'M'],
      [{ NULL: true }, 'NULL'],
      [{ BOOL: true }, 'BOOL'],
    ] as const) {
      assert.throws(() => validateItemKey({ a: value }, hashTable), invalid(`Type mismatch for key a expected: S actual: ${actual}`));
    }
  });

  test('empty string and binary key values are refused up front', () => {
    const emptyString = notValid('One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: a');
    assert.throws(() => validateItemKey({ a: { S: '' } }, hashTable), emptyString);
    assert.throws(() => validateItemKey({ a: { S: '' } }, rangeTable), emptyString);
    assert.throws(
      () => validateItemKey({ a: { S: 'x' }, b: { S: '' } }, rangeTable),
      notValid('One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: b'),
    );
    assert.throws(
      () => validateItemKey({ pk: { B: '' } }, binaryTable),
      notValid('One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: pk'),
    );
    assert.throws(
      () => validateItemKey({ b: { S: '' } }, rangeTable),
      notValid('One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: b'),
    );
  });

  test('an empty value of another type is a type mismatch', () => {
    assert.throws(() => validateItemKey({ a: { B: '' } }, hashTable), invalid('Type mismatch for key a expected: S actual: B'));
  });

  test('partition keys up to 2048 bytes, sort keys up to 1024 bytes', () => {
    assert.doesNotThrow(() => validateItemKey({ a: { S: 'a'.repeat(2048) } }, hashTable));
    assert.throws(
      () => validateItemKey({ a: { S: 'a'.repeat(2049) } }, hashTable),
      invalid('Size of hashkey has exceeded the maximum size limit of2048 bytes'),
    );
    assert.throws(
      () => validateItemKey({ a: { S: 'é'.repeat(1025) } }, hashTable),
      invalid('Size of hashkey has exceeded the maximum size limit of2048 bytes'),
    );
    assert.doesNotThrow(() => validateItemKey({ a: { S: 'a' }, b: { S: 'b'.repeat(1024) } }, rangeTable));
    assert.throws(
      () => validateItemKey({ a: { S: 'a' }, b: { S: 'b'.repeat(1025) } }, rangeTable),
      invalid('Aggregated size of all range keys has exceeded the size limit of 1024 bytes'),
    );
    const bytes2049 = 'A'.repeat(2732); // 2,049 bytes of base64
    assert.throws(() => validateItemKey({ pk: { B: bytes2049 } }, binaryTable), invalid('Size of hashkey has exceeded the maximum size limit of2048 bytes'));
    assert.doesNotThrow(() => validateItemKey({ id: { N: '9'.repeat(38) }, at: { N: '1' } }, numberTable));
  });

  test('secondary index keys: type mismatch names the index', () => {
    assert.throws(
      () => validateItemKey({ a: { S: 'a' }, b: { S: 'a' }, c: { N: '1' } }, rangeTable, indexes.slice(0, 1)),
      invalid('Type mismatch for Index Key c Expected: S Actual: N IndexName: index4'),
    );
    assert.throws(
      () => validateItemKey({ a: { S: 'a' }, b: { S: 'a' }, c: { L: [{ S: 'x' }] } }, rangeTable, indexes),
      invalid('Type mismatch for Index Key c Expected: S Actual: L IndexName: gsi1'),
    );
  });

  test('secondary index keys: empty values name the index and the key', () => {
    assert.throws(
      () => validateItemKey({ a: { S: 'a' }, b: { S: 'a' }, c: { S: '' } }, rangeTable, indexes),
      notValid(
        'One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: gsi1, IndexKey: c',
      ),
    );
    assert.throws(
      () => validateItemKey({ a: { S: 'a' }, b: { S: 'a' }, bidx: { B: '' } }, rangeTable, indexes),
      notValid(
        'One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty binary value. IndexName: gsib, IndexKey: bidx',
      ),
    );
  });

  test('absent index key attributes are fine (the item is just not in the index)', () => {
    assert.doesNotThrow(() => validateItemKey({ a: { S: 'a' }, b: { S: 'a' } }, rangeTable, indexes));
  });

  test('table key problems come before index key problems', () => {
    assert.throws(() => validateItemKey({ a: { S: 'a' }, c: { N: '1' } }, rangeTable, indexes), invalid('Missing the key b in the item'));
  });
});

describe('validateKey', () => {
  test('returns the primary key', () => {
    assert.deepEqual(validateKey({ a: { S: 'x' }, b: { S: 'y' } }, rangeTable), { partition: { S: 'x' }, sort: { S: 'y' } });
  });

  test('anything but exactly the schema attributes with their types does not match', () => {
    const wrongKeys: Item[] = [
      {},
      { a: { S: 'x' } },
      { b: { S: 'y' } },
      { a: { S: 'x' }, c: { S: 'y' } },
      { a: { S: 'x' }, b: { S: 'y' }, c: { S: 'z' } },
      { a: { N: '1' }, b: { S: 'y' } },
      { a: { S: 'x' }, b: { SS: ['y'] } },
    ];
    for (const key of wrongKeys) assert.throws(() => validateKey(key, rangeTable), keyMismatch, JSON.stringify(key));
  });

  test('empty key values get the empty-value message', () => {
    assert.throws(
      () => validateKey({ pk: { B: '' } }, binaryTable),
      notValid('One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: pk'),
    );
    assert.throws(
      () => validateKey({ a: { S: '' } }, hashTable),
      notValid('One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: a'),
    );
  });

  test('key size limits apply to lookups too', () => {
    assert.throws(() => validateKey({ a: { S: 'a'.repeat(2049) } }, hashTable), invalid('Size of hashkey has exceeded the maximum size limit of2048 bytes'));
    assert.throws(
      () => validateKey({ a: { S: 'a' }, b: { S: 'b'.repeat(1025) } }, rangeTable),
      invalid('Aggregated size of all range keys has exceeded the size limit of 1024 bytes'),
    );
  });
});

describe('helpers', () => {
  test('projectKey keeps only the key attributes', () => {
    assert.deepEqual(projectKey({ a: { S: 'x' }, b: { S: 'y' }, c: { N: '1' } }, rangeTable), { a: { S: 'x' }, b: { S: 'y' } });
  });

  test('attributeTypeOf', () => {
    assert.equal(attributeTypeOf({ NS: ['1'] }), 'NS');
  });
});
