/**
 * The request-shape layer: what DynamoDB's request framework checks in every JSON body before any
 * operation logic runs. First the types (a SerializationException for the first member of the wrong JSON
 * type), then a few operation preconditions, then the constraints ("N validation errors detected: ...").
 *
 * After `validateRequestShape` returns, a handler may read the body as the operation's request type.
 * Attribute values inside it are only known to be JSON objects: model/ validates their contents.
 */
import { validationError } from '../../lib/errors.js';
import { batchGetItem, batchWriteItem, transactGetItems, transactWriteItems } from './batch-operations.js';
import { deleteItem, getItem, putItem, updateItem } from './item-operations.js';
import type { OperationShape } from './operation.js';
import { query, scan } from './read-operations.js';
import { describeStream, getRecords, getShardIterator, listStreams } from './streams-operations.js';
import { listTagsOfResource, tagResource, untagResource } from './tag-operations.js';
import { describeTimeToLive, updateTimeToLive } from './time-to-live-operations.js';
import {
  createTable,
  deleteTable,
  describeEndpoints,
  describeLimits,
  describeTable,
  listTables,
  updateTable,
} from './table-operations.js';
import { checkShape, type ShapeHooks } from './validate.js';

export const requestShapes = {
  CreateTable: createTable,
  DescribeTable: describeTable,
  ListTables: listTables,
  UpdateTable: updateTable,
  DeleteTable: deleteTable,
  DescribeLimits: describeLimits,
  DescribeEndpoints: describeEndpoints,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsOfResource: listTagsOfResource,
  UpdateTimeToLive: updateTimeToLive,
  DescribeTimeToLive: describeTimeToLive,
  PutItem: putItem,
  GetItem: getItem,
  DeleteItem: deleteItem,
  UpdateItem: updateItem,
  Query: query,
  Scan: scan,
  BatchGetItem: batchGetItem,
  BatchWriteItem: batchWriteItem,
  TransactWriteItems: transactWriteItems,
  TransactGetItems: transactGetItems,
  ListStreams: listStreams,
  DescribeStream: describeStream,
  GetShardIterator: getShardIterator,
  GetRecords: getRecords,
} as const satisfies Record<string, OperationShape>;

/** The operations whose requests this layer knows. */
export type OperationName = keyof typeof requestShapes;

export function isKnownOperation(name: string): name is OperationName {
  return Object.hasOwn(requestShapes, name);
}

/**
 * Checks a parsed JSON body against the operation's request shape; throws DynamoDB's
 * SerializationException or ValidationException (a DynamoDbError) when DynamoDB would.
 *
 * Integer members given a fraction are truncated and boolean members given a word DynamoDB accepts
 * ("true", "no", ...) are replaced by booleans, in place. `hooks.attributeValue` sees every attribute value
 * during the type stage, so model/ can report a mistyped attribute value with DynamoDB's precedence.
 */
export function validateRequestShape(operation: OperationName, body: unknown, hooks?: ShapeHooks): void {
  const shape: OperationShape = requestShapes[operation];
  const message = checkShape(shape.input, body, hooks);
  const request = body as Readonly<Record<string, unknown>>;
  for (const precondition of shape.preconditions) {
    const error = precondition(request);
    if (error !== undefined) throw error;
  }
  if (message !== undefined) throw validationError(message);
}

export type { ShapeHooks } from './validate.js';
export type { OperationShape } from './operation.js';
export type {
  AttributeValueShape,
  ListShape,
  MapShape,
  NumberShape,
  Shape,
  ShapeKind,
  StringShape,
  StructureMember,
  StructureShape,
} from './shape.js';
export type * from './request-types.js';
