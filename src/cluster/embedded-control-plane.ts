import { assert } from '../lib/assert.js';
import type { Logger } from '../lib/logger.js';
import type { CreateTableRequest, ListTablesRequest, UpdateTableRequest } from '../metadata/control-plane-requests.js';
import { describeEndpoints, describeLimits } from '../metadata/account-answers.js';
import { compareTableNames, listTableNames } from '../metadata/list-tables.js';
import { createTableDefinition, tableNameTaken } from '../metadata/create-table.js';
import { TableCatalogueStore } from '../metadata/table-catalogue-store.js';
import type { TableDefinition } from '../metadata/table-definition.js';
import { describeTable, type DescriptionView } from '../metadata/table-description.js';
import type { TableStatistics as DescribedStatistics } from '../metadata/table-description-types.js';
import { tableErrors } from '../metadata/table-errors.js';
import {
  applyTags,
  checkListTagsOfResourceRequest,
  checkTagResourceRequest,
  checkUntagResourceRequest,
  findTaggedTable,
  listTags,
  removeTags,
  type ListTagsOfResourceRequest,
  type TagResourceRequest,
  type UntagResourceRequest,
} from '../metadata/tags.js';
import { applyUpdateTable } from '../metadata/update-table.js';
import { checkUpdateTableRequest } from '../metadata/update-table-request.js';
import { completeIndexBackfill, settleTable, startTableDeletion } from '../metadata/table-transitions.js';
import {
  applyUpdateTimeToLive,
  checkUpdateTimeToLiveRequest,
  describeTimeToLive,
  expiryAttributeOf,
  type DescribeTimeToLiveRequest,
  type TimeToLiveTiming,
  type UpdateTimeToLiveRequest,
} from '../metadata/time-to-live.js';
import { timeToLiveLimits } from '../metadata/time-to-live-limits.js';
import { dropPartitionData } from '../partition/drop-partition-data.js';
import { backfillItem } from '../partition/global-index-maintenance.js';
import { splitHashSpace } from '../partition/partition-ranges.js';
import type { PartitionRange, PartitionSchema, Projection } from '../partition/partition-schema.js';
import { decodeItem } from '../partition/stored-item.js';
import { keyspace, partitionPrefix, prefixEnd } from '../partition/storage-keys.js';
import type { ControlPlane } from '../protocol/operations/table-operations.js';
import type { TableDirectory } from '../protocol/operations/item-operations.js';
import type { EmbeddedRouter } from '../router/embedded-router.js';
import type { ThroughputGovernor } from '../router/throughput-governor.js';
import { throughputLimitsOf } from './table-throughput-limits.js';
import type { ExpiryTarget } from './ttl-expirer.js';
import type { TableRoute } from '../router/router.js';
import type { StorageEngine } from '../storage/engine.js';
import { historyOf, nextStreamHistory, nextStreamLabel, streamSchemaOf, type StreamHistoryEntry } from '../streams/stream-catalogue.js';
import type { StreamTable } from '../streams/stream-operations.js';

/** A table as the catalogue stores it: its definition and where its data lives. */
export interface TableRecord {
  readonly name: string;
  readonly definition: TableDefinition;
  readonly partitions: readonly PartitionRange[];
  /** A list, not an object keyed by name: index names such as `__proto__` are legal. */
  readonly globalIndexPartitions: readonly IndexPartitions[];
  /** The streams still readable (absent in records written before streams were kept). */
  readonly streams?: readonly StreamHistoryEntry[];
}

export interface IndexPartitions {
  readonly indexName: string;
  readonly partitions: readonly PartitionRange[];
}

function indexPartitionsOf(record: TableRecord, indexName: string): readonly PartitionRange[] | undefined {
  return record.globalIndexPartitions.find((entry) => entry.indexName === indexName)?.partitions;
}

/** Time, timers and ids: passed in, so tests (and a simulation) can drive the control plane. */
export interface ControlPlaneEnvironment {
  nowMs(): number;
  newTableId(): string;
  schedule(delayMs: number, task: () => void): void;
}

