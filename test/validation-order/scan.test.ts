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
  withKnownDifference,
  type ExpectedError,
  type ValidationCase,
} from './validation-cases.js';

const SCAN = 'dynalite test/scan.js';
const { make: scanCase, onMissing } = recordedCases('Scan', SCAN);

const legacyBase = {
  ScanFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}] } },
  Segment: 1,
  Limit: 1,
  AttributesToGet: ['a', 'a'],
  ExclusiveStartKey: { a: {} },
  ConditionalOperator: 'OR',
  Select: 'SPECIFIC_ATTRIBUTES',
};
const filterBase = { Segment: 1, ExclusiveStartKey: { a: {} } };
const expressionBase = { Segment: 1, FilterExpression: '', ExpressionAttributeNames: {}, ExpressionAttributeValues: {} };
const START_KEY_INVALID = 'The provided starting key is invalid';

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

const nonScalars = [{ BOOL: true }, { NULL: true }, { SS: ['a'] }, { NS: ['1'] }, { BS: ['abcd'] }, { M: {} }, { L: [] }];
const operatorTypeErrors: [string, unknown[]][] = [
  ...['LT', 'LE', 'GT', 'GE', 'IN'].flatMap((operator): [string, unknown[]][] => nonScalars.map((value) => [operator, [value]])),
  ...['CONTAINS', 'NOT_CONTAINS'].flatMap((operator): [string, unknown[]][] => nonScalars.slice(2).map((value) => [operator, [value]])),
  ...nonScalars.map((value): [string, unknown[]] => ['BETWEEN', [value, value]]),
  ...[{ N: '1' }, ...nonScalars].map((value): [string, unknown[]] => ['BEGINS_WITH', [value]]),
];

const legacyCases: ValidationCase[] = [
  onMissing(
    'expression and non-expression parameters',
    { ...legacyBase, FilterExpression: '', ProjectionExpression: '', ExpressionAttributeNames: {}, ExpressionAttributeValues: {} },
    'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet, ScanFilter, ConditionalOperator} Expression parameters: {ProjectionExpression, FilterExpression}',
  ),
  onMissing(
    'ExpressionAttributeNames without an expression',
    { ...legacyBase, ExpressionAttributeNames: {}, ExpressionAttributeValues: {} },
    'ExpressionAttributeNames can only be specified when using expressions',
  ),
  onMissing(
    'ExpressionAttributeValues without an expression',
    { ...legacyBase, ExpressionAttributeValues: {} },
    'ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null',
  ),
  onMissing(
    'duplicate AttributesToGet before ScanFilter values',
    { Segment: 1, ScanFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{}, { a: '' }, { S: '' }] } }, ExclusiveStartKey: { a: {} }, AttributesToGet: ['a', 'a'] },
    `${INVALID}Duplicate value in attribute name: a`,
  ),
  ...[{}, { a: '' }].map((value) =>
    onMissing(
      `ScanFilter value empty ${JSON.stringify(value)}`,
      { ...filterBase, ScanFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [value, { S: '' }] } } },
      'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes',
    ),
  ),
  ...badValueCases('Scan', SCAN, 'ScanFilter', (value) => ({
    TableName: 'abc',
    ...filterBase,
    ScanFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '1' }, value, {}] } },
  })).filter((testCase) => testCase.name.includes('invalid value')),
  ...badValueCases('Scan', SCAN, 'ScanFilter', (value) => ({
    TableName: 'abc',
    ...filterBase,
    ScanFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '1' }, value] } },
  })).filter((testCase) => testCase.name.includes('invalid number') || testCase.name.includes('several types')),
  ...argumentCounts.map((conditions) =>
    onMissing(
      `ScanFilter argument count ${JSON.stringify(conditions)}`,
      { ...filterBase, ScanFilter: conditions },
      `${INVALID}Invalid number of argument(s) for the ${conditions.a.ComparisonOperator} ComparisonOperator`,
    ),
  ),
  ...operatorTypeErrors.map(([operator, values]) =>
    onMissing(
      `ScanFilter ${operator} on ${JSON.stringify(values[0])}`,
      { ...filterBase, ScanFilter: { a: { ComparisonOperator: operator, AttributeValueList: values } } },
      `${INVALID}ComparisonOperator ${operator} is not valid for ${Object.keys(values[0] as object)[0]} AttributeValue type`,
    ),
  ),
  onMissing(
    'ScanFilter EQ on a set, then the start key',
    { ...filterBase, ScanFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ SS: ['a'] }] } } },
    `${START_KEY_INVALID}: Supplied AttributeValue is empty, must contain exactly one of the supported datatypes`,
  ),
];

