import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeTable } from './table-description.js';
import { createTableDefinition } from './create-table.js';
import { settleTable, startTableDeletion } from './table-transitions.js';
import { activeTable, createContext, fixtureNowMs, hashTable, noStatistics } from './control-plane-fixtures.js';
import type { CreateTableRequest } from './control-plane-requests.js';
import { awsManagedKeyArn } from './kms-keys.js';
import { applyUpdateTable } from './update-table.js';

/**
 * The expected answers below are the ones recorded from DynamoDB in shared/reference/aws-recorded
 * (dynamodb.snapshot.json), with their placeholders filled in with this test's values.
 */
const tableArn = 'arn:aws:dynamodb:us-west-2:123456789012:table/orders';
const created = fixtureNowMs / 1000;
const idKey = { AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] };
const identity = { TableArn: tableArn, TableId: createContext.tableId, TableName: 'orders', TableSizeBytes: 0, ItemCount: 0 };

describe('describeTable answers with the members DynamoDB returns', () => {
  it('CreateTable of a provisioned table (test_table_crud create-table)', () => {
    const table = createTableDefinition(hashTable, createContext);
    assert.deepEqual(describeTable(table, noStatistics, { view: 'CreateTable' }), {
      ...idKey,
      ...identity,
      CreationDateTime: created,
      DeletionProtectionEnabled: false,
      ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
      TableStatus: 'CREATING',
    });
  });

  it('DescribeTable of the same table once ACTIVE (test_table_crud describe-table)', () => {
    assert.deepEqual(describeTable(activeTable(hashTable), noStatistics), {
      ...idKey,
      ...identity,
      CreationDateTime: created,
      DeletionProtectionEnabled: false,
      ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
      TableStatus: 'ACTIVE',
      WarmThroughput: { ReadUnitsPerSecond: 5, Status: 'ACTIVE', WriteUnitsPerSecond: 5 },
    });
  });

  it('DeleteTable (test_table_crud delete-table)', () => {
    const deleting = startTableDeletion(activeTable(hashTable));
    assert.deepEqual(describeTable(deleting, noStatistics, { view: 'DeleteTable' }), {
      ...identity,
      DeletionProtectionEnabled: false,
      ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
      TableStatus: 'DELETING',
    });
  });

  it('a table with a stream (test_batch_write_items_streaming create-table)', () => {
    const table = createTableDefinition({ ...hashTable, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } }, createContext);
    const description = describeTable(table, noStatistics, { view: 'CreateTable' });
    assert.deepEqual(description.StreamSpecification, { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    assert.equal(description.LatestStreamLabel, createContext.streamLabel);
    assert.equal(description.LatestStreamArn, `${tableArn}/stream/${createContext.streamLabel}`);
  });

  const onDemandWithIndex: CreateTableRequest = {
    TableName: 'orders',
    AttributeDefinitions: [
      { AttributeName: 'TID', AttributeType: 'S' },
      { AttributeName: 'TRID', AttributeType: 'S' },
    ],
    KeySchema: [{ AttributeName: 'TID', KeyType: 'HASH' }],
    BillingMode: 'PAY_PER_REQUEST',
    GlobalSecondaryIndexes: [
      { IndexName: 'TransactionRecordID', KeySchema: [{ AttributeName: 'TRID', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } },
    ],
  };
  const indexBase = {
    IndexArn: `${tableArn}/index/TransactionRecordID`,
    IndexName: 'TransactionRecordID',
    IndexSizeBytes: 0,
    ItemCount: 0,
    KeySchema: [{ AttributeName: 'TRID', KeyType: 'HASH' }],
    Projection: { ProjectionType: 'ALL' },
  };
  const zeroThroughput = { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 };

  it('CreateTable on demand with a GSI (test_gsi_with_billing_mode[PAY_PER_REQUEST] create-table-with-gsi)', () => {
    const table = createTableDefinition(onDemandWithIndex, createContext);
    assert.deepEqual(describeTable(table, noStatistics, { view: 'CreateTable' }), {
      AttributeDefinitions: onDemandWithIndex.AttributeDefinitions,
      KeySchema: onDemandWithIndex.KeySchema,
      ...identity,
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
      CreationDateTime: created,
      DeletionProtectionEnabled: false,
      GlobalSecondaryIndexes: [{ ...indexBase, IndexStatus: 'CREATING', ProvisionedThroughput: zeroThroughput }],
      ProvisionedThroughput: zeroThroughput,
      TableStatus: 'CREATING',
    });
  });

  it('DescribeTable of it once ACTIVE (test_gsi_with_billing_mode[PAY_PER_REQUEST] describe-table)', () => {
    const settledMs = fixtureNowMs + 6000;
    const table = settleTable(createTableDefinition(onDemandWithIndex, createContext), settledMs);
    const warm = { ReadUnitsPerSecond: 12000, Status: 'ACTIVE', WriteUnitsPerSecond: 4000 };
    assert.deepEqual(describeTable(table, noStatistics), {
      AttributeDefinitions: onDemandWithIndex.AttributeDefinitions,
      KeySchema: onDemandWithIndex.KeySchema,
      ...identity,
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: settledMs / 1000 },
      CreationDateTime: created,
      DeletionProtectionEnabled: false,
      GlobalSecondaryIndexes: [{ ...indexBase, IndexStatus: 'ACTIVE', ProvisionedThroughput: zeroThroughput, WarmThroughput: warm }],
      ProvisionedThroughput: zeroThroughput,
      TableStatus: 'ACTIVE',
      WarmThroughput: warm,
    });
  });

  it('a provisioned GSI reports its own throughput and warm throughput (test_gsi_with_billing_mode[PROVISIONED])', () => {
    const { BillingMode: _mode, GlobalSecondaryIndexes: indexes, ...rest } = onDemandWithIndex;
    const request: CreateTableRequest = {
      ...rest,
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
      GlobalSecondaryIndexes: (indexes ?? []).map((index) => ({ ...index, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } })),
    };
    const description = describeTable(activeTable(request), noStatistics);
    assert.equal(description.BillingModeSummary, undefined);
    assert.deepEqual(description.GlobalSecondaryIndexes?.[0]?.ProvisionedThroughput, { NumberOfDecreasesToday: 0, ReadCapacityUnits: 1, WriteCapacityUnits: 1 });
    assert.deepEqual(description.GlobalSecondaryIndexes?.[0]?.WarmThroughput, { ReadUnitsPerSecond: 1, Status: 'ACTIVE', WriteUnitsPerSecond: 1 });
    assert.deepEqual(description.WarmThroughput, { ReadUnitsPerSecond: 5, Status: 'ACTIVE', WriteUnitsPerSecond: 5 });
  });

  it('describes KMS encryption (test_dynamodb_create_table_with_partial_sse_specification)', () => {
    const table = createTableDefinition({ ...hashTable, SSESpecification: { Enabled: true } }, createContext);
    assert.deepEqual(describeTable(table, noStatistics).SSEDescription, {
      KMSMasterKeyArn: awsManagedKeyArn('us-west-2', '123456789012'),
      SSEType: 'KMS',
      Status: 'ENABLED',
    });
  });

  it('describes LSIs without status or throughput, with their statistics', () => {
    const request: CreateTableRequest = {
      ...hashTable,
      AttributeDefinitions: [
        { AttributeName: 'id', AttributeType: 'S' },
        { AttributeName: 'at', AttributeType: 'N' },
      ],
      KeySchema: [
        { AttributeName: 'id', KeyType: 'HASH' },
        { AttributeName: 'at', KeyType: 'RANGE' },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: 'by-at',
          KeySchema: [
            { AttributeName: 'id', KeyType: 'HASH' },
            { AttributeName: 'at', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['a'] },
        },
      ],
    };
    const statistics = { itemCount: 3, sizeBytes: 300, indexes: { 'by-at': { itemCount: 2, sizeBytes: 120 } } };
    const description = describeTable(activeTable(request), statistics);
    assert.deepEqual(description.LocalSecondaryIndexes, [
      {
        IndexName: 'by-at',
        KeySchema: request.LocalSecondaryIndexes?.[0]?.KeySchema,
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['a'] },
        IndexSizeBytes: 120,
        ItemCount: 2,
        IndexArn: `${tableArn}/index/by-at`,
      },
    ]);
    assert.equal(description.ItemCount, 3);
    assert.equal(description.TableSizeBytes, 300);
  });

  it('reports table class, deletion protection and on-demand caps when set', () => {
    const { ProvisionedThroughput: _throughput, ...withoutThroughput } = hashTable;
    const onDemand: CreateTableRequest = {
      ...withoutThroughput,
      BillingMode: 'PAY_PER_REQUEST',
      OnDemandThroughput: { MaxWriteRequestUnits: 50 },
      TableClass: 'STANDARD_INFREQUENT_ACCESS',
      DeletionProtectionEnabled: true,
    };
    const description = describeTable(activeTable(onDemand), noStatistics);
    assert.deepEqual(description.TableClassSummary, { TableClass: 'STANDARD_INFREQUENT_ACCESS' });
    assert.equal(description.DeletionProtectionEnabled, true);
    assert.deepEqual(description.OnDemandThroughput, { MaxWriteRequestUnits: 50 });
  });

  it('shows Backfilling only for a GSI added by UpdateTable while it is created', () => {
    const table = activeTable(hashTable);
    const { definition } = applyUpdateTable(
      table,
      {
        TableName: 'orders',
        AttributeDefinitions: [{ AttributeName: 'at', AttributeType: 'N' }],
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: 'by-at',
              KeySchema: [{ AttributeName: 'at', KeyType: 'HASH' }],
              Projection: { ProjectionType: 'KEYS_ONLY' },
              ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
            },
          },
        ],
      },
      { nowMs: fixtureNowMs + 1000, streamLabel: 'unused' },
    );
    const allocating = describeTable(definition, noStatistics, { view: 'UpdateTable' });
    assert.equal(allocating.TableStatus, 'UPDATING');
    assert.equal(allocating.GlobalSecondaryIndexes?.[0]?.IndexStatus, 'CREATING');
    assert.equal(allocating.GlobalSecondaryIndexes?.[0]?.Backfilling, false);
    const backfilling = describeTable(settleTable(definition, fixtureNowMs + 30_000), noStatistics);
    assert.equal(backfilling.TableStatus, 'ACTIVE');
    assert.equal(backfilling.GlobalSecondaryIndexes?.[0]?.Backfilling, true);
  });

  it('resets NumberOfDecreasesToday on a later UTC day when told the time', () => {
    const table = activeTable(hashTable);
    const decreased = settleTable(
      applyUpdateTable(table, { TableName: 'orders', ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }, { nowMs: fixtureNowMs, streamLabel: 'x' })
        .definition,
      fixtureNowMs + 2000,
    );
    assert.equal(describeTable(decreased, noStatistics).ProvisionedThroughput.NumberOfDecreasesToday, 1);
    assert.equal(describeTable(decreased, noStatistics, { nowMs: fixtureNowMs + 86_400_000 }).ProvisionedThroughput.NumberOfDecreasesToday, 0);
    assert.equal(describeTable(decreased, noStatistics).ProvisionedThroughput.LastDecreaseDateTime, fixtureNowMs / 1000);
  });
});