export interface ControlPlaneSettings {
  readonly region: string;
  readonly accountId: string;
  /** How long a table or index stays CREATING, UPDATING or DELETING before the change completes. */
  readonly statusTransitionMs: number;
  /** How long after an accepted UpdateTimeToLive the next is refused (default: DynamoDB's hour). */
  readonly timeToLiveChangeIntervalMs?: number | undefined;
}

/** Items copied into a new global index per step of its backfill, between which requests are served. */
const BACKFILL_BATCH_ITEMS = 1000;

type Response = Record<string, unknown>;

/**
 * The embedded node's control plane: the catalogue of tables, their status changes, and the partitions
 * behind them. The rules (validation, descriptions, what an update changes) are the pure functions of
 * metadata/; this class keeps their results durable and carries out what they decide.
 */
export class EmbeddedControlPlane implements ControlPlane, TableDirectory {
  private readonly records = new Map<string, TableRecord>();
  private readonly routes = new Map<string, TableRoute>();
  private readonly store: TableCatalogueStore<TableRecord>;
  /** `table/index` of every global index whose backfill is running, so a second settle never repeats it. */
  private readonly backfillsRunning = new Set<string>();

  constructor(
    private readonly engine: StorageEngine,
    private readonly router: EmbeddedRouter,
    private readonly environment: ControlPlaneEnvironment,
    private readonly settings: ControlPlaneSettings,
    private readonly logger: Logger,
    private readonly throughput?: ThroughputGovernor,
  ) {
    this.store = new TableCatalogueStore<TableRecord>(engine);
  }

  /** Loads the catalogue; changes that were in flight at the last stop complete now. */
  async load(): Promise<void> {
    for (const record of this.store.loadAll()) {
      if (record.definition.status === 'DELETING') {
        await this.finishDeletion(record);
        continue;
      }
      this.install(record);
      if (record.definition.status !== 'ACTIVE' || record.definition.globalSecondaryIndexes.some((index) => index.status !== 'ACTIVE')) {
        this.scheduleSettle(record.name, 0);
      }
    }
  }

  routeFor(tableName: string): TableRoute | undefined {
    const record = this.records.get(tableName);
    if (record === undefined) return undefined;
    const status = record.definition.status;
    return status === 'ACTIVE' || status === 'UPDATING' ? this.routes.get(tableName) : undefined;
  }

  async createTable(body: unknown): Promise<Response> {
    const request = body as CreateTableRequest;
    const nowMs = this.environment.nowMs();
    const definition = createTableDefinition(request, {
      region: this.settings.region,
      accountId: this.settings.accountId,
      nowMs,
      tableId: this.environment.newTableId(),
      streamLabel: nextStreamLabel(undefined, nowMs),
    });
    const existing = this.records.get(request.TableName);
    if (existing !== undefined) throw tableNameTaken(existing.definition.status, request.TableName);
    const allocation = this.store.allocatePartitionIds(definition.partitionCount);
    const pending: Promise<void>[] = [allocation.durable];
    const record = this.withIndexPartitions(
      {
        name: request.TableName,
        definition,
        partitions: splitHashSpace(allocation.ids),
        globalIndexPartitions: [],
        streams: nextStreamHistory([], undefined, definition, nowMs),
      },
      pending,
    );
    this.install(record);
    pending.push(this.store.save(record));
    await Promise.all(pending);
    this.scheduleSettle(record.name, this.settings.statusTransitionMs);
    return { TableDescription: this.describe(record, 'CreateTable') };
  }

  describeTable(body: unknown): Response {
    const { TableName } = body as { TableName: string };
    return { Table: this.describe(this.existing(TableName), 'DescribeTable') };
  }

  listTables(body: unknown): Response {
    return { ...listTableNames([...this.records.keys()].sort(compareTableNames), body as ListTablesRequest) };
  }