const startKeyValueCases: ValidationCase[] = [
  ...emptyValues.map((value) =>
    onMissing(
      `ExclusiveStartKey empty value ${JSON.stringify(value)}`,
      { ...expressionBase, ExclusiveStartKey: { a: value } },
      `${START_KEY_INVALID}: Supplied AttributeValue is empty, must contain exactly one of the supported datatypes`,
    ),
  ),
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
      `ExclusiveStartKey invalid value ${JSON.stringify(value)}`,
      { ...expressionBase, ExclusiveStartKey: { a: value } },
      `${prefixed ? `${START_KEY_INVALID}: ` : ''}${INVALID}${message}`,
    ),
  ),
  ...badValueCases('Scan', SCAN, 'ExclusiveStartKey', (value) => ({ TableName: 'abc', ...expressionBase, ExclusiveStartKey: { a: value } })).filter(
    (testCase) => testCase.name.includes('invalid number'),
  ),
  onMissing(
    'ExclusiveStartKey with several types',
    { TotalSegments: 1, FilterExpression: '', ExpressionAttributeNames: {}, ExpressionAttributeValues: {}, ExclusiveStartKey: { a: { S: 'a', N: '1' } } },
    `${START_KEY_INVALID}: Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes`,
  ),
  onMissing(
    'Segment without TotalSegments',
    expressionBase,
    'The TotalSegments parameter is required but was not present in the request when Segment parameter is present',
  ),
  onMissing(
    'TotalSegments without Segment',
    { TotalSegments: 1, FilterExpression: '', ExpressionAttributeNames: {}, ExpressionAttributeValues: {} },
    'The Segment parameter is required but was not present in the request when parameter TotalSegments is present',
  ),
  onMissing(
    'Segment not below TotalSegments',
    { ...expressionBase, TotalSegments: 1 },
    'The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 1 is not less than TotalSegments: 1',
  ),
];

const syntaxErrors = [
  'things are not gonna be ok',
  'a > 4',
  'attribute_exists(Pictures-RearView)',
  'attribute_exists("Pictures.RearView")',
  'attribute_exists(Pictures..RearView)',
  'attribute_exists(Pi#ctures.RearView)',
  'attribute_exists(asdf[a])',
  'a in b, c',
  'a > between',
  'a in b',
  'a in (b,c,)',
  '(a)between(b.(c.d))and(c)',
  '(a)between(b.c.d)and((c)',
  '#$.b > a',
  'a > :things.stuff',
  'b[:a] > a',
  'b[#_] > a',
  'ü > a',
  '(a)between(b.c[4.5].#d)and(:a)',
  'size(a).b > a',
  '(size(a)).b > a',
  'size(a)[0] > a',
  '(size(a))[0] > a',
];

