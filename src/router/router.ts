import type { Item } from '../model/attribute-value.js';
import type { ItemWriteCommand, ItemWriteRefusal } from '../partition/item-command.js';
import type { PartitionRange, PartitionSchema } from '../partition/partition-schema.js';
import type { SizeStatistics } from '../partition/partition.js';

/** What the router needs to know to reach a table's partitions: its schema and its partition map. */
export interface TableRoute {
  readonly tableName: string;
  readonly schema: PartitionSchema;
  readonly partitions: readonly PartitionRange[];
}

export type ItemWriteResult =
  | { readonly ok: true; readonly old: Item | undefined; readonly new: Item | undefined }
  | { readonly ok: false; readonly reason: ItemWriteRefusal; readonly old: Item | undefined };

export interface TableStatistics {
  readonly table: SizeStatistics;
  readonly indexes: ReadonlyMap<string, SizeStatistics>;
}

/**
 * The request router (DESIGN.md §2): sends each item operation to the partition that owns its key. The
 * embedded router calls partitions in this process; a cluster router sends the same calls over RPC, so
 * every method is asynchronous and every argument is data. A write resolves once it is durable.
 */
export interface Router {
  getItem(route: TableRoute, key: Item): Promise<Item | undefined>;
  writeItem(route: TableRoute, key: Item, command: ItemWriteCommand): Promise<ItemWriteResult>;
  statistics(route: TableRoute): TableStatistics;
}
