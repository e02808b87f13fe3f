import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CreateTableRequest, GlobalSecondaryIndex, LocalSecondaryIndex } from './control-plane-requests.js';
import { createTableDefinition, tableNameTaken } from './create-table.js';
import { createContext, hashRangeTable, hashTable, tableWithGlobalIndex, thrownError } from './control-plane-fixtures.js';
import { awsManagedKeyArn } from './kms-keys.js';

const invalid = 'One or more parameter values were invalid: ';

/**
 * Where each expected answer comes from: `snapshot` = shared/reference (recorded from DynamoDB by
 * LocalStack), `dynalite` = dynalite's tests (recorded from DynamoDB), `lab` = the 2026 ack-api-quirks lab
 * (probes against DynamoDB), `inferred` = no recording found; the wording follows the nearest recorded one.
 */
type Source = 'snapshot' | 'dynalite' | 'lab' | 'inferred';

interface Case {
  readonly name: string;
  readonly source: Source;
  readonly request: CreateTableRequest;
  readonly type?: string;
  readonly message: string;
}

const definitions = (...names: string[]) => names.map((name) => ({ AttributeName: name, AttributeType: 'S' as const }));
const hash = (name: string) => ({ AttributeName: name, KeyType: 'HASH' as const });
const range = (name: string) => ({ AttributeName: name, KeyType: 'RANGE' as const });
const one = { ReadCapacityUnits: 1, WriteCapacityUnits: 1 };
const all = { ProjectionType: 'ALL' as const };

function lsi(name: string, keySchema = [hash('a'), range('b')], projection: LocalSecondaryIndex['Projection'] = all): LocalSecondaryIndex {
  return { IndexName: name, KeySchema: keySchema, Projection: projection };
}

function gsi(name: string, keySchema = [hash('a'), range('b')], projection: GlobalSecondaryIndex['Projection'] = all): GlobalSecondaryIndex {
  return { IndexName: name, KeySchema: keySchema, Projection: projection, ProvisionedThroughput: one };
}

const base = hashRangeTable;
const with_ = (changes: Partial<CreateTableRequest>): CreateTableRequest => ({ ...base, ...changes });
const { ProvisionedThroughput: _omitted, ...withoutThroughput } = base;

