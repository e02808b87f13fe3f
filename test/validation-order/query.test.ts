import {
  HASH_TABLE,
  INVALID,
  KEY_MISMATCH,
  RANGE_TABLE,
  badValueCases,
  emptyValues,
  notFound,
  recordedCases,
  runValidationCases,
  validation,
  type ExpectedError,
  type ValidationCase,
} from './validation-cases.js';

const QUERY = 'dynalite test/query.js';
const { make: queryCase, onMissing } = recordedCases('Query', QUERY);

/** The two ways of giving a key condition, legacy and expression, which DynamoDB answers alike here. */
type KeyOptions = Record<string, unknown>;
const bothKeyForms = (legacy: KeyOptions, expression: KeyOptions): KeyOptions[] => [legacy, expression];

/** Every key-option form crossed with every start key, all expected to give `expected`. */
function startKeyCases(name: string, base: Record<string, unknown>, keyForms: KeyOptions[], startKeys: unknown[], expected: ExpectedError) {
  return keyForms.flatMap((keyForm) =>
    startKeys.map((startKey) =>
      queryCase(
        `${name}: ${JSON.stringify(keyForm)} ${JSON.stringify(startKey)}`,
        { ...base, ...keyForm, ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }) },
        expected,
      ),
    ),
  );
}

const zNull = { KeyConditions: { z: { ComparisonOperator: 'NULL' } }, QueryFilter: {} };
const zEquals = { KeyConditionExpression: 'z = :a', ExpressionAttributeValues: { ':a': { N: '1' } } };
const zNullNoFilter = { KeyConditions: { z: { ComparisonOperator: 'NULL' } } };
const zBetween = { KeyConditionExpression: 'z between :a and :b', ExpressionAttributeValues: { ':a': { N: '1' }, ':b': { N: '1' } } };
const keyEquals = (name: string, value = 'b') =>
  bothKeyForms(
    { KeyConditions: { [name]: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: value }] } } },
    { KeyConditionExpression: `${name} = :a`, ExpressionAttributeValues: { ':a': { S: value } } },
  );

const argumentCounts = [
  { a: { ComparisonOperator: 'EQ' }, b: { ComparisonOperator: 'NULL' }, c: { ComparisonOperator: 'NULL' } },
  { a: { ComparisonOperator: 'EQ' } },
  { a: { ComparisonOperator: 'EQ', AttributeValueList: [] } },
  ...['NE', 'LE', 'LT', 'GE', 'GT', 'CONTAINS', 'NOT_CONTAINS', 'BEGINS_WITH', 'IN', 'BETWEEN'].map((operator) => ({ a: { ComparisonOperator: operator } })),
  ...['NULL', 'NOT_NULL'].map((operator) => ({ a: { ComparisonOperator: operator, AttributeValueList: [{ S: 'a' }] } })),
  ...['EQ', 'NE', 'LE', 'LT', 'GE', 'GT', 'CONTAINS', 'NOT_CONTAINS', 'NULL', 'NOT_NULL'].map((operator) => ({
    a: { ComparisonOperator: operator, AttributeValueList: [{ S: 'a' }, { S: 'a' }] },
  })),
  { a: { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ S: 'a' }, { S: 'a' }, { S: 'a' }] } },
];

/** ComparisonOperator × value types DynamoDB refuses, with the type it names. */
const operatorTypeErrors: [string, unknown[]][] = [
  ...['LT', 'LE', 'GT', 'GE', 'IN'].flatMap((operator): [string, unknown[]][] =>
    [{ BOOL: true }, { NULL: true }, { SS: ['a'] }, { NS: ['1'] }, { BS: ['abcd'] }, { M: {} }, { L: [] }].map((value) => [operator, [value]]),
  ),
  ...['CONTAINS', 'NOT_CONTAINS'].flatMap((operator): [string, unknown[]][] =>
    [{ SS: ['a'] }, { NS: ['1'] }, { BS: ['abcd'] }, { M: {} }, { L: [] }].map((value) => [operator, [value]]),
  ),
  ...[{ BOOL: true }, { NULL: true }, { SS: ['a'] }, { NS: ['1'] }, { BS: ['abcd'] }, { M: {} }, { L: [] }].map((value): [string, unknown[]] => [
    'BETWEEN',
    [value, value],
  ]),
  ...[{ N: '1' }, { BOOL: true }, { NULL: true }, { SS: ['a'] }, { NS: ['1'] }, { BS: ['abcd'] }, { M: {} }, { L: [] }].map((value): [string, unknown[]] => [
    'BEGINS_WITH',
    [value],
  ]),
];

