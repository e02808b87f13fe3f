import {
  HASH_TABLE,
  INVALID,
  KEY_MISMATCH,
  MISSING_TABLE,
  RANGE_TABLE,
  badValueCases,
  mismatchedHashKeys,
  notFound,
  resourceNotFound,
  runValidationCases,
  validation,
  type ExpectedError,
  type ValidationCase,
} from './validation-cases.js';

const GET = 'dynalite test/batchGetItem.js';
const WRITE = 'dynalite test/batchWriteItem.js';
const RECORDED = 'shared/reference/aws-recorded test_batch_write_not_matching_schema';
const ITEM_SIZE_LIMIT_BYTES = 400 * 1024;

const getCase = (name: string, requestItems: Record<string, unknown>, expected: ExpectedError): ValidationCase => ({
  name,
  source: GET,
  operation: 'BatchGetItem',
  body: { RequestItems: requestItems },
  expected,
});

const writeCase = (name: string, requestItems: Record<string, unknown>, expected: ExpectedError, source = WRITE): ValidationCase => ({
  name,
  source,
  operation: 'BatchWriteItem',
  body: { RequestItems: requestItems },
  expected,
});

const keys = (count: number, from = 0) => Array.from({ length: count }, (_, index) => ({ a: { S: String(index + from) } }));
const compoundKey = { a: { S: 'k' }, b: { N: '1' } };

const batchGetCases: ValidationCase[] = [
  getCase(
    'expression and non-expression parameters',
    { abc: { Keys: [{}], AttributesToGet: ['a'], ExpressionAttributeNames: {}, ProjectionExpression: '' } },
    validation(
      'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}',
    ),
  ),
  getCase(
    'ExpressionAttributeNames without an expression',
    { abc: { Keys: [{}], AttributesToGet: ['a'], ExpressionAttributeNames: {} } },
    validation('ExpressionAttributeNames can only be specified when using expressions'),
  ),
  getCase(
    'empty ExpressionAttributeNames',
    { abc: { Keys: [{}], ExpressionAttributeNames: {}, ProjectionExpression: '' } },
    validation('ExpressionAttributeNames must not be empty'),
  ),
  getCase(
    'invalid ExpressionAttributeNames key',
    { abc: { Keys: [{}], ExpressionAttributeNames: { a: 'a' }, ProjectionExpression: '' } },
    validation('ExpressionAttributeNames contains invalid key: Syntax error; key: "a"'),
  ),
  getCase('empty ProjectionExpression', { abc: { Keys: [{}], ProjectionExpression: '' } }, validation('Invalid ProjectionExpression: The expression can not be empty;')),
  getCase('more than 100 keys over two tables', { abc: { Keys: keys(100) }, abd: { Keys: keys(1, 100) } }, validation('Too many items requested for the BatchGetItem call')),
  getCase('exactly 100 keys reach the table lookup', { abc: { Keys: keys(100) } }, notFound),
  ...badValueCases('BatchGetItem', GET, 'Key', (value) => ({ RequestItems: { abc: { Keys: [{ a: value }] } } })),
  getCase(
    'empty ExpressionAttributeNames before duplicate keys',
    { abc: { Keys: [compoundKey, { b: compoundKey.b, a: compoundKey.a }, compoundKey], ExpressionAttributeNames: {}, ProjectionExpression: '' } },
    validation('ExpressionAttributeNames must not be empty'),
  ),
  getCase(
    'empty ProjectionExpression before duplicate keys',
    { abc: { Keys: [compoundKey, { b: compoundKey.b, a: compoundKey.a }, compoundKey], ProjectionExpression: '' } },
    validation('Invalid ProjectionExpression: The expression can not be empty;'),
  ),
  getCase(
    'duplicate keys before the table lookup',
    { abc: { Keys: [compoundKey, { b: compoundKey.b, a: compoundKey.a }, compoundKey] } },
    validation('Provided list of item keys contains duplicates'),
  ),
  getCase(
    'duplicate AttributesToGet before duplicate keys',
    { abc: { Keys: [{ a: { S: 'x' } }, { a: { S: 'y' } }, { a: { S: 'x' } }], AttributesToGet: ['a', 'a'] } },
    validation(`${INVALID}Duplicate value in attribute name: a`),
  ),
  getCase('duplicate AttributesToGet', { abc: { Keys: [{}], AttributesToGet: ['a', 'a'] } }, validation(`${INVALID}Duplicate value in attribute name: a`)),
  getCase('missing table with an empty key', { [MISSING_TABLE]: { Keys: [{}] } }, notFound),
  ...mismatchedHashKeys.map((key) => getCase(`key not matching the schema ${JSON.stringify(key)}`, { [HASH_TABLE]: { Keys: [key] } }, validation(KEY_MISMATCH))),
  getCase('range key missing', { [RANGE_TABLE]: { Keys: [{ a: { S: 'a' } }] } }, validation(KEY_MISMATCH)),
  getCase(
    'hash key over 2048 bytes',
    { [HASH_TABLE]: { Keys: [{ a: { S: 'k'.repeat(2049) } }] } },
    validation(`${INVALID}Size of hashkey has exceeded the maximum size limit of2048 bytes`),
  ),
  getCase(
    'range key over 1024 bytes',
    { [RANGE_TABLE]: { Keys: [{ a: { S: 'a' }, b: { S: 'k'.repeat(1025) } }] } },
    validation(`${INVALID}Aggregated size of all range keys has exceeded the size limit of 1024 bytes`),
  ),
];

