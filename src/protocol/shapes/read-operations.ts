/**
 * Request shapes of Query and Scan. Their member order is the one DynamoDB lists violations in, which
 * decides which ten it names when there are more.
 */
import { limits } from '../../lib/limits.js';
import {
  attributesToGet,
  conditionalOperator,
  conditions,
  expressionAttributeNames,
  indexName,
  returnConsumedCapacity,
  select,
  tableName,
} from './common-shapes.js';
import { operationShape } from './operation.js';
import type { QueryRequest, ScanRequest } from './request-types.js';
import { attributeMap, boolean, integer, required, string } from './shape.js';

export const query = operationShape<QueryRequest>('Query', {
  Select: select(),
  IndexName: indexName(),
  ReturnConsumedCapacity: returnConsumedCapacity(),
  QueryFilter: conditions(),
  TableName: required(tableName()),
  ConditionalOperator: conditionalOperator(),
  AttributesToGet: attributesToGet(),
  Limit: integer({ valueMin: limits.queryScanLimitMin }),
  KeyConditions: conditions(),
  ExclusiveStartKey: attributeMap(),
  ConsistentRead: boolean(),
  ScanIndexForward: boolean(),
  KeyConditionExpression: string(),
  FilterExpression: string(),
  ProjectionExpression: string(),
  ExpressionAttributeValues: attributeMap(),
  ExpressionAttributeNames: expressionAttributeNames(),
});

export const scan = operationShape<ScanRequest>('Scan', {
  Select: select(),
  IndexName: indexName(),
  TotalSegments: integer({ valueMin: limits.scanTotalSegmentsMin, valueMax: limits.scanTotalSegmentsMax }),
  ReturnConsumedCapacity: returnConsumedCapacity(),
  TableName: required(tableName()),
  ConditionalOperator: conditionalOperator(),
  ScanFilter: conditions(),
  Segment: integer({ valueMin: limits.scanSegmentMin, valueMax: limits.scanSegmentMax }),
  Limit: integer({ valueMin: limits.queryScanLimitMin }),
  AttributesToGet: attributesToGet(),
  ExclusiveStartKey: attributeMap(),
  FilterExpression: string(),
  ProjectionExpression: string(),
  ExpressionAttributeValues: attributeMap(),
  ExpressionAttributeNames: expressionAttributeNames(),
  ConsistentRead: boolean(),
});
