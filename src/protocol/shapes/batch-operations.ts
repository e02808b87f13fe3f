/** Request shapes of the batch and transaction operations. Member order is DynamoDB's listing order. */
import { limits } from '../../lib/limits.js';
import {
  attributesToGet,
  expressionAttributeNames,
  namePattern,
  returnConsumedCapacity,
  returnItemCollectionMetrics,
  returnValuesOnConditionCheckFailure,
} from './common-shapes.js';
import { operationShape } from './operation.js';
import type {
  BatchGetItemRequest,
  BatchWriteItemRequest,
  DeleteRequest,
  KeysAndAttributes,
  PutRequest,
  TransactGetItem,
  TransactGetItemsRequest,
  TransactionDelete,
  TransactionGet,
  TransactionPut,
  TransactionUpdate,
  TransactWriteItem,
  TransactWriteItemsRequest,
  WriteRequest,
} from './request-types.js';
import { attributeMap, boolean, list, map, required, string, structure } from './shape.js';

/** The keys of RequestItems are table names, checked as one "Map keys" constraint. */
const tableNameKeys = {
  lengthMin: limits.tableNameLengthMin,
  lengthMax: limits.tableNameLengthMax,
  pattern: namePattern,
} as const;

export const batchGetItem = operationShape<BatchGetItemRequest>('BatchGetItem', {
  ReturnConsumedCapacity: returnConsumedCapacity(),
  RequestItems: required(
    map(
      structure<KeysAndAttributes>('KeysAndAttributes', {
        Keys: required(list(attributeMap(), { lengthMin: limits.batchGetKeysMin, lengthMax: limits.batchGetKeysMax })),
        AttributesToGet: attributesToGet(),
        ConsistentRead: boolean(),
        ProjectionExpression: string(),
        ExpressionAttributeNames: expressionAttributeNames(),
      }),
      { lengthMin: limits.requestEntriesMin, keys: tableNameKeys },
    ),
  ),
});

const writeRequest = () =>
  structure<WriteRequest>('WriteRequest', {
    DeleteRequest: structure<DeleteRequest>('DeleteRequest', { Key: required(attributeMap()) }),
    PutRequest: structure<PutRequest>('PutRequest', { Item: required(attributeMap()) }),
  });

export const batchWriteItem = operationShape<BatchWriteItemRequest>('BatchWriteItem', {
  ReturnConsumedCapacity: returnConsumedCapacity(),
  ReturnItemCollectionMetrics: returnItemCollectionMetrics(),
  RequestItems: required(
    map(list(writeRequest()), {
      lengthMin: limits.requestEntriesMin,
      keys: tableNameKeys,
      valueLengths: { lengthMin: limits.batchWriteRequestsMin, lengthMax: limits.batchWriteRequestsMax },
    }),
  ),
});

/** The members every transaction action shares, in DynamoDB's order; the action's own key member follows. */
const transactionCommon = () => ({
  TableName: string(),
  ExpressionAttributeValues: attributeMap(),
  ExpressionAttributeNames: expressionAttributeNames(),
  ReturnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailure(),
  ConditionExpression: string(),
});

const transactWriteItem = () =>
  structure<TransactWriteItem>('TransactWriteItem', {
    Put: structure<TransactionPut>('Put', { ...transactionCommon(), Item: required(attributeMap()) }),
    Update: structure<TransactionUpdate>('Update', {
      ...transactionCommon(),
      Key: required(attributeMap()),
      UpdateExpression: string(),
    }),
    Delete: structure<TransactionDelete>('Delete', { ...transactionCommon(), Key: required(attributeMap()) }),
    ConditionCheck: structure<TransactionDelete>('ConditionCheck', { ...transactionCommon(), Key: required(attributeMap()) }),
  });

export const transactWriteItems = operationShape<TransactWriteItemsRequest>('TransactWriteItems', {
  ReturnConsumedCapacity: returnConsumedCapacity(),
  ReturnItemCollectionMetrics: returnItemCollectionMetrics(),
  ClientRequestToken: string({
    lengthMin: limits.clientRequestTokenLengthMin,
    lengthMax: limits.clientRequestTokenLengthMax,
  }),
  TransactItems: required(
    list(transactWriteItem(), { lengthMin: limits.transactionActionsMin, lengthMax: limits.transactionActionsMax }),
  ),
});

export const transactGetItems = operationShape<TransactGetItemsRequest>('TransactGetItems', {
  ReturnConsumedCapacity: returnConsumedCapacity(),
  TransactItems: required(
    list(
      structure<TransactGetItem>('TransactGetItem', {
        Get: required(
          structure<TransactionGet>('Get', {
            TableName: string(),
            ExpressionAttributeNames: expressionAttributeNames(),
            ProjectionExpression: string(),
            Key: required(attributeMap()),
          }),
        ),
      }),
      { lengthMin: limits.transactionActionsMin, lengthMax: limits.transactionActionsMax },
    ),
  ),
});