const operandTypeErrors: [string, string, Record<string, unknown>][] = [
  ['attribute_type(a, size(a)) and a=a and a=:a', 'attribute_type', { N: '1' }],
  ...[{ N: '1' }, { B: 'YQ==' }, { BOOL: true }, { NULL: true }, { L: [] }, { M: {} }, { SS: ['1'] }, { NS: ['1'] }, { BS: ['YQ=='] }].map(
    (value): [string, string, Record<string, unknown>] => ['attribute_type(a, :a)', 'attribute_type', value],
  ),
  ['begins_with(a, size(a)) and a=:a', 'begins_with', { N: '1' }],
  ...['begins_with(a, :a)', 'begins_with(:a, a)'].flatMap((expression) =>
    [{ N: '1' }, { BOOL: true }, { NULL: true }, { L: [] }, { M: {} }, { SS: ['1'] }, { NS: ['1'] }, { BS: ['YQ=='] }].map(
      (value): [string, string, Record<string, unknown>] => [expression, 'begins_with', value],
    ),
  ),
  ['size(size(a)) > :a', 'size', { N: '1' }],
  ['attribute_not_exists(size(:a))', 'size', { N: '1' }],
  ['size(:a) > a', 'size', { BOOL: true }],
  ['size(:a) > a', 'size', { NULL: true }],
];

