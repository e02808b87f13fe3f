import type { StorageEngine } from '../storage/engine.js';
import { decodeJson, encodeJson } from '../partition/json-bytes.js';
import { catalogueKey, keyspace, prefixEnd, systemKey } from '../partition/storage-keys.js';

const NEXT_PARTITION_ID = 'next-partition-id';
/** Partition id 0 is never used, so a zeroed id is always a bug. */
const FIRST_PARTITION_ID = 1;

/**
 * The embedded metadata store: the catalogue of tables (one JSON record per table) and the partition-id
 * counter, kept in the node's own storage engine. The cluster keeps the same records in etcd.
 */
export class TableCatalogueStore<TableRecord extends { readonly name: string }> {
  constructor(private readonly engine: StorageEngine) {}

  loadAll(): TableRecord[] {
    const start = new Uint8Array([keyspace.catalogue]);
    const records: TableRecord[] = [];
    for (const entry of this.engine.range({ start, end: prefixEnd(start) })) records.push(decodeJson<TableRecord>(entry.value));
    return records;
  }

  save(record: TableRecord): Promise<void> {
    return this.engine.write([{ kind: 'put', key: catalogueKey(record.name), value: encodeJson(record) }]);
  }

  remove(name: string): Promise<void> {
    return this.engine.write([{ kind: 'delete', key: catalogueKey(name) }]);
  }

  /** Reserves `count` new partition ids (visible at once; durable when `durable` resolves). */
  allocatePartitionIds(count: number): { readonly ids: number[]; readonly durable: Promise<void> } {
    const key = systemKey(NEXT_PARTITION_ID);
    const stored = this.engine.get(key);
    const first = stored === undefined ? FIRST_PARTITION_ID : decodeJson<number>(stored);
    const durable = this.engine.write([{ kind: 'put', key, value: encodeJson(first + count) }]);
    return { ids: Array.from({ length: count }, (_, index) => first + index), durable };
  }
}