const legacyAndExpressionCases: ValidationCase[] = [
  onMissing(
    'all expression and non-expression parameters',
    {
      ExclusiveStartKey: { a: {} },
      Select: 'SPECIFIC_ATTRIBUTES',
      AttributesToGet: ['a', 'a'],
      QueryFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } },
      ConditionalOperator: 'OR',
      KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } },
      ProjectionExpression: '',
      FilterExpression: '',
      KeyConditionExpression: '',
      ExpressionAttributeNames: {},
      ExpressionAttributeValues: {},
    },
    'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet, QueryFilter, ConditionalOperator, KeyConditions} Expression parameters: {ProjectionExpression, FilterExpression, KeyConditionExpression}',
  ),
  onMissing(
    'expression and non-expression parameters without KeyConditionExpression',
    {
      QueryFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } },
      AttributesToGet: ['a', 'a'],
      ExclusiveStartKey: { a: {} },
      KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } },
      ConditionalOperator: 'OR',
      Select: 'SPECIFIC_ATTRIBUTES',
      FilterExpression: '',
      ProjectionExpression: '',
      ExpressionAttributeNames: {},
      ExpressionAttributeValues: {},
    },
    'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet, QueryFilter, ConditionalOperator} Expression parameters: {ProjectionExpression, FilterExpression}',
  ),
  onMissing(
    'expression and non-expression parameters without KeyConditions',
    {
      QueryFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } },
      AttributesToGet: ['a', 'a'],
      ExclusiveStartKey: { a: {} },
      ConditionalOperator: 'OR',
      Select: 'SPECIFIC_ATTRIBUTES',
      KeyConditionExpression: '',
      FilterExpression: '',
      ProjectionExpression: '',
      ExpressionAttributeNames: {},
      ExpressionAttributeValues: {},
    },
    'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet, QueryFilter, ConditionalOperator} Expression parameters: {ProjectionExpression, FilterExpression, KeyConditionExpression}',
  ),
  onMissing(
    'ExpressionAttributeNames without expressions',
    {
      QueryFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } },
      AttributesToGet: ['a', 'a'],
      ExclusiveStartKey: { a: {} },
      ConditionalOperator: 'OR',
      Select: 'SPECIFIC_ATTRIBUTES',
      ExpressionAttributeNames: {},
      ExpressionAttributeValues: {},
    },
    'ExpressionAttributeNames can only be specified when using expressions',
  ),
  onMissing(
    'ExpressionAttributeValues without expressions',
    {
      QueryFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } },
      AttributesToGet: ['a', 'a'],
      ExclusiveStartKey: { a: {} },
      ConditionalOperator: 'OR',
      Select: 'SPECIFIC_ATTRIBUTES',
      ExpressionAttributeValues: {},
    },
    'ExpressionAttributeValues can only be specified when using expressions: FilterExpression and KeyConditionExpression are null',
  ),
];

const legacyFilterBase = { ExclusiveStartKey: { a: {} }, AttributesToGet: ['a', 'a'], KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } } };

const legacyCases: ValidationCase[] = [
  ...[{}, { a: '' }].map((value) =>
    onMissing(
      `QueryFilter value empty ${JSON.stringify(value)} before KeyConditions and start key`,
      { ...legacyFilterBase, QueryFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [value, { S: '' }] } } },
      'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes',
    ),
  ),
  ...badValueCases('Query', QUERY, 'QueryFilter', (value) => ({
    TableName: 'abc',
    ...legacyFilterBase,
    QueryFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '1' }, value, {}] } },
  })).filter((testCase) => testCase.name.includes('invalid value')),
  ...badValueCases('Query', QUERY, 'QueryFilter', (value) => ({
    TableName: 'abc',
    ...legacyFilterBase,
    QueryFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '1' }, value] } },
  })).filter((testCase) => testCase.name.includes('invalid number') || testCase.name.includes('several types')),
  ...argumentCounts.map((conditions) =>
    onMissing(
      `QueryFilter argument count ${JSON.stringify(conditions)}`,
      { ...legacyFilterBase, QueryFilter: conditions },
      `${INVALID}Invalid number of argument(s) for the ${conditions.a.ComparisonOperator} ComparisonOperator`,
    ),
  ),
  onMissing(
    'duplicate AttributesToGet before the start key',
    { QueryFilter: {}, ExclusiveStartKey: { a: {} }, AttributesToGet: ['a', 'a'] },
    `${INVALID}Duplicate value in attribute name: a`,
  ),
];

const conditionEqEmpty = { KeyConditions: { a: { ComparisonOperator: 'EQ' } } };
const conditionEqTwoEmpty = { KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}, {}] } } };
const conditionEqOneEmpty = { KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } } };
const emptyKeyExpression = { KeyConditionExpression: '', ExpressionAttributeNames: {}, ExpressionAttributeValues: {} };
const START_KEY_INVALID = 'The provided starting key is invalid: ';

const startKeyValueCases: ValidationCase[] = [
  ...[conditionEqEmpty, emptyKeyExpression].flatMap((keyForm) =>
    emptyValues.map((value) =>
      onMissing(
        `ExclusiveStartKey empty value ${JSON.stringify(value)} with ${JSON.stringify(keyForm)}`,
        { ...keyForm, ExclusiveStartKey: { a: value } },
        `${START_KEY_INVALID}Supplied AttributeValue is empty, must contain exactly one of the supported datatypes`,
      ),
    ),
  ),
  ...[conditionEqTwoEmpty, emptyKeyExpression].flatMap((keyForm) => [
    ...(
      [
        [{ NULL: 'no' }, 'Null attribute value types must have the value of true', true],
        [{ SS: [] }, 'An string set  may not be empty', true],
        [{ BS: [] }, 'Binary sets should not be empty', true],
        [{ NS: [] }, 'An number set  may not be empty', false],
        [{ SS: ['a', 'a'] }, 'Input collection [a, a] contains duplicates.', false],
        [{ BS: ['Yg==', 'Yg=='] }, 'Input collection [Yg==, Yg==]of type BS contains duplicates.', false],
      ] as const
    ).map(([value, message, prefixed]) =>
      onMissing(
        `ExclusiveStartKey invalid value ${JSON.stringify(value)} with ${JSON.stringify(keyForm)}`,
        { ...keyForm, ExclusiveStartKey: { a: value } },
        `${prefixed ? START_KEY_INVALID : ''}${INVALID}${message}`,
      ),
    ),
  ]),
  ...[conditionEqOneEmpty, emptyKeyExpression].flatMap((keyForm) => [
    ...badValueCases('Query', QUERY, 'ExclusiveStartKey', (value) => ({ TableName: 'abc', ...keyForm, ExclusiveStartKey: { a: value } }))
      .filter((testCase) => testCase.name.includes('invalid number'))
      .map((testCase) => ({ ...testCase, name: `${testCase.name} with ${JSON.stringify(keyForm)}` })),
    onMissing(
      `ExclusiveStartKey with several types with ${JSON.stringify(keyForm)}`,
      { ...keyForm, ExclusiveStartKey: { a: { S: 'a', N: '1' } } },
      `${START_KEY_INVALID}Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes`,
    ),
  ]),
];

