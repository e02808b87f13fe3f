import {
  accepted,
  enumSet,
  lengthAtLeast,
  lengthAtMost,
  namePatternConstraint,
  notNull,
  runCases,
  violation,
  violations,
  wrongTypeCases,
} from './shape-cases.test-support.js';

const longName = 'a'.repeat(256);
const returnConsumedCapacitySet = enumSet('INDEXES, TOTAL, NONE');
const returnValuesSet = enumSet('ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW');
const comparisonOperatorSet = enumSet('IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS');

/** The TableName cases every item operation shares; `missing` is the required member besides TableName. */
function tableNameCases(missing: string) {
  return [
    {
      name: 'empty TableName',
      body: { TableName: '' },
      expected: violations(
        violation('', 'tableName', namePatternConstraint),
        violation('', 'tableName', lengthAtLeast(3)),
        violation(null, missing, notNull),
      ),
    },
    {
      name: 'short TableName',
      body: { TableName: 'a;' },
      expected: violations(
        violation('a;', 'tableName', namePatternConstraint),
        violation('a;', 'tableName', lengthAtLeast(3)),
        violation(null, missing, notNull),
      ),
    },
    {
      name: 'long TableName',
      body: { TableName: longName },
      expected: violations(violation(longName, 'tableName', lengthAtMost(255)), violation(null, missing, notNull)),
    },
  ];
}

const expressionMembers = (operation: 'condition' | 'projection') => [
  ...wrongTypeCases('ExpressionAttributeNames', 'Map<java.lang.String>'),
  ...wrongTypeCases('ExpressionAttributeNames.Attr', 'String'),
  ...(operation === 'condition'
    ? [
        ...wrongTypeCases('ConditionExpression', 'String'),
        ...wrongTypeCases('ExpressionAttributeValues', 'Map<AttributeValue>'),
        ...wrongTypeCases('ExpressionAttributeValues.Attr', 'ValueStruct<AttributeValue>'),
      ]
    : wrongTypeCases('ProjectionExpression', 'String')),
];

const expectedMembers = [
  ...wrongTypeCases('Expected', 'Map<ExpectedAttributeValue>'),
  ...wrongTypeCases('Expected.Attr', 'ValueStruct<ExpectedAttributeValue>'),
  ...wrongTypeCases('Expected.Attr.Exists', 'Boolean'),
  ...wrongTypeCases('Expected.Attr.Value', 'FieldStruct<AttributeValue>'),
  ...wrongTypeCases('Expected.Attr.AttributeValueList', 'List'),
  ...wrongTypeCases('Expected.Attr.AttributeValueList.0', 'ValueStruct<AttributeValue>'),
];

runCases('PutItem', [
  ...wrongTypeCases('TableName', 'String'),
  ...wrongTypeCases('Item', 'Map<AttributeValue>'),
  ...wrongTypeCases('Item.Attr', 'ValueStruct<AttributeValue>'),
  ...expectedMembers,
  ...wrongTypeCases('ReturnConsumedCapacity', 'String'),
  ...wrongTypeCases('ReturnItemCollectionMetrics', 'String'),
  ...wrongTypeCases('ReturnValues', 'String'),
  ...expressionMembers('condition'),
  {
    name: 'no TableName',
    body: {},
    expected: violations(violation(null, 'tableName', notNull), violation(null, 'item', notNull)),
  },
  ...tableNameCases('item'),
  {
    name: 'incorrect attributes',
    body: { TableName: 'abc;', ReturnConsumedCapacity: 'hi', ReturnItemCollectionMetrics: 'hi', ReturnValues: 'hi' },
    expected: violations(
      violation('hi', 'returnConsumedCapacity', returnConsumedCapacitySet),
      violation('abc;', 'tableName', namePatternConstraint),
      violation(null, 'item', notNull),
      violation('hi', 'returnValues', returnValuesSet),
      violation('hi', 'returnItemCollectionMetrics', enumSet('SIZE, NONE')),
    ),
  },
  {
    name: 'bad legacy condition operator',
    body: { TableName: 'abc', Item: {}, Expected: { a: { ComparisonOperator: 'hi' } }, ConditionalOperator: 'AN' },
    expected: violations(
      violation('AN', 'conditionalOperator', enumSet('OR, AND')),
      violation('hi', 'expected.a.member.comparisonOperator', comparisonOperatorSet),
    ),
  },
  {
    name: 'bad ReturnValuesOnConditionCheckFailure',
    body: { TableName: 'abc', Item: {}, ReturnValuesOnConditionCheckFailure: 'hi' },
    expected: violations(violation('hi', 'returnValuesOnConditionCheckFailure', enumSet('ALL_OLD, NONE'))),
  },
  { name: 'attribute value contents are left to model/', body: { TableName: 'abc', Item: { a: { S: 5 } } }, expected: accepted },
  {
    name: 'expression members are only typed here',
    body: { TableName: 'abc', Item: { a: {} }, Expected: { a: {} }, ExpressionAttributeNames: {}, ExpressionAttributeValues: {}, ConditionExpression: '' },
    expected: accepted,
  },
]);

