import {
  accepted,
  enumSet,
  lengthAtLeast,
  lengthAtMost,
  namePatternConstraint,
  notNull,
  runCases,
  valueAtLeast,
  valueAtMost,
  violation,
  violations,
  wrongTypeCases,
} from './shape-cases.test-support.js';

const longName = 'a'.repeat(256);
const selectSet = enumSet('SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES');
const comparisonOperatorSet = enumSet('IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS');

const conditionMembers = (member: string) => [
  ...wrongTypeCases(member, 'Map<Condition>'),
  ...wrongTypeCases(`${member}.Attr`, 'ValueStruct<Condition>'),
  ...wrongTypeCases(`${member}.Attr.ComparisonOperator`, 'String'),
  ...wrongTypeCases(`${member}.Attr.AttributeValueList`, 'List'),
  ...wrongTypeCases(`${member}.Attr.AttributeValueList.0`, 'ValueStruct<AttributeValue>'),
];

const commonReadMembers = [
  ...wrongTypeCases('TableName', 'String'),
  ...wrongTypeCases('ExclusiveStartKey', 'Map<AttributeValue>'),
  ...wrongTypeCases('ExclusiveStartKey.Attr', 'ValueStruct<AttributeValue>'),
  ...wrongTypeCases('AttributesToGet', 'List'),
  ...wrongTypeCases('ConsistentRead', 'Boolean'),
  ...wrongTypeCases('ReturnConsumedCapacity', 'String'),
  ...wrongTypeCases('IndexName', 'String'),
  ...wrongTypeCases('Select', 'String'),
  ...wrongTypeCases('Limit', 'Integer'),
  ...wrongTypeCases('ConditionalOperator', 'String'),
  ...wrongTypeCases('FilterExpression', 'String'),
  ...wrongTypeCases('ExpressionAttributeValues', 'Map<AttributeValue>'),
  ...wrongTypeCases('ExpressionAttributeValues.Attr', 'ValueStruct<AttributeValue>'),
  ...wrongTypeCases('ExpressionAttributeNames', 'Map<java.lang.String>'),
  ...wrongTypeCases('ExpressionAttributeNames.Attr', 'String'),
  ...wrongTypeCases('ProjectionExpression', 'String'),
];

const nameCases = [
  { name: 'no TableName', body: {}, expected: violations(violation(null, 'tableName', notNull)) },
  {
    name: 'empty TableName',
    body: { TableName: '' },
    expected: violations(violation('', 'tableName', namePatternConstraint), violation('', 'tableName', lengthAtLeast(3))),
  },
  {
    name: 'short TableName',
    body: { TableName: 'a;' },
    expected: violations(violation('a;', 'tableName', namePatternConstraint), violation('a;', 'tableName', lengthAtLeast(3))),
  },
  { name: 'long TableName', body: { TableName: longName }, expected: violations(violation(longName, 'tableName', lengthAtMost(255))) },
  {
    name: 'empty IndexName',
    body: { TableName: 'abc', IndexName: '' },
    expected: violations(violation('', 'indexName', namePatternConstraint), violation('', 'indexName', lengthAtLeast(3))),
  },
  { name: 'long IndexName', body: { TableName: 'abc', IndexName: longName }, expected: violations(violation(longName, 'indexName', lengthAtMost(255))) },
];

runCases('Query', [
  ...commonReadMembers,
  ...conditionMembers('QueryFilter'),
  ...conditionMembers('KeyConditions'),
  ...wrongTypeCases('ScanIndexForward', 'Boolean'),
  ...wrongTypeCases('KeyConditionExpression', 'String'),
  ...nameCases,
  {
    name: 'incorrect attributes: eleven violations, the first ten listed',
    body: {
      TableName: 'abc;',
      ReturnConsumedCapacity: 'hi',
      AttributesToGet: [],
      IndexName: 'abc;',
      Select: 'hi',
      Limit: -1,
      KeyConditions: { a: {}, b: { ComparisonOperator: '' } },
      ConditionalOperator: 'AN',
      QueryFilter: { a: {}, b: { ComparisonOperator: '' } },
    },
    expected: violations(
      violation('hi', 'select', selectSet),
      violation('abc;', 'indexName', namePatternConstraint),
      violation('hi', 'returnConsumedCapacity', enumSet('INDEXES, TOTAL, NONE')),
      violation(null, 'queryFilter.a.member.comparisonOperator', notNull),
      violation('', 'queryFilter.b.member.comparisonOperator', comparisonOperatorSet),
      violation('abc;', 'tableName', namePatternConstraint),
      violation('AN', 'conditionalOperator', enumSet('OR, AND')),
      violation('[]', 'attributesToGet', lengthAtLeast(1)),
      violation('-1', 'limit', valueAtLeast(1)),
      violation(null, 'keyConditions.a.member.comparisonOperator', notNull),
    ),
  },
  {
    name: 'expression and legacy members together are left to the operation',
    body: {
      TableName: 'abc',
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
    expected: accepted,
  },
]);

runCases('Scan', [
  ...commonReadMembers,
  ...conditionMembers('ScanFilter'),
  ...wrongTypeCases('Segment', 'Integer'),
  ...wrongTypeCases('TotalSegments', 'Integer'),
  ...nameCases,
  {
    name: 'incorrect attributes: eleven violations, the first ten listed',
    body: {
      TableName: 'abc;',
      ReturnConsumedCapacity: 'hi',
      AttributesToGet: [],
      IndexName: 'abc;',
      Segment: -1,
      TotalSegments: -1,
      Select: 'hi',
      Limit: -1,
      ScanFilter: { a: {}, b: { ComparisonOperator: '' } },
      ConditionalOperator: 'AN',
      ExpressionAttributeNames: {},
      ExpressionAttributeValues: {},
      ProjectionExpression: '',
    },
    expected: violations(
      violation('hi', 'select', selectSet),
      violation('abc;', 'indexName', namePatternConstraint),
      violation('-1', 'totalSegments', valueAtLeast(1)),
      violation('hi', 'returnConsumedCapacity', enumSet('INDEXES, TOTAL, NONE')),
      violation('abc;', 'tableName', namePatternConstraint),
      violation('AN', 'conditionalOperator', enumSet('OR, AND')),
      violation(null, 'scanFilter.a.member.comparisonOperator', notNull),
      violation('', 'scanFilter.b.member.comparisonOperator', comparisonOperatorSet),
      violation('-1', 'segment', valueAtLeast(0)),
      violation('-1', 'limit', valueAtLeast(1)),
    ),
  },
  {
    name: 'segments beyond their documented ranges',
    body: { TableName: 'abc', Segment: 1000000, TotalSegments: 1000001 },
    expected: violations(
      violation('1000001', 'totalSegments', valueAtMost(1000000)),
      violation('1000000', 'segment', valueAtMost(999999)),
    ),
  },
  { name: 'Segment without TotalSegments is left to the operation', body: { TableName: 'abc', Segment: 1 }, expected: accepted },
]);
