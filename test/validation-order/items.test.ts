import {
  HASH_TABLE,
  INVALID,
  KEY_MISMATCH,
  MISSING_TABLE,
  RANGE_B_TABLE,
  RANGE_TABLE,
  badValueCases,
  mismatchedHashKeys,
  notFound,
  runValidationCases,
  validation,
  type ValidationCase,
} from './validation-cases.js';

const PUT = 'dynalite test/putItem.js';
const GET = 'dynalite test/getItem.js';
const DELETE = 'dynalite test/deleteItem.js';

const ITEM_SIZE_LIMIT_BYTES = 400 * 1024;
/** The newer wording of the empty-key checks. */
const NOT_VALID = 'One or more parameter values are not valid. ';
const longHashKey = 'k'.repeat(2049);
const longRangeKey = 'k'.repeat(1025);

/** The legacy Expected checks, recorded for PutItem and DeleteItem with the same answers. */
function expectedCases(operation: string, source: string, base: Record<string, unknown>): ValidationCase[] {
  const cases: [string, unknown, string][] = [
    ['no Value and no Exists', { a: {} }, 'Value must be provided when Exists is null for Attribute: a'],
    ['Exists true without Value', { a: { Exists: true } }, 'Value must be provided when Exists is true for Attribute: a'],
    ['Exists false with Value', { a: { Exists: false, Value: { S: 'a' } } }, 'Value cannot be used when Exists is false for Attribute: a'],
    ['ComparisonOperator alone', { a: { ComparisonOperator: 'LT' } }, 'Value or AttributeValueList must be used with ComparisonOperator: LT for Attribute: a'],
    ['ComparisonOperator with Exists', { a: { Exists: true, ComparisonOperator: 'LT' } }, 'Exists and ComparisonOperator cannot be used together for Attribute: a'],
    [
      'AttributeValueList with Value',
      { a: { AttributeValueList: [{ S: 'a' }], Value: { S: 'a' }, ComparisonOperator: 'LT' } },
      'Value and AttributeValueList cannot be used together for Attribute: a',
    ],
    ['AttributeValueList alone', { a: { AttributeValueList: [{ S: 'a' }] } }, 'AttributeValueList can only be used with a ComparisonOperator for Attribute: a'],
    [
      'AttributeValueList with Exists',
      { a: { Exists: true, AttributeValueList: [{ S: 'a' }] } },
      'AttributeValueList can only be used with a ComparisonOperator for Attribute: a',
    ],
    ['EQ without arguments', { a: { AttributeValueList: [], ComparisonOperator: 'EQ' } }, 'Invalid number of argument(s) for the EQ ComparisonOperator'],
    ['NULL with an argument', { a: { AttributeValueList: [{ S: 'a' }], ComparisonOperator: 'NULL' } }, 'Invalid number of argument(s) for the NULL ComparisonOperator'],
    ['IN without arguments', { a: { AttributeValueList: [], ComparisonOperator: 'IN' } }, 'Invalid number of argument(s) for the IN ComparisonOperator'],
    [
      'BETWEEN with three arguments',
      { a: { AttributeValueList: [{ N: '1' }, { N: '10' }, { N: '12' }], ComparisonOperator: 'BETWEEN' } },
      'Invalid number of argument(s) for the BETWEEN ComparisonOperator',
    ],
    ['NULL with a Value', { a: { Value: { S: 'a' }, ComparisonOperator: 'NULL' } }, 'Invalid number of argument(s) for the NULL ComparisonOperator'],
    ['BETWEEN with a Value', { a: { Value: { S: 'a' }, ComparisonOperator: 'BETWEEN' } }, 'Invalid number of argument(s) for the BETWEEN ComparisonOperator'],
  ];
  return cases.map(([name, expected, message]) => ({
    name: `Expected: ${name}`,
    source,
    operation,
    body: { TableName: 'aaa', ...base, Expected: expected },
    expected: validation(INVALID + message),
  }));
}

