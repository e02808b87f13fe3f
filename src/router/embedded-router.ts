import type { Item } from '../model/attribute-value.js';
import { assert } from '../lib/assert.js';
import { readIndexPartitionStatistics } from '../partition/global-index-maintenance.js';
import { catchUpStream, changeLogConsumers, consumeWriteLog } from '../partition/write-log-consumers.js';
import { hasLogConsumers } from '../partition/write-log.js';
import { decideStoredItemWrite, type ItemWriteRefusal, type PartitionWriteCommand } from '../partition/item-command.js';
import { encodeItemKey, type EncodedKey } from '../partition/item-key.js';
import { partitionForHash } from '../partition/partition-ranges.js';
import { Partition, type SizeStatistics, type WriteOutcome } from '../partition/partition.js';
import type { PartitionRange, PartitionSchema } from '../partition/partition-schema.js';
import {
  HASH_SPACE_SIZE,
  type PartitionRead,
  type ReadTarget,
  placementHashOf,
  queryPartition,
  scanPartition,
  segmentHashRange,
  targetKeySchema,
} from '../partition/partition-reads.js';
import type { StoredItem } from '../partition/stored-item.js';
import { limits } from '../lib/limits.js';
import type { StorageEngine } from '../storage/engine.js';
import type {
  ItemWriteResult,
  QueryPartitionRequest,
  ReadPage,
  Router,
  ScanSegmentRequest,
  TableRoute,
  TableStatistics,
} from './router.js';
import { coordinateWriteTransaction, sharesByPartition } from './transaction-coordinator.js';
import { LocalTransactionParticipants } from './transaction-participants.js';
import type { TransactionGetAction, TransactionReadOutcome, TransactionWriteAction, TransactionWriteResult } from './transaction-types.js';

/** Runs a task soon, after the current request's work (setImmediate at the edge, a queue in tests). */
export type Deferrer = (task: () => void) => void;

/**
 * The router of a single-process node: every partition lives here, on one storage engine. It also drives
 * global-index maintenance, which consumes each partition's write log after the write is answered.
 */
export class EmbeddedRouter implements Router {
  private readonly partitions = new Map<number, Partition>();
  private readonly maintenanceScheduled = new Set<number>();
  private readonly pendingMaintenance = new Set<Promise<void>>();
  /** Transaction ids only need to be unique among this node's prepared transactions. */
  private nextTransactionId = 1;

  /**
   * `reportMaintenanceFailure` hears of a global-index update that threw. It runs outside any request, so
   * nothing else would catch it; the partition's log keeps the entry, and the next write retries it.
   */
  constructor(
    private readonly engine: StorageEngine,
    private readonly defer: Deferrer,
    private readonly reportMaintenanceFailure: (partitionId: number, error: unknown) => void = () => undefined,
    /** The time of each write (its stream record's) and of stream trimming; without a clock, 0. */
    private readonly nowMs: () => number = () => 0,
  ) {}

  /** Opens (or creates) the partitions of a table and catches its global indexes up with its write log. */
  attachTable(route: TableRoute): void {
    for (const range of route.partitions) {
      const existing = this.partitions.get(range.partitionId);
      if (existing !== undefined) {
        this.changeSchema(existing, route.schema);
        continue;
      }
      const partition = new Partition(range.partitionId, route.schema, this.engine, this.nowMs);
      partition.onCommitted((committed) => this.scheduleMaintenance(committed));
      this.partitions.set(range.partitionId, partition);
      this.changeSchema(partition, route.schema);
    }
  }

  detachTable(route: TableRoute): void {
    for (const range of route.partitions) this.partitions.delete(range.partitionId);
  }

  updateSchema(route: TableRoute, schema: PartitionSchema): void {
    for (const range of route.partitions) {
      const partition = this.partitions.get(range.partitionId);
      if (partition !== undefined) this.changeSchema(partition, schema);
    }
  }

  getItem(route: TableRoute, key: Item): Promise<StoredItem | undefined> {
    const encoded = encodeItemKey(key, route.schema.key);
    return Promise.resolve(this.partitionOf(route, encoded.hash).readStored(encoded));
  }

  async writeItem(route: TableRoute, key: Item, command: PartitionWriteCommand): Promise<ItemWriteResult> {
    const encoded = encodeItemKey(key, route.schema.key);
    const outcome = this.partitionOf(route, encoded.hash).writeStored(encoded, (old) => decideStoredItemWrite(command, old, route.schema));
    if (outcome.ok) await outcome.durable;
    return itemWriteResult(outcome);
  }

