import type { GlobalIndexDefinition, OnDemandThroughputState, ProvisionedThroughputState, TableDefinition } from '../metadata/table-definition.js';
import type { ResourceLimits, TableLimits } from '../router/throughput-governor.js';

/** What the throughput governor enforces for a table: its and its global indexes' per-second limits. */
export function throughputLimitsOf(definition: TableDefinition): TableLimits {
  const globalIndexes = new Map<string, ResourceLimits>();
  for (const index of definition.globalSecondaryIndexes) globalIndexes.set(index.indexName, indexLimits(definition, index));
  return {
    table: resourceLimits(definition.billingMode, definition.tableArn, definition.provisionedThroughput, definition.onDemandThroughput),
    globalIndexes,
  };
}

function indexLimits(definition: TableDefinition, index: GlobalIndexDefinition): ResourceLimits {
  return resourceLimits(definition.billingMode, index.indexArn, index.provisionedThroughput, index.onDemandThroughput);
}

/** Provisioned: the provisioned units. On demand: the configured maxima, if any (otherwise unlimited). */
function resourceLimits(
  billingMode: TableDefinition['billingMode'],
  arn: string,
  provisioned: ProvisionedThroughputState,
  onDemand: OnDemandThroughputState | undefined,
): ResourceLimits {
  if (billingMode === 'PROVISIONED') {
    return { mode: 'provisioned', arn, read: provisioned.readCapacityUnits, write: provisioned.writeCapacityUnits };
  }
  return { mode: 'onDemand', arn, read: positive(onDemand?.maxReadRequestUnits), write: positive(onDemand?.maxWriteRequestUnits) };
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && value > 0 ? value : undefined;
}