/** Expression-member checks shared by the writes that take a ConditionExpression. */
function conditionMemberCases(operation: string, source: string, mixed: Record<string, unknown>, base: Record<string, unknown>): ValidationCase[] {
  const withMixed = (body: Record<string, unknown>) => ({ TableName: 'abc', ...mixed, ...body });
  const withBase = (body: Record<string, unknown>) => ({ TableName: 'abc', ...base, ...body });
  return [
    {
      name: 'expression and non-expression parameters',
      body: withMixed({ Expected: { a: {} }, ExpressionAttributeNames: {}, ExpressionAttributeValues: {}, ConditionExpression: '' }),
      message:
        'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}',
    },
    {
      name: 'ExpressionAttributeNames without an expression',
      body: withMixed({ Expected: { a: {} }, ExpressionAttributeNames: {}, ExpressionAttributeValues: {} }),
      message: 'ExpressionAttributeNames can only be specified when using expressions',
    },
    {
      name: 'ExpressionAttributeValues without an expression',
      body: withMixed({ Expected: { a: {} }, ExpressionAttributeValues: {} }),
      message: 'ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null',
    },
    {
      name: 'empty ExpressionAttributeNames',
      body: withBase({ ExpressionAttributeNames: {}, ExpressionAttributeValues: {}, ConditionExpression: '' }),
      message: 'ExpressionAttributeNames must not be empty',
    },
    {
      name: 'invalid ExpressionAttributeNames key',
      body: withBase({ ExpressionAttributeNames: { a: 'a' }, ExpressionAttributeValues: {}, ConditionExpression: '' }),
      message: 'ExpressionAttributeNames contains invalid key: Syntax error; key: "a"',
    },
    {
      name: 'empty ExpressionAttributeValues',
      body: withBase({ ExpressionAttributeValues: {}, ConditionExpression: '' }),
      message: 'ExpressionAttributeValues must not be empty',
    },
    {
      name: 'invalid ExpressionAttributeValues key',
      body: withBase({ ExpressionAttributeValues: { a: { S: 'a' } }, ConditionExpression: '' }),
      message: 'ExpressionAttributeValues contains invalid key: Syntax error; key: "a"',
    },
    {
      name: 'empty ConditionExpression',
      body: withBase({ ConditionExpression: '' }),
      message: 'Invalid ConditionExpression: The expression can not be empty;',
    },
  ].map(({ name, body, message }) => ({ name, source, operation, body, expected: validation(message) }));
}

