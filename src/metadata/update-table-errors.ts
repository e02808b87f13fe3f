/**
 * DynamoDB's messages for UpdateTable, word for word. The "still in use" family is ResourceInUseException
 * (retry later); the "will not change" and exclusivity families are ValidationException; quotas are
 * LimitExceededException (its "Subscriber limit exceeded:" prefix included).
 */
import { DynamoDbError, invalidParameter, resourceInUse, resourceNotFound, validationError } from '../lib/errors.js';
import { limits } from '../lib/limits.js';
import { higherLimitsAdvice, stillInUse, type OnDemandMember } from './table-errors.js';
import { formatUtcLongDateTime, formatUtcIsoWithoutZone } from './utc-time-format.js';
import { controlPlaneLimits } from './control-plane-limits.js';

export interface ThroughputValues {
  readonly readCapacityUnits: number;
  readonly writeCapacityUnits: number;
}

const requiredMembers =
  'ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, ' +
  'MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, ' +
  'WarmThroughput or TableClass';

function unchangedThroughputMessage(subject: string, owner: string, current: ThroughputValues, requested: ThroughputValues): string {
  return (
    `The provisioned throughput for ${subject} will not change. The requested value equals the current value. ` +
    `Current ReadCapacityUnits provisioned for ${owner}: ${current.readCapacityUnits}. Requested ReadCapacityUnits: ${requested.readCapacityUnits}. ` +
    `Current WriteCapacityUnits provisioned for ${owner}: ${current.writeCapacityUnits}. Requested WriteCapacityUnits: ${requested.writeCapacityUnits}. ` +
    higherLimitsAdvice
  );
}

