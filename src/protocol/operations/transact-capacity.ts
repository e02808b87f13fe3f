import type { TableRoute } from '../../router/router.js';
import { consumedCapacity, type ReturnConsumedCapacity } from '../consumed-capacity.js';

/** Capacity a transaction consumed on one table: transactional units (twice the ordinary ones). */
interface TableUnits {
  readUnits: number;
  writeUnits: number;
  readonly localIndexes: Map<string, number>;
  readonly globalIndexes: Map<string, number>;
}

/**
 * Sums a transaction's capacity per table, tables in order of first appearance, and renders the
 * ConsumedCapacity list transactions answer with (one entry per table).
 */
export class TransactionCapacity {
  private readonly tables = new Map<string, TableUnits>();

  private unitsOf(route: TableRoute): TableUnits {
    let units = this.tables.get(route.tableName);
    if (units === undefined) {
      units = { readUnits: 0, writeUnits: 0, localIndexes: new Map(), globalIndexes: new Map() };
      this.tables.set(route.tableName, units);
    }
    return units;
  }

  addRead(route: TableRoute, units: number): void {
    this.unitsOf(route).readUnits += units;
  }

  addWrite(route: TableRoute, units: { table: number; localIndexes: ReadonlyMap<string, number>; globalIndexes: ReadonlyMap<string, number> }): void {
    const total = this.unitsOf(route);
    total.writeUnits += units.table;
    const add = (into: Map<string, number>, from: ReadonlyMap<string, number>): void => {
      for (const [name, value] of from) into.set(name, (into.get(name) ?? 0) + value);
    };
    add(total.localIndexes, units.localIndexes);
    add(total.globalIndexes, units.globalIndexes);
  }

  render(mode: string | undefined): Record<string, unknown>[] | undefined {
    if (mode === undefined || mode === 'NONE') return undefined;
    return [...this.tables].map(([tableName, units]) => {
      // A table only read (condition checks) reports read units; one written reports write units, its
      // condition checks' reads included in the total.
      const kind = units.writeUnits > 0 ? 'write' : 'read';
      const table = units.writeUnits + units.readUnits;
      const rendered = consumedCapacity(mode as ReturnConsumedCapacity, tableName, {
        kind,
        table,
        localIndexes: units.localIndexes,
        globalIndexes: units.globalIndexes,
      });
      return rendered ?? {};
    });
  }
}