  async updateTable(body: unknown): Promise<Response> {
    const request = body as UpdateTableRequest;
    // DynamoDB judges the request before it looks the table up: an empty UpdateTable on a missing table
    // is a ValidationException, not ResourceNotFoundException.
    checkUpdateTableRequest(request);
    const record = this.existing(request.TableName);
    const nowMs = this.environment.nowMs();
    const outcome = applyUpdateTable(record.definition, request, { nowMs, streamLabel: nextStreamLabel(record.definition, nowMs) });
    const pending: Promise<void>[] = [];
    const streams = nextStreamHistory(historyOf(record.streams, record.definition), record.definition, outcome.definition, nowMs);
    const updated = this.withIndexPartitions({ ...record, definition: outcome.definition, streams }, pending);
    this.install(updated);
    pending.push(this.store.save(updated));
    await Promise.all(pending);
    if (outcome.settlingRequired) this.scheduleSettle(updated.name, this.settings.statusTransitionMs);
    return { TableDescription: this.describe(updated, 'UpdateTable') };
  }

  async deleteTable(body: unknown): Promise<Response> {
    const { TableName } = body as { TableName: string };
    const record = this.existing(TableName);
    const deleting: TableRecord = { ...record, definition: startTableDeletion(record.definition) };
    const description = this.describe(deleting, 'DeleteTable');
    this.install(deleting);
    await this.store.save(deleting);
    this.environment.schedule(this.settings.statusTransitionMs, () => {
      this.finishDeletion(deleting).catch((error: unknown) => this.logger.error('table deletion failed', { table: TableName, error: String(error) }));
    });
    return { TableDescription: description };
  }

  async tagResource(body: unknown): Promise<Response> {
    const request = body as TagResourceRequest;
    const { reference, tags } = checkTagResourceRequest(request, this.settings);
    const table = findTaggedTable(reference, request.ResourceArn as string, (name) => this.records.get(name)?.definition);
    await this.replaceDefinition(applyTags(table, tags));
    return {};
  }

  async untagResource(body: unknown): Promise<Response> {
    const request = body as UntagResourceRequest;
    const { reference, tagKeys } = checkUntagResourceRequest(request, this.settings);
    const table = findTaggedTable(reference, request.ResourceArn as string, (name) => this.records.get(name)?.definition);
    await this.replaceDefinition(removeTags(table, tagKeys));
    return {};
  }

  listTagsOfResource(body: unknown): Response {
    const request = body as ListTagsOfResourceRequest;
    const reference = checkListTagsOfResourceRequest(request, this.settings);
    const table = findTaggedTable(reference, request.ResourceArn as string, (name) => this.records.get(name)?.definition);
    return { ...listTags(table) };
  }

  async updateTimeToLive(body: unknown): Promise<Response> {
    const request = body as UpdateTimeToLiveRequest;
    checkUpdateTimeToLiveRequest(request);
    const outcome = applyUpdateTimeToLive(this.existing(request.TableName).definition, request, this.timeToLiveTiming());
    await this.replaceDefinition(outcome.definition);
    return { ...outcome.response };
  }

  describeTimeToLive(body: unknown): Response {
    const { TableName } = body as DescribeTimeToLiveRequest;
    return { TimeToLiveDescription: describeTimeToLive(this.existing(TableName).definition, this.timeToLiveTiming()) };
  }

  /** A table whose items expire now, with its TTL attribute; undefined when TTL is not ENABLED on it. */
  expiryTarget(tableName: string): ExpiryTarget | undefined {
    const record = this.records.get(tableName);
    const route = this.routes.get(tableName);
    if (record === undefined || route === undefined) return undefined;
    const attributeName = expiryAttributeOf(record.definition, this.timeToLiveTiming());
    return attributeName === undefined ? undefined : { route, attributeName };
  }

  /** Every table whose items expire now: what the expirer sweeps. */
  expiryTargets(): ExpiryTarget[] {
    return [...this.records.keys()].flatMap((name) => this.expiryTarget(name) ?? []);
  }

  private timeToLiveTiming(): TimeToLiveTiming {
    return {
      nowMs: this.environment.nowMs(),
      transitionMs: this.settings.statusTransitionMs,
      changeIntervalMs: this.settings.timeToLiveChangeIntervalMs ?? timeToLiveLimits.changeIntervalMs,
    };
  }

  /** Every table with a readable stream, for the stream operations, with the route to its partitions. */
  streamTables(): Array<StreamTable & { readonly route: TableRoute }> {
    const tables: Array<StreamTable & { readonly route: TableRoute }> = [];
    for (const record of this.records.values()) {
      const route = this.routes.get(record.name);
      const streams = historyOf(record.streams, record.definition);
      if (route === undefined || streams.length === 0 || record.definition.status === 'DELETING') continue;
      tables.push({ definition: record.definition, streams, partitionIds: record.partitions.map((range) => range.partitionId), route });
    }
    return tables;
  }