runCases('GetItem', [
  ...wrongTypeCases('TableName', 'String'),
  ...wrongTypeCases('Key', 'Map<AttributeValue>'),
  ...wrongTypeCases('Key.Attr', 'ValueStruct<AttributeValue>'),
  ...wrongTypeCases('AttributesToGet', 'List'),
  ...wrongTypeCases('AttributesToGet.0', 'String'),
  ...wrongTypeCases('ConsistentRead', 'Boolean'),
  ...wrongTypeCases('ReturnConsumedCapacity', 'String'),
  ...expressionMembers('projection'),
  {
    name: 'no TableName',
    body: {},
    expected: violations(violation(null, 'tableName', notNull), violation(null, 'key', notNull)),
  },
  ...tableNameCases('key'),
  {
    name: 'incorrect attributes',
    body: { TableName: 'abc;', ReturnConsumedCapacity: 'hi', AttributesToGet: [] },
    expected: violations(
      violation('hi', 'returnConsumedCapacity', returnConsumedCapacitySet),
      violation('[]', 'attributesToGet', lengthAtLeast(1)),
      violation('abc;', 'tableName', namePatternConstraint),
      violation(null, 'key', notNull),
    ),
  },
  {
    name: 'too many AttributesToGet',
    body: { TableName: 'abc', Key: {}, AttributesToGet: Array.from({ length: 256 }, () => 'a') },
    expected: violations(violation(`[${Array.from({ length: 256 }, () => 'a').join(', ')}]`, 'attributesToGet', lengthAtMost(255))),
  },
  { name: 'duplicates in AttributesToGet are left to the operation', body: { TableName: 'abc', Key: {}, AttributesToGet: ['a', 'a'] }, expected: accepted },
]);

runCases('DeleteItem', [
  ...wrongTypeCases('TableName', 'String'),
  ...wrongTypeCases('Key', 'Map<AttributeValue>'),
  ...wrongTypeCases('Key.Attr', 'ValueStruct<AttributeValue>'),
  ...expectedMembers,
  ...wrongTypeCases('ReturnConsumedCapacity', 'String'),
  ...wrongTypeCases('ReturnItemCollectionMetrics', 'String'),
  ...wrongTypeCases('ReturnValues', 'String'),
  ...expressionMembers('condition'),
  {
    name: 'no TableName',
    body: {},
    expected: violations(violation(null, 'tableName', notNull), violation(null, 'key', notNull)),
  },
  ...tableNameCases('key'),
  {
    name: 'incorrect attributes',
    body: { TableName: 'abc;', ReturnConsumedCapacity: 'hi', ReturnItemCollectionMetrics: 'hi', ReturnValues: 'hi' },
    expected: violations(
      violation('hi', 'returnConsumedCapacity', returnConsumedCapacitySet),
      violation('abc;', 'tableName', namePatternConstraint),
      violation('hi', 'returnValues', returnValuesSet),
      violation('hi', 'returnItemCollectionMetrics', enumSet('SIZE, NONE')),
      violation(null, 'key', notNull),
    ),
  },
  { name: 'a valid request', body: { TableName: 'abc', Key: { a: { S: 'b' } }, ReturnValues: 'ALL_OLD' }, expected: accepted },
]);

runCases('UpdateItem', [
  ...wrongTypeCases('TableName', 'String'),
  ...wrongTypeCases('Key', 'Map<AttributeValue>'),
  ...wrongTypeCases('Key.Attr', 'ValueStruct<AttributeValue>'),
  ...expectedMembers,
  ...wrongTypeCases('AttributeUpdates', 'Map<AttributeValueUpdate>'),
  ...wrongTypeCases('AttributeUpdates.Attr', 'ValueStruct<AttributeValueUpdate>'),
  ...wrongTypeCases('AttributeUpdates.Attr.Action', 'String'),
  ...wrongTypeCases('AttributeUpdates.Attr.Value', 'FieldStruct<AttributeValue>'),
  ...wrongTypeCases('ReturnConsumedCapacity', 'String'),
  ...wrongTypeCases('ReturnItemCollectionMetrics', 'String'),
  ...wrongTypeCases('ReturnValues', 'String'),
  ...wrongTypeCases('UpdateExpression', 'String'),
  ...expressionMembers('condition'),
  {
    name: 'no TableName',
    body: {},
    expected: violations(violation(null, 'tableName', notNull), violation(null, 'key', notNull)),
  },
  ...tableNameCases('key'),
  {
    name: 'incorrect attributes',
    body: { TableName: 'abc;', ReturnConsumedCapacity: 'hi', ReturnItemCollectionMetrics: 'hi', ReturnValues: 'hi' },
    expected: violations(
      violation('hi', 'returnConsumedCapacity', returnConsumedCapacitySet),
      violation('abc;', 'tableName', namePatternConstraint),
      violation('hi', 'returnItemCollectionMetrics', enumSet('SIZE, NONE')),
      violation('hi', 'returnValues', returnValuesSet),
      violation(null, 'key', notNull),
    ),
  },
  {
    name: 'bad legacy update action',
    body: { TableName: 'abc', Key: {}, AttributeUpdates: { a: { Action: 'hi' } } },
    expected: violations(violation('hi', 'attributeUpdates.a.member.action', enumSet('ADD, PUT, DELETE'))),
  },
  { name: 'a legacy update without action or value is left to the operation', body: { TableName: 'abc', Key: {}, AttributeUpdates: { a: { x: 'whatever' } } }, expected: accepted },
]);
