/**
 * CreateTable's checks of LocalSecondaryIndexes and GlobalSecondaryIndexes, in DynamoDB's order:
 *
 * 1. an empty list; LSIs on a table without a sort key;
 * 2. every index's key attributes are defined;
 * 3. every definition is used by some key ("Some AttributeDefinitions are not used"; the 2026 lab saw
 *    this mask every later index error);
 * 4. per LSI, in order: key shape, a RANGE key, the table's HASH key, projection, a unique name; then the
 *    LSI count;
 * 5. per GSI, in order: key shape, projection, a unique name (across LSIs too), throughput for the billing
 *    mode; then the GSI count; then the projected-attribute total.
 */
import type { BillingMode, CreateTableRequest, GlobalSecondaryIndex, LocalSecondaryIndex } from './control-plane-requests.js';
import { tableErrors } from './table-errors.js';
import {
  attributeNames,
  checkIndexKeysDefined,
  checkKeySchemaShape,
  checkProjection,
  projectedAttributeCount,
} from './key-schema-validation.js';
import { checkCapacityBounds, outOfRangeOnDemandMember, specifiedOnDemandMember } from './throughput-rules.js';
import { limits } from '../lib/limits.js';

export function checkSecondaryIndexes(request: CreateTableRequest, billingMode: BillingMode): void {
  const localIndexes = request.LocalSecondaryIndexes;
  const globalIndexes = request.GlobalSecondaryIndexes;
  if (localIndexes === undefined && globalIndexes === undefined) return;
  if (localIndexes !== undefined) {
    if (localIndexes.length === 0) throw tableErrors.indexListEmpty('LocalSecondaryIndexes');
    if (request.KeySchema.length !== 2) throw tableErrors.tableWithoutRangeKeyForLocalIndex();
  }
  if (globalIndexes !== undefined && globalIndexes.length === 0) throw tableErrors.indexListEmpty('GlobalSecondaryIndexes');
  const allIndexes = [...(localIndexes ?? []), ...(globalIndexes ?? [])];
  const defined = attributeNames(request.AttributeDefinitions);
  for (const index of allIndexes) checkIndexKeysDefined(index.KeySchema, defined);
  checkDefinitionsUsed(request, allIndexes);
  const names = new Set<string>();
  checkLocalIndexes(localIndexes ?? [], request, names);
  checkGlobalIndexes(globalIndexes ?? [], billingMode, names);
  if (projectedAttributeCount(allIndexes.map((index) => index.Projection)) > limits.projectedNonKeyAttributesMax) {
    throw tableErrors.tooManyProjectedAttributes();
  }
}

function checkDefinitionsUsed(request: CreateTableRequest, indexes: readonly (LocalSecondaryIndex | GlobalSecondaryIndex)[]): void {
  const keysUsed: string[] = [];
  for (const keySchema of [request.KeySchema, ...indexes.map((index) => index.KeySchema)]) {
    for (const name of attributeNames(keySchema)) if (!keysUsed.includes(name)) keysUsed.push(name);
  }
  const definitions = attributeNames(request.AttributeDefinitions);
  if (definitions.some((name) => !keysUsed.includes(name))) throw tableErrors.definitionsNotUsed(definitions, keysUsed);
}

function checkUniqueName(indexName: string, names: Set<string>): void {
  if (names.has(indexName)) throw tableErrors.duplicateIndexName(indexName);
  names.add(indexName);
}

function checkLocalIndexes(indexes: readonly LocalSecondaryIndex[], request: CreateTableRequest, names: Set<string>): void {
  const tableHashKey = request.KeySchema[0]?.AttributeName ?? '';
  for (const index of indexes) {
    checkKeySchemaShape(index.KeySchema);
    if (index.KeySchema.length !== 2) throw tableErrors.indexWithoutRangeKey(index.IndexName);
    const indexHashKey = index.KeySchema[0]?.AttributeName ?? '';
    if (indexHashKey !== tableHashKey) throw tableErrors.indexHashKeyDiffers(index.IndexName, indexHashKey, tableHashKey);
    checkProjection(index.Projection);
    checkUniqueName(index.IndexName, names);
  }
  if (indexes.length > limits.localSecondaryIndexesPerTableMax) throw tableErrors.tooManyLocalIndexes();
}

function checkGlobalIndexes(indexes: readonly GlobalSecondaryIndex[], billingMode: BillingMode, names: Set<string>): void {
  for (const index of indexes) {
    checkKeySchemaShape(index.KeySchema);
    checkProjection(index.Projection);
    checkUniqueName(index.IndexName, names);
    checkGlobalIndexThroughput(index, billingMode);
  }
  if (indexes.length > limits.globalSecondaryIndexesPerTableMax) throw tableErrors.tooManyGlobalIndexes();
}

function checkGlobalIndexThroughput(index: GlobalSecondaryIndex, billingMode: BillingMode): void {
  const onDemand = index.OnDemandThroughput;
  if (billingMode === 'PROVISIONED') {
    if (index.ProvisionedThroughput === undefined) throw tableErrors.indexThroughputNotSpecified(index.IndexName);
    checkCapacityBounds(index.ProvisionedThroughput);
    const member = onDemand === undefined ? undefined : specifiedOnDemandMember(onDemand);
    if (member !== undefined) throw tableErrors.onDemandOnProvisionedIndex(member, index.IndexName);
    return;
  }
  if (index.ProvisionedThroughput !== undefined) throw tableErrors.indexThroughputOnPayPerRequest(index.IndexName);
  const outOfRange = onDemand === undefined ? undefined : outOfRangeOnDemandMember(onDemand, false);
  if (outOfRange !== undefined) throw tableErrors.onDemandOutOfRangeForIndex(outOfRange, index.IndexName);
}
