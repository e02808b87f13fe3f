import {
  accepted,
  enumSet,
  lengthAtLeast,
  lengthAtMost,
  namePatternConstraint,
  notNull,
  runCases,
  validation,
  valueAtLeast,
  valueAtMost,
  violation,
  violations,
  wrongTypeCases,
} from './shape-cases.test-support.js';

const longName = 'a'.repeat(256);
const tableNameRequired = validation("The parameter 'TableName' is required but was not present in the request");
const tableNameSize = validation('TableName must be at least 3 characters long and at most 255 characters long');
const keySchemaElements = [
  'com.amazonaws.dynamodb.v20120810.KeySchemaElement@21b90f',
  'com.amazonaws.dynamodb.v20120810.KeySchemaElement@62',
  'com.amazonaws.dynamodb.v20120810.KeySchemaElement@293b3b',
].join(', ');
const validTable = {
  TableName: 'abc',
  AttributeDefinitions: [{ AttributeName: 'a', AttributeType: 'S' }],
  KeySchema: [{ KeyType: 'HASH', AttributeName: 'a' }],
  ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
};

runCases('CreateTable', [
  ...wrongTypeCases('TableName', 'String'),
  ...wrongTypeCases('AttributeDefinitions', 'List'),
  ...wrongTypeCases('KeySchema', 'List'),
  ...wrongTypeCases('LocalSecondaryIndexes', 'List'),
  ...wrongTypeCases('GlobalSecondaryIndexes', 'List'),
  ...wrongTypeCases('ProvisionedThroughput', 'FieldStruct<ProvisionedThroughput>'),
  ...wrongTypeCases('ProvisionedThroughput.WriteCapacityUnits', 'Long'),
  ...wrongTypeCases('ProvisionedThroughput.ReadCapacityUnits', 'Long'),
  ...wrongTypeCases('KeySchema.0', 'ValueStruct<KeySchemaElement>'),
  ...wrongTypeCases('KeySchema.0.KeyType', 'String'),
  ...wrongTypeCases('KeySchema.0.AttributeName', 'String'),
  ...wrongTypeCases('AttributeDefinitions.0', 'ValueStruct<AttributeDefinition>'),
  ...wrongTypeCases('AttributeDefinitions.0.AttributeName', 'String'),
  ...wrongTypeCases('AttributeDefinitions.0.AttributeType', 'String'),
  ...wrongTypeCases('LocalSecondaryIndexes.0', 'ValueStruct<LocalSecondaryIndex>'),
  ...wrongTypeCases('LocalSecondaryIndexes.0.IndexName', 'String'),
  ...wrongTypeCases('LocalSecondaryIndexes.0.KeySchema', 'List'),
  ...wrongTypeCases('LocalSecondaryIndexes.0.Projection', 'FieldStruct<Projection>'),
  ...wrongTypeCases('LocalSecondaryIndexes.0.KeySchema.0', 'ValueStruct<KeySchemaElement>'),
  ...wrongTypeCases('LocalSecondaryIndexes.0.KeySchema.0.AttributeName', 'String'),
  ...wrongTypeCases('LocalSecondaryIndexes.0.KeySchema.0.KeyType', 'String'),
  ...wrongTypeCases('LocalSecondaryIndexes.0.Projection.NonKeyAttributes', 'List'),
  ...wrongTypeCases('LocalSecondaryIndexes.0.Projection.ProjectionType', 'String'),
  ...wrongTypeCases('LocalSecondaryIndexes.0.Projection.NonKeyAttributes.0', 'String'),
  ...wrongTypeCases('GlobalSecondaryIndexes.0', 'ValueStruct<GlobalSecondaryIndex>'),
  ...wrongTypeCases('GlobalSecondaryIndexes.0.IndexName', 'String'),
  ...wrongTypeCases('GlobalSecondaryIndexes.0.KeySchema', 'List'),
  ...wrongTypeCases('GlobalSecondaryIndexes.0.Projection', 'FieldStruct<Projection>'),
  ...wrongTypeCases('GlobalSecondaryIndexes.0.ProvisionedThroughput', 'FieldStruct<ProvisionedThroughput>'),
  ...wrongTypeCases('GlobalSecondaryIndexes.0.ProvisionedThroughput.WriteCapacityUnits', 'Long'),
  ...wrongTypeCases('GlobalSecondaryIndexes.0.ProvisionedThroughput.ReadCapacityUnits', 'Long'),
  ...wrongTypeCases('StreamSpecification.StreamEnabled', 'Boolean'),
  ...wrongTypeCases('DeletionProtectionEnabled', 'Boolean'),
  ...wrongTypeCases('Tags.0', 'ValueStruct<Tag>'),
  { name: 'no TableName', body: {}, expected: tableNameRequired },
  { name: 'null TableName', body: { TableName: null }, expected: tableNameRequired },
  { name: 'empty TableName', body: { TableName: '' }, expected: tableNameSize },
  { name: 'short TableName', body: { TableName: 'a;' }, expected: tableNameSize },
  { name: 'long TableName', body: { TableName: longName }, expected: tableNameSize },
  {
    name: 'null attributes',
    body: { TableName: 'abc;' },
    expected: violations(
      violation(null, 'attributeDefinitions', notNull),
      violation('abc;', 'tableName', namePatternConstraint),
      violation(null, 'keySchema', notNull),
    ),
  },
  {
    name: 'empty AttributeDefinitions',
    body: { TableName: 'abc', AttributeDefinitions: [] },
    expected: violations(violation(null, 'keySchema', notNull)),
  },
  {
    name: 'empty ProvisionedThroughput',
    body: { TableName: 'abc', AttributeDefinitions: [], ProvisionedThroughput: {} },
    expected: violations(
      violation(null, 'provisionedThroughput.writeCapacityUnits', notNull),
      violation(null, 'provisionedThroughput.readCapacityUnits', notNull),
      violation(null, 'keySchema', notNull),
    ),
  },
  {
    name: 'low ProvisionedThroughput and empty KeySchema',
    body: { TableName: 'abc', AttributeDefinitions: [], KeySchema: [], ProvisionedThroughput: { ReadCapacityUnits: -1, WriteCapacityUnits: -1 } },
    expected: violations(
      violation('-1', 'provisionedThroughput.writeCapacityUnits', valueAtLeast(1)),
      violation('-1', 'provisionedThroughput.readCapacityUnits', valueAtLeast(1)),
      violation('[]', 'keySchema', lengthAtLeast(1)),
    ),
  },
  {
    name: 'key element names',
    body: {
      TableName: 'abc',
      AttributeDefinitions: [],
      KeySchema: [{ KeyType: 'HASH' }, { AttributeName: 'a' }, { KeyType: 'Woop', AttributeName: 'a' }],
      ProvisionedThroughput: { ReadCapacityUnits: 1000000000001, WriteCapacityUnits: 1000000000001 },
    },
    expected: violations(
      violation(`[${keySchemaElements}]`, 'keySchema', lengthAtMost(2)),
      violation(null, 'keySchema.1.member.attributeName', notNull),
      violation(null, 'keySchema.2.member.keyType', notNull),
      violation('Woop', 'keySchema.3.member.keyType', enumSet('HASH, RANGE')),
    ),
  },
  {
    name: 'high capacity left to the operation, negative reported',
    body: {
      TableName: 'abc',
      AttributeDefinitions: [],
      KeySchema: [{ KeyType: 'HASH', AttributeName: 'a' }],
      ProvisionedThroughput: { ReadCapacityUnits: 1000000000001, WriteCapacityUnits: -1 },
    },
    expected: violations(violation('-1', 'provisionedThroughput.writeCapacityUnits', valueAtLeast(1))),
  },
  {
    name: 'attribute definitions member nulls',
    body: { ...validTable, AttributeDefinitions: [{}] },
    expected: violations(
      violation(null, 'attributeDefinitions.1.member.attributeName', notNull),
      violation(null, 'attributeDefinitions.1.member.attributeType', notNull),
    ),
  },
  {
    name: 'SS in attribute definition',
    body: { ...validTable, AttributeDefinitions: [{ AttributeName: 'b', AttributeType: 'SS' }] },
    expected: violations(violation('SS', 'attributeDefinitions.1.member.attributeType', enumSet('B, N, S'))),
  },
  {
    name: 'more than five empty LocalSecondaryIndexes lists the first ten violations',
    body: { ...validTable, LocalSecondaryIndexes: [{}, {}, {}, {}, {}, {}, {}, {}, {}] },
    expected: violations(
      ...[1, 2, 3].flatMap((index) => [
        violation(null, `localSecondaryIndexes.${index}.member.indexName`, notNull),
        violation(null, `localSecondaryIndexes.${index}.member.keySchema`, notNull),
        violation(null, `localSecondaryIndexes.${index}.member.projection`, notNull),
      ]),
      violation(null, 'localSecondaryIndexes.4.member.indexName', notNull),
    ),
  },
  {
    name: 'bad LocalSecondaryIndex names',
    body: {
      ...validTable,
      LocalSecondaryIndexes: [
        { IndexName: 'h;', KeySchema: [], Projection: {} },
        { IndexName: longName, KeySchema: [{ AttributeName: 'a', KeyType: 'HASH' }], Projection: {} },
      ],
    },
    expected: violations(
      violation('h;', 'localSecondaryIndexes.1.member.indexName', namePatternConstraint),
      violation('h;', 'localSecondaryIndexes.1.member.indexName', lengthAtLeast(3)),
      violation('[]', 'localSecondaryIndexes.1.member.keySchema', lengthAtLeast(1)),
      violation(longName, 'localSecondaryIndexes.2.member.indexName', lengthAtMost(255)),
    ),
  },
  {
    name: 'bad BillingMode and ProjectionType',
    body: {
      ...validTable,
      BillingMode: 'hi',
      GlobalSecondaryIndexes: [{ IndexName: 'abc', KeySchema: [{ AttributeName: 'a', KeyType: 'HASH' }], Projection: { ProjectionType: 'hi' } }],
    },
    expected: violations(
      violation('hi', 'billingMode', enumSet('PROVISIONED, PAY_PER_REQUEST')),
      violation('hi', 'globalSecondaryIndexes.1.member.projection.projectionType', enumSet('ALL, INCLUDE, KEYS_ONLY')),
    ),
  },
  { name: 'a valid table', body: validTable, expected: accepted },
  { name: 'a valid on-demand table', body: { ...validTable, ProvisionedThroughput: null, BillingMode: 'PAY_PER_REQUEST' }, expected: accepted },
  { name: 'semantic checks are left to the operation', body: { ...validTable, KeySchema: [{ KeyType: 'RANGE', AttributeName: 'z' }] }, expected: accepted },
]);

