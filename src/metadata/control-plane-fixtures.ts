/**
 * Requests and contexts the control-plane tests build on: a valid starting point each test changes one
 * member of, so a failing case names exactly the rule it breaks.
 */
import type { CreateTableRequest } from './control-plane-requests.js';
import type { CreateTableContext } from './create-table.js';
import { createTableDefinition } from './create-table.js';
import type { TableDefinition } from './table-definition.js';
import { settleTable } from './table-transitions.js';
import type { TableStatistics } from './table-description-types.js';
import { DynamoDbError } from '../lib/errors.js';

/** 2026-10-08T12:00:00.000Z */
export const fixtureNowMs = Date.UTC(2026, 9, 8, 12, 0, 0, 0);

export const createContext: CreateTableContext = {
  region: 'us-west-2',
  accountId: '123456789012',
  nowMs: fixtureNowMs,
  tableId: '0f1e2d3c-4b5a-4697-8877-665544332211',
  streamLabel: '2026-10-08T12:00:00.000',
};

export const noStatistics: TableStatistics = { itemCount: 0, sizeBytes: 0, indexes: {} };

export const hashTable: CreateTableRequest = {
  TableName: 'orders',
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
};

export const hashRangeTable: CreateTableRequest = {
  TableName: 'events',
  AttributeDefinitions: [
    { AttributeName: 'a', AttributeType: 'S' },
    { AttributeName: 'b', AttributeType: 'S' },
  ],
  KeySchema: [
    { AttributeName: 'a', KeyType: 'HASH' },
    { AttributeName: 'b', KeyType: 'RANGE' },
  ],
  ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
};

/** A provisioned table (1/1) with GSI "by-c" (1/1) on attribute c, settled ACTIVE. */
export const tableWithGlobalIndex: CreateTableRequest = {
  TableName: 'with-index',
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'c', AttributeType: 'N' },
  ],
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  GlobalSecondaryIndexes: [
    {
      IndexName: 'by-c',
      KeySchema: [{ AttributeName: 'c', KeyType: 'HASH' }],
      Projection: { ProjectionType: 'ALL' },
      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
    },
  ],
  ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
};

export function activeTable(request: CreateTableRequest, context: CreateTableContext = createContext): TableDefinition {
  return settleTable(createTableDefinition(request, context), context.nowMs);
}

/** What `action` throws, as `{ type, message }` for a DynamoDbError, so tables of cases compare plainly. */
export function thrownError(action: () => unknown): { readonly type: string; readonly message: string } | 'nothing thrown' {
  try {
    action();
  } catch (error) {
    if (error instanceof DynamoDbError) return { type: error.type, message: error.message };
    throw error;
  }
  return 'nothing thrown';
}
