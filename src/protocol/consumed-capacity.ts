/**
 * The ConsumedCapacity member of a response, in DynamoDB's shapes: TOTAL gives the table name and the
 * total; INDEXES adds the read or write units, the table's own share, and each index's share.
 */
export type ReturnConsumedCapacity = 'INDEXES' | 'TOTAL' | 'NONE';

export interface CapacityBreakdown {
  readonly kind: 'read' | 'write';
  readonly table: number;
  readonly localIndexes?: ReadonlyMap<string, number>;
  readonly globalIndexes?: ReadonlyMap<string, number>;
}

export function consumedCapacity(
  mode: ReturnConsumedCapacity | undefined,
  tableName: string,
  breakdown: CapacityBreakdown,
): Record<string, unknown> | undefined {
  if (mode === undefined || mode === 'NONE') return undefined;
  let total = breakdown.table;
  for (const units of breakdown.localIndexes?.values() ?? []) total += units;
  for (const units of breakdown.globalIndexes?.values() ?? []) total += units;
  if (mode === 'TOTAL') return { TableName: tableName, CapacityUnits: total };
  const unitsField = breakdown.kind === 'read' ? 'ReadCapacityUnits' : 'WriteCapacityUnits';
  const share = (units: number): Record<string, number> => ({ CapacityUnits: units, [unitsField]: units });
  const result: Record<string, unknown> = { TableName: tableName, CapacityUnits: total, [unitsField]: total, Table: share(breakdown.table) };
  const indexShares = (indexes: ReadonlyMap<string, number> | undefined): Record<string, unknown> | undefined => {
    if (indexes === undefined || indexes.size === 0) return undefined;
    const shares: Record<string, unknown> = {};
    for (const [name, units] of indexes) shares[name] = share(units);
    return shares;
  };
  const local = indexShares(breakdown.localIndexes);
  if (local !== undefined) result['LocalSecondaryIndexes'] = local;
  const global = indexShares(breakdown.globalIndexes);
  if (global !== undefined) result['GlobalSecondaryIndexes'] = global;
  return result;
}