runCases('DescribeTable', [
  ...wrongTypeCases('TableName', 'String'),
  { name: 'no TableName', body: {}, expected: tableNameRequired },
  { name: 'empty TableName', body: { TableName: '' }, expected: tableNameSize },
  { name: 'short TableName', body: { TableName: 'a;' }, expected: tableNameSize },
  { name: 'long TableName', body: { TableName: longName }, expected: tableNameSize },
  { name: 'bad TableName', body: { TableName: 'abc;' }, expected: violations(violation('abc;', 'tableName', namePatternConstraint)) },
  { name: 'a valid request', body: { TableName: 'abc' }, expected: accepted },
]);

runCases('DeleteTable', [
  ...wrongTypeCases('TableName', 'String'),
  { name: 'no TableName', body: {}, expected: tableNameRequired },
  { name: 'empty TableName', body: { TableName: '' }, expected: tableNameSize },
  { name: 'long TableName', body: { TableName: longName }, expected: tableNameSize },
  { name: 'bad TableName', body: { TableName: 'abc;' }, expected: violations(violation('abc;', 'tableName', namePatternConstraint)) },
  { name: 'a valid request', body: { TableName: 'abc' }, expected: accepted },
]);

runCases('UpdateTable', [
  ...wrongTypeCases('TableName', 'String'),
  ...wrongTypeCases('ProvisionedThroughput', 'FieldStruct<ProvisionedThroughput>'),
  ...wrongTypeCases('ProvisionedThroughput.WriteCapacityUnits', 'Long'),
  ...wrongTypeCases('ProvisionedThroughput.ReadCapacityUnits', 'Long'),
  ...wrongTypeCases('GlobalSecondaryIndexUpdates', 'List'),
  ...wrongTypeCases('GlobalSecondaryIndexUpdates.0', 'ValueStruct<GlobalSecondaryIndexUpdate>'),
  ...wrongTypeCases('GlobalSecondaryIndexUpdates.0.Update', 'FieldStruct<UpdateGlobalSecondaryIndexAction>'),
  ...wrongTypeCases('GlobalSecondaryIndexUpdates.0.Update.IndexName', 'String'),
  ...wrongTypeCases('GlobalSecondaryIndexUpdates.0.Update.ProvisionedThroughput', 'FieldStruct<ProvisionedThroughput>'),
  ...wrongTypeCases('GlobalSecondaryIndexUpdates.0.Update.ProvisionedThroughput.WriteCapacityUnits', 'Long'),
  ...wrongTypeCases('GlobalSecondaryIndexUpdates.0.Update.ProvisionedThroughput.ReadCapacityUnits', 'Long'),
  ...wrongTypeCases('GlobalSecondaryIndexUpdates.0.Create', 'FieldStruct<CreateGlobalSecondaryIndexAction>'),
  ...wrongTypeCases('GlobalSecondaryIndexUpdates.0.Delete', 'FieldStruct<DeleteGlobalSecondaryIndexAction>'),
  { name: 'no TableName', body: {}, expected: tableNameRequired },
  { name: 'empty TableName', body: { TableName: '' }, expected: tableNameSize },
  { name: 'bad TableName', body: { TableName: 'abc;' }, expected: violations(violation('abc;', 'tableName', namePatternConstraint)) },
  {
    name: 'empty ProvisionedThroughput',
    body: { TableName: 'abc', ProvisionedThroughput: {} },
    expected: violations(
      violation(null, 'provisionedThroughput.writeCapacityUnits', notNull),
      violation(null, 'provisionedThroughput.readCapacityUnits', notNull),
    ),
  },
  {
    name: 'low ProvisionedThroughput',
    body: { TableName: 'abc', ProvisionedThroughput: { ReadCapacityUnits: -1, WriteCapacityUnits: -1 } },
    expected: violations(
      violation('-1', 'provisionedThroughput.writeCapacityUnits', valueAtLeast(1)),
      violation('-1', 'provisionedThroughput.readCapacityUnits', valueAtLeast(1)),
    ),
  },
  {
    name: 'empty Update',
    body: { TableName: 'abc', GlobalSecondaryIndexUpdates: [{ Update: {} }] },
    expected: violations(
      violation(null, 'globalSecondaryIndexUpdates.1.member.update.indexName', notNull),
      violation(null, 'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput', notNull),
    ),
  },
  {
    name: 'bad IndexName and ProvisionedThroughput',
    body: {
      TableName: 'abc',
      GlobalSecondaryIndexUpdates: [
        { Update: { IndexName: 'a', ProvisionedThroughput: {} } },
        { Update: { IndexName: 'abc;', ProvisionedThroughput: { ReadCapacityUnits: 1000000000001, WriteCapacityUnits: 0 } } },
      ],
    },
    expected: violations(
      violation('a', 'globalSecondaryIndexUpdates.1.member.update.indexName', lengthAtLeast(3)),
      violation(null, 'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput.writeCapacityUnits', notNull),
      violation(null, 'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput.readCapacityUnits', notNull),
      violation('abc;', 'globalSecondaryIndexUpdates.2.member.update.indexName', namePatternConstraint),
      violation('0', 'globalSecondaryIndexUpdates.2.member.update.provisionedThroughput.writeCapacityUnits', valueAtLeast(1)),
    ),
  },
  { name: 'empty GlobalSecondaryIndexUpdates are left to the operation', body: { TableName: 'abc', GlobalSecondaryIndexUpdates: [{}] }, expected: accepted },
]);