  describeLimits(): Response {
    return { ...describeLimits() };
  }

  describeEndpoints(): Response {
    return { ...describeEndpoints(this.settings.region) };
  }

  /** Gives every global index of the definition that has no partitions yet its own; `pending` collects durability. */
  private withIndexPartitions(record: TableRecord, pending: Promise<void>[]): TableRecord {
    const added: IndexPartitions[] = [];
    for (const index of record.definition.globalSecondaryIndexes) {
      if (indexPartitionsOf(record, index.indexName) !== undefined) continue;
      const allocation = this.store.allocatePartitionIds(index.partitionCount);
      pending.push(allocation.durable);
      added.push({ indexName: index.indexName, partitions: splitHashSpace(allocation.ids) });
    }
    return added.length === 0 ? record : { ...record, globalIndexPartitions: [...record.globalIndexPartitions, ...added] };
  }

  private existing(tableName: string): TableRecord {
    const record = this.records.get(tableName);
    if (record === undefined) throw tableErrors.tableNotFound(tableName);
    return record;
  }

  private describe(record: TableRecord, view: DescriptionView): ReturnType<typeof describeTable> {
    const route = this.routes.get(record.name);
    assert(route !== undefined, 'installed table has a route');
    const statistics = this.router.statistics(route);
    const indexes: Record<string, { itemCount: number; sizeBytes: number }> = {};
    for (const [name, value] of statistics.indexes) indexes[name] = value;
    const described: DescribedStatistics = { itemCount: statistics.table.itemCount, sizeBytes: statistics.table.sizeBytes, indexes };
    return describeTable(record.definition, described, { view, nowMs: this.environment.nowMs() });
  }

  /** Makes a record current: in the catalogue map, and its partitions attached to the router. */
  private install(record: TableRecord): void {
    const previous = this.routes.get(record.name);
    const route: TableRoute = { tableName: record.name, schema: partitionSchemaOf(record), partitions: record.partitions };
    this.records.set(record.name, record);
    this.routes.set(record.name, route);
    if (previous === undefined) this.router.attachTable(route);
    else this.router.updateSchema(route, route.schema);
    this.throughput?.configure(record.name, throughputLimitsOf(record.definition));
  }

  private async replaceDefinition(definition: TableDefinition): Promise<void> {
    const record = this.existing(definition.tableName);
    const updated = { ...record, definition };
    this.install(updated);
    await this.store.save(updated);
  }

  private scheduleSettle(tableName: string, delayMs: number): void {
    this.environment.schedule(delayMs, () => {
      this.settle(tableName).catch((error: unknown) => this.logger.error('table status change failed', { table: tableName, error: String(error) }));
    });
  }

  /**
   * Completes the table's pending changes (metadata/table-transitions.ts decides what that means), drops
   * the data of deleted indexes, then backfills each new index and makes it ACTIVE.
   */
  private async settle(tableName: string): Promise<void> {
    const record = this.records.get(tableName);
    if (record === undefined || record.definition.status === 'DELETING') return;
    const settled = settleTable(record.definition, this.environment.nowMs());
    const kept = new Set(settled.globalSecondaryIndexes.map((index) => index.indexName));
    const dropped = record.globalIndexPartitions.filter((entry) => !kept.has(entry.indexName));
    const globalIndexPartitions = record.globalIndexPartitions.filter((entry) => kept.has(entry.indexName));
    this.install({ ...record, definition: settled, globalIndexPartitions });
    await this.store.save(this.existing(tableName));
    await dropPartitionData(this.engine, dropped.flatMap((entry) => entry.partitions.map((range) => range.partitionId)));
    for (const index of settled.globalSecondaryIndexes) {
      if (index.status !== 'CREATING' || index.backfilling !== true) continue;
      const running = `${tableName}/${index.indexName}`;
      if (this.backfillsRunning.has(running)) continue;
      this.backfillsRunning.add(running);
      let completed: boolean;
      try {
        completed = await this.backfill(tableName, index.indexName);
      } finally {
        this.backfillsRunning.delete(running);
      }
      const current = this.records.get(tableName);
      if (current === undefined || current.definition.status === 'DELETING') return;
      if (completed) await this.replaceDefinition(completeIndexBackfill(current.definition, index.indexName));
    }
  }

