import {
  HASH_TABLE,
  INVALID,
  MISSING_TABLE,
  resourceInUse,
  resourceNotFound,
  runValidationCases,
  validation,
  type ExpectedError,
  type ValidationCase,
} from './validation-cases.js';

const CREATE = 'dynalite test/createTable.js';
const RECORDED = 'shared/reference/aws-recorded';

const one = { ReadCapacityUnits: 1, WriteCapacityUnits: 1 };
const hash = (name: string) => ({ KeyType: 'HASH', AttributeName: name });
const range = (name: string) => ({ KeyType: 'RANGE', AttributeName: name });
const defined = (...names: string[]) => names.map((name) => ({ AttributeName: name, AttributeType: 'S' }));
const keyOf = (hashName: string, rangeName?: string) => [
  { AttributeName: hashName, KeyType: 'HASH' },
  ...(rangeName === undefined ? [] : [{ AttributeName: rangeName, KeyType: 'RANGE' }]),
];

function createCase(name: string, body: Record<string, unknown>, expected: ExpectedError, source = CREATE): ValidationCase {
  return { name, source, operation: 'CreateTable', body: { TableName: 'abc', ...body }, expected };
}

/** A table keyed by a (HASH) and b (RANGE), both defined as strings, with the given members added. */
const rangeTable = (members: Record<string, unknown>) => ({ AttributeDefinitions: defined('a', 'b'), KeySchema: [hash('a'), range('b')], ProvisionedThroughput: one, ...members });
const local = (name: string, key: unknown[], projection: unknown = {}) => ({ IndexName: name, KeySchema: key, Projection: projection });
const global = (name: string, key: unknown[], projection: unknown = {}) => ({ IndexName: name, KeySchema: key, Projection: projection, ProvisionedThroughput: one });
const all = { ProjectionType: 'ALL' };

const keySchemaCases: ValidationCase[] = [
  // dynalite's recording predates BillingMode ("Missing required parameter in input: \"ProvisionedThroughput\"");
  // DynamoDB has since answered as below (newer dynalite versions and moto's tests record it).
  createCase(
    'missing ProvisionedThroughput',
    { AttributeDefinitions: [], KeySchema: [hash('a')] },
    validation(`${INVALID}ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED`),
  ),
  createCase(
    'read capacity out of bounds before write capacity',
    { AttributeDefinitions: [], KeySchema: [hash('a')], ProvisionedThroughput: { ReadCapacityUnits: 1000000000001, WriteCapacityUnits: 1000000000001 } },
    validation('Given value 1000000000001 for ReadCapacityUnits is out of bounds'),
  ),
  createCase(
    'read capacity out of bounds whatever the member order',
    { AttributeDefinitions: [], KeySchema: [hash('a')], ProvisionedThroughput: { WriteCapacityUnits: 1000000000001, ReadCapacityUnits: 1000000000001 } },
    validation('Given value 1000000000001 for ReadCapacityUnits is out of bounds'),
  ),
  createCase(
    'write capacity out of bounds',
    { AttributeDefinitions: [], KeySchema: [hash('a')], ProvisionedThroughput: { ReadCapacityUnits: 1000000000000, WriteCapacityUnits: 1000000000001 } },
    validation('Given value 1000000000001 for WriteCapacityUnits is out of bounds'),
  ),
  createCase(
    'two HASH keys without definitions',
    { AttributeDefinitions: [], KeySchema: [hash('a'), hash('a')], ProvisionedThroughput: one },
    validation('Invalid KeySchema: Some index key attribute have no definition'),
  ),
  createCase(
    'two HASH keys, another attribute defined',
    { AttributeDefinitions: defined('b'), KeySchema: [hash('a'), hash('a')], ProvisionedThroughput: one },
    validation('Invalid KeySchema: Some index key attribute have no definition'),
  ),
  createCase(
    'key attribute not defined',
    { AttributeDefinitions: defined('b'), KeySchema: [hash('a')], ProvisionedThroughput: one },
    validation(`${INVALID}Some index key attributes are not defined in AttributeDefinitions. Keys: [a], AttributeDefinitions: [b]`),
  ),
  createCase(
    'hash key not defined, range key defined',
    { AttributeDefinitions: defined('b'), KeySchema: [hash('a'), range('b')], ProvisionedThroughput: one },
    validation('Invalid KeySchema: Some index key attribute have no definition'),
  ),
  createCase(
    'two HASH keys of one defined name',
    { AttributeDefinitions: defined('a'), KeySchema: [hash('a'), hash('a')], ProvisionedThroughput: one },
    validation('Invalid KeySchema: Some index key attribute have no definition'),
  ),
  createCase(
    'hash and range key of one name',
    { AttributeDefinitions: defined('a', 'b'), KeySchema: [hash('a'), hash('a')], ProvisionedThroughput: one },
    validation('Both the Hash Key and the Range Key element in the KeySchema have the same name'),
  ),
  createCase(
    'second key not RANGE',
    { AttributeDefinitions: defined('a', 'b'), KeySchema: [hash('a'), hash('b')], ProvisionedThroughput: one },
    validation('Invalid KeySchema: The second KeySchemaElement is not a RANGE key type'),
  ),
  createCase(
    'first key RANGE, second HASH',
    { AttributeDefinitions: defined('a', 'b'), KeySchema: [range('a'), hash('b')], ProvisionedThroughput: one },
    validation('Invalid KeySchema: The first KeySchemaElement is not a HASH key type'),
  ),
  createCase(
    'both keys RANGE',
    { AttributeDefinitions: defined('a', 'b'), KeySchema: [range('a'), range('b')], ProvisionedThroughput: one },
    validation('Invalid KeySchema: The first KeySchemaElement is not a HASH key type'),
  ),
  createCase(
    'extra attribute defined with a range key',
    { AttributeDefinitions: defined('a', 'c', 'b'), KeySchema: [hash('a'), range('b')], ProvisionedThroughput: one },
    validation(`${INVALID}Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions`),
  ),
  createCase(
    'extra attribute defined with a hash key',
    { AttributeDefinitions: defined('a', 'b'), KeySchema: [hash('a')], ProvisionedThroughput: one },
    validation(`${INVALID}Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions`),
  ),
];