const cases: readonly Case[] = [
  {
    name: 'on-demand with throughput',
    source: 'snapshot',
    request: with_({ BillingMode: 'PAY_PER_REQUEST' }),
    message: `${invalid}Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST`,
  },
  {
    name: 'no billing mode and no throughput',
    source: 'lab',
    request: withoutThroughput,
    message: `${invalid}ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED`,
  },
  {
    name: 'PROVISIONED without throughput',
    source: 'lab',
    request: { ...withoutThroughput, BillingMode: 'PROVISIONED' },
    message: `${invalid}ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED`,
  },
  {
    name: 'read capacity out of bounds (checked before write)',
    source: 'dynalite',
    request: with_({ ProvisionedThroughput: { ReadCapacityUnits: 1000000000001, WriteCapacityUnits: 1000000000001 } }),
    message: 'Given value 1000000000001 for ReadCapacityUnits is out of bounds',
  },
  {
    name: 'write capacity out of bounds',
    source: 'dynalite',
    request: with_({ ProvisionedThroughput: { ReadCapacityUnits: 1000000000000, WriteCapacityUnits: 1000000000001 } }),
    message: 'Given value 1000000000001 for WriteCapacityUnits is out of bounds',
  },
  {
    name: 'OnDemandThroughput on a provisioned table',
    source: 'lab',
    request: with_({ OnDemandThroughput: { MaxReadRequestUnits: 100 } }),
    message: `${invalid}MaxReadRequestUnits for OnDemandThroughput cannot be specified when table BillingMode is PROVISIONED.`,
  },
  {
    name: 'OnDemandThroughput of 0',
    source: 'lab',
    request: { ...withoutThroughput, BillingMode: 'PAY_PER_REQUEST', OnDemandThroughput: { MaxReadRequestUnits: 0, MaxWriteRequestUnits: 0 } },
    message: `${invalid}Requested MaxReadRequestUnits for OnDemandThroughput for table is outside of valid range`,
  },
  {
    name: 'OnDemandThroughput of -1 at create',
    source: 'lab',
    request: { ...withoutThroughput, BillingMode: 'PAY_PER_REQUEST', OnDemandThroughput: { MaxWriteRequestUnits: -1 } },
    message: `${invalid}Requested MaxWriteRequestUnits for OnDemandThroughput for table is outside of valid range`,
  },
  {
    name: 'duplicate attribute definition',
    source: 'lab',
    request: with_({ AttributeDefinitions: [...definitions('a', 'b'), { AttributeName: 'a', AttributeType: 'N' }] }),
    message: 'Attribute Name is duplicated: a',
  },
  {
    name: 'no attribute definitions',
    source: 'lab',
    request: with_({ AttributeDefinitions: [], KeySchema: [hash('a')] }),
    message: 'Invalid KeySchema: Some index key attribute have no definition',
  },
  {
    name: 'two keys, one undefined',
    source: 'dynalite',
    request: with_({ AttributeDefinitions: definitions('b'), KeySchema: [hash('a'), range('b')] }),
    message: 'Invalid KeySchema: Some index key attribute have no definition',
  },
  {
    name: 'the same key twice with a single definition',
    source: 'dynalite',
    request: with_({ AttributeDefinitions: definitions('a'), KeySchema: [hash('a'), hash('a')] }),
    message: 'Invalid KeySchema: Some index key attribute have no definition',
  },
  {
    name: 'one key, undefined',
    source: 'dynalite',
    request: with_({ AttributeDefinitions: definitions('b'), KeySchema: [hash('a')] }),
    message: `${invalid}Some index key attributes are not defined in AttributeDefinitions. Keys: [a], AttributeDefinitions: [b]`,
  },
  {
    name: 'hash and range with the same name',
    source: 'dynalite',
    request: with_({ KeySchema: [hash('a'), hash('a')] }),
    message: 'Both the Hash Key and the Range Key element in the KeySchema have the same name',
  },
  {
    name: 'second element not RANGE',
    source: 'dynalite',
    request: with_({ KeySchema: [hash('a'), hash('b')] }),
    message: 'Invalid KeySchema: The second KeySchemaElement is not a RANGE key type',
  },
  {
    name: 'RANGE before HASH',
    source: 'dynalite',
    request: with_({ KeySchema: [range('a'), hash('b')] }),
    message: 'Invalid KeySchema: The first KeySchemaElement is not a HASH key type',
  },
  {
    name: 'two RANGE elements',
    source: 'dynalite',
    request: with_({ KeySchema: [range('a'), range('b')] }),
    message: 'Invalid KeySchema: The first KeySchemaElement is not a HASH key type',
  },
  {
    name: 'an extra definition without indexes',
    source: 'dynalite',
    request: with_({ AttributeDefinitions: definitions('a', 'c', 'b') }),
    message: `${invalid}Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions`,
  },
  {
    name: 'a hash-only key with two definitions',
    source: 'dynalite',
    request: with_({ KeySchema: [hash('a')] }),
    message: `${invalid}Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions`,
  },
  {
    name: 'empty LocalSecondaryIndexes (before the range-key rule)',
    source: 'dynalite',
    request: with_({ KeySchema: [hash('a')], LocalSecondaryIndexes: [] }),
    message: `${invalid}List of LocalSecondaryIndexes is empty`,
  },
  {
    name: 'LSI on a table without a sort key',
    source: 'dynalite',
    request: with_({ KeySchema: [hash('a')], LocalSecondaryIndexes: [lsi('abc', [range('c')])] }),
    message: `${invalid}Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex`,
  },
  {
    name: 'LSI keys not defined',
    source: 'dynalite',
    request: with_({ LocalSecondaryIndexes: [lsi('abc', [range('c'), range('d')]), lsi('abc', [range('e')])] }),
    message: `${invalid}Some index key attributes are not defined in AttributeDefinitions. Keys: [c, d], AttributeDefinitions: [a, b]`,
  },
  {
    name: 'LSI starting with RANGE',
    source: 'dynalite',
    request: with_({ LocalSecondaryIndexes: [lsi('abc', [range('a')])] }),
    message: 'Invalid KeySchema: The first KeySchemaElement is not a HASH key type',
  },
  {
    name: 'LSI naming one attribute twice',
    source: 'dynalite',
    request: with_({ LocalSecondaryIndexes: [lsi('abc', [hash('a'), range('a')])] }),
    message: 'Both the Hash Key and the Range Key element in the KeySchema have the same name',
  },
  {
    name: 'LSI with two HASH elements',
    source: 'dynalite',
    request: with_({ LocalSecondaryIndexes: [lsi('abc', [hash('a'), hash('b')])] }),
    message: 'Invalid KeySchema: The second KeySchemaElement is not a RANGE key type',
  },
  {
    name: 'LSI without a range key',
    source: 'dynalite',
    request: with_({ LocalSecondaryIndexes: [lsi('abc', [hash('b')])] }),
    message: `${invalid}Index KeySchema does not have a range key for index: abc`,
  },
  {
    name: "LSI hash key differing from the table's",
    source: 'dynalite',
    request: with_({ LocalSecondaryIndexes: [lsi('abc', [hash('b'), range('a')])] }),
    message: `${invalid}Index KeySchema does not have the same leading hash key as table KeySchema for index: abc. index hash key: b, table hash key: a`,
  },
  {
    name: 'LSI with an empty Projection',
    source: 'dynalite',
    request: with_({ LocalSecondaryIndexes: [lsi('abc', undefined, {})] }),
    message: `${invalid}Unknown ProjectionType: null`,
  },
  {
    name: 'LSI with NonKeyAttributes but no ProjectionType',
    source: 'dynalite',
    request: with_({ LocalSecondaryIndexes: [lsi('abc', undefined, { NonKeyAttributes: ['x'] })] }),
    message: `${invalid}Unknown ProjectionType: null`,
  },
  {
    name: 'ALL with NonKeyAttributes',
    source: 'dynalite',
    request: with_({ LocalSecondaryIndexes: [lsi('abc', undefined, { ProjectionType: 'ALL', NonKeyAttributes: ['x'] })] }),
    message: `${invalid}ProjectionType is ALL, but NonKeyAttributes is specified`,
  },
  {
    name: 'KEYS_ONLY with NonKeyAttributes',
    source: 'dynalite',
    request: with_({ LocalSecondaryIndexes: [lsi('abc', undefined, { ProjectionType: 'KEYS_ONLY', NonKeyAttributes: ['x'] })] }),
    message: `${invalid}ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified`,
  },
  {
    name: 'INCLUDE without NonKeyAttributes',
    source: 'lab',
    request: with_({ LocalSecondaryIndexes: [lsi('abc', undefined, { ProjectionType: 'INCLUDE' })] }),
    message: `${invalid}ProjectionType is INCLUDE, but NonKeyAttributes is not specified`,
  },
  {
    name: 'INCLUDE naming an attribute twice',
    source: 'lab',
    request: with_({ LocalSecondaryIndexes: [lsi('abc', undefined, { ProjectionType: 'INCLUDE', NonKeyAttributes: ['x', 'y', 'x'] })] }),
    message: `${invalid}Duplicate element in NonKeyAttributes: x`,
  },
  {
    name: 'two LSIs with one name',
    source: 'dynalite',
    request: with_({ LocalSecondaryIndexes: [lsi('abc'), lsi('abc')] }),
    message: `${invalid}Duplicate index name: abc`,
  },
  {
    name: 'six LSIs',
    source: 'dynalite',
    request: with_({ LocalSecondaryIndexes: ['l1', 'l2', 'l3', 'l4', 'l5', 'l6'].map((name) => lsi(name)) }),
    message: `${invalid}Number of LocalSecondaryIndexes exceeds per-table limit of 5`,
  },
  {
    name: 'empty GlobalSecondaryIndexes',
    source: 'dynalite',
    request: with_({ KeySchema: [hash('a')], GlobalSecondaryIndexes: [] }),
    message: `${invalid}List of GlobalSecondaryIndexes is empty`,
  },
  {
    name: 'GSI key not defined (before unused definitions)',
    source: 'dynalite',
    request: with_({ KeySchema: [hash('a')], GlobalSecondaryIndexes: [gsi('abc', [range('c')])] }),
    message: `${invalid}Some index key attributes are not defined in AttributeDefinitions. Keys: [c], AttributeDefinitions: [a, b]`,
  },
  {
    name: 'a definition no key uses, with indexes',
    source: 'lab',
    request: with_({ AttributeDefinitions: definitions('a', 'b', 'extra'), GlobalSecondaryIndexes: [gsi('abc', [hash('b')])] }),
    message: `${invalid}Some AttributeDefinitions are not used. AttributeDefinitions: [a, b, extra], keys used: [a, b]`,
  },
  {
    name: 'GSI starting with RANGE',
    source: 'dynalite',
    request: with_({ GlobalSecondaryIndexes: [gsi('abc', [range('a')])] }),
    message: 'Invalid KeySchema: The first KeySchemaElement is not a HASH key type',
  },
  {
    name: 'GSI with an empty Projection (a hash-only GSI is fine)',
    source: 'dynalite',
    request: with_({ GlobalSecondaryIndexes: [gsi('abc', [hash('b')], {})] }),
    message: `${invalid}Unknown ProjectionType: null`,
  },
  {
    name: 'GSIs with one name',
    source: 'dynalite',
    request: with_({ GlobalSecondaryIndexes: [gsi('abc'), gsi('abc')] }),
    message: `${invalid}Duplicate index name: abc`,
  },
  {
    name: 'an LSI and a GSI with one name',
    source: 'dynalite',
    request: with_({ LocalSecondaryIndexes: [lsi('abc')], GlobalSecondaryIndexes: [gsi('abc')] }),
    message: `${invalid}Duplicate index name: abc`,
  },
  {
    name: 'twenty-one GSIs',
    source: 'dynalite',
    request: with_({ GlobalSecondaryIndexes: Array.from({ length: 21 }, (_, index) => gsi(`abc${index}`)) }),
    message: `${invalid}GlobalSecondaryIndex count exceeds the per-table limit of 20`,
  },
  {
    name: 'provisioned GSI without throughput',
    source: 'lab',
    request: with_({ GlobalSecondaryIndexes: [{ IndexName: 'g-a', KeySchema: [hash('b')], Projection: all }] }),
    message: `${invalid}ProvisionedThroughput is not specified for index: g-a`,
  },
  {
    name: 'on-demand GSI with throughput',
    source: 'lab',
    request: { ...withoutThroughput, BillingMode: 'PAY_PER_REQUEST', GlobalSecondaryIndexes: [gsi('g-a', [hash('b')])] },
    message: `${invalid}ProvisionedThroughput should not be specified for index: g-a when BillingMode is PAY_PER_REQUEST`,
  },
  {
    name: 'stream enabled without a view type',
    source: 'lab',
    request: with_({ StreamSpecification: { StreamEnabled: true } }),
    message: `${invalid}Table is being created with a stream enabled, UpdateViewType is required`,
  },
  {
    name: 'stream disabled with a view type',
    source: 'lab',
    request: with_({ StreamSpecification: { StreamEnabled: false, StreamViewType: 'NEW_IMAGE' } }),
    message: `${invalid}Table is being created with a stream disabled, UpdateViewType should not be specified`,
  },
  {
    name: 'SSEType with encryption disabled (checked before the key)',
    source: 'lab',
    request: with_({ SSESpecification: { Enabled: false, SSEType: 'KMS', KMSMasterKeyId: 'alias/x' } }),
    message: `${invalid}SSEType can not be specified if Enabled is false`,
  },
  {
    name: 'SSEType AES256 with encryption disabled',
    source: 'lab',
    request: with_({ SSESpecification: { Enabled: false, SSEType: 'AES256' } }),
    message: `${invalid}SSEType can not be specified if Enabled is false`,
  },
  {
    name: 'KMSMasterKeyId with encryption disabled',
    source: 'lab',
    request: with_({ SSESpecification: { Enabled: false, KMSMasterKeyId: 'alias/x' } }),
    message: `${invalid}KMSMasterKeyId can not be specified if Enabled is false`,
  },
  {
    name: 'SSEType AES256',
    source: 'lab',
    request: with_({ SSESpecification: { Enabled: true, SSEType: 'AES256' } }),
    message: `${invalid}SSEType AES256 is not supported`,
  },
  {
    name: 'KMSMasterKeyId without SSEType',
    source: 'lab',
    request: with_({ SSESpecification: { Enabled: true, KMSMasterKeyId: 'alias/aws/dynamodb' } }),
    message: `${invalid}SSEType KMS is required if KMSMasterKeyId is specified`,
  },
  {
    name: 'an unknown table class',
    source: 'lab',
    request: with_({ TableClass: 'standard' }),
    message: 'Invalid table-class parameter provided. Please try again with a valid table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].',
  },
  {
    name: 'a tag with the aws: prefix',
    source: 'lab',
    request: with_({ Tags: [{ Key: 'aws:foo', Value: 'x' }] }),
    message: 'Tag Key cannot be prefixed with aws:, Key: aws:foo',
  },
  {
    name: 'fifty-one tags',
    source: 'lab',
    request: with_({ Tags: Array.from({ length: 51 }, (_, index) => ({ Key: `k${index}`, Value: 'v' })) }),
    message: 'Number of Tags exceed the current limit for the provided ResourceArn',
  },
  {
    name: 'read capacity above the per-table maximum',
    source: 'lab',
    request: with_({ ProvisionedThroughput: { ReadCapacityUnits: 40001, WriteCapacityUnits: 1 } }),
    type: 'LimitExceededException',
    message:
      'The requested ReadCapacityUnits, 40001, is above the per table maximum for the account in us-west-2. Per table maximum: 40000. ' +
      'Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.',
  },
  {
    name: 'GSI read capacity above the per-index maximum',
    source: 'lab',
    request: with_({ GlobalSecondaryIndexes: [{ ...gsi('gsi1', [hash('b')]), ProvisionedThroughput: { ReadCapacityUnits: 40001, WriteCapacityUnits: 1 } }] }),
    type: 'LimitExceededException',
    message:
      'The requested ReadCapacityUnits for index gsi1, 40001, is above the per index maximum for the account in us-west-2. Per table maximum: 40000. ' +
      'Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.',
  },
  {
    name: 'more than 100 projected attributes over all indexes',
    source: 'inferred',
    request: with_({
      LocalSecondaryIndexes: [
        lsi('l1', undefined, { ProjectionType: 'INCLUDE', NonKeyAttributes: Array.from({ length: 60 }, (_, index) => `x${index}`) }),
        lsi('l2', undefined, { ProjectionType: 'INCLUDE', NonKeyAttributes: Array.from({ length: 41 }, (_, index) => `x${index}`) }),
      ],
    }),
    message: `${invalid}The number of attributes in key schemas and projections of all secondary indexes exceeds the limit of 100`,
  },
];

