import { DynamoDbError } from '../../lib/errors.js';
import type { WriteCapacity } from '../../partition/write-capacity.js';
import type { ReadPage, TableRoute } from '../../router/router.js';
import { pageReadUnits, type PageShaping } from './read-page-response.js';
import type { ReadIndex } from './read-select.js';
import type { CapacityKind, ThroughputGovernor } from '../../router/throughput-governor.js';

/**
 * Throughput enforcement for the operations: which tables of a batch may run, and the charge for writes.
 */

/**
 * A batch under throughput enforcement, as DynamoDB answers it: the tables whose capacity is spent are not
 * processed (their requests come back unprocessed, for the client to retry), and only when no table can be
 * processed at all is the whole batch refused with the throttling error.
 */
export function admittedTables<T extends { readonly route: TableRoute }>(
  governor: ThroughputGovernor | undefined,
  tables: readonly T[],
  kind: CapacityKind,
): { readonly admitted: T[]; readonly throttled: T[] } {
  if (governor === undefined) return { admitted: [...tables], throttled: [] };
  const admitted: T[] = [];
  const throttled: T[] = [];
  let firstRefusal: DynamoDbError | undefined;
  for (const table of tables) {
    try {
      governor.admit(table.route.tableName, kind);
      admitted.push(table);
    } catch (error) {
      if (!(error instanceof DynamoDbError)) throw error;
      firstRefusal ??= error;
      throttled.push(table);
    }
  }
  if (admitted.length === 0 && firstRefusal !== undefined) throw firstRefusal;
  return { admitted, throttled };
}

/**
 * Whether a write's capacity units are wanted: charged while throughput is enforced, or reported when the
 * request asks for ConsumedCapacity. Otherwise nobody reads them and their item sizes need not be computed.
 */
export function unitsNeeded(governor: ThroughputGovernor | undefined, returnConsumedCapacity: string | undefined): boolean {
  return governor?.enabled === true || (returnConsumedCapacity !== undefined && returnConsumedCapacity !== 'NONE');
}

/** A table's write units as the governor charges them: LSIs share the table's capacity. */
export function chargeWrites(governor: ThroughputGovernor | undefined, tableName: string, units: WriteCapacity): void {
  if (governor === undefined) return;
  let table = units.table;
  for (const value of units.localIndexes.values()) table += value;
  governor.charge(tableName, 'write', { table, globalIndexes: units.globalIndexes });
}

/**
 * A Query or Scan page under throughput enforcement: admitted while its table (or the global index it
 * reads) has capacity, charged afterwards with the bytes it read.
 */
export async function throttledRead(
  governor: ThroughputGovernor | undefined,
  route: TableRoute,
  index: ReadIndex | undefined,
  shaping: PageShaping,
  read: () => Promise<ReadPage>,
): Promise<ReadPage> {
  const indexName = index?.kind === 'global' ? index.index.name : undefined;
  governor?.admit(route.tableName, 'read', indexName);
  const page = await read();
  governor?.charge(route.tableName, 'read', { table: pageReadUnits(page, shaping) }, indexName);
  return page;
}