const put = (item: Record<string, unknown>) => ({ PutRequest: { Item: item } });
const del = (key: Record<string, unknown>) => ({ DeleteRequest: { Key: key } });
const twentyFive = Array.from({ length: 25 }, (_, index) => (index % 2 ? del({ a: { S: String(index) } }) : put({ a: { S: String(index) } })));
const sameItem = { a: { S: 'same' }, c: { S: 'c' } };
const TOO_BIG = 'Item size has exceeded the maximum allowed size';
const padded = (bytes: number) => 'a'.repeat(bytes);

const batchWriteCases: ValidationCase[] = [
  writeCase('empty request', { abc: [{}] }, validation('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes')),
  writeCase('exactly 25 requests reach the table lookup', { abc: twentyFive }, notFound),
  writeCase('table looked up before duplicate keys', { abc: [put(sameItem), del({ a: sameItem.a })] }, notFound),
  writeCase('put then delete of one key', { [HASH_TABLE]: [put(sameItem), del({ a: sameItem.a })] }, validation('Provided list of item keys contains duplicates')),
  writeCase('delete then put of one key', { [HASH_TABLE]: [del({ a: sameItem.a }), put(sameItem)] }, validation('Provided list of item keys contains duplicates')),
  ...badValueCases('BatchWriteItem', WRITE, 'Item', (value) => ({ RequestItems: { abc: [put({ a: value })] } })),
  writeCase('item over 400 KB', { abc: [put({ a: { S: 'k' }, b: { S: padded(ITEM_SIZE_LIMIT_BYTES - 2) } })] }, validation(TOO_BIG)),
  writeCase('item of exactly 400 KB reaches the table lookup', { abc: [put({ a: { S: 'k' }, b: { S: padded(ITEM_SIZE_LIMIT_BYTES - 3) } })] }, notFound),
  writeCase('item over 400 KB with a long name', { abc: [put({ a: { S: 'k' }, ['b'.repeat(27)]: { S: padded(ITEM_SIZE_LIMIT_BYTES - 28) } })] }, validation(TOO_BIG)),
  writeCase(
    'item of exactly 400 KB with a long name reaches the table lookup',
    { abc: [put({ a: { S: 'k' }, ['b'.repeat(27)]: { S: padded(ITEM_SIZE_LIMIT_BYTES - 29) } })] },
    notFound,
  ),
  writeCase(
    'item over 400 KB over several attributes',
    { abc: [put({ a: { S: 'k' }, bb: { S: padded(ITEM_SIZE_LIMIT_BYTES - 8) }, ccc: { S: 'cc' } })] },
    validation(TOO_BIG),
  ),
  writeCase(
    'item over 400 KB counting a number',
    { abc: [put({ a: { S: 'k' }, b: { S: padded(ITEM_SIZE_LIMIT_BYTES - 23) }, c: { N: '1'.repeat(38) + '0'.repeat(88) } })] },
    validation(TOO_BIG),
  ),
  writeCase(
    'item over 400 KB counting the smallest large number',
    { abc: [put({ a: { S: 'k' }, b: { S: padded(ITEM_SIZE_LIMIT_BYTES - 5) }, c: { N: '1' + '0'.repeat(125) } })] },
    validation(TOO_BIG),
  ),
  writeCase(
    'item just under 400 KB with two large numbers reaches the table lookup',
    {
      abc: [
        put({
          a: { S: 'k' },
          b: { S: padded(ITEM_SIZE_LIMIT_BYTES - 15) },
          c: { N: '1111111' + '0'.repeat(119) },
          d: { N: '1111111' + '0'.repeat(119) },
        }),
      ],
    },
    notFound,
  ),
  writeCase('missing table with an empty item', { [MISSING_TABLE]: [put({})] }, notFound),
  ...mismatchedHashKeys
    .filter((key) => !('a' in key && 'b' in key))
    .map((key) => writeCase(`item key not matching the schema ${JSON.stringify(key)}`, { [HASH_TABLE]: [put(key)] }, validation(KEY_MISMATCH))),
  writeCase('range key missing from an item', { [RANGE_TABLE]: [put({ a: { S: 'a' } })] }, validation(KEY_MISMATCH)),
  writeCase('range key missing from an item (recorded again)', { [RANGE_TABLE]: [put({ a: { S: 'x' }, c: { S: 'y' } })] }, validation(KEY_MISMATCH), RECORDED),
  writeCase(
    'index key of the wrong type',
    { [RANGE_TABLE]: [put({ a: { S: 'a' }, b: { S: 'a' }, c: { N: '1' } })] },
    validation(/^One or more parameter values were invalid: Type mismatch for Index Key c Expected: S Actual: N IndexName: index\d$/),
  ),
  writeCase(
    'hash key over 2048 bytes',
    { [HASH_TABLE]: [put({ a: { S: 'k'.repeat(2049) } })] },
    validation(`${INVALID}Size of hashkey has exceeded the maximum size limit of2048 bytes`),
  ),
  writeCase(
    'range key over 1024 bytes',
    { [RANGE_TABLE]: [put({ a: { S: 'a' }, b: { S: 'k'.repeat(1025) } })] },
    validation(`${INVALID}Aggregated size of all range keys has exceeded the size limit of 1024 bytes`),
  ),
];

/** TransactWriteItems on a table that does not exist (the recorded set's test_batch_write_not_existing_table). */
const transactCases: ValidationCase[] = [
  {
    name: 'missing table',
    source: 'shared/reference/aws-recorded test_batch_write_not_existing_table',
    operation: 'TransactWriteItems',
    body: { TransactItems: [{ Put: { TableName: MISSING_TABLE, Item: { a: { S: 'a' } } } }] },
    expected: resourceNotFound('Requested resource not found'),
  },
];

runValidationCases('validation order: BatchGetItem, BatchWriteItem', [...batchGetCases, ...batchWriteCases, ...transactCases]);