const keyConditionsCases: ValidationCase[] = [
  ...[{}, { a: '' }].map((value) =>
    onMissing(
      `KeyConditions value empty ${JSON.stringify(value)}`,
      { QueryFilter: {}, KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [value, { S: '' }] } } },
      'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes',
    ),
  ),
  ...badValueCases('Query', QUERY, 'KeyConditions', (value) => ({
    TableName: 'abc',
    KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '1' }, value, {}] } },
  })).filter((testCase) => testCase.name.includes('invalid value')),
  ...badValueCases('Query', QUERY, 'KeyConditions', (value) => ({
    TableName: 'abc',
    KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '1' }, value] } },
  })).filter((testCase) => testCase.name.includes('invalid number') || testCase.name.includes('several types')),
  ...argumentCounts.map((conditions) =>
    onMissing(
      `KeyConditions argument count ${JSON.stringify(conditions)}`,
      { QueryFilter: {}, KeyConditions: conditions },
      `${INVALID}Invalid number of argument(s) for the ${conditions.a.ComparisonOperator} ComparisonOperator`,
    ),
  ),
  ...[
    { QueryFilter: {}, KeyConditions: {} },
    { QueryFilter: {}, KeyConditions: { a: { ComparisonOperator: 'NULL' }, b: { ComparisonOperator: 'NULL' }, c: { ComparisonOperator: 'NULL' } } },
    { KeyConditionExpression: ':a = a and b = :a and :a = c', ExpressionAttributeValues: { ':a': { S: 'a' } } },
    { KeyConditionExpression: '(a > :a and b > :a) and (c > :a and d > :a) and (e > :a and f > :a)', ExpressionAttributeValues: { ':a': { S: 'a' } } },
  ].map((members) => onMissing(`condition count ${JSON.stringify(members)}`, members, 'Conditions can be of length 1 or 2 only')),
  ...['QueryFilter', 'KeyConditions'].flatMap((member) =>
    operatorTypeErrors.map(([operator, values]) =>
      onMissing(
        `${member} ${operator} on ${JSON.stringify(values[0])}`,
        { [member]: { a: { ComparisonOperator: operator, AttributeValueList: values } } },
        `${INVALID}ComparisonOperator ${operator} is not valid for ${Object.keys(values[0] as object)[0]} AttributeValue type`,
      ),
    ),
  ),
  onMissing(
    'KeyConditions IN values of different types',
    { KeyConditions: { a: { ComparisonOperator: 'IN', AttributeValueList: [{ S: 'b' }, { N: '1' }] } } },
    `${INVALID}AttributeValues inside AttributeValueList must be of same type`,
  ),
  onMissing(
    'KeyConditions BETWEEN bounds in the wrong order',
    { KeyConditions: { a: { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ S: 'b' }, { S: 'a' }] } } },
    'The BETWEEN condition was provided a range where the lower bound is greater than the upper bound',
  ),
];

