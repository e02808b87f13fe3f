/**
 * The wire JSON of each request, as a handler may read it once `validateRequestShape` has accepted it.
 * Interface and member names are DynamoDB's own (SSESpecification, not ServerSideEncryption...), because
 * they are the wire vocabulary every client and document uses. Attribute values are typed in their wire
 * form but are only known to be JSON objects until model/ has validated them.
 */
import type { AttributeMap, AttributeValue } from '../../model/attribute-value.js';
import type { Tag } from '../../metadata/control-plane-requests.js';

export type ReturnConsumedCapacity = 'INDEXES' | 'TOTAL' | 'NONE';
export type ReturnItemCollectionMetrics = 'SIZE' | 'NONE';
export type ReturnValue = 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';
export type ReturnValuesOnConditionCheckFailure = 'ALL_OLD' | 'NONE';
export type ComparisonOperator =
  | 'EQ' | 'NE' | 'IN' | 'LE' | 'LT' | 'GE' | 'GT' | 'BETWEEN' | 'NOT_NULL' | 'NULL' | 'CONTAINS' | 'NOT_CONTAINS' | 'BEGINS_WITH';
export type ConditionalOperator = 'AND' | 'OR';
export type Select = 'ALL_ATTRIBUTES' | 'ALL_PROJECTED_ATTRIBUTES' | 'SPECIFIC_ATTRIBUTES' | 'COUNT';
export type AttributeAction = 'ADD' | 'PUT' | 'DELETE';

/** ExpressionAttributeNames: placeholder → attribute name. */
export type ExpressionAttributeNames = Readonly<Record<string, string>>;

// Table definitions: the control plane's own request types (metadata/control-plane-requests.ts), so the
// wire model and the rules that judge it share one definition.
export type {
  AttributeDefinition,
  BillingMode,
  CreateGlobalSecondaryIndexAction,
  CreateTableRequest,
  DeleteGlobalSecondaryIndexAction,
  GlobalSecondaryIndex,
  GlobalSecondaryIndexUpdate,
  KeySchemaElement,
  KeyType,
  ListTablesRequest,
  LocalSecondaryIndex,
  OnDemandThroughput,
  Projection,
  ProjectionType,
  ProvisionedThroughput,
  SseSpecification as SSESpecification,
  SseType as SSEType,
  StreamSpecification,
  StreamViewType,
  Tag,
  TableClass,
  UpdateGlobalSecondaryIndexAction,
  UpdateTableRequest,
} from '../../metadata/control-plane-requests.js';

// Table operations

export interface DescribeTableRequest {
  readonly TableName: string;
}

export interface DeleteTableRequest {
  readonly TableName: string;
}

export type DescribeLimitsRequest = Readonly<Record<never, never>>;
export type DescribeEndpointsRequest = Readonly<Record<never, never>>;

// Tags

export interface TagResourceRequest {
  readonly ResourceArn: string;
  readonly Tags: readonly Tag[];
}

export interface UntagResourceRequest {
  readonly ResourceArn: string;
  readonly TagKeys: readonly string[];
}

export interface ListTagsOfResourceRequest {
  readonly ResourceArn: string;
  readonly NextToken?: string;
}

// Item operations

/** A legacy condition of PutItem, UpdateItem and DeleteItem (Expected). */
export interface ExpectedAttributeValue {
  readonly AttributeValueList?: readonly AttributeValue[];
  readonly ComparisonOperator?: ComparisonOperator;
  readonly Exists?: boolean;
  readonly Value?: AttributeValue;
}

/** A legacy condition of Query and Scan (KeyConditions, QueryFilter, ScanFilter). */
export interface Condition {
  readonly AttributeValueList?: readonly AttributeValue[];
  readonly ComparisonOperator: ComparisonOperator;
}

/** A legacy update of UpdateItem (AttributeUpdates). */
export interface AttributeValueUpdate {
  readonly Action?: AttributeAction;
  readonly Value?: AttributeValue;
}

