/**
 * TableDescription exactly as DynamoDB returns it, from a table definition and its statistics.
 *
 * Presence rules (recorded DynamoDB answers: the LocalStack snapshot in shared/reference, dynalite's
 * tests, the 2026 ack-api-quirks lab):
 * - ProvisionedThroughput is always there; on-demand tables and their GSIs report 0/0 with
 *   NumberOfDecreasesToday; LastIncrease/LastDecreaseDateTime appear once throughput has moved.
 * - BillingModeSummary appears once a table has been on-demand (never for tables only ever provisioned);
 *   LastUpdateToPayPerRequestDateTime once the switch (or the creation) has settled.
 * - StreamSpecification only while a stream is enabled; LatestStreamLabel/Arn from the first enable on.
 * - SSEDescription only for KMS keys; TableClassSummary only once a class was set.
 * - WarmThroughput is left out of CreateTable's answer (DynamoDB adds it with the first DescribeTable).
 * - DeleteTable's answer carries identity, status, counts, throughput and deletion protection only.
 * - Backfilling only on a GSI added by UpdateTable while it is CREATING.
 */
import type {
  GlobalIndexDefinition,
  LocalIndexDefinition,
  OnDemandThroughputState,
  ProvisionedThroughputState,
  TableDefinition,
  WarmThroughputState,
} from './table-definition.js';
import { streamArnFor } from './table-definition.js';
import type {
  GlobalSecondaryIndexDescription,
  LocalSecondaryIndexDescription,
  OnDemandThroughputDescription,
  ProvisionedThroughputDescription,
  TableDescription,
  TableStatistics,
  WarmThroughputDescription,
} from './table-description-types.js';
import { decreasesTodayAt } from './throughput-rules.js';

/** Which answer the description is for: they differ in which members DynamoDB includes. */
export type DescriptionView = 'DescribeTable' | 'CreateTable' | 'UpdateTable' | 'DeleteTable';

export interface DescriptionOptions {
  readonly view?: DescriptionView;
  /** Now, so that NumberOfDecreasesToday reads 0 on a later UTC day; without it the stored count is used. */
  readonly nowMs?: number;
}

const emptyStatistics = { itemCount: 0, sizeBytes: 0 } as const;

function seconds(epochMs: number): number {
  return epochMs / 1000;
}

export function describeTable(table: TableDefinition, statistics: TableStatistics, options: DescriptionOptions = {}): TableDescription {
  const view = options.view ?? 'DescribeTable';
  const throughput = provisionedThroughputDescription(table.provisionedThroughput, options.nowMs);
  if (view === 'DeleteTable') {
    return {
      TableName: table.tableName,
      TableStatus: table.status,
      ProvisionedThroughput: throughput,
      TableSizeBytes: statistics.sizeBytes,
      ItemCount: statistics.itemCount,
      TableArn: table.tableArn,
      TableId: table.tableId,
      DeletionProtectionEnabled: table.deletionProtectionEnabled,
    };
  }
  const withWarmThroughput = view !== 'CreateTable';
  return {
    AttributeDefinitions: table.attributeDefinitions.map((definition) => ({ ...definition })),
    TableName: table.tableName,
    KeySchema: table.keySchema.map((element) => ({ ...element })),
    TableStatus: table.status,
    CreationDateTime: seconds(table.creationMs),
    ProvisionedThroughput: throughput,
    TableSizeBytes: statistics.sizeBytes,
    ItemCount: statistics.itemCount,
    TableArn: table.tableArn,
    TableId: table.tableId,
    ...billingModeSummary(table),
    ...(table.localSecondaryIndexes.length === 0
      ? {}
      : { LocalSecondaryIndexes: table.localSecondaryIndexes.map((index) => localIndexDescription(index, statistics)) }),
    ...(table.globalSecondaryIndexes.length === 0
      ? {}
      : {
          GlobalSecondaryIndexes: table.globalSecondaryIndexes.map((index) =>
            globalIndexDescription(index, statistics, withWarmThroughput, options.nowMs),
          ),
        }),
    ...streamMembers(table),
    ...(table.sse === undefined
      ? {}
      : { SSEDescription: { Status: table.sse.status, SSEType: 'KMS', KMSMasterKeyArn: table.sse.kmsMasterKeyArn } }),
    ...(table.tableClass === undefined
      ? {}
      : {
          TableClassSummary: {
            TableClass: table.tableClass,
            ...(table.tableClassLastUpdateMs === undefined ? {} : { LastUpdateDateTime: seconds(table.tableClassLastUpdateMs) }),
          },
        }),
    DeletionProtectionEnabled: table.deletionProtectionEnabled,
    ...(table.onDemandThroughput === undefined ? {} : { OnDemandThroughput: onDemandDescription(table.onDemandThroughput) }),
    ...(withWarmThroughput ? { WarmThroughput: warmThroughputDescription(table.warmThroughput) } : {}),
  };
}