export const updateTableErrors = {
  nothingToUpdate: () => validationError(`At least one of ${requiredMembers} is required`),
  onlyOperation: (what: 'Server-Side Encryption' | 'TableClass' | 'DeletionProtection') =>
    invalidParameter(`${what} modification must be the only operation in the request`),
  onDemandOnlyWithBillingMode: () => invalidParameter('OnDemandThroughput can only be combined with BillingMode in an UpdateTable request'),
  streamWhileChangingIops: () => invalidParameter('You cannot modify stream status while updating table IOPS'),
  indexWhileChangingIops: () => invalidParameter('You cannot create or delete index while updating table IOPS'),
  indexWhileChangingStream: () => invalidParameter('You cannot create or delete index while changing stream status'),
  indexUpdateWithoutAction: () =>
    invalidParameter(
      'One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null',
    ),
  indexUpdateWithSeveralActions: () =>
    invalidParameter('Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object'),
  indexUpdatedTwice: (indexName: string) =>
    invalidParameter(`Only one global secondary index update per index is allowed simultaneously. Index: ${indexName}`),
  streamEnableWithoutViewType: () => invalidParameter('If stream is being enabled then UpdateViewType is required'),
  streamDisableWithViewType: () => invalidParameter('If stream is being disabled, then UpdateViewType must not be specified'),
  definitionsMissingForIndex: (indexName: string) => invalidParameter(`AttributeDefinitions is not specified for index: ${indexName}`),

  throughputRequiredForProvisioned: () => invalidParameter('ProvisionedThroughput must be specified when BillingMode is PROVISIONED'),
  throughputWithPayPerRequest: () => invalidParameter('ProvisionedThroughput cannot be specified when BillingMode is PAY_PER_REQUEST'),
  onDemandOnProvisionedTable: (member: OnDemandMember) =>
    invalidParameter(`${member} for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED`),
  onDemandOnProvisionedIndex: (member: OnDemandMember, indexName: string) =>
    invalidParameter(`${member} for OnDemandThroughput for index : ${indexName} cannot be specified when the table BillingMode is PROVISIONED`),
  indexThroughputRequiredForSwitch: (indexName: string) => invalidParameter(`ProvisionedThroughput must be specified for index: ${indexName}`),
  indexThroughputRequired: (indexName: string) =>
    invalidParameter(`Both ReadCapacityUnits and WriteCapacityUnits must be specified for index: ${indexName}`),
  indexThroughputOnPayPerRequest: (indexName: string) =>
    invalidParameter(`Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: ${indexName} when BillingMode is PAY_PER_REQUEST`),
  indexUpdateOnPayPerRequest: (indexName: string) =>
    invalidParameter(`The only Updates for index: ${indexName} when TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput`),
  tableThroughputUnchanged: (current: ThroughputValues, requested: ThroughputValues) =>
    validationError(unchangedThroughputMessage('the table', 'the table', current, requested)),
  indexThroughputUnchanged: (indexName: string, current: ThroughputValues, requested: ThroughputValues) =>
    validationError(unchangedThroughputMessage(`the index ${indexName}`, `index ${indexName}`, current, requested)),
  decreaseLimit: (decreasesToday: number, lastDecreaseMs: number, nextDecreaseMs: number) =>
    new DynamoDbError(
      'LimitExceededException',
      'Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. ' +
        `After the first ${controlPlaneLimits.throughputDecreasesBeforeHourlyLimit} decreases, each subsequent decrease in the same UTC day can be performed at most once every ` +
        `${controlPlaneLimits.throughputDecreaseIntervalMs / 1000} seconds. Number of decreases today: ${decreasesToday}. ` +
        `Last decrease at ${formatUtcLongDateTime(lastDecreaseMs)}. Next decrease can be made at ${formatUtcLongDateTime(nextDecreaseMs)}.`,
    ),
  onlyOneIndexOperation: () =>
    new DynamoDbError('LimitExceededException', 'Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table'),
  tooManyGlobalIndexes: () =>
    new DynamoDbError(
      'LimitExceededException',
      `Subscriber limit exceeded: Number of global secondary indexes exceeds per-table limit of ${limits.globalSecondaryIndexesPerTableMax}`,
    ),
  indexAlreadyExists: () => validationError('Attempting to create an index which already exists'),
  notAGlobalIndex: (action: 'delete' | 'update', indexName: string) =>
    validationError(`Cannot ${action} an index that is not a GlobalSecondaryIndex: ${indexName}`),
  indexNotFound: (indexName: string, tableName: string) =>
    resourceNotFound(`Requested resource not found: Index ${indexName} for table ${tableName}`),
  streamAlreadyEnabled: (tableName: string) => validationError(`Table already has an enabled stream: TableName: ${tableName}`),
  noStreamToDisable: (tableName: string) => validationError(`Table has no stream to disable: TableName: ${tableName}`),
  alreadyEncryptedByDefault: () => invalidParameter('Table is already encrypted by default'),
  alreadyEncryptedWithKey: () =>
    invalidParameter('Table is already encrypted with given KMSMasterKeyId. Use KMSMasterKeyId parameter if you want to change Master Key'),
  deletionProtectionCooldown: (tableName: string, retryAfterMs: number) =>
    new DynamoDbError(
      'ThrottlingException',
      `Deletion protection setting for table ${tableName} modified within the previous ${controlPlaneLimits.deletionProtectionCooldownMs} milliseconds. ` +
        `Please try again after ${formatUtcIsoWithoutZone(retryAfterMs)}`,
    ),

  iopsBeingUpdated: (tableName: string) => resourceInUse(`${stillInUse}Table IOPS are currently being updated. Table: ${tableName}`),
  streamWhileIopsBeingUpdated: (tableName: string) =>
    resourceInUse(`${stillInUse}Can't enable or disable stream while table IOPS are being updated. Table: ${tableName}`),
  indexWhileIopsBeingUpdated: (tableName: string) =>
    resourceInUse(`${stillInUse}Can't create or delete indexes while table IOPS are being updated. Table: ${tableName}`),
  indexWhileStreamBeingUpdated: () => resourceInUse(`${stillInUse}Can't create or delete an index when stream status is being updated.`),
  indexWhileTableClassBeingUpdated: () =>
    resourceInUse(`${stillInUse}Can't create or delete an index when a table class update is in progress.`),
  onDemandWhileBillingModeBeingUpdated: () =>
    resourceInUse(`${stillInUse}OnDemandThroughput cannot be updated while BillingMode update is in progress`),
  onDemandWhileIndexesChange: (phase: 'creation' | 'deletion', indexNames: readonly string[]) =>
    resourceInUse(`${stillInUse}OnDemandThroughput cannot be updated while index ${phase} is in progress for indexes: [${indexNames.join(', ')}]`),
  iopsWhileIndexDeleting: (tableName: string, indexNames: readonly string[]) =>
    resourceInUse(`${stillInUse}Can't change table IOPS when an index is being deleted. Table: ${tableName} Indexes: [${indexNames.join(', ')}]`),
  streamWhileIndexCreating: () => resourceInUse(`${stillInUse}Can't change stream status when an index is being created`),
  indexBeingDeleted: (tableName: string, indexName: string) =>
    resourceInUse(`${stillInUse}Index is being deleted. Table: ${tableName} Index: ${indexName}`),
  indexBeingUpdated: (tableName: string, indexName: string) =>
    resourceInUse(`${stillInUse}Index is being updated. Table: ${tableName} Index: ${indexName}`),
  indexInResourceAllocation: (tableName: string, indexName: string) =>
    resourceInUse(
      `${stillInUse}Index creation is in resource allocation phase. Retry deletion during backfilling phase or when the index is active. Table: ${tableName} Index: ${indexName}`,
    ),
} as const satisfies Record<string, (...parameters: never[]) => DynamoDbError>;
