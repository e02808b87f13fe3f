import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { completeIndexBackfill, settleTable, startTableDeletion } from './table-transitions.js';
import { createTableDefinition } from './create-table.js';
import { applyUpdateTable } from './update-table.js';
import { activeTable, createContext, fixtureNowMs, hashTable, tableWithGlobalIndex, thrownError } from './control-plane-fixtures.js';
import type { TableDefinition } from './table-definition.js';

const inUse = 'Attempt to change a resource which is still in use: ';
const context = { nowMs: fixtureNowMs + 60_000, streamLabel: 'label' };
const after = (table: TableDefinition, request: object) => applyUpdateTable(table, { TableName: table.tableName, ...request }, context).definition;

describe('settleTable', () => {
  it('makes a new table and its GSIs ACTIVE together', () => {
    const settled = settleTable(createTableDefinition(tableWithGlobalIndex, createContext), fixtureNowMs + 6000);
    assert.equal(settled.status, 'ACTIVE');
    assert.deepEqual(settled.pendingChanges, []);
    assert.equal(settled.globalSecondaryIndexes[0]?.status, 'ACTIVE');
    assert.equal(settled.globalSecondaryIndexes[0]?.backfilling, undefined);
    assert.equal(settled.lastUpdateToPayPerRequestMs, undefined);
  });

  it('leaves a table being deleted alone', () => {
    const deleting = startTableDeletion(activeTable(hashTable));
    assert.equal(settleTable(deleting, fixtureNowMs), deleting);
  });
});

describe('completeIndexBackfill', () => {
  it('makes a backfilled GSI ACTIVE without Backfilling', () => {
    const creating = settleTable(
      after(activeTable(tableWithGlobalIndex), {
        AttributeDefinitions: [{ AttributeName: 'd', AttributeType: 'S' }],
        GlobalSecondaryIndexUpdates: [
          { Create: { IndexName: 'gsi2', KeySchema: [{ AttributeName: 'd', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' }, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } } },
        ],
      }),
      context.nowMs,
    );
    const done = completeIndexBackfill(creating, 'gsi2').globalSecondaryIndexes.find((index) => index.indexName === 'gsi2');
    assert.deepEqual([done?.status, done?.backfilling], ['ACTIVE', undefined]);
  });
});

describe('startTableDeletion (lab)', () => {
  it('refuses a protected table first', () => {
    const table = activeTable({ ...hashTable, DeletionProtectionEnabled: true });
    assert.deepEqual(thrownError(() => startTableDeletion(table)), {
      type: 'ValidationException',
      message: 'Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.',
    });
  });

  it('refuses a table in flight', () => {
    const cases: [string, TableDefinition, string][] = [
      ['being created', createTableDefinition(hashTable, createContext), `${inUse}Table is being created: orders`],
      ['being deleted', startTableDeletion(activeTable(hashTable)), `${inUse}Table is being deleted: orders`],
      ['being updated', after(activeTable(hashTable), { ProvisionedThroughput: { ReadCapacityUnits: 6, WriteCapacityUnits: 6 } }), `${inUse}Table: orders is in the process of being updated.`],
      [
        'with an index being deleted',
        after(activeTable(tableWithGlobalIndex), { GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'by-c' } }] }),
        `${inUse}Cannot delete table while indexes are being created, updated, or deleted.`,
      ],
      [
        'with an index being updated, the table ACTIVE',
        after(activeTable(tableWithGlobalIndex), { GlobalSecondaryIndexUpdates: [{ Update: { IndexName: 'by-c', ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 } } }] }),
        `${inUse}Cannot delete table while indexes are being created, updated, or deleted.`,
      ],
    ];
    for (const [name, table, message] of cases) {
      assert.deepEqual(thrownError(() => startTableDeletion(table)), { type: 'ResourceInUseException', message }, name);
    }
  });

  it('marks the table DELETING', () => {
    const deleting = startTableDeletion(activeTable(hashTable));
    assert.equal(deleting.status, 'DELETING');
  });
});