const expressionCases: ValidationCase[] = [
  onMissing('empty ExpressionAttributeNames', { KeyConditionExpression: '', ExpressionAttributeNames: {}, ExpressionAttributeValues: {} }, 'ExpressionAttributeNames must not be empty'),
  onMissing(
    'invalid ExpressionAttributeNames key',
    { KeyConditionExpression: '', ExpressionAttributeNames: { a: 'a' }, ExpressionAttributeValues: {} },
    'ExpressionAttributeNames contains invalid key: Syntax error; key: "a"',
  ),
  onMissing('empty ExpressionAttributeValues', { KeyConditionExpression: '', ExpressionAttributeValues: {} }, 'ExpressionAttributeValues must not be empty'),
  onMissing(
    'invalid ExpressionAttributeValues key',
    { KeyConditionExpression: '', ExpressionAttributeValues: { a: { S: 'b' } } },
    'ExpressionAttributeValues contains invalid key: Syntax error; key: "a"',
  ),
  onMissing(
    'empty KeyConditionExpression before the other expressions',
    { KeyConditionExpression: '', FilterExpression: '', ProjectionExpression: '', ExpressionAttributeValues: { ':0': { S: 'b' } } },
    'Invalid KeyConditionExpression: The expression can not be empty;',
  ),
  ...['things are not gonna be ok', 'a > 4', '(size(a))[0] > a'].map((expression) =>
    onMissing(`KeyConditionExpression syntax error: ${expression}`, { FilterExpression: '', KeyConditionExpression: expression }, /^Invalid KeyConditionExpression: Syntax error; /),
  ),
  onMissing(
    'attribute_type with a path operand',
    { FilterExpression: '', KeyConditionExpression: 'attribute_type(a, b)' },
    /^Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type:/,
  ),
  onMissing(
    'attribute_type with a number',
    { FilterExpression: '', KeyConditionExpression: 'attribute_type(a, :a)', ExpressionAttributeValues: { ':a': { N: '1' } } },
    /^Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type:/,
  ),
  onMissing(
    'empty FilterExpression after a valid KeyConditionExpression',
    { KeyConditionExpression: 'attribute_type(a, :a)', FilterExpression: '', ProjectionExpression: '', ExpressionAttributeValues: { ':a': { S: 'N' } } },
    'Invalid FilterExpression: The expression can not be empty;',
  ),
  onMissing(
    'empty ProjectionExpression after valid conditions',
    { KeyConditionExpression: 'attribute_type(a, :a)', FilterExpression: 'a > b', ProjectionExpression: '', ExpressionAttributeValues: { ':a': { S: 'N' } } },
    'Invalid ProjectionExpression: The expression can not be empty;',
  ),
  onMissing(
    'attribute_type in a key condition',
    { KeyConditionExpression: 'attribute_type(a, :a)', ExpressionAttributeValues: { ':a': { S: 'S' } } },
    'Invalid operator used in KeyConditionExpression: attribute_type',
  ),
  ...[
    ['a > b and size(b) > c or a > c', 'OR'],
    ['a in (b, size(c), d)', 'IN'],
    ['attribute_exists(a)', 'attribute_exists'],
    ['attribute_not_exists(a)', 'attribute_not_exists'],
    ['contains(a.d, b)', 'contains'],
    ['not a > b', 'NOT'],
    ['a <> b', '<>'],
  ].map(([expression, operator]) =>
    onMissing(`invalid key operator: ${String(expression)}`, { KeyConditionExpression: expression }, `Invalid operator used in KeyConditionExpression: ${String(operator)}`),
  ),
  ...[
    [':a between size(b) and size(a) and b > :b', 'BETWEEN'],
    ['begins_with(:a, b) and a > :b', 'begins_with'],
  ].map(([expression, operator]) =>
    onMissing(
      `key attribute not first: ${String(expression)}`,
      { KeyConditionExpression: expression, ExpressionAttributeValues: { ':a': { S: '1' }, ':b': { S: '1' } } },
      `Invalid condition in KeyConditionExpression: ${String(operator)} operator must have the key attribute as its first operand`,
    ),
  ),
  ...['size(b) > a AND a.b > b AND b > c', 'a > size(b.d)', 'a between size(b) and size(a)'].map((expression) =>
    onMissing(`nested operation: ${expression}`, { KeyConditionExpression: expression }, 'KeyConditionExpressions cannot contain nested operations'),
  ),
  ...['b > a.b', 'b between c[1] and d', 'a between b and size(a)', 'begins_with(a, b)'].map((expression) =>
    onMissing(
      `several attribute names: ${expression}`,
      { KeyConditionExpression: expression },
      'Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition',
    ),
  ),
  ...['b.d > a AND c.d > e.f', 'a.d > c', 'b[0] > a'].map((expression) =>
    onMissing(`nested attribute: ${expression}`, { KeyConditionExpression: expression }, 'KeyConditionExpressions cannot have conditions on nested attributes'),
  ),
  ...[':b > :a AND a < :b', ':a > b AND :a < :b'].map((expression) =>
    onMissing(
      `no key attribute: ${expression}`,
      { KeyConditionExpression: expression, ExpressionAttributeValues: { ':a': { N: '1' }, ':b': { N: '1' } } },
      'Invalid condition in KeyConditionExpression: No key attribute specified',
    ),
  ),
  ...['b > :a AND b < :a and c = :a and d = :a', '(a > :a and b > :a) and (b > :a and c > :a)'].map((expression) =>
    onMissing(
      `two conditions on one key: ${expression}`,
      { KeyConditionExpression: expression, ExpressionAttributeValues: { ':a': { N: '1' } } },
      'KeyConditionExpressions must only contain one condition per key',
    ),
  ),
  onMissing(
    'BETWEEN bounds of different types',
    { KeyConditionExpression: 'a between :b and :a', ExpressionAttributeValues: { ':a': { S: 'a' }, ':b': { N: '1' } } },
    'Invalid KeyConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}',
  ),
  onMissing(
    'BETWEEN bounds in the wrong order',
    { KeyConditionExpression: 'a between :b and :a', ExpressionAttributeValues: { ':a': { S: 'a' }, ':b': { S: 'b' } } },
    'Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}',
  ),
];

const rangeTable = { TableName: RANGE_TABLE };
const STARTING_KEY_INVALID = 'The provided starting key is invalid';