describe('createTableDefinition rejects what DynamoDB rejects, with its words', () => {
  for (const testCase of cases) {
    it(`${testCase.name} (${testCase.source})`, () => {
      assert.deepEqual(thrownError(() => createTableDefinition(testCase.request, createContext)), {
        type: testCase.type ?? 'ValidationException',
        message: testCase.message,
      });
    });
  }
});

describe('createTableDefinition builds the table', () => {
  it('names, identifies and keys a provisioned table', () => {
    const table = createTableDefinition(hashTable, createContext);
    assert.equal(table.tableArn, 'arn:aws:dynamodb:us-west-2:123456789012:table/orders');
    assert.equal(table.tableId, createContext.tableId);
    assert.equal(table.status, 'CREATING');
    assert.deepEqual(table.pendingChanges, [{ kind: 'creation' }]);
    assert.deepEqual(table.key, { partitionKey: { name: 'id', type: 'S' } });
    assert.equal(table.billingMode, 'PROVISIONED');
    assert.deepEqual(
      [table.provisionedThroughput.readCapacityUnits, table.provisionedThroughput.writeCapacityUnits, table.provisionedThroughput.decreasesToday],
      [5, 5, 0],
    );
    assert.equal(table.partitionCount, 1);
    assert.equal(table.deletionProtectionEnabled, false);
    assert.equal(table.sse, undefined);
    assert.equal(table.streamViewType, undefined);
  });

  it('keys indexes and gives them ARNs under the table', () => {
    const table = createTableDefinition({ ...hashRangeTable, LocalSecondaryIndexes: [lsi('by-b')] }, createContext);
    assert.equal(table.localSecondaryIndexes[0]?.indexArn, 'arn:aws:dynamodb:us-west-2:123456789012:table/events/index/by-b');
    assert.deepEqual(table.localSecondaryIndexes[0]?.key, { partitionKey: { name: 'a', type: 'S' }, sortKey: { name: 'b', type: 'S' } });
    const withGlobal = createTableDefinition(tableWithGlobalIndex, createContext);
    assert.equal(withGlobal.globalSecondaryIndexes[0]?.status, 'CREATING');
    assert.equal(withGlobal.globalSecondaryIndexes[0]?.backfilling, undefined);
    assert.deepEqual(withGlobal.globalSecondaryIndexes[0]?.key, { partitionKey: { name: 'c', type: 'N' } });
  });

  it('starts an on-demand table with 4 partitions and no throughput', () => {
    const table = createTableDefinition({ ...withoutThroughput, BillingMode: 'PAY_PER_REQUEST', OnDemandThroughput: { MaxReadRequestUnits: 100 } }, createContext);
    assert.equal(table.partitionCount, 4);
    assert.equal(table.provisionedThroughput.readCapacityUnits, 0);
    assert.deepEqual(table.onDemandThroughput, { maxReadRequestUnits: 100 });
    assert.deepEqual(table.warmThroughput, { readUnitsPerSecond: 12000, writeUnitsPerSecond: 4000 });
  });

  it('records an enabled stream with the label it was given', () => {
    const table = createTableDefinition({ ...hashTable, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } }, createContext);
    assert.equal(table.streamViewType, 'NEW_AND_OLD_IMAGES');
    assert.equal(table.latestStreamLabel, createContext.streamLabel);
    const disabled = createTableDefinition({ ...hashTable, StreamSpecification: { StreamEnabled: false } }, createContext);
    assert.equal(disabled.latestStreamLabel, undefined);
  });

  it('encrypts with KMS only when asked, with the AWS managed key by default', () => {
    const managed = awsManagedKeyArn('us-west-2', '123456789012');
    const shapes: [CreateTableRequest['SSESpecification'], string | undefined][] = [
      [{}, undefined],
      [{ Enabled: false }, undefined],
      [{ Enabled: true }, managed],
      [{ SSEType: 'KMS' }, managed],
      [{ SSEType: 'KMS', KMSMasterKeyId: 'alias/aws/dynamodb' }, managed],
      [{ Enabled: true, SSEType: 'KMS', KMSMasterKeyId: '11112222-3333-4444-5555-666677778888' }, 'arn:aws:kms:us-west-2:123456789012:key/11112222-3333-4444-5555-666677778888'],
    ];
    for (const [specification, keyArn] of shapes) {
      const table = createTableDefinition({ ...hashTable, ...(specification === undefined ? {} : { SSESpecification: specification }) }, createContext);
      assert.equal(table.sse?.kmsMasterKeyArn, keyArn, JSON.stringify(specification));
    }
  });

  it('keeps tags, table class and deletion protection; accepts an empty tag list', () => {
    const table = createTableDefinition(
      { ...hashTable, Tags: [{ Key: 'env', Value: '' }], TableClass: 'STANDARD_INFREQUENT_ACCESS', DeletionProtectionEnabled: true },
      createContext,
    );
    assert.deepEqual(table.tags, [{ Key: 'env', Value: '' }]);
    assert.equal(table.tableClass, 'STANDARD_INFREQUENT_ACCESS');
    assert.equal(table.deletionProtectionEnabled, true);
    assert.deepEqual(createTableDefinition({ ...hashTable, Tags: [] }, createContext).tags, []);
  });

  it('accepts a projection naming key attributes, verbatim', () => {
    const projection = { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: ['zz', 'a', 'mm'] };
    const table = createTableDefinition({ ...hashRangeTable, LocalSecondaryIndexes: [lsi('by-b', undefined, projection)] }, createContext);
    assert.deepEqual(table.localSecondaryIndexes[0]?.projection, projection);
  });

  it('is JSON-serialisable', () => {
    const table = createTableDefinition({ ...tableWithGlobalIndex, Tags: [{ Key: 'k', Value: 'v' }] }, createContext);
    assert.deepEqual(JSON.parse(JSON.stringify(table)), table);
  });
});

describe('tableNameTaken', () => {
  it('says the table is being created while it is, and that it exists otherwise (lab)', () => {
    assert.deepEqual(thrownError(() => { throw tableNameTaken('CREATING', 't1'); }), {
      type: 'ResourceInUseException',
      message: 'Attempt to change a resource which is still in use: Table is being created: t1',
    });
    for (const status of ['ACTIVE', 'UPDATING', 'DELETING'] as const) {
      assert.deepEqual(thrownError(() => { throw tableNameTaken(status, 't1'); }), {
        type: 'ResourceInUseException',
        message: 'Table already exists: t1',
      });
    }
  });
});