const putItemCases: ValidationCase[] = [
  ...conditionMemberCases('PutItem', PUT, { Item: { a: {} } }, { Item: {} }),
  ...badValueCases('PutItem', PUT, 'Item', (value) => ({ TableName: 'abc', Item: { a: value }, Expected: { a: {} } })).filter(
    (testCase) => !testCase.name.includes('invalid value') && !testCase.name.includes('invalid number') && !testCase.name.includes('several types'),
  ),
  ...badValueCases('PutItem', PUT, 'Item', (value) => ({
    TableName: 'abc',
    Item: { a: value },
    ExpressionAttributeNames: {},
    ExpressionAttributeValues: {},
    ConditionExpression: '',
  })).filter((testCase) => testCase.name.includes('invalid value')),
  ...badValueCases('PutItem', PUT, 'Item', (value) => ({ TableName: 'abc', Item: { a: value } })).filter(
    (testCase) => testCase.name.includes('invalid number') || testCase.name.includes('several types'),
  ),
  {
    name: 'item over 400 KB before the table lookup',
    source: PUT,
    operation: 'PutItem',
    body: { TableName: 'aaa', Item: { a: { S: 'k' }, b: { S: 'a'.repeat(ITEM_SIZE_LIMIT_BYTES - 2) } }, Expected: { a: {} } },
    expected: validation('Item size has exceeded the maximum allowed size'),
  },
  {
    name: 'item of exactly 400 KB reaches the table lookup',
    source: PUT,
    operation: 'PutItem',
    body: { TableName: 'aaa', Item: { a: { S: 'k' }, b: { S: 'a'.repeat(ITEM_SIZE_LIMIT_BYTES - 3) } } },
    expected: notFound,
  },
  {
    name: 'item over 400 KB with a long attribute name',
    source: PUT,
    operation: 'PutItem',
    body: { TableName: 'aaa', Item: { a: { S: 'k' }, ['b'.repeat(27)]: { S: 'a'.repeat(ITEM_SIZE_LIMIT_BYTES - 28) } } },
    expected: validation('Item size has exceeded the maximum allowed size'),
  },
  {
    name: 'item over 400 KB counting a number attribute',
    source: PUT,
    operation: 'PutItem',
    body: {
      TableName: 'aaa',
      Item: { a: { S: 'k' }, b: { S: 'a'.repeat(ITEM_SIZE_LIMIT_BYTES - 23) }, c: { N: '1'.repeat(38) + '0'.repeat(88) } },
    },
    expected: validation('Item size has exceeded the maximum allowed size'),
  },
  {
    name: 'item just under 400 KB with two large numbers reaches the table lookup',
    source: PUT,
    operation: 'PutItem',
    body: {
      TableName: 'aaa',
      Item: {
        a: { S: 'k' },
        b: { S: 'a'.repeat(ITEM_SIZE_LIMIT_BYTES - 15) },
        c: { N: '1111111' + '0'.repeat(119) },
        d: { N: '1111111' + '0'.repeat(119) },
      },
    },
    expected: notFound,
  },
  ...expectedCases('PutItem', PUT, { Item: {} }),
  ...['UPDATED_OLD', 'ALL_NEW', 'UPDATED_NEW'].map((returnValues) => ({
    name: `ReturnValues ${returnValues}`,
    source: PUT,
    operation: 'PutItem',
    body: { TableName: 'abc', Item: {}, ReturnValues: returnValues },
    expected: validation('ReturnValues can only be ALL_OLD or NONE'),
  })),
  { name: 'missing table with an empty item', source: PUT, operation: 'PutItem', body: { TableName: MISSING_TABLE, Item: {} }, expected: notFound },
  ...[{}, { b: { S: 'a' } }].map((item) => ({
    name: `missing key ${JSON.stringify(item)}`,
    source: PUT,
    operation: 'PutItem',
    body: { TableName: HASH_TABLE, Item: item },
    expected: validation(`${INVALID}Missing the key a in the item`),
  })),
  ...['B', 'N', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'M', 'L'].map((type) => ({
    name: `key of type ${type}`,
    source: PUT,
    operation: 'PutItem',
    body: { TableName: HASH_TABLE, Item: { a: sampleValue(type) } },
    expected: validation(`${INVALID}Type mismatch for key a expected: S actual: ${type}`),
  })),
  {
    name: 'empty string key',
    source: PUT,
    operation: 'PutItem',
    body: { TableName: HASH_TABLE, Item: { a: { S: '' } } },
    expected: validation('One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: a'),
  },
  {
    name: 'empty binary key',
    source: PUT,
    operation: 'PutItem',
    body: { TableName: RANGE_B_TABLE, Item: { a: { S: 'a' }, b: { B: '' } } },
    expected: validation('One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: b'),
  },
  {
    name: 'missing range key',
    source: PUT,
    operation: 'PutItem',
    body: { TableName: RANGE_TABLE, Item: { a: { S: 'a' } } },
    expected: validation(`${INVALID}Missing the key b in the item`),
  },
  {
    name: 'index key of the wrong type',
    source: PUT,
    operation: 'PutItem',
    body: { TableName: RANGE_TABLE, Item: { a: { S: 'a' }, b: { S: 'a' }, c: { N: '1' } } },
    expected: validation(/^One or more parameter values were invalid: Type mismatch for Index Key c Expected: S Actual: N IndexName: index\d$/),
  },
  {
    name: 'hash key over 2048 bytes',
    source: PUT,
    operation: 'PutItem',
    body: { TableName: HASH_TABLE, Item: { a: { S: longHashKey } } },
    expected: validation(`${INVALID}Size of hashkey has exceeded the maximum size limit of2048 bytes`),
  },
  {
    name: 'range key over 1024 bytes',
    source: PUT,
    operation: 'PutItem',
    body: { TableName: RANGE_TABLE, Item: { a: { S: 'a' }, b: { S: longRangeKey } } },
    expected: validation(`${INVALID}Aggregated size of all range keys has exceeded the size limit of 1024 bytes`),
  },
  ...['attribute_not_exists(_c)', 'attribute_not_exists(c._d)'].map((expression) => ({
    name: `path token starting with an underscore: ${expression}`,
    source: PUT,
    operation: 'PutItem',
    body: { TableName: RANGE_TABLE, Item: { a: { S: 'a' }, b: { S: 'b' } }, ConditionExpression: expression },
    expected: validation(/^Invalid ConditionExpression: Syntax error;/),
  })),
];