const localIndexCases: ValidationCase[] = [
  createCase(
    'empty LocalSecondaryIndexes',
    { AttributeDefinitions: defined('a', 'b'), KeySchema: [hash('a')], LocalSecondaryIndexes: [], ProvisionedThroughput: one },
    validation(`${INVALID}List of LocalSecondaryIndexes is empty`),
  ),
  createCase(
    'local index on a table without a range key',
    { AttributeDefinitions: defined('a', 'b'), KeySchema: [hash('a')], LocalSecondaryIndexes: [local('abc', [range('c')])], ProvisionedThroughput: one },
    validation(`${INVALID}Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex`),
  ),
  createCase(
    'local index keys not defined',
    rangeTable({ LocalSecondaryIndexes: [local('abc', [range('c'), range('d')]), local('abc', [range('e')])] }),
    validation(/^One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions\. Keys: \[(c, d|d, c)\], AttributeDefinitions: \[(a, b|b, a)\]$/),
  ),
  createCase(
    'local index first key not HASH',
    rangeTable({ LocalSecondaryIndexes: [local('abc', [range('a')])] }),
    validation('Invalid KeySchema: The first KeySchemaElement is not a HASH key type'),
  ),
  createCase(
    'local index keys of one name',
    rangeTable({ LocalSecondaryIndexes: [local('abc', [hash('a'), hash('a')])] }),
    validation('Both the Hash Key and the Range Key element in the KeySchema have the same name'),
  ),
  createCase(
    'local index second key not RANGE',
    rangeTable({ LocalSecondaryIndexes: [local('abc', [hash('a'), hash('b')])] }),
    validation('Invalid KeySchema: The second KeySchemaElement is not a RANGE key type'),
  ),
  createCase(
    'local index without a range key',
    rangeTable({ LocalSecondaryIndexes: [local('abc', [hash('b')])] }),
    validation(`${INVALID}Index KeySchema does not have a range key for index: abc`),
  ),
  createCase(
    'local index with another hash key',
    rangeTable({ LocalSecondaryIndexes: [local('abc', [hash('b'), range('a')])] }),
    validation(`${INVALID}Index KeySchema does not have the same leading hash key as table KeySchema for index: abc. index hash key: b, table hash key: a`),
  ),
  createCase(
    'local index hash and range of one name',
    rangeTable({ LocalSecondaryIndexes: [local('abc', [hash('a'), range('a')])] }),
    validation('Both the Hash Key and the Range Key element in the KeySchema have the same name'),
  ),
  createCase(
    'local index range key not defined',
    rangeTable({ LocalSecondaryIndexes: [local('abc', [hash('a'), range('c')])] }),
    validation(/^One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions\. Keys: \[(a, c|c, a)\], AttributeDefinitions: \[(a, b|b, a)\]$/),
  ),
  createCase('local index without a projection type', rangeTable({ LocalSecondaryIndexes: [local('abc', keyOf('a', 'b'))] }), validation(`${INVALID}Unknown ProjectionType: null`)),
  createCase(
    'local index with NonKeyAttributes and no projection type',
    rangeTable({ LocalSecondaryIndexes: [local('abc', keyOf('a', 'b'), { NonKeyAttributes: ['a'] })] }),
    validation(`${INVALID}Unknown ProjectionType: null`),
  ),
  ...['ALL', 'KEYS_ONLY'].map((type) =>
    createCase(
      `local index ${type} with NonKeyAttributes`,
      rangeTable({ LocalSecondaryIndexes: [local('abc', keyOf('a', 'b'), { ProjectionType: type, NonKeyAttributes: ['a'] })] }),
      validation(`${INVALID}ProjectionType is ${type}, but NonKeyAttributes is specified`),
    ),
  ),
  createCase(
    'duplicate local index names',
    rangeTable({ LocalSecondaryIndexes: [local('abc', keyOf('a', 'b'), all), local('abc', keyOf('a', 'b'), all)] }),
    validation(`${INVALID}Duplicate index name: abc`),
  ),
  createCase(
    'six local indexes',
    rangeTable({ LocalSecondaryIndexes: ['abc', 'abd', 'abe', 'abf', 'abg', 'abh'].map((name) => local(name, keyOf('a', 'b'), all)) }),
    validation(`${INVALID}Number of LocalSecondaryIndexes exceeds per-table limit of 5`),
  ),
];