export interface PutItemRequest {
  readonly ReturnConsumedCapacity?: ReturnConsumedCapacity;
  readonly TableName: string;
  readonly Item: AttributeMap;
  readonly ConditionalOperator?: ConditionalOperator;
  readonly Expected?: Readonly<Record<string, ExpectedAttributeValue>>;
  readonly ReturnValues?: ReturnValue;
  readonly ReturnItemCollectionMetrics?: ReturnItemCollectionMetrics;
  readonly ConditionExpression?: string;
  readonly ExpressionAttributeValues?: AttributeMap;
  readonly ExpressionAttributeNames?: ExpressionAttributeNames;
  readonly ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
}

export interface GetItemRequest {
  readonly ReturnConsumedCapacity?: ReturnConsumedCapacity;
  readonly AttributesToGet?: readonly string[];
  readonly TableName: string;
  readonly Key: AttributeMap;
  readonly ConsistentRead?: boolean;
  readonly ProjectionExpression?: string;
  readonly ExpressionAttributeNames?: ExpressionAttributeNames;
}

export interface DeleteItemRequest {
  readonly ReturnConsumedCapacity?: ReturnConsumedCapacity;
  readonly TableName: string;
  readonly ReturnValues?: ReturnValue;
  readonly ReturnItemCollectionMetrics?: ReturnItemCollectionMetrics;
  readonly Key: AttributeMap;
  readonly ConditionalOperator?: ConditionalOperator;
  readonly Expected?: Readonly<Record<string, ExpectedAttributeValue>>;
  readonly ConditionExpression?: string;
  readonly ExpressionAttributeValues?: AttributeMap;
  readonly ExpressionAttributeNames?: ExpressionAttributeNames;
  readonly ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
}

export interface UpdateItemRequest {
  readonly ReturnConsumedCapacity?: ReturnConsumedCapacity;
  readonly TableName: string;
  readonly ReturnItemCollectionMetrics?: ReturnItemCollectionMetrics;
  readonly ReturnValues?: ReturnValue;
  readonly Key: AttributeMap;
  readonly ConditionalOperator?: ConditionalOperator;
  readonly Expected?: Readonly<Record<string, ExpectedAttributeValue>>;
  readonly AttributeUpdates?: Readonly<Record<string, AttributeValueUpdate>>;
  readonly ConditionExpression?: string;
  readonly UpdateExpression?: string;
  readonly ExpressionAttributeValues?: AttributeMap;
  readonly ExpressionAttributeNames?: ExpressionAttributeNames;
  readonly ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
}

// Reads

export interface QueryRequest {
  readonly Select?: Select;
  readonly IndexName?: string;
  readonly ReturnConsumedCapacity?: ReturnConsumedCapacity;
  readonly QueryFilter?: Readonly<Record<string, Condition>>;
  readonly TableName: string;
  readonly ConditionalOperator?: ConditionalOperator;
  readonly AttributesToGet?: readonly string[];
  readonly Limit?: number;
  readonly KeyConditions?: Readonly<Record<string, Condition>>;
  readonly ExclusiveStartKey?: AttributeMap;
  readonly ConsistentRead?: boolean;
  readonly ScanIndexForward?: boolean;
  readonly KeyConditionExpression?: string;
  readonly FilterExpression?: string;
  readonly ProjectionExpression?: string;
  readonly ExpressionAttributeValues?: AttributeMap;
  readonly ExpressionAttributeNames?: ExpressionAttributeNames;
}

