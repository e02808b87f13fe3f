/**
 * Shapes shared by several operations. Enum values are listed in the order DynamoDB quotes them in
 * "Member must satisfy enum value set: [...]" (not alphabetical, not the documentation's order).
 */
import { limits } from '../../lib/limits.js';
import type {
  AttributeDefinition,
  Condition,
  ExpectedAttributeValue,
  KeySchemaElement,
  OnDemandThroughput,
  Projection,
  ProvisionedThroughput,
  SSESpecification,
  StreamSpecification,
  Tag,
} from './request-types.js';
import {
  attributeValue,
  boolean,
  enumeration,
  list,
  long,
  map,
  pattern,
  required,
  string,
  structure,
} from './shape.js';

export const namePattern = pattern('[a-zA-Z0-9_.-]+');

/** TableName of the item and read operations: checked with the other members. */
export const tableName = () =>
  string({ pattern: namePattern, lengthMin: limits.tableNameLengthMin, lengthMax: limits.tableNameLengthMax });

/**
 * TableName of the table operations, whose presence and length DynamoDB checks before the other
 * constraints (see `preconditions.ts`); only the pattern is left to the constraint stage.
 */
export const tableNameOfTableOperation = () => string({ pattern: namePattern });

export const indexName = () =>
  string({ pattern: namePattern, lengthMin: limits.indexNameLengthMin, lengthMax: limits.indexNameLengthMax });

export const returnConsumedCapacity = () => enumeration(['INDEXES', 'TOTAL', 'NONE']);
export const returnItemCollectionMetrics = () => enumeration(['SIZE', 'NONE']);
export const returnValues = () => enumeration(['ALL_NEW', 'UPDATED_OLD', 'ALL_OLD', 'NONE', 'UPDATED_NEW']);
export const returnValuesOnConditionCheckFailure = () => enumeration(['ALL_OLD', 'NONE']);
export const conditionalOperator = () => enumeration(['OR', 'AND']);
export const select = () => enumeration(['SPECIFIC_ATTRIBUTES', 'COUNT', 'ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES']);
export const billingMode = () => enumeration(['PROVISIONED', 'PAY_PER_REQUEST']);
/**
 * TableClass is a plain string to the request model: DynamoDB judges its value later, with its own message
 * ("Invalid table-class parameter provided…", metadata/table-class.ts), not as an enum violation.
 */
export const tableClass = () => string();

const comparisonOperators = [
  'IN', 'NULL', 'BETWEEN', 'LT', 'NOT_CONTAINS', 'EQ', 'GT', 'NOT_NULL', 'NE', 'LE', 'BEGINS_WITH', 'GE', 'CONTAINS',
] as const;
export const comparisonOperator = () => enumeration(comparisonOperators);

export const expressionAttributeNames = () => map(string());
export const attributesToGet = () =>
  list(string(), { lengthMin: limits.attributesToGetCountMin, lengthMax: limits.attributesToGetCountMax });

export const keySchema = () =>
  list(
    structure<KeySchemaElement>('KeySchemaElement', {
      AttributeName: required(string()),
      KeyType: required(enumeration(['HASH', 'RANGE'])),
    }),
    { lengthMin: limits.keySchemaElementsMin, lengthMax: limits.keySchemaElementsMax },
  );

export const attributeDefinitions = () =>
  list(
    structure<AttributeDefinition>('AttributeDefinition', {
      AttributeName: required(string()),
      AttributeType: required(enumeration(['B', 'N', 'S'])),
    }),
  );

const capacityUnits = () => long({ valueMin: limits.capacityUnitsMin });

export const provisionedThroughput = () =>
  structure<ProvisionedThroughput>('ProvisionedThroughput', {
    WriteCapacityUnits: required(capacityUnits()),
    ReadCapacityUnits: required(capacityUnits()),
  });

export const onDemandThroughput = () =>
  structure<OnDemandThroughput>('OnDemandThroughput', {
    MaxReadRequestUnits: long(),
    MaxWriteRequestUnits: long(),
  });

export const projection = () =>
  structure<Projection>('Projection', {
    ProjectionType: enumeration(['ALL', 'INCLUDE', 'KEYS_ONLY']),
    NonKeyAttributes: list(string(), { lengthMin: limits.nonKeyAttributesCountMin }),
  });

export const streamSpecification = () =>
  structure<StreamSpecification>('StreamSpecification', {
    StreamEnabled: required(boolean()),
    StreamViewType: enumeration(['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES']),
  });

export const sseSpecification = () =>
  structure<SSESpecification>('SSESpecification', {
    Enabled: boolean(),
    SSEType: enumeration(['AES256', 'KMS']),
    KMSMasterKeyId: string(),
  });

export const tags = () =>
  list(
    structure<Tag>('Tag', {
      Key: required(string({ lengthMin: limits.tagKeyLengthMin, lengthMax: limits.tagKeyLengthMax })),
      Value: required(string({ lengthMax: limits.tagValueLengthMax })),
    }),
  );

/** The legacy Expected map of PutItem, UpdateItem and DeleteItem. */
export const expected = () =>
  map(
    structure<ExpectedAttributeValue>('ExpectedAttributeValue', {
      AttributeValueList: list(attributeValue()),
      ComparisonOperator: comparisonOperator(),
      Exists: boolean(),
      Value: attributeValue(),
    }),
  );

/** The legacy condition maps of Query and Scan: KeyConditions, QueryFilter, ScanFilter. */
export const conditions = () =>
  map(
    structure<Condition>('Condition', {
      AttributeValueList: list(attributeValue()),
      ComparisonOperator: required(comparisonOperator()),
    }),
  );
