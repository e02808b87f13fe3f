/**
 * DynamoDB's messages for CreateTable, DeleteTable and table lookups, word for word (its odd grammar
 * included: "Some index key attribute have no definition"). Kept together so tests can check each text
 * once and the validators read as a list of rules.
 */
import { DynamoDbError, invalidParameter, resourceInUse, resourceNotFound, validationError } from '../lib/errors.js';
import { limits } from '../lib/limits.js';

const stillInUse = 'Attempt to change a resource which is still in use: ';
const higherLimitsAdvice = 'Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.';

export type CapacityMember = 'ReadCapacityUnits' | 'WriteCapacityUnits';
export type OnDemandMember = 'MaxReadRequestUnits' | 'MaxWriteRequestUnits';

export const tableErrors = {
  payPerRequestWithThroughput: () =>
    invalidParameter('Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST'),
  provisionedWithoutThroughput: () =>
    invalidParameter('ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED'),
  capacityOutOfBounds: (value: number, member: CapacityMember, indexName?: string) =>
    validationError(`Given value ${value} for ${member} is out of bounds${indexName === undefined ? '' : ` for index ${indexName}`}`),
  onDemandOnProvisionedTable: (member: OnDemandMember) =>
    invalidParameter(`${member} for OnDemandThroughput cannot be specified when table BillingMode is PROVISIONED.`),
  onDemandOnProvisionedIndex: (member: OnDemandMember, indexName: string) =>
    invalidParameter(`${member} for OnDemandThroughput for index : ${indexName} cannot be specified when table BillingMode is PROVISIONED.`),
  onDemandOutOfRange: (member: OnDemandMember) =>
    invalidParameter(`Requested ${member} for OnDemandThroughput for table is outside of valid range`),
  onDemandOutOfRangeForIndex: (member: OnDemandMember, indexName: string) =>
    invalidParameter(`Requested ${member} for OnDemandThroughput for index : ${indexName} is outside of valid range`),

  attributeNameDuplicated: (name: string) => validationError(`Attribute Name is duplicated: ${name}`),
  keyAttributeWithoutDefinition: () => validationError('Invalid KeySchema: Some index key attribute have no definition'),
  keysNotDefined: (keys: readonly string[], definitions: readonly string[]) =>
    invalidParameter(
      `Some index key attributes are not defined in AttributeDefinitions. Keys: [${keys.join(', ')}], AttributeDefinitions: [${definitions.join(', ')}]`,
    ),
  hashAndRangeSameName: () => validationError('Both the Hash Key and the Range Key element in the KeySchema have the same name'),
  firstElementNotHash: () => validationError('Invalid KeySchema: The first KeySchemaElement is not a HASH key type'),
  secondElementNotRange: () => validationError('Invalid KeySchema: The second KeySchemaElement is not a RANGE key type'),
  definitionCountMismatch: () =>
    invalidParameter('Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions'),
  definitionsNotUsed: (definitions: readonly string[], keysUsed: readonly string[]) =>
    invalidParameter(`Some AttributeDefinitions are not used. AttributeDefinitions: [${definitions.join(', ')}], keys used: [${keysUsed.join(', ')}]`),

  indexListEmpty: (member: 'LocalSecondaryIndexes' | 'GlobalSecondaryIndexes' | 'GlobalSecondaryIndexUpdates') =>
    invalidParameter(`List of ${member} is empty`),
  tableWithoutRangeKeyForLocalIndex: () =>
    invalidParameter('Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex'),
  indexWithoutRangeKey: (indexName: string) => invalidParameter(`Index KeySchema does not have a range key for index: ${indexName}`),
  indexHashKeyDiffers: (indexName: string, indexHashKey: string, tableHashKey: string) =>
    invalidParameter(
      `Index KeySchema does not have the same leading hash key as table KeySchema for index: ${indexName}. index hash key: ${indexHashKey}, table hash key: ${tableHashKey}`,
    ),
  unknownProjectionType: () => invalidParameter('Unknown ProjectionType: null'),
  nonKeyAttributesNotAllowed: (projectionType: string) =>
    invalidParameter(`ProjectionType is ${projectionType}, but NonKeyAttributes is specified`),
  nonKeyAttributesMissing: () => invalidParameter('ProjectionType is INCLUDE, but NonKeyAttributes is not specified'),
  duplicateNonKeyAttribute: (name: string) => invalidParameter(`Duplicate element in NonKeyAttributes: ${name}`),
  duplicateIndexName: (indexName: string) => invalidParameter(`Duplicate index name: ${indexName}`),
  tooManyLocalIndexes: () =>
    invalidParameter(`Number of LocalSecondaryIndexes exceeds per-table limit of ${limits.localSecondaryIndexesPerTableMax}`),
  tooManyGlobalIndexes: () =>
    invalidParameter(`GlobalSecondaryIndex count exceeds the per-table limit of ${limits.globalSecondaryIndexesPerTableMax}`),
  tooManyProjectedAttributes: () =>
    invalidParameter(
      `The number of attributes in key schemas and projections of all secondary indexes exceeds the limit of ${limits.projectedNonKeyAttributesMax}`,
    ),
  indexThroughputNotSpecified: (indexName: string) => invalidParameter(`ProvisionedThroughput is not specified for index: ${indexName}`),
  indexThroughputOnPayPerRequest: (indexName: string) =>
    invalidParameter(`ProvisionedThroughput should not be specified for index: ${indexName} when BillingMode is PAY_PER_REQUEST`),

  streamEnabledWithoutViewType: () =>
    invalidParameter('Table is being created with a stream enabled, UpdateViewType is required'),
  streamDisabledWithViewType: () =>
    invalidParameter('Table is being created with a stream disabled, UpdateViewType should not be specified'),
  sseTypeWhileDisabled: () => invalidParameter('SSEType can not be specified if Enabled is false'),
  kmsKeyWhileDisabled: () => invalidParameter('KMSMasterKeyId can not be specified if Enabled is false'),
  aes256NotSupported: () => invalidParameter('SSEType AES256 is not supported'),
  kmsTypeRequiredForKey: () => invalidParameter('SSEType KMS is required if KMSMasterKeyId is specified'),
  invalidTableClass: () =>
    validationError(
      'Invalid table-class parameter provided. Please try again with a valid table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].',
    ),

  capacityAboveTableMaximum: (member: CapacityMember, value: number, region: string, maximum: number) =>
    new DynamoDbError(
      'LimitExceededException',
      `The requested ${member}, ${value}, is above the per table maximum for the account in ${region}. Per table maximum: ${maximum}. ${higherLimitsAdvice}`,
    ),
  capacityAboveIndexMaximum: (member: CapacityMember, indexName: string, value: number, region: string, maximum: number) =>
    new DynamoDbError(
      'LimitExceededException',
      `The requested ${member} for index ${indexName}, ${value}, is above the per index maximum for the account in ${region}. Per table maximum: ${maximum}. ${higherLimitsAdvice}`,
    ),

  tableAlreadyExists: (tableName: string) => resourceInUse(`Table already exists: ${tableName}`),
  tableNotFound: (tableName: string) => resourceNotFound(`Requested resource not found: Table: ${tableName} not found`),
  tableBeingCreated: (tableName: string) => resourceInUse(`${stillInUse}Table is being created: ${tableName}`),
  tableBeingDeleted: (tableName: string) => resourceInUse(`${stillInUse}Table is being deleted: ${tableName}`),
  tableBeingUpdated: (tableName: string) => resourceInUse(`${stillInUse}Table: ${tableName} is in the process of being updated.`),
  deletionProtected: () =>
    validationError('Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.'),
  indexesInTransition: () =>
    resourceInUse(`${stillInUse}Cannot delete table while indexes are being created, updated, or deleted.`),
} as const satisfies Record<string, (...parameters: never[]) => DynamoDbError>;

export { higherLimitsAdvice, stillInUse };