export function provisionedThroughputDescription(state: ProvisionedThroughputState, nowMs?: number): ProvisionedThroughputDescription {
  return {
    ...(state.lastIncreaseMs === undefined ? {} : { LastIncreaseDateTime: seconds(state.lastIncreaseMs) }),
    ...(state.lastDecreaseMs === undefined ? {} : { LastDecreaseDateTime: seconds(state.lastDecreaseMs) }),
    NumberOfDecreasesToday: nowMs === undefined ? state.decreasesToday : decreasesTodayAt(state, nowMs),
    ReadCapacityUnits: state.readCapacityUnits,
    WriteCapacityUnits: state.writeCapacityUnits,
  };
}

function billingModeSummary(table: TableDefinition): Pick<TableDescription, 'BillingModeSummary'> {
  if (table.billingMode === 'PROVISIONED' && table.lastUpdateToPayPerRequestMs === undefined) return {};
  const lastUpdate = table.lastUpdateToPayPerRequestMs;
  return {
    BillingModeSummary: {
      BillingMode: table.billingMode,
      ...(lastUpdate === undefined ? {} : { LastUpdateToPayPerRequestDateTime: seconds(lastUpdate) }),
    },
  };
}

function streamMembers(table: TableDefinition): Partial<TableDescription> {
  const label = table.latestStreamLabel;
  return {
    ...(table.streamViewType === undefined ? {} : { StreamSpecification: { StreamEnabled: true, StreamViewType: table.streamViewType } }),
    ...(label === undefined ? {} : { LatestStreamLabel: label, LatestStreamArn: streamArnFor(table.tableArn, label) }),
  };
}

function localIndexDescription(index: LocalIndexDefinition, statistics: TableStatistics): LocalSecondaryIndexDescription {
  const counts = statistics.indexes[index.indexName] ?? emptyStatistics;
  return {
    IndexName: index.indexName,
    KeySchema: index.keySchema.map((element) => ({ ...element })),
    Projection: { ...index.projection },
    IndexSizeBytes: counts.sizeBytes,
    ItemCount: counts.itemCount,
    IndexArn: index.indexArn,
  };
}

function globalIndexDescription(
  index: GlobalIndexDefinition,
  statistics: TableStatistics,
  withWarmThroughput: boolean,
  nowMs: number | undefined,
): GlobalSecondaryIndexDescription {
  const counts = statistics.indexes[index.indexName] ?? emptyStatistics;
  return {
    IndexName: index.indexName,
    KeySchema: index.keySchema.map((element) => ({ ...element })),
    Projection: { ...index.projection },
    IndexStatus: index.status,
    ...(index.status === 'CREATING' && index.backfilling !== undefined ? { Backfilling: index.backfilling } : {}),
    ProvisionedThroughput: provisionedThroughputDescription(index.provisionedThroughput, nowMs),
    IndexSizeBytes: counts.sizeBytes,
    ItemCount: counts.itemCount,
    IndexArn: index.indexArn,
    ...(index.onDemandThroughput === undefined ? {} : { OnDemandThroughput: onDemandDescription(index.onDemandThroughput) }),
    ...(withWarmThroughput ? { WarmThroughput: warmThroughputDescription(index.warmThroughput) } : {}),
  };
}

function onDemandDescription(state: OnDemandThroughputState): OnDemandThroughputDescription {
  return {
    ...(state.maxReadRequestUnits === undefined ? {} : { MaxReadRequestUnits: state.maxReadRequestUnits }),
    ...(state.maxWriteRequestUnits === undefined ? {} : { MaxWriteRequestUnits: state.maxWriteRequestUnits }),
  };
}

function warmThroughputDescription(state: WarmThroughputState): WarmThroughputDescription {
  return { ReadUnitsPerSecond: state.readUnitsPerSecond, WriteUnitsPerSecond: state.writeUnitsPerSecond, Status: 'ACTIVE' };
}
