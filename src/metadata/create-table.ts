/**
 * CreateTable: DynamoDB's semantic checks, in its order, then the new table's definition (status
 * CREATING; `settleTable` makes it ACTIVE).
 *
 * Order: billing mode against throughput, then capacity bounds and on-demand caps; attribute
 * definitions; the table key schema; secondary indexes; stream; encryption; table class; tags; and last
 * the per-table capacity maxima (LimitExceededException, which DynamoDB only reaches once the request is
 * valid). Whether the name is free is the caller's question, asked after these checks, because DynamoDB
 * answers an invalid request for an existing name with the ValidationException (see `tableNameTaken`).
 */
import type { BillingMode, CreateTableRequest, GlobalSecondaryIndex, LocalSecondaryIndex, StreamSpecification } from './control-plane-requests.js';
import {
  indexArnFor,
  keySchemaOf,
  partitionCountFor,
  raisedWarmThroughput,
  tableArnFor,
  type GlobalIndexDefinition,
  type LocalIndexDefinition,
  type SseState,
  type TableDefinition,
  type TableStatus,
  type ThroughputUnits,
} from './table-definition.js';
import { tableErrors } from './table-errors.js';
import { checkDefinitionsUnique, checkTableKeySchema } from './key-schema-validation.js';
import { checkSecondaryIndexes } from './create-table-indexes.js';
import {
  checkCapacityBounds,
  checkCapacityMaximum,
  initialThroughputState,
  onDemandStateOf,
  outOfRangeOnDemandMember,
  specifiedOnDemandMember,
  unitsOf,
} from './throughput-rules.js';
import { checkSseSpecification, requestedKeyArn, wantsKmsEncryption } from './sse-specification.js';
import { checkTableClass } from './table-class.js';
import { validatedTags } from './tag-validation.js';

export interface CreateTableContext {
  readonly region: string;
  readonly accountId: string;
  readonly nowMs: number;
  /** A fresh UUID for TableId. */
  readonly tableId: string;
  /** The label of the stream, used if the request enables one (see `streamLabelAt`). */
  readonly streamLabel: string;
}

export function createTableDefinition(request: CreateTableRequest, context: CreateTableContext): TableDefinition {
  const billingMode = request.BillingMode ?? 'PROVISIONED';
  checkBilling(request, billingMode);
  checkDefinitionsUnique(request.AttributeDefinitions);
  const hasIndexes = request.LocalSecondaryIndexes !== undefined || request.GlobalSecondaryIndexes !== undefined;
  checkTableKeySchema(request.KeySchema, request.AttributeDefinitions, hasIndexes);
  checkSecondaryIndexes(request, billingMode);
  if (request.StreamSpecification !== undefined) checkStreamSpecification(request.StreamSpecification);
  if (request.SSESpecification !== undefined) checkSseSpecification(request.SSESpecification);
  const tableClass = request.TableClass === undefined ? undefined : checkTableClass(request.TableClass);
  const tags = validatedTags(request.Tags ?? []);
  checkMaxima(request, context.region);
  return {
    ...tableIdentity(request.TableName, context),
    status: 'CREATING',
    pendingChanges: [{ kind: 'creation' }],
    attributeDefinitions: request.AttributeDefinitions.map((definition) => ({ ...definition })),
    keySchema: request.KeySchema.map((element) => ({ ...element })),
    key: keySchemaOf(request.KeySchema, request.AttributeDefinitions),
    ...throughputFields(request, billingMode, context.nowMs),
    localSecondaryIndexes: (request.LocalSecondaryIndexes ?? []).map((index) => localIndex(index, request, context)),
    globalSecondaryIndexes: (request.GlobalSecondaryIndexes ?? []).map((index) => globalIndex(index, request, billingMode, context)),
    ...(request.StreamSpecification?.StreamEnabled === true && request.StreamSpecification.StreamViewType !== undefined
      ? { streamViewType: request.StreamSpecification.StreamViewType, latestStreamLabel: context.streamLabel }
      : {}),
    ...sseField(request, context),
    ...(tableClass === undefined ? {} : { tableClass }),
    deletionProtectionEnabled: request.DeletionProtectionEnabled ?? false,
    tags,
  };
}

/** DynamoDB's answer when the name is taken: a table still being created says so, any other "exists". */
export function tableNameTaken(existingStatus: TableStatus, tableName: string) {
  return existingStatus === 'CREATING' ? tableErrors.tableBeingCreated(tableName) : tableErrors.tableAlreadyExists(tableName);
}