const expressionCases: ValidationCase[] = [
  onMissing('empty ExpressionAttributeNames', { FilterExpression: '', ExpressionAttributeNames: {}, ExpressionAttributeValues: {} }, 'ExpressionAttributeNames must not be empty'),
  onMissing(
    'invalid ExpressionAttributeNames key',
    { FilterExpression: '', ExpressionAttributeNames: { a: 'a' }, ExpressionAttributeValues: {} },
    'ExpressionAttributeNames contains invalid key: Syntax error; key: "a"',
  ),
  onMissing('empty ExpressionAttributeValues', { FilterExpression: '', ExpressionAttributeValues: {} }, 'ExpressionAttributeValues must not be empty'),
  onMissing(
    'invalid ExpressionAttributeValues key',
    { FilterExpression: '', ExpressionAttributeValues: { a: { S: 'b' } } },
    'ExpressionAttributeValues contains invalid key: Syntax error; key: "a"',
  ),
  onMissing(
    'empty FilterExpression before ProjectionExpression',
    { FilterExpression: '', ProjectionExpression: '', ExpressionAttributeValues: { ':0': { S: 'b' } } },
    'Invalid FilterExpression: The expression can not be empty;',
  ),
  onMissing('empty ProjectionExpression', { FilterExpression: 'a > b', ProjectionExpression: '' }, 'Invalid ProjectionExpression: The expression can not be empty;'),
  ...syntaxErrors.map((expression) => onMissing(`syntax error: ${expression}`, { FilterExpression: expression }, /^Invalid FilterExpression: Syntax error; /)),
  ...[
    'a=a and a > ((views))',
    '(a)between(((b.c)).d)and(c)',
    'a > whatever((:things), ((a)))',
    'a=a AND ((a=a AND a=a)) AND a=a',
    'a=a OR ((a=a OR a=a)) OR a=a',
    'a=a AND ((a=a AND (a=a AND a=a)))',
    'a=a OR ((a=a OR (a=a OR a=a)))',
  ].map((expression) =>
    onMissing(`redundant parentheses: ${expression}`, { FilterExpression: expression }, 'Invalid FilterExpression: The expression has redundant parentheses;'),
  ),
  ...[
    ['a=a and whatever((:things)) > a', 'whatever'],
    ['attRIbute_exIsts((views), #a)', 'attRIbute_exIsts'],
  ].map(([expression, name]) =>
    onMissing(`invalid function name: ${String(expression)}`, { FilterExpression: expression }, `Invalid FilterExpression: Invalid function name; function: ${String(name)}`),
  ),
  ...[
    ['a=a and attribute_exists((views), (#a)) > b', 'attribute_exists'],
    ['attribute_not_exists(things) > b', 'attribute_not_exists'],
    ['attribute_type(things, :a) > b', 'attribute_type'],
    ['begins_with(things, a) > b', 'begins_with'],
    ['contains(:things, c) > b', 'contains'],
    ['size(contains(a, b)) > a', 'contains'],
    ['size(things)', 'size'],
    ['a between b and attribute_exists(things)', 'attribute_exists'],
    ['a in (b, attribute_exists(things))', 'attribute_exists'],
  ].map(([expression, name]) =>
    onMissing(
      `function misused: ${String(expression)}`,
      { FilterExpression: expression },
      `Invalid FilterExpression: The function is not allowed to be used this way in an expression; function: ${String(name)}`,
    ),
  ),
  ...[
    ['attribute_exists(views, #a)', 'views'],
    [':a < abOrT', 'abOrT'],
  ].map(([expression, word]) =>
    onMissing(
      `reserved word: ${String(expression)}`,
      { FilterExpression: expression },
      `Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: ${String(word)}`,
    ),
  ),
  ...[
    ['attribute_exists(#Pictures.RearView, :a) and a=a', '#Pictures'],
    ['begins_with(Pictures.#RearView)', '#RearView'],
    ['(#P between :lo and :hi) and (#PC in (:cat1, :cat2))', '#P'],
    ['#4g > a', '#4g'],
    ['#_ > a', '#_'],
    ['(a)between(b.c[45].#d)and(:a)', '#d'],
  ].map(([expression, name]) =>
    onMissing(
      `undefined name: ${String(expression)}`,
      { FilterExpression: expression },
      `Invalid FilterExpression: An expression attribute name used in the document path is not defined; attribute name: ${String(name)}`,
    ),
  ),
  ...[
    ['begins_with(:hello, #a, #b)', ':hello'],
    [':a < :b', ':a'],
    [':_ > a', ':_'],
  ].map(([expression, name]) =>
    onMissing(
      `undefined value: ${String(expression)}`,
      { FilterExpression: expression },
      `Invalid FilterExpression: An expression attribute value used in expression is not defined; attribute value: ${String(name)}`,
    ),
  ),
  ...(
    [
      ['attribute_exists(things, a) and a=a', 'attribute_exists', 2],
      ['attribute_not_exists(things, b)', 'attribute_not_exists', 2],
      ['attribute_type(things)', 'attribute_type', 1],
      ['begins_with(things)', 'begins_with', 1],
      ['begins_with(things, size(a), b)', 'begins_with', 3],
      ['contains(things)', 'contains', 1],
      ['size(things, a) > b', 'size', 2],
    ] as const
  ).map(([expression, name, count]) =>
    onMissing(
      `operand count: ${expression}`,
      { FilterExpression: expression },
      `Invalid FilterExpression: Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${count}`,
    ),
  ),
  ...operandTypeErrors.map(([expression, name, value]) =>
    onMissing(
      `operand type: ${expression} with ${JSON.stringify(value)}`,
      { FilterExpression: expression, ExpressionAttributeValues: { ':a': value } },
      `Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: ${name}, operand type: ${Object.keys(value)[0]}`,
    ),
  ),
  onMissing(
    'attribute_type with an unknown type name',
    { FilterExpression: 'attribute_type(a, :a)', ExpressionAttributeValues: { ':a': { S: '1' } } },
    /^Invalid FilterExpression: Invalid attribute type name found; type: 1, valid types: {((B|NULL|SS|BOOL|L|BS|N|NS|S|M),?){10}}$/,
  ),
  ...[
    ['attribute_exists(:a) and a=a', 'attribute_exists'],
    ['attribute_not_exists(size(:a))', 'attribute_not_exists'],
  ].map(([expression, name]) =>
    onMissing(
      `function needing a path: ${String(expression)}`,
      { FilterExpression: expression, ExpressionAttributeValues: { ':a': { S: '1' } } },
      `Invalid FilterExpression: Operator or function requires a document path; operator or function: ${String(name)}`,
    ),
  ),
  ...[
    ['a = a AND #a = b AND :views > a', '=', '[a]'],
    ['#a <> a', '<>', '[a]'],
    ['a > #a', '>', '[a]'],
    ['((a=a) OR (a=a))', '=', '[a]'],
    ['((a=a) AND (a=a))', '=', '[a]'],
    ['contains(ab.bc[1].a, ab.bc[1].#a)', 'contains', '[ab, bc, [1], a]'],
    ['attribute_type(ab.bc[1].#a, ab.bc[1].a)', 'attribute_type', '[ab, bc, [1], a]'],
    ['begins_with(ab.bc[1].a, ab.bc[1].#a)', 'begins_with', '[ab, bc, [1], a]'],
  ].map(([expression, operator, operand]) =>
    onMissing(
      `operands not distinct: ${String(expression)}`,
      { FilterExpression: expression, ExpressionAttributeNames: { '#a': 'a' } },
      `Invalid FilterExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: ${String(operator)}, first operand: ${String(operand)}`,
    ),
  ),
];