export interface ScanRequest {
  readonly Select?: Select;
  readonly IndexName?: string;
  readonly TotalSegments?: number;
  readonly ReturnConsumedCapacity?: ReturnConsumedCapacity;
  readonly TableName: string;
  readonly ConditionalOperator?: ConditionalOperator;
  readonly ScanFilter?: Readonly<Record<string, Condition>>;
  readonly Segment?: number;
  readonly Limit?: number;
  readonly AttributesToGet?: readonly string[];
  readonly ExclusiveStartKey?: AttributeMap;
  readonly FilterExpression?: string;
  readonly ProjectionExpression?: string;
  readonly ExpressionAttributeValues?: AttributeMap;
  readonly ExpressionAttributeNames?: ExpressionAttributeNames;
  readonly ConsistentRead?: boolean;
}

// Batches and transactions

export interface KeysAndAttributes {
  readonly Keys: readonly AttributeMap[];
  readonly AttributesToGet?: readonly string[];
  readonly ConsistentRead?: boolean;
  readonly ProjectionExpression?: string;
  readonly ExpressionAttributeNames?: ExpressionAttributeNames;
}

export interface BatchGetItemRequest {
  readonly ReturnConsumedCapacity?: ReturnConsumedCapacity;
  /** Table name → what to read from it. */
  readonly RequestItems: Readonly<Record<string, KeysAndAttributes>>;
}

export interface DeleteRequest {
  readonly Key: AttributeMap;
}

export interface PutRequest {
  readonly Item: AttributeMap;
}

/** Exactly one request is expected; which one is present is checked by the operation. */
export interface WriteRequest {
  readonly DeleteRequest?: DeleteRequest;
  readonly PutRequest?: PutRequest;
}

export interface BatchWriteItemRequest {
  readonly ReturnConsumedCapacity?: ReturnConsumedCapacity;
  readonly ReturnItemCollectionMetrics?: ReturnItemCollectionMetrics;
  /** Table name → the writes to it. */
  readonly RequestItems: Readonly<Record<string, readonly WriteRequest[]>>;
}

/** Members DynamoDB documents as required but does not check at this stage are optional here. */
export interface TransactionPut {
  readonly TableName?: string;
  readonly ExpressionAttributeValues?: AttributeMap;
  readonly ExpressionAttributeNames?: ExpressionAttributeNames;
  readonly ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
  readonly ConditionExpression?: string;
  readonly Item: AttributeMap;
}

export interface TransactionUpdate {
  readonly TableName?: string;
  readonly ExpressionAttributeValues?: AttributeMap;
  readonly ExpressionAttributeNames?: ExpressionAttributeNames;
  readonly ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
  readonly ConditionExpression?: string;
  readonly Key: AttributeMap;
  readonly UpdateExpression?: string;
}

export interface TransactionDelete {
  readonly TableName?: string;
  readonly ExpressionAttributeValues?: AttributeMap;
  readonly ExpressionAttributeNames?: ExpressionAttributeNames;
  readonly ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
  readonly ConditionExpression?: string;
  readonly Key: AttributeMap;
}

export type TransactionConditionCheck = TransactionDelete;

/** Exactly one action is expected; which one is present is checked by the operation. */
export interface TransactWriteItem {
  readonly Put?: TransactionPut;
  readonly Update?: TransactionUpdate;
  readonly Delete?: TransactionDelete;
  readonly ConditionCheck?: TransactionConditionCheck;
}

export interface TransactWriteItemsRequest {
  readonly ReturnConsumedCapacity?: ReturnConsumedCapacity;
  readonly ReturnItemCollectionMetrics?: ReturnItemCollectionMetrics;
  readonly ClientRequestToken?: string;
  readonly TransactItems: readonly TransactWriteItem[];
}

export interface TransactionGet {
  readonly TableName?: string;
  readonly ExpressionAttributeNames?: ExpressionAttributeNames;
  readonly ProjectionExpression?: string;
  readonly Key: AttributeMap;
}

export interface TransactGetItem {
  readonly Get: TransactionGet;
}

export interface TransactGetItemsRequest {
  readonly ReturnConsumedCapacity?: ReturnConsumedCapacity;
  readonly TransactItems: readonly TransactGetItem[];
}
