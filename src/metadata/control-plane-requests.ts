/**
 * The control-plane requests in their wire form (DynamoDB JSON), as the protocol layer hands them over
 * after shape validation: required members are present, lists and strings have their lengths, enum
 * members hold one of their values. What remains for metadata/ is DynamoDB's semantic validation.
 *
 * A few members stay wider than the API model on purpose, because DynamoDB checks them semantically with
 * messages of its own: TableClass (a string: "Invalid table-class parameter provided…"), Projection's
 * ProjectionType ("Unknown ProjectionType: null") and a tag's Key and Value ("…Key: null").
 */
import type { ScalarAttributeType } from '../model/attribute-value.js';

export type KeyType = 'HASH' | 'RANGE';
export type BillingMode = 'PROVISIONED' | 'PAY_PER_REQUEST';
export type ProjectionType = 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
export type StreamViewType = 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY';
export type SseType = 'AES256' | 'KMS';
export type TableClass = 'STANDARD' | 'STANDARD_INFREQUENT_ACCESS';

export interface KeySchemaElement {
  readonly AttributeName: string;
  readonly KeyType: KeyType;
}

export interface AttributeDefinition {
  readonly AttributeName: string;
  readonly AttributeType: ScalarAttributeType;
}

export interface Projection {
  readonly ProjectionType?: ProjectionType;
  readonly NonKeyAttributes?: readonly string[];
}

export interface ProvisionedThroughput {
  readonly ReadCapacityUnits: number;
  readonly WriteCapacityUnits: number;
}

export interface OnDemandThroughput {
  readonly MaxReadRequestUnits?: number;
  readonly MaxWriteRequestUnits?: number;
}

export interface LocalSecondaryIndex {
  readonly IndexName: string;
  readonly KeySchema: readonly KeySchemaElement[];
  readonly Projection: Projection;
}

export interface GlobalSecondaryIndex {
  readonly IndexName: string;
  readonly KeySchema: readonly KeySchemaElement[];
  readonly Projection: Projection;
  readonly ProvisionedThroughput?: ProvisionedThroughput;
  readonly OnDemandThroughput?: OnDemandThroughput;
}

export interface StreamSpecification {
  readonly StreamEnabled: boolean;
  readonly StreamViewType?: StreamViewType;
}

export interface SseSpecification {
  readonly Enabled?: boolean;
  readonly SSEType?: SseType;
  readonly KMSMasterKeyId?: string;
}

export interface Tag {
  readonly Key?: string;
  readonly Value?: string;
}

export interface CreateTableRequest {
  readonly TableName: string;
  readonly AttributeDefinitions: readonly AttributeDefinition[];
  readonly KeySchema: readonly KeySchemaElement[];
  readonly LocalSecondaryIndexes?: readonly LocalSecondaryIndex[];
  readonly GlobalSecondaryIndexes?: readonly GlobalSecondaryIndex[];
  readonly BillingMode?: BillingMode;
  readonly ProvisionedThroughput?: ProvisionedThroughput;
  readonly OnDemandThroughput?: OnDemandThroughput;
  readonly StreamSpecification?: StreamSpecification;
  readonly SSESpecification?: SseSpecification;
  readonly Tags?: readonly Tag[];
  readonly TableClass?: string;
  readonly DeletionProtectionEnabled?: boolean;
}

export interface UpdateGlobalSecondaryIndexAction {
  readonly IndexName: string;
  readonly ProvisionedThroughput?: ProvisionedThroughput;
  readonly OnDemandThroughput?: OnDemandThroughput;
}

export interface CreateGlobalSecondaryIndexAction {
  readonly IndexName: string;
  readonly KeySchema: readonly KeySchemaElement[];
  readonly Projection: Projection;
  readonly ProvisionedThroughput?: ProvisionedThroughput;
  readonly OnDemandThroughput?: OnDemandThroughput;
}

export interface DeleteGlobalSecondaryIndexAction {
  readonly IndexName: string;
}

export interface GlobalSecondaryIndexUpdate {
  readonly Update?: UpdateGlobalSecondaryIndexAction;
  readonly Create?: CreateGlobalSecondaryIndexAction;
  readonly Delete?: DeleteGlobalSecondaryIndexAction;
}

export interface UpdateTableRequest {
  readonly TableName: string;
  readonly AttributeDefinitions?: readonly AttributeDefinition[];
  readonly BillingMode?: BillingMode;
  readonly ProvisionedThroughput?: ProvisionedThroughput;
  readonly OnDemandThroughput?: OnDemandThroughput;
  readonly GlobalSecondaryIndexUpdates?: readonly GlobalSecondaryIndexUpdate[];
  readonly StreamSpecification?: StreamSpecification;
  readonly SSESpecification?: SseSpecification;
  readonly TableClass?: string;
  readonly DeletionProtectionEnabled?: boolean;
}

export interface ListTablesRequest {
  readonly ExclusiveStartTableName?: string;
  readonly Limit?: number;
}