  /**
   * Copies every existing item into a new global index, a batch at a time, and yields to the event loop
   * after each batch so that requests are served meanwhile: awaiting the batch's writes is not enough,
   * because the in-memory engine resolves them at once and the whole backfill would run as one task.
   * Answers false when the index stopped being built in the meantime (it was deleted while backfilling):
   * its partitions are being dropped, so nothing more may be written to them.
   */
  private async backfill(tableName: string, indexName: string): Promise<boolean> {
    const route = this.routes.get(tableName);
    const index = route?.schema.globalIndexes.find((candidate) => candidate.name === indexName);
    if (route === undefined || index === undefined) return false;
    for (const range of route.partitions) {
      const start = partitionPrefix(keyspace.item, range.partitionId);
      const end = prefixEnd(start);
      let from = start;
      for (;;) {
        const batch = [...this.engine.range({ start: from, end, limit: BACKFILL_BATCH_ITEMS })];
        const writes = batch.map((entry) => backfillItem(this.engine, route.schema, index, decodeItem(entry.value)));
        await Promise.all(writes);
        await new Promise<void>((resolve) => this.environment.schedule(0, resolve));
        if (!this.isBackfilling(tableName, indexName)) return false;
        const last = batch[batch.length - 1];
        if (batch.length < BACKFILL_BATCH_ITEMS || last === undefined) break;
        from = keyAfter(last.key);
      }
    }
    return true;
  }

  private isBackfilling(tableName: string, indexName: string): boolean {
    const index = this.records.get(tableName)?.definition.globalSecondaryIndexes.find((candidate) => candidate.indexName === indexName);
    return index?.status === 'CREATING' && index.backfilling === true;
  }

  private async finishDeletion(record: TableRecord): Promise<void> {
    const route = this.routes.get(record.name);
    if (route !== undefined) this.router.detachTable(route);
    const partitionIds = [
      ...record.partitions.map((range) => range.partitionId),
      ...record.globalIndexPartitions.flatMap((entry) => entry.partitions.map((range) => range.partitionId)),
    ];
    await dropPartitionData(this.engine, partitionIds);
    await this.store.remove(record.name);
    if (this.records.get(record.name) === record || this.records.get(record.name)?.definition.status === 'DELETING') {
      this.records.delete(record.name);
      this.routes.delete(record.name);
      this.throughput?.forget(record.name);
    }
  }
}

function keyAfter(key: Uint8Array): Uint8Array {
  const next = new Uint8Array(key.length + 1);
  next.set(key);
  return next;
}

function projectionOf(projection: { readonly ProjectionType?: string; readonly NonKeyAttributes?: readonly string[] }): Projection {
  switch (projection.ProjectionType) {
    case 'KEYS_ONLY':
      return { type: 'KEYS_ONLY' };
    case 'INCLUDE':
      return { type: 'INCLUDE', nonKeyAttributes: projection.NonKeyAttributes ?? [] };
    default:
      return { type: 'ALL' };
  }
}

/** What the partitions of a table need to know, derived from its catalogue record. */
export function partitionSchemaOf(record: TableRecord): PartitionSchema {
  const definition = record.definition;
  return {
    tableName: record.name,
    key: definition.key,
    localIndexes: definition.localSecondaryIndexes.map((index, number) => ({
      name: index.indexName,
      number,
      key: index.key,
      projection: projectionOf(index.projection),
    })),
    globalIndexes: definition.globalSecondaryIndexes
      .filter((index) => index.status !== 'DELETING' && indexPartitionsOf(record, index.indexName) !== undefined)
      .map((index) => ({
        name: index.indexName,
        key: index.key,
        projection: projectionOf(index.projection),
        partitions: indexPartitionsOf(record, index.indexName) as readonly PartitionRange[],
      })),
    stream: streamSchemaOf(definition),
  };
}