const tableCases: ValidationCase[] = [
  ...startKeyCases(
    'table looked up before the start key',
    { TableName: 'abc' },
    [zNull, zEquals, { KeyConditionExpression: 'b between :a and :b', ExpressionAttributeValues: { ':a': { N: '1' }, ':b': { N: '1' } } }],
    [{}, { b: { S: 'a' } }, { a: { S: 'a' }, b: { S: 'a' } }],
    notFound,
  ),
  ...[HASH_TABLE, RANGE_TABLE].map((table) =>
    queryCase(
      `unknown index on ${table}`,
      { TableName: table, IndexName: 'whatever', ExclusiveStartKey: {}, KeyConditions: { z: { ComparisonOperator: 'NULL' } } },
      validation('The table does not have the specified index: whatever'),
    ),
  ),
  queryCase(
    'consistent read on a global index',
    { ...rangeTable, IndexName: 'index3', ConsistentRead: true, ExclusiveStartKey: {}, KeyConditions: { z: { ComparisonOperator: 'NULL' } } },
    validation('Consistent reads are not supported on global secondary indexes'),
  ),
  ...startKeyCases('start key invalid for a hash table', { TableName: HASH_TABLE }, [zNull, zEquals], [{}, { b: { S: 'a' } }, { a: { S: 'a' }, b: { S: 'a' } }], validation(STARTING_KEY_INVALID)),
  ...startKeyCases(
    'start key invalid for a range table',
    rangeTable,
    [zNull, zEquals],
    [{}, { z: { N: '1' } }, { b: { S: 'a' }, c: { S: 'b' } }, { a: { B: 'abcd' } }, { a: { S: 'a' } }, { a: { N: '1' }, b: { S: 'a' }, c: { S: 'b' } }, { a: { N: '1' }, b: { N: '1' }, z: { N: '1' } }],
    validation(STARTING_KEY_INVALID),
  ),
  ...startKeyCases(
    'start key invalid for a local index',
    { ...rangeTable, IndexName: 'index1' },
    [zNull, zEquals],
    [{}, { z: { N: '1' } }, { a: { B: 'abcd' } }, { a: { S: 'a' } }, { a: { S: 'a' }, b: { S: 'a' } }, { a: { S: 'a' }, c: { S: 'a' } }, { b: { S: 'a' }, c: { S: 'a' } }],
    validation(STARTING_KEY_INVALID),
  ),
  ...startKeyCases(
    'start key invalid for a global index',
    { ...rangeTable, IndexName: 'index3' },
    [zNull, zEquals],
    [
      {},
      { z: { N: '1' } },
      { a: { B: 'abcd' } },
      { a: { S: 'a' } },
      { a: { S: 'a' }, b: { S: 'a' } },
      { a: { S: 'a' }, c: { S: 'a' } },
      { a: { S: 'a' }, b: { S: 'a' }, z: { S: 'a' } },
      { a: { S: 'a' }, b: { S: 'a' }, c: { S: 'a' }, z: { S: 'a' } },
      { c: { N: '1' } },
      { c: { S: '1' } },
    ],
    validation(STARTING_KEY_INVALID),
  ),
  ...startKeyCases(
    'start key not matching the hash schema',
    { TableName: HASH_TABLE },
    [zNull, zEquals],
    [{ B: 'abcd' }, { N: '1' }, { BOOL: true }, { NULL: true }, { SS: ['a'] }, { NS: ['1'] }, { BS: ['aaaa'] }, { M: {} }, { L: [] }].map((value) => ({ a: value })),
    validation(KEY_MISMATCH),
  ),
  ...startKeyCases(
    'start key not matching the range schema',
    rangeTable,
    [zNull, zEquals],
    [
      { a: { N: '1' }, z: { S: 'a' } },
      { a: { B: 'YQ==' }, b: { S: 'a' } },
    ],
    validation(KEY_MISMATCH),
  ),
  ...startKeyCases(
    'start key not matching a local index schema',
    { ...rangeTable, IndexName: 'index1' },
    [zNull, zEquals],
    [
      { a: { N: '1' }, x: { S: '1' }, y: { S: '1' } },
      { a: { B: 'YQ==' }, b: { S: '1' }, c: { S: '1' } },
    ],
    validation(KEY_MISMATCH),
  ),
  ...startKeyCases(
    'start key not matching a global index schema',
    { ...rangeTable, IndexName: 'index3' },
    [zNull, zEquals],
    [
      { x: { S: '1' }, y: { S: '1' }, c: { N: '1' } },
      { a: { S: '1' }, b: { S: '1' }, c: { B: 'YQ==' } },
    ],
    validation(KEY_MISMATCH),
  ),
  ...startKeyCases(
    'hash key missing from the condition',
    rangeTable,
    [zNullNoFilter, zBetween],
    [undefined, { a: { S: 'a' }, b: { N: '1' } }, { a: { S: 'a' }, c: { N: '1' } }, { a: { S: 'a' }, z: { S: '1' } }],
    validation('Query condition missed key schema element: a'),
  ),
  ...startKeyCases(
    'local index hash key missing from the condition',
    { ...rangeTable, IndexName: 'index1' },
    [zNullNoFilter, zBetween],
    [undefined, { a: { S: '1' }, b: { N: '1' }, c: { N: '1' } }, { a: { S: 'a' }, b: { S: 'a' }, c: { S: 'a' } }, { a: { S: 'a' }, b: { S: 'a' }, z: { S: 'a' } }],
    validation('Query condition missed key schema element: a'),
  ),
  ...startKeyCases(
    'global index hash key missing from the condition',
    { ...rangeTable, IndexName: 'index3' },
    [zNullNoFilter, zBetween],
    [undefined, { x: { N: '1' }, y: { N: '1' }, c: { S: '1' } }, { a: { N: '1' }, b: { N: '1' }, c: { S: '1' } }, { a: { S: 'a' }, b: { S: 'a' }, c: { S: 'a' } }],
    validation('Query condition missed key schema element: c'),
  ),
  ...startKeyCases(
    'range key of the start key invalid',
    rangeTable,
    keyEquals('a'),
    [{ a: { S: 'a' } }, { a: { S: 'a' }, c: { N: '1' } }, { a: { S: 'a' }, z: { S: '1' } }, { a: { S: 'a' }, b: { S: '1' }, c: { S: '1' } }],
    validation(STARTING_KEY_INVALID),
  ),
  ...startKeyCases(
    'local index range of the start key invalid',
    { ...rangeTable, IndexName: 'index1' },
    keyEquals('a'),
    [{ a: { S: 'a' } }, { a: { S: 'a' }, c: { N: '1' } }, { a: { S: 'a' }, z: { S: '1' } }, { a: { S: 'a' }, b: { S: '1' }, c: { S: '1' }, d: { S: '1' } }],
    validation(STARTING_KEY_INVALID),
  ),
  ...startKeyCases(
    'global index range of the start key invalid',
    { ...rangeTable, IndexName: 'index4', Select: 'ALL_ATTRIBUTES' },
    keyEquals('c'),
    [
      { c: { S: '1' } },
      { a: { N: '1' }, c: { S: '1' } },
      { a: { N: '1' }, b: { N: '1' }, c: { S: '1' } },
      { a: { N: '1' }, b: { N: '1' }, c: { S: '1' }, e: { N: '1' } },
      { a: { S: 'a' }, b: { S: '1' }, c: { S: '1' }, d: { S: '1' }, e: { S: '1' } },
    ],
    validation(STARTING_KEY_INVALID),
  ),
  ...startKeyCases(
    'range of the start key of the wrong type',
    rangeTable,
    keyEquals('a'),
    [
      { a: { S: 'a' }, b: { N: '1' } },
      { a: { S: 'a' }, b: { B: 'YQ==' } },
    ],
    validation(KEY_MISMATCH),
  ),
  ...startKeyCases(
    'local index start key of the wrong type',
    { ...rangeTable, IndexName: 'index1' },
    keyEquals('a'),
    [
      { a: { S: 'a' }, b: { N: '1' }, c: { N: '1' } },
      { a: { S: 'a' }, b: { B: 'YQ==' }, c: { N: '1' } },
      { a: { S: 'a' }, b: { S: 'a' }, c: { N: '1' } },
      { a: { S: 'a' }, b: { S: 'a' }, c: { B: 'YQ==' } },
    ],
    validation(KEY_MISMATCH),
  ),
  ...startKeyCases(
    'table range of a local index start key of the wrong type',
    { ...rangeTable, IndexName: 'index1' },
    keyEquals('a'),
    [
      { a: { S: '1' }, b: { N: '1' }, c: { S: 'a' } },
      { a: { S: '1' }, b: { B: 'YQ==' }, c: { S: 'a' } },
    ],
    validation(`${START_KEY_INVALID}${KEY_MISMATCH}`),
  ),
  ...startKeyCases(
    'table key of a global index start key of the wrong type',
    { ...rangeTable, IndexName: 'index3' },
    keyEquals('c'),
    [
      { x: { N: '1' }, y: { N: '1' }, c: { S: 'a' } },
      { a: { N: '1' }, b: { S: '1' }, c: { S: 'a' } },
      { a: { S: '1' }, b: { N: '1' }, c: { S: 'a' } },
    ],
    validation(`${START_KEY_INVALID}${KEY_MISMATCH}`),
  ),
  ...startKeyCases(
    'table key of a two-part global index start key of the wrong type',
    { ...rangeTable, IndexName: 'index4' },
    keyEquals('c'),
    [
      { x: { N: '1' }, y: { N: '1' }, c: { S: 'a' }, d: { S: 'a' } },
      { a: { N: '1' }, b: { S: '1' }, c: { S: 'a' }, d: { S: 'a' } },
      { a: { S: '1' }, b: { N: '1' }, c: { S: 'a' }, d: { S: 'a' } },
    ],
    validation(`${START_KEY_INVALID}${KEY_MISMATCH}`),
  ),
  ...startKeyCases(
    'range element missing from the condition',
    rangeTable,
    bothKeyForms(
      { KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'b' }] }, c: { ComparisonOperator: 'NULL' } } },
      { KeyConditionExpression: 'a = :a and c = :b', ExpressionAttributeValues: { ':a': { S: 'b' }, ':b': { N: '1' } } },
    ),
    [{ a: { S: 'a' }, b: { S: 'a' } }],
    validation('Query condition missed key schema element: b'),
  ),
  ...startKeyCases(
    'local index range element missing from the condition',
    { ...rangeTable, IndexName: 'index1' },
    bothKeyForms(
      { KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'b' }] }, b: { ComparisonOperator: 'NULL' } } },
      { KeyConditionExpression: 'a = :a and b = :b', ExpressionAttributeValues: { ':a': { S: 'b' }, ':b': { N: '1' } } },
    ),
    [{ a: { S: 'a' }, b: { S: 'a' }, c: { S: 'a' } }],
    validation('Query condition missed key schema element: c'),
  ),
  ...startKeyCases(
    'global index range element missing from the condition',
    { ...rangeTable, IndexName: 'index4', Select: 'ALL_ATTRIBUTES' },
    bothKeyForms(
      { KeyConditions: { c: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'b' }] }, b: { ComparisonOperator: 'NULL' } } },
      { KeyConditionExpression: 'c = :a and b = :b', ExpressionAttributeValues: { ':a': { S: 'b' }, ':b': { N: '1' } } },
    ),
    [{ a: { S: 'a' }, b: { S: 'a' }, c: { S: 'a' }, d: { S: 'a' } }],
    validation('Query condition missed key schema element: d'),
  ),
  ...[
    { ComparisonOperator: 'NULL' },
    { ComparisonOperator: 'NOT_NULL' },
    { ComparisonOperator: 'NE', AttributeValueList: [{ N: '1' }] },
    { ComparisonOperator: 'CONTAINS', AttributeValueList: [{ S: 'a' }] },
    { ComparisonOperator: 'NOT_CONTAINS', AttributeValueList: [{ S: 'a' }] },
    { ComparisonOperator: 'IN', AttributeValueList: [{ S: 'a' }] },
  ].map((condition) =>
    queryCase(
      `hash key operator ${condition.ComparisonOperator} not indexable`,
      { TableName: HASH_TABLE, KeyConditions: { a: condition } },
      validation('Attempted conditional constraint is not an indexable operation'),
    ),
  ),
  ...[
    { ComparisonOperator: 'NULL' },
    { ComparisonOperator: 'NOT_NULL' },
    { ComparisonOperator: 'CONTAINS', AttributeValueList: [{ S: 'a' }] },
    { ComparisonOperator: 'NOT_CONTAINS', AttributeValueList: [{ S: 'a' }] },
    { ComparisonOperator: 'IN', AttributeValueList: [{ S: 'a' }] },
  ].map((condition) =>
    queryCase(
      `range key operator ${condition.ComparisonOperator} not indexable`,
      { ...rangeTable, ExclusiveStartKey: { a: { S: 'a' }, b: { S: 'a' } }, KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'b' }] }, b: condition } },
      validation('Attempted conditional constraint is not an indexable operation'),
    ),
  ),
  queryCase(
    'local index range operator NULL not indexable',
    {
      ...rangeTable,
      IndexName: 'index1',
      KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'a' }] }, c: { ComparisonOperator: 'NULL' } },
    },
    validation('Attempted conditional constraint is not an indexable operation'),
  ),
  queryCase(
    'condition value of another type than the key',
    { TableName: HASH_TABLE, KeyConditionExpression: ':a > a', ExpressionAttributeValues: { ':a': { N: '1' } } },
    validation(`${INVALID}Condition parameter type does not match schema type`),
  ),
  ...unsupportedConditions('a', 'b', { TableName: HASH_TABLE }),
  ...unsupportedConditions('c', 'z', { ...rangeTable, IndexName: 'index3' }).map((testCase) => ({ ...testCase, name: `global index: ${testCase.name}` })),
  ...startKeyCases(
    'start key outside the hash key',
    rangeTable,
    keyEquals('a'),
    [{ a: { S: 'a' }, b: { S: 'a' } }],
    validation('The provided starting key is outside query boundaries based on provided conditions'),
  ),
  ...startKeyCases(
    'local index start key outside the hash key',
    { ...rangeTable, IndexName: 'index1' },
    keyEquals('a'),
    [{ a: { S: 'a' }, b: { S: 'a' }, c: { S: 'a' } }],
    validation('The provided starting key is outside query boundaries based on provided conditions'),
  ),
  ...startKeyCases(
    'global index start key outside the hash key',
    { ...rangeTable, IndexName: 'index3' },
    keyEquals('c'),
    [{ a: { S: 'a' }, b: { S: 'a' }, c: { S: 'a' } }],
    validation('The provided starting key is outside query boundaries based on provided conditions'),
  ),
  ...startKeyCases(
    'two-part global index start key outside the hash key',
    { ...rangeTable, IndexName: 'index4' },
    keyEquals('c'),
    [{ a: { S: 'a' }, b: { S: 'a' }, c: { S: 'a' }, d: { S: 'a' } }],
    validation('The provided starting key is outside query boundaries based on provided conditions'),
  ),
  ...startKeyCases(
    'start key outside the range predicate',
    rangeTable,
    bothKeyForms(
      { KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'b' }] }, b: { ComparisonOperator: 'GT', AttributeValueList: [{ S: 'a' }] } } },
      { KeyConditionExpression: 'a = :a and b > :a', ExpressionAttributeValues: { ':a': { S: 'b' } } },
    ),
    [{ a: { S: 'a' }, b: { S: 'a' } }],
    validation('The provided starting key does not match the range key predicate'),
  ),
  ...startKeyCases(
    'local index start key outside the range predicate',
    { ...rangeTable, IndexName: 'index1' },
    bothKeyForms(
      { KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'a' }] }, c: { ComparisonOperator: 'GT', AttributeValueList: [{ S: 'a' }] } } },
      { KeyConditionExpression: 'a = :a and c > :a', ExpressionAttributeValues: { ':a': { S: 'b' } } },
    ),
    [{ a: { S: 'a' }, b: { S: 'a' }, c: { S: 'a' } }],
    validation('The provided starting key does not match the range key predicate'),
  ),
  ...startKeyCases(
    'global index start key outside the range predicate',
    { ...rangeTable, IndexName: 'index4' },
    bothKeyForms(
      { KeyConditions: { c: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'a' }] }, d: { ComparisonOperator: 'GT', AttributeValueList: [{ S: 'a' }] } } },
      { KeyConditionExpression: 'c = :a and d > :a', ExpressionAttributeValues: { ':a': { S: 'b' } } },
    ),
    [
      { a: { S: 'a' }, b: { S: 'a' }, c: { S: 'a' }, d: { S: 'a' } },
      { a: { S: 'a' }, b: { S: 'a' }, c: { S: 'b' }, d: { S: 'a' } },
    ],
    validation('The provided starting key does not match the range key predicate'),
  ),
  ...startKeyCases(
    'start key in range but in another partition',
    rangeTable,
    bothKeyForms(
      { KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'b' }] }, b: { ComparisonOperator: 'LT', AttributeValueList: [{ S: 'b' }] } } },
      { KeyConditionExpression: 'a = :a and b < :a', ExpressionAttributeValues: { ':a': { S: 'b' } } },
    ),
    [{ a: { S: 'a' }, b: { S: 'a' } }],
    validation('The query can return at most one row and cannot be restarted'),
  ),
  ...[
    { a: { S: 'a' }, b: { S: 'a' }, c: { S: 'c' }, d: { S: 'a' } },
    { a: { S: 'a' }, b: { S: 'a' }, c: { S: 'b' }, d: { S: 'a' } },
  ].map((startKey) =>
    queryCase(
      `global index exact match with a start key ${JSON.stringify(startKey)}`,
      {
        ...rangeTable,
        IndexName: 'index4',
        ExclusiveStartKey: startKey,
        KeyConditions: { c: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'a' }] }, d: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'a' }] } },
      },
      validation('The query can return at most one row and cannot be restarted'),
    ),
  ),
  queryCase(
    'hash key in QueryFilter',
    {
      TableName: HASH_TABLE,
      KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'a' }] } },
      QueryFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'a' }] } },
    },
    validation('QueryFilter can only contain non-primary key attributes: Primary key attribute: a'),
  ),
  ...['attribute_exists(a.b) AND b = :b', 'a = :b', 'a[1] = :b'].map((expression) =>
    queryCase(
      `hash key in FilterExpression: ${expression}`,
      { TableName: HASH_TABLE, FilterExpression: expression, KeyConditionExpression: 'a = :a', ExpressionAttributeValues: { ':a': { S: '1' }, ':b': { N: '1' } } },
      validation('Filter Expression can only contain non-primary key attributes: Primary key attribute: a'),
    ),
  ),
  queryCase(
    'range key in QueryFilter',
    {
      ...rangeTable,
      KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'a' }] } },
      QueryFilter: { b: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'a' }] } },
    },
    validation('QueryFilter can only contain non-primary key attributes: Primary key attribute: b'),
  ),
  queryCase(
    'global index range key in QueryFilter',
    {
      ...rangeTable,
      IndexName: 'index4',
      Select: 'ALL_ATTRIBUTES',
      KeyConditions: { c: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'a' }] } },
      QueryFilter: { d: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'a' }] } },
    },
    validation('QueryFilter can only contain non-primary key attributes: Primary key attribute: d'),
  ),
  ...['attribute_exists(b.c) AND c = :b', 'b = :b', 'b[1] = :b'].map((expression) =>
    queryCase(
      `range key in FilterExpression: ${expression}`,
      { ...rangeTable, FilterExpression: expression, KeyConditionExpression: 'a = :a', ExpressionAttributeValues: { ':a': { S: '1' }, ':b': { N: '1' } } },
      validation('Filter Expression can only contain non-primary key attributes: Primary key attribute: b'),
    ),
  ),
  ...['attribute_exists(d.c) AND c = :b', 'd[1] = :b'].map((expression) =>
    queryCase(
      `path into an index key in FilterExpression: ${expression}`,
      { ...rangeTable, FilterExpression: expression, KeyConditionExpression: 'a = :a', ExpressionAttributeValues: { ':a': { S: '1' }, ':b': { N: '1' } } },
      validation("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: d"),
    ),
  ),
  ...[
    {
      KeyConditions: { c: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'a' }] } },
      QueryFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '1' }] } },
    },
    { KeyConditionExpression: 'c = :a', FilterExpression: 'a = :b and a.b = :a', ExpressionAttributeValues: { ':a': { S: 'a' }, ':b': { N: '1' } } },
  ].map((members) =>
    queryCase(
      `ALL_ATTRIBUTES on a global index without ALL projection: ${JSON.stringify(members)}`,
      { ...rangeTable, IndexName: 'index4', Select: 'ALL_ATTRIBUTES', ExclusiveStartKey: { a: { S: 'a' }, b: { S: 'b' }, c: { S: 'a' }, d: { S: 'b' } }, ...members },
      validation(`${INVALID}Select type ALL_ATTRIBUTES is not supported for global secondary index index4 because its projection type is not ALL`),
    ),
  ),
];