function sampleValue(type: string): unknown {
  const samples: Record<string, unknown> = {
    B: { B: 'abcd' },
    N: { N: '1' },
    BOOL: { BOOL: true },
    NULL: { NULL: true },
    SS: { SS: ['a'] },
    NS: { NS: ['1'] },
    BS: { BS: ['aaaa'] },
    M: { M: {} },
    L: { L: [] },
  };
  return samples[type];
}

/** Key checks recorded identically for GetItem and DeleteItem. */
function keyCases(operation: string, source: string): ValidationCase[] {
  return [
    ...mismatchedHashKeys.map((key) => ({
      name: `key not matching the schema ${JSON.stringify(key)}`,
      source,
      operation,
      body: { TableName: HASH_TABLE, Key: key },
      expected: validation(KEY_MISMATCH),
    })),
    {
      name: 'range key missing',
      source,
      operation,
      body: { TableName: RANGE_TABLE, Key: { a: { S: 'a' } } },
      expected: validation(KEY_MISMATCH),
    },
  ];
}

const getItemCases: ValidationCase[] = [
  {
    name: 'expression and non-expression parameters',
    source: GET,
    operation: 'GetItem',
    body: { TableName: 'abc', Key: { a: {} }, AttributesToGet: ['a'], ExpressionAttributeNames: {}, ProjectionExpression: '' },
    expected: validation(
      'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}',
    ),
  },
  {
    name: 'ExpressionAttributeNames without an expression',
    source: GET,
    operation: 'GetItem',
    body: { TableName: 'abc', Key: { a: {} }, AttributesToGet: ['a'], ExpressionAttributeNames: {} },
    expected: validation('ExpressionAttributeNames can only be specified when using expressions'),
  },
  ...badValueCases('GetItem', GET, 'Key', (value) => ({ TableName: 'abc', Key: { a: value }, ProjectionExpression: '', ExpressionAttributeNames: {} })).filter(
    (testCase) => testCase.name.includes('empty value'),
  ),
  ...badValueCases('GetItem', GET, 'Key', (value) => ({ TableName: 'abc', Key: { a: value }, AttributesToGet: ['a', 'a'] })).filter((testCase) =>
    testCase.name.includes('invalid value'),
  ),
  ...badValueCases('GetItem', GET, 'Key', (value) => ({ TableName: 'abc', Key: { a: value } })).filter(
    (testCase) => testCase.name.includes('invalid number') || testCase.name.includes('several types'),
  ),
  {
    name: 'duplicate AttributesToGet',
    source: GET,
    operation: 'GetItem',
    body: { TableName: 'abc', Key: {}, AttributesToGet: ['a', 'a'] },
    expected: validation(`${INVALID}Duplicate value in attribute name: a`),
  },
  {
    name: 'empty ExpressionAttributeNames',
    source: GET,
    operation: 'GetItem',
    body: { TableName: 'abc', Key: {}, ExpressionAttributeNames: {}, ProjectionExpression: '' },
    expected: validation('ExpressionAttributeNames must not be empty'),
  },
  {
    name: 'invalid ExpressionAttributeNames key',
    source: GET,
    operation: 'GetItem',
    body: { TableName: 'abc', Key: {}, ExpressionAttributeNames: { a: 'a' }, ProjectionExpression: '' },
    expected: validation('ExpressionAttributeNames contains invalid key: Syntax error; key: "a"'),
  },
  {
    name: 'empty ProjectionExpression',
    source: GET,
    operation: 'GetItem',
    body: { TableName: 'abc', Key: {}, ProjectionExpression: '' },
    expected: validation('Invalid ProjectionExpression: The expression can not be empty;'),
  },
  ...['whatever(stuff)', ':a', 'abort,', 'a,,b', 'a..b', 'a[b]', '(a.b).c', '(a)', '(a),(b)', '(a,b)', 'a-b'].map((expression) => ({
    name: `ProjectionExpression syntax error ${expression}`,
    source: GET,
    operation: 'GetItem',
    body: { TableName: 'abc', Key: {}, ProjectionExpression: expression },
    expected: validation(/^Invalid ProjectionExpression: Syntax error; /),
  })),
  ...['a.abORt', '#a,ABSoLUTE'].map((expression) => ({
    name: `ProjectionExpression reserved word ${expression}`,
    source: GET,
    operation: 'GetItem',
    body: { TableName: 'abc', Key: {}, ProjectionExpression: expression },
    expected: validation(/^Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: /),
  })),
  {
    name: 'ProjectionExpression undefined name',
    source: GET,
    operation: 'GetItem',
    body: { TableName: 'abc', Key: {}, ProjectionExpression: 'a,b,a,#a' },
    expected: validation('Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #a'),
  },
  ...[
    ['b[1], b.a, #a.b, a', '[a, b]', '[a]'],
    ['a, #a[1]', '[a]', '[a, [1]]'],
  ].map(([expression, one, two]) => ({
    name: `ProjectionExpression overlapping paths ${expression}`,
    source: GET,
    operation: 'GetItem',
    body: { TableName: 'abc', Key: {}, ProjectionExpression: expression, ExpressionAttributeNames: { '#a': 'a' } },
    expected: validation(
      `Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: ${one}, path two: ${two}`,
    ),
  })),
  ...[
    ['a.b, #a[1], #b', '[a, b]', '[a, [1]]'],
    ['a.b[1], #a[1], #b', '[a, b, [1]]', '[a, [1]]'],
    ['a[3].b, #a.#b.b', '[a, [3], b]', '[a, [3], b]'],
  ].map(([expression, one, two]) => ({
    name: `ProjectionExpression conflicting paths ${expression}`,
    source: GET,
    operation: 'GetItem',
    body: { TableName: 'abc', Key: {}, ProjectionExpression: expression, ExpressionAttributeNames: { '#a': 'a', '#b': '[3]' } },
    expected: validation(
      `Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: ${one}, path two: ${two}`,
    ),
  })),
  ...['a', 'a,b'].map((expression) => ({
    name: `unused ExpressionAttributeNames with ${expression}`,
    source: GET,
    operation: 'GetItem',
    body: { TableName: 'abc', Key: {}, ProjectionExpression: expression, ExpressionAttributeNames: { '#a': 'a', '#b': 'b' } },
    expected: validation('Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}'),
  })),
  { name: 'missing table with an empty key', source: GET, operation: 'GetItem', body: { TableName: MISSING_TABLE, Key: {} }, expected: notFound },
  ...keyCases('GetItem', GET),
  {
    name: 'empty string key',
    source: GET,
    operation: 'GetItem',
    body: { TableName: HASH_TABLE, Key: { a: { S: '' } } },
    // dynalite's older recording words this "One or more parameter values were invalid: The AttributeValue
    // ..."; newer recordings of GetItem (moto's tests, dynalite's own putItem.js) use the wording below.
    expected: validation(`${NOT_VALID}The AttributeValue for a key attribute cannot contain an empty string value. Key: a`),
  },
  {
    name: 'empty binary key',
    source: GET,
    operation: 'GetItem',
    body: { TableName: RANGE_B_TABLE, Key: { a: { S: 'a' }, b: { B: '' } } },
    expected: validation(`${NOT_VALID}The AttributeValue for a key attribute cannot contain an empty binary value. Key: b`),
  },
  {
    name: 'hash key over 2048 bytes',
    source: GET,
    operation: 'GetItem',
    body: { TableName: HASH_TABLE, Key: { a: { S: longHashKey } } },
    expected: validation(`${INVALID}Size of hashkey has exceeded the maximum size limit of2048 bytes`),
  },
  {
    name: 'range key over 1024 bytes',
    source: GET,
    operation: 'GetItem',
    body: { TableName: RANGE_TABLE, Key: { a: { S: 'a' }, b: { S: longRangeKey } } },
    expected: validation(`${INVALID}Aggregated size of all range keys has exceeded the size limit of 1024 bytes`),
  },
  ...['#a.b.c', '#a[0]'].map((expression) => ({
    name: `ProjectionExpression into the key ${expression}`,
    source: GET,
    operation: 'GetItem',
    body: { TableName: HASH_TABLE, Key: { a: { S: 'k' } }, ProjectionExpression: expression, ExpressionAttributeNames: { '#a': 'a' } },
    expected: validation("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: a"),
  })),
  ...['#d.b.c', '#d[0]'].map((expression) => ({
    name: `ProjectionExpression into an index key ${expression}`,
    source: GET,
    operation: 'GetItem',
    body: { TableName: RANGE_TABLE, Key: { a: { S: 'k' }, b: { S: 'k' } }, ProjectionExpression: expression, ExpressionAttributeNames: { '#d': 'd' } },
    expected: validation("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: d"),
  })),
];