  async writeItems(route: TableRoute, writes: ReadonlyArray<{ readonly key: Item; readonly command: PartitionWriteCommand }>): Promise<ItemWriteResult[]> {
    const byPartition = new Map<Partition, Array<{ readonly index: number; readonly key: EncodedKey; readonly command: PartitionWriteCommand }>>();
    writes.forEach(({ key, command }, index) => {
      const encoded = encodeItemKey(key, route.schema.key);
      const partition = this.partitionOf(route, encoded.hash);
      let group = byPartition.get(partition);
      if (group === undefined) byPartition.set(partition, (group = []));
      group.push({ index, key: encoded, command });
    });
    const outcomes: Array<WriteOutcome<ItemWriteRefusal, StoredItem>> = new Array(writes.length);
    for (const [partition, group] of byPartition) {
      const written = partition.writeStoredMany(group.map(({ key, command }) => ({ key, decide: (old: StoredItem | undefined) => decideStoredItemWrite(command, old, route.schema) })));
      group.forEach(({ index }, position) => (outcomes[index] = written[position] as WriteOutcome<ItemWriteRefusal, StoredItem>));
    }
    await Promise.all(outcomes.map((outcome) => (outcome.ok ? outcome.durable : ALREADY_ANSWERED)));
    return outcomes.map(itemWriteResult);
  }

  /**
   * Prepares every action, then commits (one storage write) or aborts. Everything up to the engine write
   * runs synchronously, in one turn of the event loop, so no other request sees the transaction's locks
   * here; they matter where prepare and commit are messages (a cluster).
   */
  transactWrite(actions: readonly TransactionWriteAction[]): Promise<TransactionWriteResult> {
    const transactionId = this.nextTransactionId++;
    const participants = new LocalTransactionParticipants((partitionId) => this.attachedPartition(partitionId), this.engine);
    const shares = sharesByPartition(actions, (action) => this.partitionOf(action.route, encodeItemKey(action.key, action.route.schema.key).hash).id);
    return coordinateWriteTransaction(participants, transactionId, actions.length, shares);
  }

  /** Reads every item in one synchronous step: a consistent snapshot across partitions and tables. */
  transactGet(actions: readonly TransactionGetAction[]): Promise<readonly TransactionReadOutcome[]> {
    return Promise.resolve(
      actions.map((action) => {
        const encoded = encodeItemKey(action.key, action.route.schema.key);
        return this.partitionOf(action.route, encoded.hash).readTransactionItem(encoded);
      }),
    );
  }

  statistics(route: TableRoute): TableStatistics {
    const table: SizeStatistics = { itemCount: 0, sizeBytes: 0 };
    const indexes = new Map<string, SizeStatistics>();
    const add = (into: SizeStatistics, from: SizeStatistics): void => {
      into.itemCount += from.itemCount;
      into.sizeBytes += from.sizeBytes;
    };
    for (const range of route.partitions) {
      const partition = this.partitions.get(range.partitionId);
      if (partition === undefined) continue;
      add(table, partition.statistics());
      for (const index of route.schema.localIndexes) {
        let total = indexes.get(index.name);
        if (total === undefined) indexes.set(index.name, (total = { itemCount: 0, sizeBytes: 0 }));
        add(total, partition.localIndexStatistics(index.number));
      }
    }
    for (const index of route.schema.globalIndexes) {
      const total: SizeStatistics = { itemCount: 0, sizeBytes: 0 };
      for (const range of index.partitions) add(total, readIndexPartitionStatistics(this.engine, range.partitionId));
      indexes.set(index.name, total);
    }
    return { table, indexes };
  }

  queryPartition(route: TableRoute, request: QueryPartitionRequest): Promise<ReadPage> {
    const target = readTarget(route, request.index, request.fetchTableItems === true);
    const ranges = target.kind === 'global' ? target.index.partitions : route.partitions;
    const key = targetKeySchema(route.schema, target);
    const hash = placementHashOf({ [key.partitionKey.name]: request.partitionKeyValue }, key);
    const partitionId = partitionForHash(ranges, hash);
    const budget = { limit: request.limit, sizeBytesMax: limits.queryScanPageBytesMax };
    return Promise.resolve(asPage([queryPartition(this.engine, partitionId, route.schema, target, request, budget)]));
  }

  /** Walks the partitions the segment overlaps in hash order, until the limit or 1 MB is reached. */
  scanSegment(route: TableRoute, request: ScanSegmentRequest): Promise<ReadPage> {
    const target = readTarget(route, request.index, request.fetchTableItems === true);
    const ranges = target.kind === 'global' ? target.index.partitions : route.partitions;
    const segment = segmentHashRange(request.segment, request.totalSegments);
    const key = targetKeySchema(route.schema, target);
    const startHash = request.exclusiveStartKey === undefined ? segment.hashStart : placementHashOf(request.exclusiveStartKey, key);
    const reads: PartitionRead[] = [];
    let remaining = request.limit;
    let sizeBytesMax: number = limits.queryScanPageBytesMax;
    for (const [index, range] of ranges.entries()) {
      const rangeEnd = (ranges[index + 1] as PartitionRange | undefined)?.hashStart ?? HASH_SPACE_SIZE;
      const hashStart = Math.max(range.hashStart, segment.hashStart, startHash);
      const hashEnd = Math.min(rangeEnd, segment.hashEnd);
      if (hashStart >= hashEnd) continue;
      const startsHere = request.exclusiveStartKey !== undefined && startHash >= range.hashStart && startHash < rangeEnd;
      const read = scanPartition(
        this.engine,
        range.partitionId,
        route.schema,
        target,
        { hashStart, hashEnd, exclusiveStartKey: startsHere ? request.exclusiveStartKey : undefined },
        { limit: remaining, sizeBytesMax },
      );
      reads.push(read);
      if (read.stopped) break;
      if (remaining !== undefined) remaining -= read.entries.length;
      sizeBytesMax -= read.sizeBytes;
    }
    return Promise.resolve(asPage(reads));
  }

