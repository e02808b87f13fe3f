/** Request shapes of the table (control-plane) operations. Member order is DynamoDB's listing order. */
import { limits } from '../../lib/limits.js';
import {
  attributeDefinitions,
  billingMode,
  indexName,
  keySchema,
  namePattern,
  onDemandThroughput,
  projection,
  provisionedThroughput,
  sseSpecification,
  streamSpecification,
  tableClass,
  tableNameOfTableOperation,
  tags,
} from './common-shapes.js';
import { operationShape } from './operation.js';
import { tableNameIsGiven } from './preconditions.js';
import type {
  CreateGlobalSecondaryIndexAction,
  CreateTableRequest,
  DeleteGlobalSecondaryIndexAction,
  DeleteTableRequest,
  DescribeEndpointsRequest,
  DescribeLimitsRequest,
  DescribeTableRequest,
  GlobalSecondaryIndex,
  GlobalSecondaryIndexUpdate,
  ListTablesRequest,
  LocalSecondaryIndex,
  UpdateGlobalSecondaryIndexAction,
  UpdateTableRequest,
} from './request-types.js';
import { boolean, integer, list, required, string, structure } from './shape.js';

const localSecondaryIndex = () =>
  structure<LocalSecondaryIndex>('LocalSecondaryIndex', {
    IndexName: required(indexName()),
    KeySchema: required(keySchema()),
    Projection: required(projection()),
  });

const globalSecondaryIndex = () =>
  structure<GlobalSecondaryIndex>('GlobalSecondaryIndex', {
    IndexName: required(indexName()),
    KeySchema: required(keySchema()),
    Projection: required(projection()),
    ProvisionedThroughput: provisionedThroughput(),
    OnDemandThroughput: onDemandThroughput(),
  });

export const createTable = operationShape<CreateTableRequest>(
  'CreateTable',
  {
    AttributeDefinitions: required(attributeDefinitions()),
    TableName: required(tableNameOfTableOperation()),
    BillingMode: billingMode(),
    ProvisionedThroughput: provisionedThroughput(),
    KeySchema: required(keySchema()),
    LocalSecondaryIndexes: list(localSecondaryIndex()),
    GlobalSecondaryIndexes: list(globalSecondaryIndex()),
    StreamSpecification: streamSpecification(),
    SSESpecification: sseSpecification(),
    Tags: tags(),
    TableClass: tableClass(),
    DeletionProtectionEnabled: boolean(),
    OnDemandThroughput: onDemandThroughput(),
  },
  [tableNameIsGiven],
);

export const describeTable = operationShape<DescribeTableRequest>(
  'DescribeTable',
  { TableName: required(tableNameOfTableOperation()) },
  [tableNameIsGiven],
);

export const deleteTable = operationShape<DeleteTableRequest>(
  'DeleteTable',
  { TableName: required(tableNameOfTableOperation()) },
  [tableNameIsGiven],
);

const globalSecondaryIndexUpdate = () =>
  structure<GlobalSecondaryIndexUpdate>('GlobalSecondaryIndexUpdate', {
    Update: structure<UpdateGlobalSecondaryIndexAction>('UpdateGlobalSecondaryIndexAction', {
      IndexName: required(indexName()),
      ProvisionedThroughput: required(provisionedThroughput()),
      OnDemandThroughput: onDemandThroughput(),
    }),
    Create: structure<CreateGlobalSecondaryIndexAction>('CreateGlobalSecondaryIndexAction', {
      Projection: required(projection()),
      IndexName: required(indexName()),
      ProvisionedThroughput: provisionedThroughput(),
      KeySchema: required(keySchema()),
      OnDemandThroughput: onDemandThroughput(),
    }),
    Delete: structure<DeleteGlobalSecondaryIndexAction>('DeleteGlobalSecondaryIndexAction', {
      IndexName: required(indexName()),
    }),
  });

export const updateTable = operationShape<UpdateTableRequest>(
  'UpdateTable',
  {
    TableName: required(tableNameOfTableOperation()),
    ProvisionedThroughput: provisionedThroughput(),
    BillingMode: billingMode(),
    GlobalSecondaryIndexUpdates: list(globalSecondaryIndexUpdate()),
    AttributeDefinitions: attributeDefinitions(),
    StreamSpecification: streamSpecification(),
    SSESpecification: sseSpecification(),
    TableClass: tableClass(),
    DeletionProtectionEnabled: boolean(),
    OnDemandThroughput: onDemandThroughput(),
  },
  [tableNameIsGiven],
);

export const listTables = operationShape<ListTablesRequest>('ListTables', {
  Limit: integer({ valueMin: limits.listTablesLimitMin, valueMax: limits.listTablesLimitMax }),
  ExclusiveStartTableName: string({
    pattern: namePattern,
    lengthMin: limits.tableNameLengthMin,
    lengthMax: limits.tableNameLengthMax,
  }),
});

export const describeLimits = operationShape<DescribeLimitsRequest>('DescribeLimits', {});

export const describeEndpoints = operationShape<DescribeEndpointsRequest>('DescribeEndpoints', {});
