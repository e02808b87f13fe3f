import type { Item } from '../model/attribute-value.js';
import type { ItemWriteRefusal, PartitionWriteCommand } from '../partition/item-command.js';
import type { PartitionRange, PartitionSchema } from '../partition/partition-schema.js';
import type { SizeStatistics } from '../partition/partition.js';
import type { SortKeyRange } from '../partition/partition-reads.js';
import type { StoredItem } from '../partition/stored-item.js';
import type { KeyValue } from '../model/attribute-value.js';
import type { TransactionGetAction, TransactionReadOutcome, TransactionWriteAction, TransactionWriteResult } from './transaction-types.js';

/** What the router needs to know to reach a table's partitions: its schema and its partition map. */
export interface TableRoute {
  readonly tableName: string;
  readonly schema: PartitionSchema;
  readonly partitions: readonly PartitionRange[];
}

export type ItemWriteResult =
  | { readonly ok: true; readonly old: Item | undefined; readonly new: Item | undefined }
  | { readonly ok: false; readonly reason: ItemWriteRefusal; readonly old: Item | undefined };

/** One page of a Query: the items of one partition key, on the table or one of its indexes. */
export interface QueryPartitionRequest {
  readonly index?: string | undefined;
  readonly partitionKeyValue: KeyValue;
  readonly sortKeyRange?: SortKeyRange | undefined;
  readonly forward: boolean;
  readonly exclusiveStartKey?: Item | undefined;
  readonly limit?: number | undefined;
  /** For a local index whose projection lacks attributes: answer with the table items. */
  readonly fetchTableItems?: boolean | undefined;
}

/** One page of a Scan segment (a segment of 1 is the whole table or index). */
export interface ScanSegmentRequest {
  readonly index?: string | undefined;
  readonly segment: number;
  readonly totalSegments: number;
  readonly exclusiveStartKey?: Item | undefined;
  readonly limit?: number | undefined;
  readonly fetchTableItems?: boolean | undefined;
}

/** Items as read and stored (before any filter), and whether the page stopped at its limit or 1 MB. */
export interface ReadPage {
  readonly entries: readonly StoredItem[];
  readonly sizeBytes: number;
  readonly fetchedSizeBytes: number;
  readonly stopped: boolean;
}

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
  /** The item as stored: its JSON and size, parsed only when asked for. */
  getItem(route: TableRoute, key: Item): Promise<StoredItem | undefined>;
  writeItem(route: TableRoute, key: Item, command: PartitionWriteCommand): Promise<ItemWriteResult>;
  /**
   * Writes of distinct items of one table, each decided and answered on its own (not a transaction); the
   * writes meant for one partition reach its storage together. Resolves once every one is durable.
   */
  writeItems(route: TableRoute, writes: ReadonlyArray<{ readonly key: Item; readonly command: PartitionWriteCommand }>): Promise<ItemWriteResult[]>;
  statistics(route: TableRoute): TableStatistics;
  queryPartition(route: TableRoute, request: QueryPartitionRequest): Promise<ReadPage>;
  scanSegment(route: TableRoute, request: ScanSegmentRequest): Promise<ReadPage>;
  /** All actions or none: two-phase commit over the partitions involved; resolves once durable. */
  transactWrite(actions: readonly TransactionWriteAction[]): Promise<TransactionWriteResult>;
  /** Every item as of one moment, or a conflict for those a prepared transaction holds. */
  transactGet(actions: readonly TransactionGetAction[]): Promise<readonly TransactionReadOutcome[]>;
}