const deleteItemCases: ValidationCase[] = [
  ...conditionMemberCases('DeleteItem', DELETE, { Key: {} }, { Key: {} }).map((testCase) =>
    testCase.name === 'expression and non-expression parameters' || testCase.name.includes('without an expression')
      ? { ...testCase, body: { ...(testCase.body as object), Expected: {} } }
      : testCase,
  ),
  {
    name: 'ExpressionAttributeValues key checked before its value',
    source: DELETE,
    operation: 'DeleteItem',
    body: { TableName: 'abc', Key: {}, ExpressionAttributeValues: { ':b': { a: '' }, b: { S: 'a' } }, ConditionExpression: '' },
    expected: validation('ExpressionAttributeValues contains invalid key: Syntax error; key: "b"'),
  },
  ...badValueCases(
    'DeleteItem',
    DELETE,
    'ExpressionAttributeValues',
    (value) => ({ TableName: 'abc', Key: {}, ExpressionAttributeValues: { ':b': value }, ConditionExpression: '' }),
    (message) => `ExpressionAttributeValues contains invalid value: ${message} for key :b`,
  ),
  {
    name: 'ConditionExpression syntax error',
    source: DELETE,
    operation: 'DeleteItem',
    body: { TableName: 'abc', Key: {}, ConditionExpression: 'whatever' },
    expected: validation(/^Invalid ConditionExpression: Syntax error; /),
  },
  ...badValueCases('DeleteItem', DELETE, 'Key', (value) => ({ TableName: 'abc', Key: { a: value } })),
  ...expectedCases('DeleteItem', DELETE, { Key: {} }).filter((testCase) =>
    ['ComparisonOperator alone', 'ComparisonOperator with Exists', 'NULL with a Value', 'BETWEEN with a Value'].some((name) => testCase.name.endsWith(name)),
  ),
  ...[
    ['AttributeValueList alone', { a: { AttributeValueList: [] } }, 'AttributeValueList can only be used with a ComparisonOperator for Attribute: a'],
    ['AttributeValueList with Exists', { a: { Exists: true, AttributeValueList: [] } }, 'AttributeValueList can only be used with a ComparisonOperator for Attribute: a'],
    ['AttributeValueList with Value', { a: { Value: { S: 'a' }, AttributeValueList: [] } }, 'Value and AttributeValueList cannot be used together for Attribute: a'],
    [
      'IN arguments of different types',
      { a: { ComparisonOperator: 'IN', AttributeValueList: [{ S: 'b' }, { N: '1' }] } },
      'AttributeValues inside AttributeValueList must be of same type',
    ],
  ].map(([name, expected, message]) => ({
    name: `Expected: ${String(name)}`,
    source: DELETE,
    operation: 'DeleteItem',
    body: { TableName: 'aaa', Key: {}, Expected: expected },
    expected: validation(INVALID + String(message)),
  })),
  {
    name: 'Expected: BETWEEN bounds in the wrong order',
    source: DELETE,
    operation: 'DeleteItem',
    body: { TableName: 'aaa', Key: {}, Expected: { a: { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ S: 'b' }, { S: 'a' }] } } },
    expected: validation('The BETWEEN condition was provided a range where the lower bound is greater than the upper bound'),
  },
  {
    name: 'ConditionExpression BETWEEN bounds of different types',
    source: DELETE,
    operation: 'DeleteItem',
    body: { TableName: 'aaa', Key: {}, ConditionExpression: 'a between :b and :a', ExpressionAttributeValues: { ':a': { S: 'a' }, ':b': { N: '1' } } },
    expected: validation(
      'Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}',
    ),
  },
  {
    name: 'ConditionExpression BETWEEN bounds in the wrong order',
    source: DELETE,
    operation: 'DeleteItem',
    body: { TableName: 'aaa', Key: {}, ConditionExpression: 'a between :b and :a', ExpressionAttributeValues: { ':a': { S: 'a' }, ':b': { S: 'b' } } },
    expected: validation(
      'Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}',
    ),
  },
  ...keyCases('DeleteItem', DELETE),
];

runValidationCases('validation order: PutItem, GetItem, DeleteItem', [...putItemCases, ...getItemCases, ...deleteItemCases]);
