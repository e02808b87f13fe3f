/** Request shapes of the single-item operations. Member order is DynamoDB's listing order. */
import {
  attributesToGet,
  conditionalOperator,
  expected,
  expressionAttributeNames,
  returnConsumedCapacity,
  returnItemCollectionMetrics,
  returnValues,
  returnValuesOnConditionCheckFailure,
  tableName,
} from './common-shapes.js';
import { operationShape } from './operation.js';
import type { AttributeValueUpdate, DeleteItemRequest, GetItemRequest, PutItemRequest, UpdateItemRequest } from './request-types.js';
import { attributeMap, attributeValue, boolean, enumeration, map, required, string, structure } from './shape.js';

export const putItem = operationShape<PutItemRequest>('PutItem', {
  ReturnConsumedCapacity: returnConsumedCapacity(),
  TableName: required(tableName()),
  Item: required(attributeMap()),
  ConditionalOperator: conditionalOperator(),
  Expected: expected(),
  ReturnValues: returnValues(),
  ReturnItemCollectionMetrics: returnItemCollectionMetrics(),
  ConditionExpression: string(),
  ExpressionAttributeValues: attributeMap(),
  ExpressionAttributeNames: expressionAttributeNames(),
  ReturnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailure(),
});

export const getItem = operationShape<GetItemRequest>('GetItem', {
  ReturnConsumedCapacity: returnConsumedCapacity(),
  AttributesToGet: attributesToGet(),
  TableName: required(tableName()),
  Key: required(attributeMap()),
  ConsistentRead: boolean(),
  ProjectionExpression: string(),
  ExpressionAttributeNames: expressionAttributeNames(),
});

export const deleteItem = operationShape<DeleteItemRequest>('DeleteItem', {
  ReturnConsumedCapacity: returnConsumedCapacity(),
  TableName: required(tableName()),
  ReturnValues: returnValues(),
  ReturnItemCollectionMetrics: returnItemCollectionMetrics(),
  Key: required(attributeMap()),
  ConditionalOperator: conditionalOperator(),
  Expected: expected(),
  ConditionExpression: string(),
  ExpressionAttributeValues: attributeMap(),
  ExpressionAttributeNames: expressionAttributeNames(),
  ReturnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailure(),
});

export const updateItem = operationShape<UpdateItemRequest>('UpdateItem', {
  ReturnConsumedCapacity: returnConsumedCapacity(),
  TableName: required(tableName()),
  ReturnItemCollectionMetrics: returnItemCollectionMetrics(),
  ReturnValues: returnValues(),
  Key: required(attributeMap()),
  ConditionalOperator: conditionalOperator(),
  Expected: expected(),
  AttributeUpdates: map(
    structure<AttributeValueUpdate>('AttributeValueUpdate', {
      Action: enumeration(['ADD', 'PUT', 'DELETE']),
      Value: attributeValue(),
    }),
  ),
  ConditionExpression: string(),
  UpdateExpression: string(),
  ExpressionAttributeValues: attributeMap(),
  ExpressionAttributeNames: expressionAttributeNames(),
  ReturnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailure(),
});

