import {
  HASH_TABLE,
  INVALID,
  KEY_MISMATCH,
  MISSING_TABLE,
  RANGE_TABLE,
  badValueCases,
  mismatchedHashKeys,
  notFound,
  runValidationCases,
  validation,
  type ExpectedError,
  type ValidationCase,
} from './validation-cases.js';

const UPDATE = 'dynalite test/updateItem.js';
const ITEM_SIZE_LIMIT_BYTES = 400 * 1024;

function updateCase(name: string, body: Record<string, unknown>, expected: ExpectedError, setup?: ValidationCase['setup']): ValidationCase {
  return { name, source: UPDATE, operation: 'UpdateItem', body, expected, ...(setup === undefined ? {} : { setup }) };
}

/** A request on table `abc` (which does not exist: every check here comes before the table lookup). */
function onMissingTable(name: string, members: Record<string, unknown>, message: string | RegExp): ValidationCase {
  return updateCase(name, { TableName: 'abc', Key: {}, ...members }, validation(message));
}

const namesAndValues = { ExpressionAttributeValues: { ':a': { S: 'a' }, ':b': { S: 'a' } }, ExpressionAttributeNames: { '#a': 'a', '#b': 'b' } };

const memberCases: ValidationCase[] = [
  updateCase(
    'expression and non-expression parameters',
    {
      TableName: 'abc',
      Key: { a: {} },
      Expected: { a: {} },
      AttributeUpdates: {},
      ExpressionAttributeNames: {},
      ExpressionAttributeValues: {},
      ConditionExpression: '',
      UpdateExpression: '',
    },
    validation(
      'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributeUpdates, Expected} Expression parameters: {UpdateExpression, ConditionExpression}',
    ),
  ),
  updateCase(
    'ExpressionAttributeNames without an expression',
    { TableName: 'abc', Key: { a: {} }, Expected: { a: {} }, ExpressionAttributeNames: {}, ExpressionAttributeValues: {} },
    validation('ExpressionAttributeNames can only be specified when using expressions'),
  ),
  updateCase(
    'ExpressionAttributeValues without an expression',
    { TableName: 'abc', Key: { a: {} }, Expected: { a: {} }, ExpressionAttributeValues: {} },
    validation('ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and ConditionExpression are null'),
  ),
  ...badValueCases('UpdateItem', UPDATE, 'Key', (value) => ({
    TableName: 'abc',
    Key: { a: value },
    ConditionExpression: '',
    UpdateExpression: '',
    ExpressionAttributeNames: {},
    ExpressionAttributeValues: {},
  })).filter((testCase) => testCase.name.includes('empty value')),
  ...badValueCases('UpdateItem', UPDATE, 'Key', (value) => ({
    TableName: 'abc',
    Key: { a: value },
    Expected: { a: {} },
    AttributeUpdates: { a: { x: 'whatever' } },
  })).filter((testCase) => testCase.name.includes('invalid value')),
  ...badValueCases('UpdateItem', UPDATE, 'Key', (value) => ({ TableName: 'abc', Key: { a: value } })).filter(
    (testCase) => testCase.name.includes('invalid number') || testCase.name.includes('several types'),
  ),
  onMissingTable(
    'AttributeUpdates without a value before Expected',
    { Expected: { a: {} }, AttributeUpdates: { a: { x: 'whatever' } } },
    `${INVALID}Only DELETE action is allowed when no attribute value is specified`,
  ),
  ...[{ S: '1' }, { N: '1' }, { B: 'Yg==' }, { NULL: true }, { BOOL: true }, { M: {} }, { L: [] }].map((value) =>
    onMissingTable(
      `AttributeUpdates DELETE with ${Object.keys(value)[0]}`,
      { AttributeUpdates: { a: { Action: 'DELETE', Value: value } } },
      `${INVALID}DELETE action with value is not supported for the type ${Object.keys(value)[0]}`,
    ),
  ),
  ...[{ S: '1' }, { B: 'Yg==' }, { NULL: true }, { BOOL: true }, { M: {} }].map((value) =>
    onMissingTable(
      `AttributeUpdates ADD with ${Object.keys(value)[0]}`,
      { AttributeUpdates: { a: { Action: 'ADD', Value: value } } },
      `${INVALID}ADD action is not supported for the type ${Object.keys(value)[0]}`,
    ),
  ),
  onMissingTable('Expected: no Value and no Exists', { Expected: { a: {} } }, `${INVALID}Value must be provided when Exists is null for Attribute: a`),
  onMissingTable('Expected: Exists true without Value', { Expected: { a: { Exists: true } } }, `${INVALID}Value must be provided when Exists is true for Attribute: a`),
  onMissingTable(
    'Expected: Exists false with Value',
    { Expected: { a: { Exists: false, Value: { S: 'a' } } } },
    `${INVALID}Value cannot be used when Exists is false for Attribute: a`,
  ),
  onMissingTable(
    'empty ExpressionAttributeNames',
    { ExpressionAttributeNames: {}, ExpressionAttributeValues: {}, ConditionExpression: '', UpdateExpression: '' },
    'ExpressionAttributeNames must not be empty',
  ),
  onMissingTable(
    'invalid ExpressionAttributeNames key',
    { ExpressionAttributeNames: { a: 'a' }, ExpressionAttributeValues: {}, ConditionExpression: '', UpdateExpression: '' },
    'ExpressionAttributeNames contains invalid key: Syntax error; key: "a"',
  ),
  onMissingTable(
    'empty ExpressionAttributeValues',
    { ExpressionAttributeValues: {}, ConditionExpression: '', UpdateExpression: '' },
    'ExpressionAttributeValues must not be empty',
  ),
  onMissingTable(
    'ExpressionAttributeValues key checked before its value',
    { ExpressionAttributeValues: { ':b': { a: '' }, b: { S: 'a' } }, ConditionExpression: '', UpdateExpression: '' },
    'ExpressionAttributeValues contains invalid key: Syntax error; key: "b"',
  ),
  ...badValueCases(
    'UpdateItem',
    UPDATE,
    'ExpressionAttributeValues',
    (value) => ({ TableName: 'abc', Key: {}, ExpressionAttributeValues: { ':b': value }, ConditionExpression: '', UpdateExpression: '' }),
    (message) => `ExpressionAttributeValues contains invalid value: ${message} for key :b`,
  ).filter((testCase) => !/"N":"(-?1e|123|-1\.23)/.test(testCase.name) && !testCase.name.includes('{"S":"","N":""}')),
  onMissingTable('empty UpdateExpression', { ConditionExpression: '', UpdateExpression: '' }, 'Invalid UpdateExpression: The expression can not be empty;'),
  onMissingTable('empty ConditionExpression', { ConditionExpression: '' }, 'Invalid ConditionExpression: The expression can not be empty;'),
];

const syntaxErrors = [
  'whatever',
  'set a',
  'add a',
  'delete a',
  'set a=set',
  'remove a = b',
  'add a = b',
  'delete a = b',
  'delete a b',
  'delete a if_not_exist(b)',
  'add abort b',
  'add a if_not_exist(b)',
  'remove a b',
  'set a b',
  'set :a = b',
  'add :a b',
  'delete :a b',
  'remove :a',
  'set a = b / c',
  'set a = b * c',
  'set a[1] = "eight"',
  'set a[1] = 1',
  'SET a = if_not_exist(a, 100)',
  'SET if_not_exist(a, b) = a',
  'set (a = (b + c))',
  'set a = (b.c).d + e',
  'set a = (b.c)[0] + e',
  'set a = b + c + d',
];

const valuesForTypes = {
  ':a': { S: 'a' },
  ':b': { N: '1' },
  ':c': { B: 'YQ==' },
  ':d': { BOOL: 'no' },
  ':e': { NULL: 'true' },
  ':f': { SS: ['a'] },
  ':g': { NS: ['1'] },
  ':h': { BS: ['YQ=='] },
  ':i': { M: {} },
  ':j': { L: [] },
};

const functionTypeErrors: [string, string, string][] = [
  ['set a = list_append(:a, a)', 'list_append', 'S'],
  ['set a = list_append(a, :b)', 'list_append', 'N'],
  ['set a = list_append(:c, a)', 'list_append', 'B'],
  ['set a = list_append(:d, a)', 'list_append', 'BOOL'],
  ['set a = list_append(:e, a)', 'list_append', 'NULL'],
  ['set a = list_append(:f, a)', 'list_append', 'SS'],
  ['set a = list_append(:g, a)', 'list_append', 'NS'],
  ['set a = list_append(:h, a)', 'list_append', 'BS'],
  ['set a = list_append(:i, a)', 'list_append', 'M'],
  ...(['+', '-'] as const).flatMap((operator): [string, string, string][] => [
    [`set a = a ${operator} :a`, operator, 'S'],
    [`set a = :a ${operator} :c`, operator, 'S'],
    [`set a = :c ${operator} a`, operator, 'B'],
    [`set a = a ${operator} :d`, operator, 'BOOL'],
    [`set a = a ${operator} :e`, operator, 'NULL'],
    [`set a = a ${operator} :f`, operator, 'SS'],
    [`set a = a ${operator} :g`, operator, 'NS'],
    [`set a = a ${operator} :h`, operator, 'BS'],
    [`set a = a ${operator} :i`, operator, 'M'],
    [`set a = a ${operator} :j`, operator, 'L'],
  ]),
];

const setOperatorTypeErrors: [string, unknown, string, string][] = [
  ['set b = list_append(:a, a), c = if_not_exists(a) add a.b :a', { S: 'a' }, 'ADD', 'STRING'],
  ['delete a.b :a', { S: 'a' }, 'DELETE', 'STRING'],
  ['add a.b :a', { NULL: '1' }, 'ADD', 'NULL'],
  ['delete a.b :a', { NULL: 'yes' }, 'DELETE', 'NULL'],
  ['add a.b :a', { BOOL: '0' }, 'ADD', 'BOOLEAN'],
  ['delete a.b :a', { BOOL: 'false' }, 'DELETE', 'BOOLEAN'],
  ['add a.b :a', { B: 'YQ==' }, 'ADD', 'BINARY'],
  ['delete a.b :a', { B: 'YQ==' }, 'DELETE', 'BINARY'],
  ['add a.b :a', { M: { a: { L: [{ N: '1' }] } } }, 'ADD', 'MAP'],
  ['delete a.b :a', { M: { a: { L: [{ N: '1' }] } } }, 'DELETE', 'MAP'],
  ['add a.b :a', { L: [{ N: '1' }] }, 'ADD', 'LIST'],
  ['delete a.b :a', { L: [{ N: '1' }] }, 'DELETE', 'LIST'],
  ['delete a.b :a', { N: '1' }, 'DELETE', 'NUMBER'],
];

const expressionCases: ValidationCase[] = [
  ...syntaxErrors.map((expression) => onMissingTable(`syntax error: ${expression}`, { UpdateExpression: expression }, /^Invalid UpdateExpression: Syntax error; /)),
  ...[
    [' set #c = :c set abOrt = true ', 'abOrt'],
    [' remove Absolute ', 'Absolute'],
  ].map(([expression, word]) =>
    onMissingTable(
      `reserved word: ${String(expression)}`,
      { UpdateExpression: expression, ...namesAndValues },
      `Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: ${String(word)}`,
    ),
  ),
  onMissingTable(
    'invalid function name',
    { UpdateExpression: 'set #c = if_not_exist(:c) set c = d', ...namesAndValues },
    /^Invalid UpdateExpression: Invalid function name; function: /,
  ),
  ...[
    ['set a = #c set c = :d', 'SET'],
    ['remove #d set a = b remove e', 'REMOVE'],
    ['add #d :e set a = b add e :f', 'ADD'],
    ['delete #d :e set a = b delete #e :f', 'DELETE'],
  ].map(([expression, section]) =>
    onMissingTable(
      `section used twice: ${String(expression)}`,
      { UpdateExpression: expression, ...namesAndValues },
      `Invalid UpdateExpression: The "${String(section)}" section can only be used once in an update expression;`,
    ),
  ),
  onMissingTable(
    'undefined name',
    { UpdateExpression: 'SET #c = if_not_exists(:c)', ...namesAndValues },
    /^Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #/,
  ),
  onMissingTable(
    'undefined value',
    { UpdateExpression: 'SET #a = if_not_exists(:c)', ...namesAndValues },
    /^Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :/,
  ),
  ...[
    ['set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a)', '[c, [1], a]', '[c]'],
    ['set #c[3].#d = a, #c[3] = a', '[c, [3], [3]]', '[c, [3]]'],
  ].map(([expression, one, two]) =>
    onMissingTable(
      `overlapping paths: ${String(expression)}`,
      { UpdateExpression: expression, ExpressionAttributeNames: { '#c': 'c', '#d': '[3]' } },
      `Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: ${String(one)}, path two: ${String(two)}`,
    ),
  ),
  ...[
    ['set #c[3].#d = a, #c.#d[3] = if_not_exists(a)', '[c, [3], [3]]', '[c, [3], [3]]'],
    ['remove a.#c set a[1] = #d', '[a, c]', '[a, [1]]'],
  ].map(([expression, one, two]) =>
    onMissingTable(
      `conflicting paths: ${String(expression)}`,
      { UpdateExpression: expression, ExpressionAttributeNames: { '#b': 'b', '#c': 'c', '#d': '[3]' } },
      `Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: ${String(one)}, path two: ${String(two)}`,
    ),
  ),
  ...setOperatorTypeErrors.map(([expression, value, operator, type]) =>
    onMissingTable(
      `${operator} operand of type ${type}: ${expression}`,
      { UpdateExpression: expression, ExpressionAttributeValues: { ':a': value, ':b': { S: 'a' } } },
      `Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ${operator}, operand type: ${type}`,
    ),
  ),
  ...['set a = if_not_exists(c)', 'set a = list_append(c)'].map((expression) =>
    onMissingTable(
      `operand count: ${expression}`,
      { UpdateExpression: expression, ...namesAndValues },
      /^Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: [a-z_]+, number of operands: \d+$/,
    ),
  ),
  ...['set a = if_not_exists(:a, c)', 'set a = if_not_exists(if_not_exists(a, b), c)'].map((expression) =>
    onMissingTable(
      `function needing a path: ${expression}`,
      { UpdateExpression: expression, ...namesAndValues },
      /^Invalid UpdateExpression: Operator or function requires a document path; operator or function: [a-z_]+$/,
    ),
  ),
  ...functionTypeErrors.map(([expression, operator, type]) =>
    onMissingTable(
      `operand type: ${expression}`,
      { UpdateExpression: expression, ExpressionAttributeValues: valuesForTypes, ExpressionAttributeNames: { '#a': 'a', '#b': 'b' } },
      `Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: ${operator}, operand type: ${type}`,
    ),
  ),
  onMissingTable(
    'unused names',
    {
      UpdateExpression: 'remove a set b = list_append(b, if_not_exists(a, :a))',
      ConditionExpression: 'a = :b',
      ExpressionAttributeValues: { ':a': { S: 'a' }, ':b': { S: 'a' } },
      ExpressionAttributeNames: { '#a': 'a', '#b': 'b' },
    },
    /^Value provided in ExpressionAttributeNames unused in expressions: keys: {(#a, #b|#b, #a)}$/,
  ),
  onMissingTable(
    'unused values',
    { UpdateExpression: 'remove a', ConditionExpression: 'a = :b', ExpressionAttributeValues: { ':a': { S: 'a' }, ':b': { S: 'a' }, ':c': { S: 'a' } } },
    /^Value provided in ExpressionAttributeValues unused in expressions: keys: {(:c, :a|:a, :c)}$/,
  ),
];

const put = (table: string, item: Record<string, unknown>) => ({ operation: 'PutItem', body: { TableName: table, Item: item } });
const update = (table: string, key: Record<string, unknown>, members: Record<string, unknown>) => ({
  operation: 'UpdateItem',
  body: { TableName: table, Key: key, ...members },
});

const tableCases: ValidationCase[] = [
  updateCase('missing table with an empty key', { TableName: MISSING_TABLE, Key: {} }, notFound),
  ...mismatchedHashKeys.map((key) => updateCase(`key not matching the schema ${JSON.stringify(key)}`, { TableName: HASH_TABLE, Key: key }, validation(KEY_MISMATCH))),
  updateCase('range key missing', { TableName: RANGE_TABLE, Key: { a: { S: 'a' } } }, validation(KEY_MISMATCH)),
  ...[
    { AttributeUpdates: { a: { Value: { S: 'x' } } } },
    { UpdateExpression: 'add a.b :a', ExpressionAttributeValues: { ':a': { N: '1' } } },
    { UpdateExpression: 'delete a :a', ExpressionAttributeValues: { ':a': { NS: ['1'] } } },
    { UpdateExpression: 'remove d set b = :a, a = :a', ExpressionAttributeValues: { ':a': { N: '1' } } },
    { UpdateExpression: 'delete b :a remove a', ExpressionAttributeValues: { ':a': { NS: ['1'] } } },
    { UpdateExpression: 'set a = a.b + a[1]' },
  ].map((members) =>
    updateCase(
      `updating the hash key: ${JSON.stringify(members)}`,
      { TableName: HASH_TABLE, Key: { a: { S: 'update-key' } }, ...members },
      validation(`${INVALID}Cannot update attribute a. This attribute is part of the key`),
    ),
  ),
  ...[
    { AttributeUpdates: { d: { Value: { N: '1' } }, b: { Value: { S: 'x' } } } },
    { UpdateExpression: 'set d[1] = :a add b.b :a', ExpressionAttributeValues: { ':a': { N: '1' } } },
  ].map((members) =>
    updateCase(
      `updating the range key: ${JSON.stringify(members)}`,
      { TableName: RANGE_TABLE, Key: { a: { S: 'update-range' }, b: { S: 'b' } }, ...members },
      validation(`${INVALID}Cannot update attribute b. This attribute is part of the key`),
    ),
  ),
  ...[
    { AttributeUpdates: { d: { Value: { N: '1' } }, c: { Value: { N: '1' } } } },
    { UpdateExpression: 'set d.a = a add c :a', ExpressionAttributeValues: { ':a': { N: '1' } } },
    { UpdateExpression: 'set e = c[1], c = a + :a', ExpressionAttributeValues: { ':a': { N: '1' } } },
  ].map((members) =>
    updateCase(
      `index key of the wrong type: ${JSON.stringify(members)}`,
      { TableName: RANGE_TABLE, Key: { a: { S: 'update-index' }, b: { S: 'b' } }, ...members },
      validation(/^One or more parameter values were invalid: Type mismatch for Index Key c Expected: S Actual: N IndexName: index\d$/),
    ),
  ),
  ...[
    { UpdateExpression: 'add d.b :a', ExpressionAttributeValues: { ':a': { N: '1' } } },
    { UpdateExpression: 'set d[1] = :a', ExpressionAttributeValues: { ':a': { N: '1' } } },
    { UpdateExpression: 'set e = list_append(a, b), f = d[1]' },
  ].map((members) =>
    updateCase(
      `path into an index key: ${JSON.stringify(members)}`,
      { TableName: RANGE_TABLE, Key: { a: { S: 'update-index-path' }, b: { S: 'b' } }, ...members },
      validation("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: d"),
    ),
  ),
  ...[
    { b: { Action: 'DELETE', Value: { NS: ['1'] } } },
    { b: { Action: 'DELETE', Value: { BS: ['YQ=='] } } },
    { c: { Action: 'DELETE', Value: { NS: ['1'] } } },
    { b: { Action: 'ADD', Value: { NS: ['1'] } } },
    { d: { Action: 'ADD', Value: { N: '1' } } },
  ].map((updates, index) => {
    const key = { a: { S: `legacy-types-${index}` } };
    return updateCase(
      `AttributeUpdates of the wrong type for the item: ${JSON.stringify(updates)}`,
      { TableName: HASH_TABLE, Key: key, AttributeUpdates: updates },
      validation('Type mismatch for attribute to update'),
      [put(HASH_TABLE, { ...key, b: { SS: ['1'] }, c: { N: '1' }, d: { NS: ['1'] } })],
    );
  }),
  ...[
    { UpdateExpression: 'delete d :a', ExpressionAttributeValues: { ':a': { SS: ['1'] } } },
    { UpdateExpression: 'delete b :a', ExpressionAttributeValues: { ':a': { NS: ['1'] } } },
    { UpdateExpression: 'delete b.a :a', ExpressionAttributeValues: { ':a': { NS: ['1'] } } },
    { UpdateExpression: 'delete b.a :a', ExpressionAttributeValues: { ':a': { BS: ['YQ=='] } } },
    { UpdateExpression: 'delete c :a', ExpressionAttributeValues: { ':a': { NS: ['1'] } } },
    { UpdateExpression: 'add b :a', ExpressionAttributeValues: { ':a': { NS: ['1'] } } },
    { UpdateExpression: 'add d :a', ExpressionAttributeValues: { ':a': { N: '1' } } },
    { UpdateExpression: 'set e = a + :a', ExpressionAttributeValues: { ':a': { N: '1' } } },
    { UpdateExpression: 'set e = b - :a', ExpressionAttributeValues: { ':a': { N: '1' } } },
    { UpdateExpression: 'set e = list_append(d, if_not_exists(f, :a))', ExpressionAttributeValues: { ':a': { L: [] } } },
  ].map((members, index) => {
    const key = { a: { S: `expression-types-${index}` } };
    return updateCase(
      `UpdateExpression operand of the wrong type for the item: ${JSON.stringify(members)}`,
      { TableName: HASH_TABLE, Key: key, ...members },
      validation('An operand in the update expression has an incorrect data type'),
      [put(HASH_TABLE, { ...key, b: { M: { a: { SS: ['1'] } } }, c: { N: '1' }, d: { NS: ['1'] } })],
    );
  }),
  ...['set c = b', 'set e = list_append(b, c)'].map((expression) =>
    updateCase(
      `reference to a missing attribute: ${expression}`,
      { TableName: HASH_TABLE, Key: { a: { S: 'update-missing-attribute' } }, UpdateExpression: expression },
      validation('The provided expression refers to an attribute that does not exist in the item'),
    ),
  ),
  ...['set b.a = a', 'set b[1] = a'].map((expression) =>
    updateCase(
      `nested path in a missing item: ${expression}`,
      { TableName: HASH_TABLE, Key: { a: { S: 'update-missing-item' } }, UpdateExpression: expression },
      validation('The document path provided in the update expression is invalid for update'),
    ),
  ),
  ...[
    'set b.a = :a, #1 = :a',
    'set b[1] = :a, #1 = :a',
    'set y.a = :a, #1 = :a',
    'set y[1] = :a, #1 = :a',
    'set c[1] = :a, #1 = :a',
    'set d.#1 = :a',
    'remove b.a set #1 = :a',
    'remove b[1] set #1 = :a',
    'remove y.a set #1 = :a',
    'remove y[1] set #1 = :a',
    'remove c[1] set #1 = :a',
    'remove d.#1 set #1 = :a',
    'delete b.a :a set #1 = :a',
    'delete b[1] :a set #1 = :a',
    'delete y.a :a set #1 = :a',
    'delete y[1] :a set #1 = :a',
    'delete c[1] :a set #1 = :a',
    'delete d.#1 :a',
    'add b.a :a set #1 = :a',
    'add b[1] :a set #1 = :a',
    'add y.a :a set #1 = :a',
    'add y[1] :a set #1 = :a',
    'add c[1] :a set #1 = :a',
    'add d.#1 :a',
  ].map((expression, index) => {
    const key = { a: { S: `nested-${index}` } };
    return updateCase(
      `nested path the item cannot hold: ${expression}`,
      { TableName: HASH_TABLE, Key: key, UpdateExpression: expression, ExpressionAttributeNames: { '#1': '1' }, ExpressionAttributeValues: { ':a': { SS: ['a'] } } },
      validation('The document path provided in the update expression is invalid for update'),
      [
        update(HASH_TABLE, key, {
          UpdateExpression: 'set b = a, c = :c, d = :d',
          ExpressionAttributeValues: { ':c': { M: { 1: { S: 'a' } } }, ':d': { L: [{ S: 'a' }, { S: 'b' }] } },
        }),
      ],
    );
  }),
  ...['set c = e', 'set d = e'].map((expression, index) => {
    const key = { a: { S: `index-update-${index}` }, b: { S: 'b' } };
    return updateCase(
      `index key set to an unsupported type: ${expression}`,
      { TableName: RANGE_TABLE, Key: key, UpdateExpression: expression },
      validation('The update expression attempted to update the secondary index key to unsupported type'),
      [update(RANGE_TABLE, key, { UpdateExpression: 'set e = :a', ExpressionAttributeValues: { ':a': { N: '1' } } })],
    );
  }),
  updateCase(
    'updated item over 400 KB',
    {
      TableName: HASH_TABLE,
      Key: { a: { S: 'too-big' } },
      AttributeUpdates: {
        b: { Action: 'PUT', Value: { S: 'a'.repeat(ITEM_SIZE_LIMIT_BYTES - 1) } },
        c: { Action: 'PUT', Value: { N: '1'.repeat(38) + '0'.repeat(88) } },
      },
    },
    validation('Item size to update has exceeded the maximum allowed size'),
  ),
];

runValidationCases('validation order: UpdateItem', [...memberCases, ...expressionCases, ...tableCases]);