const globalIndexCases: ValidationCase[] = [
  createCase(
    'empty GlobalSecondaryIndexes',
    { AttributeDefinitions: defined('a', 'b'), KeySchema: [hash('a')], GlobalSecondaryIndexes: [], ProvisionedThroughput: one },
    validation(`${INVALID}List of GlobalSecondaryIndexes is empty`),
  ),
  createCase(
    'global index range key not defined',
    { AttributeDefinitions: defined('a', 'b'), KeySchema: [hash('a')], GlobalSecondaryIndexes: [global('abc', [range('c')])], ProvisionedThroughput: one },
    validation(/^One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions\. Keys: \[c\], AttributeDefinitions: \[(a, b|b, a)\]$/),
  ),
  createCase(
    'global index keys not defined',
    rangeTable({ GlobalSecondaryIndexes: [global('abc', [range('c'), range('d')]), global('abc', [range('e')])] }),
    validation(/^One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions\. Keys: \[(c, d|d, c)\], AttributeDefinitions: \[(a, b|b, a)\]$/),
  ),
  createCase(
    'global index first key not HASH',
    rangeTable({ GlobalSecondaryIndexes: [global('abc', [range('a')])] }),
    validation('Invalid KeySchema: The first KeySchemaElement is not a HASH key type'),
  ),
  createCase(
    'global index keys of one name',
    rangeTable({ GlobalSecondaryIndexes: [global('abc', [hash('a'), hash('a')])] }),
    validation('Both the Hash Key and the Range Key element in the KeySchema have the same name'),
  ),
  createCase(
    'global index second key not RANGE',
    rangeTable({ GlobalSecondaryIndexes: [global('abc', [hash('a'), hash('b')])] }),
    validation('Invalid KeySchema: The second KeySchemaElement is not a RANGE key type'),
  ),
  createCase('global index without a range key, no projection type', rangeTable({ GlobalSecondaryIndexes: [global('abc', [hash('b')])] }), validation(`${INVALID}Unknown ProjectionType: null`)),
  createCase(
    'global index with another hash key, no projection type',
    rangeTable({ GlobalSecondaryIndexes: [global('abc', [hash('b'), range('a')])] }),
    validation(`${INVALID}Unknown ProjectionType: null`),
  ),
  createCase(
    'global index hash and range of one name',
    rangeTable({ GlobalSecondaryIndexes: [global('abc', [hash('a'), range('a')])] }),
    validation('Both the Hash Key and the Range Key element in the KeySchema have the same name'),
  ),
  createCase(
    'global index range key not defined, hash key the table key',
    rangeTable({ GlobalSecondaryIndexes: [global('abc', [hash('a'), range('c')])] }),
    validation(/^One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions\. Keys: \[(a, c|c, a)\], AttributeDefinitions: \[(a, b|b, a)\]$/),
  ),
  createCase('global index without a projection type', rangeTable({ GlobalSecondaryIndexes: [global('abc', keyOf('a', 'b'))] }), validation(`${INVALID}Unknown ProjectionType: null`)),
  createCase(
    'global index with NonKeyAttributes and no projection type',
    rangeTable({ GlobalSecondaryIndexes: [global('abc', keyOf('a', 'b'), { NonKeyAttributes: ['a'] })] }),
    validation(`${INVALID}Unknown ProjectionType: null`),
  ),
  ...['ALL', 'KEYS_ONLY'].map((type) =>
    createCase(
      `global index ${type} with NonKeyAttributes`,
      rangeTable({ GlobalSecondaryIndexes: [global('abc', keyOf('a', 'b'), { ProjectionType: type, NonKeyAttributes: ['a'] })] }),
      validation(`${INVALID}ProjectionType is ${type}, but NonKeyAttributes is specified`),
    ),
  ),
  createCase(
    'duplicate global index names',
    rangeTable({ GlobalSecondaryIndexes: [global('abc', keyOf('a', 'b'), all), global('abc', keyOf('a', 'b'), all)] }),
    validation(`${INVALID}Duplicate index name: abc`),
  ),
  createCase(
    'twenty-one global indexes',
    rangeTable({ GlobalSecondaryIndexes: Array.from({ length: 21 }, (_, index) => global(`abc${index}`, keyOf('a', 'b'), all)) }),
    validation(`${INVALID}GlobalSecondaryIndex count exceeds the per-table limit of 20`),
  ),
  createCase(
    'one name for a local and a global index',
    rangeTable({ LocalSecondaryIndexes: [local('abc', keyOf('a', 'b'), all)], GlobalSecondaryIndexes: [global('abc', keyOf('a', 'b'), all)] }),
    validation(`${INVALID}Duplicate index name: abc`),
  ),
];

