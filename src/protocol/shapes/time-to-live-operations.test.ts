import {
  accepted,
  lengthAtMost,
  namePatternConstraint,
  notNull,
  runCases,
  validation,
  violation,
  violations,
  wrongTypeCases,
} from './shape-cases.test-support.js';

const specification = { Enabled: true, AttributeName: 'expires' };
const noTableName = validation("The parameter 'TableName' is required but was not present in the request");
const tableNameLength = validation('TableName must be at least 3 characters long and at most 255 characters long');

runCases('UpdateTimeToLive', [
  ...wrongTypeCases('TableName', 'String'),
  ...wrongTypeCases('TimeToLiveSpecification', 'FieldStruct<TimeToLiveSpecification>'),
  ...wrongTypeCases('TimeToLiveSpecification.AttributeName', 'String'),
  ...wrongTypeCases('TimeToLiveSpecification.Enabled', 'Boolean'),
  { name: 'no TableName', body: { TimeToLiveSpecification: specification }, expected: noTableName },
  { name: 'a short TableName', body: { TableName: 'a;', TimeToLiveSpecification: specification }, expected: tableNameLength },
  {
    name: 'a TableName of other characters',
    body: { TableName: 'abc;', TimeToLiveSpecification: specification },
    expected: violations(violation('abc;', 'tableName', namePatternConstraint)),
  },
  {
    name: 'no TimeToLiveSpecification',
    body: { TableName: 'abc' },
    expected: violations(violation(null, 'timeToLiveSpecification', notNull)),
  },
  {
    name: 'an empty TimeToLiveSpecification',
    body: { TableName: 'abc', TimeToLiveSpecification: {} },
    expected: violations(
      violation(null, 'timeToLiveSpecification.enabled', notNull),
      violation(null, 'timeToLiveSpecification.attributeName', notNull),
    ),
  },
  {
    name: 'an attribute name over 255 characters',
    body: { TableName: 'abc', TimeToLiveSpecification: { Enabled: false, AttributeName: 'a'.repeat(256) } },
    expected: violations(violation('a'.repeat(256), 'timeToLiveSpecification.attributeName', lengthAtMost(255))),
  },
  {
    name: 'an empty attribute name is left to the operation',
    body: { TableName: 'abc', TimeToLiveSpecification: { Enabled: true, AttributeName: '' } },
    expected: accepted,
  },
  { name: 'a valid request', body: { TableName: 'abc', TimeToLiveSpecification: { Enabled: true, AttributeName: 'a'.repeat(255) } }, expected: accepted },
]);

runCases('DescribeTimeToLive', [
  ...wrongTypeCases('TableName', 'String'),
  { name: 'no TableName', body: {}, expected: noTableName },
  { name: 'an empty TableName', body: { TableName: '' }, expected: tableNameLength },
  { name: 'a TableName of other characters', body: { TableName: 'abc;' }, expected: violations(violation('abc;', 'tableName', namePatternConstraint)) },
  { name: 'a valid request', body: { TableName: 'abc' }, expected: accepted },
]);