runCases('ListTables', [
  ...wrongTypeCases('ExclusiveStartTableName', 'String'),
  ...wrongTypeCases('Limit', 'Integer'),
  {
    name: 'empty ExclusiveStartTableName',
    body: { ExclusiveStartTableName: '' },
    expected: violations(
      violation('', 'exclusiveStartTableName', namePatternConstraint),
      violation('', 'exclusiveStartTableName', lengthAtLeast(3)),
    ),
  },
  {
    name: 'short ExclusiveStartTableName and high Limit',
    body: { ExclusiveStartTableName: 'a;', Limit: 500 },
    expected: violations(
      violation('500', 'limit', valueAtMost(100)),
      violation('a;', 'exclusiveStartTableName', namePatternConstraint),
      violation('a;', 'exclusiveStartTableName', lengthAtLeast(3)),
    ),
  },
  {
    name: 'long ExclusiveStartTableName',
    body: { ExclusiveStartTableName: longName },
    expected: violations(violation(longName, 'exclusiveStartTableName', lengthAtMost(255))),
  },
  { name: 'low Limit', body: { Limit: 0 }, expected: violations(violation('0', 'limit', valueAtLeast(1))) },
  { name: 'high Limit', body: { Limit: 101 }, expected: violations(violation('101', 'limit', valueAtMost(100))) },
  { name: 'no members', body: {}, expected: accepted },
  { name: 'unknown members are ignored', body: { hi: 'yo', stuff: 'things' }, expected: accepted },
  { name: 'null members are absent', body: { ExclusiveStartTableName: null, Limit: null }, expected: accepted },
  { name: 'correct types', body: { ExclusiveStartTableName: 'aaa', Limit: 100 }, expected: accepted },
]);

runCases('DescribeLimits', [{ name: 'no members', body: {}, expected: accepted }]);
runCases('DescribeEndpoints', [{ name: 'unknown members are ignored', body: { Anything: [1] }, expected: accepted }]);