/** Answers from the newer recorded set. */
const recordedCases: ValidationCase[] = [
  createCase(
    'provisioned throughput with PAY_PER_REQUEST',
    { AttributeDefinitions: defined('a'), KeySchema: [hash('a')], BillingMode: 'PAY_PER_REQUEST', ProvisionedThroughput: one },
    validation(`${INVALID}Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST`),
    `${RECORDED} test_dynamodb_pay_per_request`,
  ),
  createCase(
    'a table that exists',
    { TableName: HASH_TABLE, AttributeDefinitions: defined('a'), KeySchema: [hash('a')], ProvisionedThroughput: one },
    resourceInUse(`Table already exists: ${HASH_TABLE}`),
    `${RECORDED} test_create_duplicate_table`,
  ),
  {
    name: 'a table that does not exist',
    source: `${RECORDED} test_table_crud`,
    operation: 'DeleteTable',
    body: { TableName: MISSING_TABLE },
    expected: resourceNotFound(`Requested resource not found: Table: ${MISSING_TABLE} not found`),
  },
];

const UPDATE = 'dynalite test/updateTable.js';
const updateCase = (name: string, body: Record<string, unknown>, expected: ExpectedError): ValidationCase => ({
  name,
  source: UPDATE,
  operation: 'UpdateTable',
  body: { TableName: 'abc', ...body },
  expected,
});
const huge = 1000000000001;