  /** Resolves when every global-index update scheduled so far has been applied and made durable. */
  async drainMaintenance(): Promise<void> {
    while (this.maintenanceScheduled.size > 0 || this.pendingMaintenance.size > 0) {
      await new Promise<void>((resolve) => this.defer(resolve));
      await Promise.all(this.pendingMaintenance);
    }
  }

  private partitionOf(route: TableRoute, hash: number): Partition {
    const partition = this.partitions.get(partitionForHash(route.partitions, hash));
    assert(partition !== undefined, `partition of table ${route.tableName} is not attached`);
    return partition;
  }

  private attachedPartition(partitionId: number): Partition {
    const partition = this.partitions.get(partitionId);
    assert(partition !== undefined, `partition ${partitionId} is not attached`);
    return partition;
  }

  /**
   * Brings the streams of a table's partitions up to date with their logs, so a stream read sees every
   * write made before it; resolves once what it may read is durable (a reader never sees a record that
   * a crash could take back).
   */
  catchUpStreams(route: TableRoute): Promise<void> {
    for (const range of route.partitions) {
      const partition = this.partitions.get(range.partitionId);
      const durable = partition === undefined ? undefined : catchUpStream(this.engine, partition, this.nowMs());
      if (durable !== undefined) this.trackMaintenance(range.partitionId, durable);
    }
    return this.engine.flush();
  }

  /**
   * Gives a partition its schema and adjusts its log's consumers in this same step (see
   * changeLogConsumers), before any write under the new schema; then lets the consumers catch up.
   */
  private changeSchema(partition: Partition, schema: PartitionSchema): void {
    const previous = partition.currentSchema;
    partition.updateSchema(schema);
    const durable = changeLogConsumers(this.engine, partition, previous, this.nowMs());
    if (durable !== undefined) this.trackMaintenance(partition.id, durable);
    this.scheduleMaintenance(partition);
  }

  private trackMaintenance(partitionId: number, durable: Promise<void>): void {
    this.pendingMaintenance.add(durable);
    const settled = (): void => void this.pendingMaintenance.delete(durable);
    durable.then(settled, (error: unknown) => {
      settled();
      this.reportMaintenanceFailure(partitionId, error);
    });
  }

  private scheduleMaintenance(partition: Partition): void {
    if (!hasLogConsumers(partition.currentSchema)) return;
    if (this.maintenanceScheduled.has(partition.id)) return;
    this.maintenanceScheduled.add(partition.id);
    this.defer(() => {
      this.maintenanceScheduled.delete(partition.id);
      if (this.partitions.get(partition.id) !== partition) return;
      let durable: Promise<void> | undefined;
      try {
        durable = consumeWriteLog(this.engine, partition, this.nowMs());
      } catch (error) {
        this.reportMaintenanceFailure(partition.id, error);
        return;
      }
      if (durable === undefined) return;
      this.trackMaintenance(partition.id, durable);
      this.scheduleMaintenance(partition);
    });
  }
}

function readTarget(route: TableRoute, indexName: string | undefined, fetchTableItems: boolean): ReadTarget {
  if (indexName === undefined) return { kind: 'table' };
  const local = route.schema.localIndexes.find((index) => index.name === indexName);
  if (local !== undefined) return { kind: 'local', index: local, fetchTableItems };
  const global = route.schema.globalIndexes.find((index) => index.name === indexName);
  assert(global !== undefined, `table ${route.tableName} has no index ${indexName}`);
  return { kind: 'global', index: global };
}

function asPage(reads: readonly PartitionRead[]): ReadPage {
  return {
    entries: reads.length === 1 ? (reads[0] as PartitionRead).entries : ([] as StoredItem[]).concat(...reads.map((read) => read.entries)),
    sizeBytes: reads.reduce((total, read) => total + read.sizeBytes, 0),
    fetchedSizeBytes: reads.reduce((total, read) => total + read.fetchedSizeBytes, 0),
    stopped: reads.some((read) => read.stopped),
  };
}

const ALREADY_ANSWERED = Promise.resolve();

/** A partition's outcome as the router answers it: the old item is parsed only if the operation asks for it. */
function itemWriteResult(outcome: WriteOutcome<ItemWriteRefusal, StoredItem>): ItemWriteResult {
  const stored = outcome.old;
  if (!outcome.ok) return { ok: false, reason: outcome.reason, get old() { return stored?.item; } };
  return { ok: true, get old() { return stored?.item; }, new: outcome.new };
}