const rangeTable = { TableName: RANGE_TABLE };

function startKeys(name: string, base: Record<string, unknown>, keys: unknown[], expected: ExpectedError): ValidationCase[] {
  return keys.map((startKey) => scanCase(`${name}: ${JSON.stringify(startKey)}`, { ...base, ExclusiveStartKey: startKey }, expected));
}

const tableCases: ValidationCase[] = [
  ...startKeys('table looked up before the start key', { TableName: 'abc' }, [{}, { b: { S: 'a' } }, { a: { S: 'a' }, b: { S: 'a' } }], notFound),
  ...startKeys(
    'unknown index on a hash table before the start key',
    { TableName: HASH_TABLE, IndexName: 'whatever', FilterExpression: 'attribute_exists(a.b.c)' },
    [{}, { a: { S: 'a' }, b: { S: 'a' }, c: { S: 'a' } }, { z: { S: 'a' }, y: { S: 'a' }, x: { S: 'a' } }],
    validation('The table does not have the specified index: whatever'),
  ),
  ...startKeys(
    'unknown index on a range table before the start key',
    { ...rangeTable, IndexName: 'whatever', FilterExpression: 'attribute_exists(a.b.c)' },
    [{}, { z: { S: 'a' } }, { a: { S: 'a' }, b: { S: 'a' }, c: { S: 'a' } }, { z: { S: 'a' }, y: { S: 'a' }, x: { S: 'a' }, w: { S: 'a' } }],
    validation('The table does not have the specified index: whatever'),
  ),
  ...startKeys(
    'start key invalid for a local index',
    { ...rangeTable, IndexName: 'index1' },
    [
      {},
      { z: { N: '1' } },
      { a: { B: 'abcd' } },
      { a: { S: 'a' } },
      { a: { S: 'a' }, b: { S: 'a' } },
      { a: { S: 'a' }, c: { S: 'a' } },
      { b: { S: 'a' }, c: { S: 'a' } },
      { a: { S: 'a' }, c: { N: '1' } },
      { a: { S: 'a' }, z: { S: '1' } },
      { a: { S: 'a' }, b: { S: '1' }, c: { S: '1' }, d: { S: '1' } },
    ],
    validation(START_KEY_INVALID),
  ),
  ...startKeys(
    'start key invalid for a global index',
    { ...rangeTable, IndexName: 'index3' },
    [
      {},
      { z: { N: '1' } },
      { a: { B: 'abcd' } },
      { a: { S: 'a' } },
      { c: { N: '1' } },
      { c: { S: '1' } },
      { a: { S: 'a' }, b: { S: 'a' } },
      { a: { S: 'a' }, c: { S: 'a' } },
      { a: { S: 'a' }, b: { S: 'a' }, z: { S: 'a' } },
      { a: { S: 'a' }, b: { S: 'a' }, c: { S: 'a' }, z: { S: 'a' } },
    ],
    validation(START_KEY_INVALID),
  ),
  ...startKeys(
    'start key invalid for a two-part global index',
    { ...rangeTable, IndexName: 'index4', Select: 'ALL_ATTRIBUTES' },
    [
      { c: { S: '1' } },
      { a: { N: '1' }, c: { S: '1' } },
      { a: { N: '1' }, b: { N: '1' }, c: { S: '1' } },
      { a: { N: '1' }, b: { N: '1' }, c: { S: '1' }, e: { N: '1' } },
      { a: { S: 'a' }, b: { S: '1' }, c: { S: '1' }, d: { S: '1' }, e: { S: '1' } },
    ],
    validation(START_KEY_INVALID),
  ),
  ...[HASH_TABLE, RANGE_TABLE].map((table) =>
    scanCase(
      `unknown index on ${table}`,
      { TableName: table, IndexName: 'whatever', FilterExpression: 'attribute_exists(a.b.c)' },
      validation('The table does not have the specified index: whatever'),
    ),
  ),
  scanCase(
    'ALL_ATTRIBUTES on a global index without ALL projection',
    {
      ...rangeTable,
      FilterExpression: 'attribute_exists(a.b.c)',
      IndexName: 'index4',
      Select: 'ALL_ATTRIBUTES',
      ExclusiveStartKey: { x: { N: '1' }, y: { N: '1' }, c: { S: 'a' }, d: { S: 'a' } },
    },
    validation(`${INVALID}Select type ALL_ATTRIBUTES is not supported for global secondary index index4 because its projection type is not ALL`),
  ),
  ...startKeys(
    'start key not matching a local index schema',
    { ...rangeTable, IndexName: 'index1' },
    [
      { a: { N: '1' }, x: { S: '1' }, y: { S: '1' } },
      { a: { B: 'YQ==' }, b: { S: '1' }, c: { S: '1' } },
      { a: { S: 'a' }, b: { N: '1' }, c: { N: '1' } },
      { a: { S: 'a' }, b: { B: 'YQ==' }, c: { N: '1' } },
      { a: { S: 'a' }, b: { S: 'a' }, c: { N: '1' } },
      { a: { S: 'a' }, b: { S: 'a' }, c: { B: 'YQ==' } },
    ],
    validation(KEY_MISMATCH),
  ),
  ...startKeys(
    'start key not matching a global index schema',
    { ...rangeTable, IndexName: 'index3' },
    [
      { x: { S: '1' }, y: { S: '1' }, c: { N: '1' } },
      { a: { S: '1' }, b: { S: '1' }, c: { B: 'YQ==' } },
    ],
    validation(KEY_MISMATCH),
  ),
  ...startKeys(
    'start key not matching a two-part global index schema',
    { ...rangeTable, IndexName: 'index4' },
    [
      { x: { N: '1' }, y: { N: '1' }, c: { S: '1' }, d: { N: '1' } },
      { x: { N: '1' }, y: { N: '1' }, c: { N: '1' }, d: { S: '1' } },
    ],
    validation(KEY_MISMATCH),
  ),
  ...startKeys(
    'start key not matching the hash table',
    { TableName: HASH_TABLE, FilterExpression: 'attribute_exists(a.b.c)' },
    [
      {},
      { b: { S: 'a' } },
      { a: { S: 'a' }, b: { S: 'a' } },
      ...[{ B: 'abcd' }, { N: '1' }, { BOOL: true }, { NULL: true }, { SS: ['a'] }, { NS: ['1'] }, { BS: ['aaaa'] }, { M: {} }, { L: [] }].map((value) => ({ a: value })),
    ],
    validation(`${START_KEY_INVALID}: ${KEY_MISMATCH}`),
  ),
  ...startKeys(
    'start key not matching the range table',
    rangeTable,
    [
      {},
      { z: { N: '1' } },
      { b: { S: 'a' }, c: { S: 'b' } },
      { a: { B: 'abcd' } },
      { a: { S: 'a' } },
      { a: { N: '1' }, b: { S: 'a' }, c: { S: 'b' } },
      { a: { N: '1' }, b: { N: '1' }, z: { N: '1' } },
      { a: { N: '1' }, z: { S: 'a' } },
      { a: { B: 'YQ==' }, b: { S: 'a' } },
      { a: { S: 'a' } },
      { a: { S: 'a' }, c: { N: '1' } },
      { a: { S: 'a' }, z: { S: '1' } },
      { a: { S: 'a' }, b: { S: '1' }, c: { S: '1' } },
      { a: { S: 'a' }, b: { N: '1' } },
      { a: { S: 'a' }, b: { B: 'YQ==' } },
    ],
    validation(`${START_KEY_INVALID}: ${KEY_MISMATCH}`),
  ),
  ...startKeys(
    'table range of a local index start key of the wrong type',
    { ...rangeTable, IndexName: 'index1' },
    [
      { a: { S: '1' }, b: { N: '1' }, c: { S: 'a' } },
      { a: { S: '1' }, b: { B: 'YQ==' }, c: { S: 'a' } },
    ],
    validation(`${START_KEY_INVALID}: ${KEY_MISMATCH}`),
  ),
  ...startKeys(
    'table key of a global index start key of the wrong type',
    { ...rangeTable, IndexName: 'index3' },
    [
      { x: { N: '1' }, y: { N: '1' }, c: { S: 'a' } },
      { a: { N: '1' }, b: { S: '1' }, c: { S: 'a' } },
      { a: { S: '1' }, b: { N: '1' }, c: { S: 'a' } },
    ],
    validation(`${START_KEY_INVALID}: ${KEY_MISMATCH}`),
  ),
  ...startKeys(
    'table key of a two-part global index start key of the wrong type',
    { ...rangeTable, IndexName: 'index4' },
    [
      { x: { N: '1' }, y: { N: '1' }, c: { S: 'a' }, d: { S: 'a' } },
      { a: { N: '1' }, b: { S: '1' }, c: { S: 'a' }, d: { S: 'a' } },
      { a: { S: '1' }, b: { N: '1' }, c: { S: 'a' }, d: { S: 'a' } },
    ],
    validation(`${START_KEY_INVALID}: ${KEY_MISMATCH}`),
  ),
  ...['attribute_exists(a.b.c) and #a = b', 'attribute_exists(#a.b.c)', 'attribute_exists(#a[0])'].map((expression) =>
    scanCase(
      `path into the key: ${expression}`,
      { TableName: HASH_TABLE, FilterExpression: expression, ExpressionAttributeNames: { '#a': 'a' } },
      validation("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: a"),
    ),
  ),
];

