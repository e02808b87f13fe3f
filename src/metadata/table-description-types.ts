/**
 * TableDescription and its parts as DynamoDB returns them (wire member names; times are epoch seconds,
 * fractional). Optional members are absent, never null.
 */
import type {
  AttributeDefinition,
  BillingMode,
  KeySchemaElement,
  Projection,
  StreamViewType,
  TableClass,
} from './control-plane-requests.js';
import type { IndexStatus, SseStatus, TableStatus } from './table-definition.js';

export interface ProvisionedThroughputDescription {
  readonly LastIncreaseDateTime?: number;
  readonly LastDecreaseDateTime?: number;
  readonly NumberOfDecreasesToday: number;
  readonly ReadCapacityUnits: number;
  readonly WriteCapacityUnits: number;
}

export interface OnDemandThroughputDescription {
  readonly MaxReadRequestUnits?: number;
  readonly MaxWriteRequestUnits?: number;
}

export interface WarmThroughputDescription {
  readonly ReadUnitsPerSecond: number;
  readonly WriteUnitsPerSecond: number;
  readonly Status: 'ACTIVE' | 'UPDATING';
}

export interface LocalSecondaryIndexDescription {
  readonly IndexName: string;
  readonly KeySchema: readonly KeySchemaElement[];
  readonly Projection: Projection;
  readonly IndexSizeBytes: number;
  readonly ItemCount: number;
  readonly IndexArn: string;
}

export interface GlobalSecondaryIndexDescription {
  readonly IndexName: string;
  readonly KeySchema: readonly KeySchemaElement[];
  readonly Projection: Projection;
  readonly IndexStatus: IndexStatus;
  readonly Backfilling?: boolean;
  readonly ProvisionedThroughput: ProvisionedThroughputDescription;
  readonly IndexSizeBytes: number;
  readonly ItemCount: number;
  readonly IndexArn: string;
  readonly OnDemandThroughput?: OnDemandThroughputDescription;
  readonly WarmThroughput?: WarmThroughputDescription;
}

export interface TableDescription {
  readonly AttributeDefinitions?: readonly AttributeDefinition[];
  readonly TableName: string;
  readonly KeySchema?: readonly KeySchemaElement[];
  readonly TableStatus: TableStatus;
  readonly CreationDateTime?: number;
  readonly ProvisionedThroughput: ProvisionedThroughputDescription;
  readonly TableSizeBytes: number;
  readonly ItemCount: number;
  readonly TableArn: string;
  readonly TableId: string;
  readonly BillingModeSummary?: { readonly BillingMode: BillingMode; readonly LastUpdateToPayPerRequestDateTime?: number };
  readonly LocalSecondaryIndexes?: readonly LocalSecondaryIndexDescription[];
  readonly GlobalSecondaryIndexes?: readonly GlobalSecondaryIndexDescription[];
  readonly StreamSpecification?: { readonly StreamEnabled: true; readonly StreamViewType: StreamViewType };
  readonly LatestStreamLabel?: string;
  readonly LatestStreamArn?: string;
  readonly SSEDescription?: { readonly Status: SseStatus; readonly SSEType: 'KMS'; readonly KMSMasterKeyArn: string };
  readonly TableClassSummary?: { readonly TableClass: TableClass; readonly LastUpdateDateTime?: number };
  readonly DeletionProtectionEnabled: boolean;
  readonly OnDemandThroughput?: OnDemandThroughputDescription;
  readonly WarmThroughput?: WarmThroughputDescription;
}

/** Item counts and sizes, which the partitions keep (DynamoDB refreshes them about every six hours). */
export interface TableStatistics {
  readonly itemCount: number;
  readonly sizeBytes: number;
  readonly indexes: Readonly<Record<string, { readonly itemCount: number; readonly sizeBytes: number }>>;
}