const updateTableCases: ValidationCase[] = [
  updateCase('read capacity out of bounds', { ProvisionedThroughput: { ReadCapacityUnits: huge, WriteCapacityUnits: huge } }, validation(`Given value ${huge} for ReadCapacityUnits is out of bounds`)),
  updateCase(
    'read capacity out of bounds whatever the member order',
    { ProvisionedThroughput: { WriteCapacityUnits: huge, ReadCapacityUnits: huge } },
    validation(`Given value ${huge} for ReadCapacityUnits is out of bounds`),
  ),
  updateCase(
    'write capacity out of bounds',
    { ProvisionedThroughput: { ReadCapacityUnits: huge - 1, WriteCapacityUnits: huge } },
    validation(`Given value ${huge} for WriteCapacityUnits is out of bounds`),
  ),
  updateCase(
    'index read capacity out of bounds',
    { GlobalSecondaryIndexUpdates: [{ Update: { IndexName: 'abc', ProvisionedThroughput: { ReadCapacityUnits: huge, WriteCapacityUnits: huge } } }] },
    validation(`Given value ${huge} for ReadCapacityUnits is out of bounds for index abc`),
  ),
  updateCase(
    'index write capacity out of bounds',
    { GlobalSecondaryIndexUpdates: [{ Update: { IndexName: 'abc', ProvisionedThroughput: { ReadCapacityUnits: huge - 1, WriteCapacityUnits: huge } } }] },
    validation(`Given value ${huge} for WriteCapacityUnits is out of bounds for index abc`),
  ),
  ...[[{}], [{}, {}, {}, {}, {}, {}]].map((updates) =>
    updateCase(
      `${updates.length} empty index updates`,
      { GlobalSecondaryIndexUpdates: updates },
      validation(`${INVALID}One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null`),
    ),
  ),
  updateCase(
    'two updates of one index',
    { GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'abc' } }, { Delete: { IndexName: 'abc' } }] },
    validation(`${INVALID}Only one global secondary index update per index is allowed simultaneously. Index: abc`),
  ),
  {
    ...updateCase(
      'throughput equal to the current one',
      { TableName: HASH_TABLE, ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 } },
      validation(
        'The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: 2. Requested ReadCapacityUnits: 2. Current WriteCapacityUnits provisioned for the table: 2. Requested WriteCapacityUnits: 2. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.',
      ),
    ),
    body: { TableName: HASH_TABLE, ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 } },
  },
];

const ARN_PREFIX = 'arn:aws:dynamodb:us-east-1:000000000000:table/';
const tagCases: ValidationCase[] = [
  ...['TagResource', 'UntagResource', 'ListTagsOfResource'].map((operation) => ({
    name: 'no ResourceArn',
    source: `dynalite test/${operation.charAt(0).toLowerCase()}${operation.slice(1)}.js`,
    operation,
    body: {},
    expected: validation('Invalid TableArn'),
  })),
  {
    name: 'ResourceArn naming a table DynamoDB would refuse',
    source: 'dynalite test/listTagsOfResource.js',
    operation: 'ListTagsOfResource',
    body: { ResourceArn: `${ARN_PREFIX}ab` },
    expected: validation(`Invalid TableArn: Invalid ResourceArn provided as input ${ARN_PREFIX}ab`),
  },
  // dynalite recorded "Invalid TableArn: Invalid ResourceArn provided as input a:b:c:d:e:f/g"; DynamoDB now
  // refuses an ARN not starting with "arn:" in these words (the newer catalogue src/metadata/resource-arn.ts follows).
  {
    name: 'ResourceArn not starting with arn:',
    source: 'dynalite test/listTagsOfResource.js',
    operation: 'ListTagsOfResource',
    body: { ResourceArn: 'a:b:c:d:e:f/g' },
    expected: validation(`${INVALID}ARNs must start with 'arn:': a:b:c:d:e:f/g`),
  },
  // dynalite recorded the message with "ResourcArn"; DynamoDB's newer answer spells "ResourceArn".
  {
    name: 'ResourceArn of a missing table',
    source: 'dynalite test/listTagsOfResource.js',
    operation: 'ListTagsOfResource',
    body: { ResourceArn: `${ARN_PREFIX}${MISSING_TABLE}` },
    expected: resourceNotFound(`Requested resource not found: ResourceArn: ${ARN_PREFIX}${MISSING_TABLE} not found`),
  },
  {
    name: 'a table that does not exist',
    source: 'dynalite test/describeTable.js',
    operation: 'DescribeTable',
    body: { TableName: MISSING_TABLE },
    expected: resourceNotFound(`Requested resource not found: Table: ${MISSING_TABLE} not found`),
  },
];

runValidationCases('validation order: table operations', [
  ...keySchemaCases,
  ...localIndexCases,
  ...globalIndexCases,
  ...recordedCases,
  ...updateTableCases,
  ...tagCases,
]);