/**
 * DynamoDB checks a condition node by node, in reading order: each node's placeholders, operand count,
 * distinct operands and operand types before the next node; and size() takes any operand, refusing values
 * of the wrong type. This server checks distinct operands and operand types node by node, but undefined
 * placeholders and operand counts across the whole expression first, and size() only over a path.
 */
const perNodeConditionChecks = [
  'undefined name: attribute_exists(#Pictures.RearView, :a) and a=a',
  'undefined name: begins_with(Pictures.#RearView)',
  'undefined value: begins_with(:hello, #a, #b)',
  'operand type: size(',
  'operand type: attribute_not_exists(size(:a))',
  'function needing a path: attribute_not_exists(size(:a))',
  'operands not distinct: a = a AND #a = b AND :views > a',
];
const redundantNestedPath = 'redundant parentheses: (a)between(((b.c)).d)and(c)';

runValidationCases(
  'validation order: Scan',
  withKnownDifference(
    withKnownDifference(
      [...legacyCases, ...startKeyValueCases, ...expressionCases, ...tableCases],
      (testCase) => perNodeConditionChecks.some((prefix) => testCase.name.startsWith(prefix)),
      'conditions are checked by kind of check, not node by node as DynamoDB does',
    ),
    (testCase) => testCase.name === redundantNestedPath,
    'parentheses around a path followed by .d are a syntax error here, redundant parentheses in DynamoDB',
  ),
);