function checkBilling(request: CreateTableRequest, billingMode: BillingMode): void {
  const throughput = request.ProvisionedThroughput;
  if (billingMode === 'PAY_PER_REQUEST' && throughput !== undefined) throw tableErrors.payPerRequestWithThroughput();
  if (billingMode === 'PROVISIONED' && throughput === undefined) throw tableErrors.provisionedWithoutThroughput();
  if (throughput !== undefined) checkCapacityBounds(throughput);
  const onDemand = request.OnDemandThroughput;
  if (onDemand === undefined) return;
  const member = specifiedOnDemandMember(onDemand);
  if (billingMode === 'PROVISIONED' && member !== undefined) throw tableErrors.onDemandOnProvisionedTable(member);
  const outOfRange = outOfRangeOnDemandMember(onDemand, false);
  if (outOfRange !== undefined) throw tableErrors.onDemandOutOfRange(outOfRange);
}

function checkStreamSpecification(specification: StreamSpecification): void {
  if (specification.StreamEnabled && specification.StreamViewType === undefined) throw tableErrors.streamEnabledWithoutViewType();
  if (!specification.StreamEnabled && specification.StreamViewType !== undefined) throw tableErrors.streamDisabledWithViewType();
}

function checkMaxima(request: CreateTableRequest, region: string): void {
  if (request.ProvisionedThroughput !== undefined) checkCapacityMaximum(unitsOf(request.ProvisionedThroughput), region);
  for (const index of request.GlobalSecondaryIndexes ?? []) {
    if (index.ProvisionedThroughput !== undefined) checkCapacityMaximum(unitsOf(index.ProvisionedThroughput), region, index.IndexName);
  }
}

function tableIdentity(tableName: string, context: CreateTableContext) {
  return {
    tableName,
    tableId: context.tableId,
    tableArn: tableArnFor(context.region, context.accountId, tableName),
    region: context.region,
    accountId: context.accountId,
    creationMs: context.nowMs,
  };
}

const noThroughput: ThroughputUnits = { readCapacityUnits: 0, writeCapacityUnits: 0 };

function throughputFields(request: CreateTableRequest, billingMode: BillingMode, nowMs: number) {
  const units = request.ProvisionedThroughput === undefined ? noThroughput : unitsOf(request.ProvisionedThroughput);
  const onDemand = billingMode === 'PAY_PER_REQUEST' ? onDemandStateOf(request.OnDemandThroughput) : undefined;
  return {
    billingMode,
    provisionedThroughput: initialThroughputState(units, nowMs),
    ...(onDemand === undefined ? {} : { onDemandThroughput: onDemand }),
    warmThroughput: raisedWarmThroughput(undefined, billingMode, units),
    partitionCount: partitionCountFor(billingMode, units),
  };
}

function localIndex(index: LocalSecondaryIndex, request: CreateTableRequest, context: CreateTableContext): LocalIndexDefinition {
  return {
    indexName: index.IndexName,
    indexArn: indexArnFor(tableArnFor(context.region, context.accountId, request.TableName), index.IndexName),
    keySchema: index.KeySchema.map((element) => ({ ...element })),
    key: keySchemaOf(index.KeySchema, request.AttributeDefinitions),
    projection: { ...index.Projection },
  };
}

function globalIndex(
  index: GlobalSecondaryIndex,
  request: CreateTableRequest,
  billingMode: BillingMode,
  context: CreateTableContext,
): GlobalIndexDefinition {
  const units = index.ProvisionedThroughput === undefined ? noThroughput : unitsOf(index.ProvisionedThroughput);
  const onDemand = billingMode === 'PAY_PER_REQUEST' ? onDemandStateOf(index.OnDemandThroughput) : undefined;
  return {
    indexName: index.IndexName,
    indexArn: indexArnFor(tableArnFor(context.region, context.accountId, request.TableName), index.IndexName),
    keySchema: index.KeySchema.map((element) => ({ ...element })),
    key: keySchemaOf(index.KeySchema, request.AttributeDefinitions),
    projection: { ...index.Projection },
    status: 'CREATING',
    provisionedThroughput: initialThroughputState(units, context.nowMs),
    ...(onDemand === undefined ? {} : { onDemandThroughput: onDemand }),
    warmThroughput: raisedWarmThroughput(undefined, billingMode, units),
    partitionCount: partitionCountFor(billingMode, units),
  };
}

function sseField(request: CreateTableRequest, context: CreateTableContext): { sse?: SseState } {
  const specification = request.SSESpecification;
  if (specification === undefined || !wantsKmsEncryption(specification)) return {};
  return { sse: { kmsMasterKeyArn: requestedKeyArn(specification, context.region, context.accountId), status: 'ENABLED' } };
}