/** Conditions the table's key cannot serve, as one key attribute and one other name. */
function unsupportedConditions(key: string, other: string, target: Record<string, unknown>): ValidationCase[] {
  const value = { S: 'a' };
  return [
    { KeyConditions: { [key]: { ComparisonOperator: 'EQ', AttributeValueList: [value] }, [other]: { ComparisonOperator: 'EQ', AttributeValueList: [value] } } },
    ...['LE', 'LT', 'GE', 'GT', 'BEGINS_WITH'].map((operator) => ({ KeyConditions: { [key]: { ComparisonOperator: operator, AttributeValueList: [value] } } })),
    { KeyConditions: { [key]: { ComparisonOperator: 'BETWEEN', AttributeValueList: [value, value] } } },
    ...[`${key} > :a`, `${key} < :a`, `:a <= ${key}`, `:a >= ${key}`, `begins_with(${key}, :a)`, `${key} between :a and :a`, `${key} = :a AND b = :a`, 'y = :a and z = :a'].map(
      (expression) => ({ KeyConditionExpression: expression, ExpressionAttributeValues: { ':a': { S: '1' } } }),
    ),
  ].map((members) => queryCase(`key condition not supported: ${JSON.stringify(members)}`, { ...target, ...members }, validation('Query key condition not supported')));
}

runValidationCases('validation order: Query', [
  ...legacyAndExpressionCases,
  ...legacyCases,
  ...startKeyValueCases,
  ...keyConditionsCases,
  ...expressionCases,
  ...tableCases,
]);
