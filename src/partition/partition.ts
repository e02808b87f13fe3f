import type { Item } from '../model/attribute-value.js';
import type { StorageEngine, WriteOperation } from '../storage/engine.js';
import { encodeJson } from './json-bytes.js';
import { decodePartitionState, emptyPartitionState, encodePartitionState, type PartitionState, type SizeStatistics } from './partition-state.js';
import { encodeIndexKey, type EncodedKey } from './item-key.js';
import { itemSizeBytes } from '../model/item-size.js';
import type { LocalIndexSchema, PartitionSchema } from './partition-schema.js';
import { hasIndexKey, projectItem } from './projection.js';
import { itemKey, localIndexKey, partitionStateKey, sameBytes, writeLogKey } from './storage-keys.js';
import { hasLogConsumers, type WriteLogEntry, type WriteOrigin } from './write-log.js';
import { decodeStoredItem, encodeStoredItem, type StoredItem } from './stored-item.js';
import { TransactionLocks } from './transaction-locks.js';
import { assert } from '../lib/assert.js';
import { DynamoDbError } from '../lib/errors.js';

export type { PartitionState, SizeStatistics } from './partition-state.js';

/** What a write decides to do once it sees the current item (the partition's serialisation point). */
export type WriteDecision<Reason> =
  | { readonly kind: 'put'; readonly item: Item }
  | { readonly kind: 'delete'; readonly origin?: WriteOrigin }
  | { readonly kind: 'rejected'; readonly reason: Reason };

export type WriteOutcome<Reason, Old = Item> =
  | {
      readonly ok: true;
      readonly old: Old | undefined;
      readonly new: Item | undefined;
      /** Resolves when the write is durable: acknowledge the client only then. */
      readonly durable: Promise<void>;
    }
  | { readonly ok: false; readonly reason: Reason; readonly old: Old | undefined };

/** A transaction's decision for one item: a write, no change (a condition check), or a refusal. */
export type TransactionItemDecision<Reason> = WriteDecision<Reason> | { readonly kind: 'check' };

export type PrepareOutcome<Reason> =
  | { readonly kind: 'prepared'; readonly old: Item | undefined; readonly new: Item | undefined }
  | { readonly kind: 'rejected'; readonly reason: Reason; readonly old: Item | undefined }
  /** Another transaction holds the item. */
  | { readonly kind: 'conflict' };

/** A prepared transaction's storage operations, and what to do once the engine took them. */
export interface StagedCommit {
  readonly operations: readonly WriteOperation[];
  readonly complete: () => void;
}

interface StagedWrite {
  readonly storageKey: Uint8Array;
  readonly key: EncodedKey;
  /** The item as stored before the write: its size is in its header, the item parsed only if needed. */
  readonly old: StoredItem | undefined;
  readonly new: Item | undefined;
  readonly origin?: WriteOrigin | undefined;
}

interface PreparedWrite extends StagedWrite {
  /** False for a condition check, or a delete of an item that is not there. */
  readonly changes: boolean;
}

const ALREADY_DURABLE = Promise.resolve();

/** A single-item write met an item a prepared transaction holds: DynamoDB's answer to that client. */
function transactionConflict(): DynamoDbError {
  return new DynamoDbError('TransactionConflictException', 'Transaction is ongoing for the item');
}

/**
 * One partition of a table: a contiguous range of the partition-key hash space. It keeps its items in key
 * order, its local secondary indexes, and the write log. Every write is decided and applied synchronously
 * (read, decide, write in one step), so writes to a partition are serialised without locks; durability is
 * the promise the storage engine returns.
 */
export class Partition {
  private schema: PartitionSchema;
  private state: PartitionState;
  private readonly committedListeners: Array<(partition: Partition) => void> = [];
  private readonly locks = new TransactionLocks();
  /** By transaction: the items it prepared here, in the order prepared, until it commits or aborts. */
  private readonly preparedWrites = new Map<number, PreparedWrite[]>();

  constructor(
    readonly id: number,
    schema: PartitionSchema,
    private readonly engine: StorageEngine,
    /** The time of each write, for its log entry; a partition built without a clock stamps writes at 0. */
    private readonly nowMs: () => number = () => 0,
  ) {
    this.schema = schema;
    const stored = engine.get(partitionStateKey(id));
    this.state =
      stored === undefined
        ? emptyPartitionState()
        : decodePartitionState(stored);
    for (const index of schema.localIndexes) {
      this.state.localIndexes[index.number] ??= { itemCount: 0, sizeBytes: 0 };
    }
  }

  get tableName(): string {
    return this.schema.tableName;
  }

  get currentSchema(): PartitionSchema {
    return this.schema;
  }

  /** The schema changes when an index is added or removed; items are untouched. */
  updateSchema(schema: PartitionSchema): void {
    this.schema = schema;
  }

  get lastSequence(): number {
    return this.state.lastSequence;
  }

  statistics(): SizeStatistics {
    return { ...this.state.items };
  }

  localIndexStatistics(indexNumber: number): SizeStatistics {
    return { ...(this.state.localIndexes[indexNumber] ?? { itemCount: 0, sizeBytes: 0 }) };
  }

  /** Called after each committed write (visible, not necessarily durable yet): log consumers wake up. */
  onCommitted(listener: (partition: Partition) => void): void {
    this.committedListeners.push(listener);
  }

  read(key: EncodedKey): Item | undefined {
    return this.readStored(key)?.item;
  }

  /** The item as stored: its JSON and size, parsed only if asked for. */
  readStored(key: EncodedKey): StoredItem | undefined {
    return this.readStoredAt(itemKey(this.id, key.hash, key.bytes));
  }

  /** Stored items are only read (parsed, or copied into an answer), so the engine need not copy them. */
  private readStoredAt(storageKey: Uint8Array): StoredItem | undefined {
    const stored = this.engine.getShared(storageKey);
    return stored === undefined ? undefined : decodeStoredItem(stored);
  }

  write<Reason>(key: EncodedKey, decide: (old: Item | undefined) => WriteDecision<Reason>): WriteOutcome<Reason> {
    const outcome = this.writeStored(key, (stored) => decide(stored?.item));
    return { ...outcome, old: outcome.old?.item };
  }

  /**
   * A write whose decision gets the item as stored, so a write that does not look at the old item (a put
   * or delete without a condition) never parses it; the outcome's old item is the stored one too.
   */
  writeStored<Reason>(key: EncodedKey, decide: (old: StoredItem | undefined) => WriteDecision<Reason>): WriteOutcome<Reason, StoredItem> {
    return this.writeStoredMany([{ key, decide }])[0] as WriteOutcome<Reason, StoredItem>;
  }

  /**
   * Several single-item writes of distinct items, in one storage write: each is decided against its item
   * as stored and succeeds or is refused on its own (not a transaction), but the accepted ones reach the
   * engine together, with the partition state written once (a single write is a batch of one).
   */
  writeStoredMany<Reason>(
    writes: ReadonlyArray<{ readonly key: EncodedKey; readonly decide: (old: StoredItem | undefined) => WriteDecision<Reason> }>,
  ): Array<WriteOutcome<Reason, StoredItem>> {
    const storageKeys = writes.map(({ key }) => itemKey(this.id, key.hash, key.bytes));
    assert(distinctKeys(storageKeys), 'the items of one batch write are distinct');
    // Only a cluster transaction, prepared on this node and not yet committed, can hold an item here.
    if (!storageKeys.every((storageKey) => this.locks.isFree(storageKey))) throw transactionConflict();
    const operations: WriteOperation[] = [];
    // The next state is built aside and kept only once the engine took the writes, so writes the engine
    // refuses (it throws and applies nothing) leave the counters as they are on storage.
    const state = copyState(this.state);
    const decided = writes.map(({ key, decide }, index) => {
      const storageKey = storageKeys[index] as Uint8Array;
      const old = this.readStoredAt(storageKey);
      const decision = decide(old);
      if (decision.kind === 'rejected') return { ok: false as const, reason: decision.reason, old };
      const next = decision.kind === 'put' ? decision.item : undefined;
      if (old !== undefined || next !== undefined) {
        const origin = decision.kind === 'delete' ? decision.origin : undefined;
        this.appendWrite(state, { storageKey, key, old, new: next, origin }, operations);
      }
      return { ok: true as const, old, new: next };
    });
    let durable = ALREADY_DURABLE;
    if (operations.length > 0) {
      operations.push({ kind: 'put', key: partitionStateKey(this.id), value: encodePartitionState(state) });
      durable = this.engine.write(operations);
      this.state = state;
      for (const listener of this.committedListeners) listener(this);
    }
    return decided.map((outcome) => (outcome.ok ? { ...outcome, durable: outcome.old === undefined && outcome.new === undefined ? ALREADY_DURABLE : durable } : outcome));
  }

  /**
   * Prepare phase of a transaction (see router/transaction-coordinator.ts) for one of its items: the item must not
   * be held by another transaction; the decision is taken against the item as it is now, and an accepted
   * item is locked until the transaction commits or aborts. Nothing is written yet.
   */
  prepareTransactionItem<Reason>(
    transactionId: number,
    key: EncodedKey,
    decide: (old: Item | undefined) => TransactionItemDecision<Reason>,
  ): PrepareOutcome<Reason> {
    const storageKey = itemKey(this.id, key.hash, key.bytes);
    if (!this.locks.isFree(storageKey, transactionId)) return { kind: 'conflict' };
    const stored = this.readStoredAt(storageKey);
    const old = stored?.item;
    const decision = decide(old);
    if (decision.kind === 'rejected') return { kind: 'rejected', reason: decision.reason, old };
    const next = decision.kind === 'put' ? decision.item : decision.kind === 'delete' ? undefined : old;
    this.locks.acquire(storageKey, transactionId);
    const writes = this.preparedWrites.get(transactionId) ?? [];
    writes.push({ storageKey, key, old: stored, new: next, changes: decision.kind !== 'check' && (old !== undefined || next !== undefined) });
    this.preparedWrites.set(transactionId, writes);
    return { kind: 'prepared', old, new: next };
  }

  /** A transactional read: the item as committed, unless a prepared transaction holds it. */
  readTransactionItem(key: EncodedKey): { readonly kind: 'item'; readonly item: StoredItem | undefined } | { readonly kind: 'conflict' } {
    const storageKey = itemKey(this.id, key.hash, key.bytes);
    if (!this.locks.isFree(storageKey)) return { kind: 'conflict' };
    return { kind: 'item', item: this.readStoredAt(storageKey) };
  }

  /**
   * Commit phase, split so that a node holding several participants can commit them in one storage write:
   * the operations of every prepared write, and `complete`, to call once the engine took them.
   */
  stageTransactionCommit(transactionId: number): StagedCommit {
    const writes = (this.preparedWrites.get(transactionId) ?? []).filter((write) => write.changes);
    const operations: WriteOperation[] = [];
    const state = copyState(this.state);
    for (const write of writes) this.appendWrite(state, write, operations);
    if (writes.length > 0) operations.push({ kind: 'put', key: partitionStateKey(this.id), value: encodePartitionState(state) });
    return {
      operations,
      complete: () => {
        if (writes.length > 0) this.state = state;
        this.releaseTransaction(transactionId);
        if (writes.length > 0) for (const listener of this.committedListeners) listener(this);
      },
    };
  }

  /** Commits a prepared transaction's writes on their own (a participant alone on its node). */
  commitTransaction(transactionId: number): Promise<void> {
    const staged = this.stageTransactionCommit(transactionId);
    const durable = staged.operations.length === 0 ? ALREADY_DURABLE : this.engine.write(staged.operations);
    staged.complete();
    return durable;
  }

  /** Forgets a transaction's prepared writes and releases its items; nothing was written. */
  abortTransaction(transactionId: number): void {
    this.releaseTransaction(transactionId);
  }

  private releaseTransaction(transactionId: number): void {
    this.preparedWrites.delete(transactionId);
    this.locks.release(transactionId);
  }

  /** How many items prepared transactions hold (for tests and diagnostics). */
  get lockedItemCount(): number {
    return this.locks.size;
  }

  /** The operations of one item write: the item, its LSI entries, its write-log entry; `state` follows. */
  private appendWrite(state: PartitionState, write: StagedWrite, operations: WriteOperation[]): void {
    const { storageKey, old } = write;
    const next = write.new;
    // The new item's size is counted once, for its stored header and the statistics.
    const stored = next === undefined ? undefined : storedValue(next);
    if (stored === undefined) operations.push({ kind: 'delete', key: storageKey });
    else operations.push({ kind: 'put', key: storageKey, value: stored.value });
    adjust(state.items, old?.sizeBytes, stored?.sizeBytes);
    for (const index of this.schema.localIndexes) this.writeLocalIndex(state, index, write, stored, operations);
    state.lastSequence++;
    if (hasLogConsumers(this.schema)) {
      const origin = write.origin === undefined ? {} : { origin: write.origin };
      const entry: WriteLogEntry = { sequence: state.lastSequence, old: old?.item, new: next, timeMs: this.nowMs(), ...origin };
      operations.push({ kind: 'put', key: writeLogKey(this.id, entry.sequence), value: encodeJson(entry) });
    }
  }

  private writeLocalIndex(
    state: PartitionState,
    index: LocalIndexSchema,
    write: StagedWrite,
    storedNext: StoredValue | undefined,
    operations: WriteOperation[],
  ): void {
    const { key } = write;
    const old = write.old?.item;
    const next = write.new;
    const oldEntry = old !== undefined && hasIndexKey(old, index.key) ? old : undefined;
    const newEntry = next !== undefined && hasIndexKey(next, index.key) ? next : undefined;
    if (oldEntry !== undefined) {
      const oldKey = localIndexKey(this.id, index.number, key.hash, encodeIndexKey(oldEntry, index.key), key.bytes);
      if (newEntry === undefined) operations.push({ kind: 'delete', key: oldKey });
      else {
        const newKey = localIndexKey(this.id, index.number, key.hash, encodeIndexKey(newEntry, index.key), key.bytes);
        if (!sameBytes(oldKey, newKey)) operations.push({ kind: 'delete', key: oldKey });
      }
    }
    let newSizeBytes: number | undefined;
    if (newEntry !== undefined) {
      const projected = projectItem(newEntry, this.schema.key, index.key, index.projection);
      // An ALL projection is the item itself: its stored value serves the index too.
      const entry = projected === next && storedNext !== undefined ? storedNext : storedValue(projected);
      const newKey = localIndexKey(this.id, index.number, key.hash, encodeIndexKey(newEntry, index.key), key.bytes);
      operations.push({ kind: 'put', key: newKey, value: entry.value });
      newSizeBytes = entry.sizeBytes;
    }
    const statistics = (state.localIndexes[index.number] ??= { itemCount: 0, sizeBytes: 0 });
    let oldSizeBytes: number | undefined;
    if (oldEntry !== undefined) {
      const projected = projectItem(oldEntry, this.schema.key, index.key, index.projection);
      oldSizeBytes = projected === old ? write.old?.sizeBytes : itemSizeBytes(projected);
    }
    adjust(statistics, oldSizeBytes, newSizeBytes);
  }
}

interface StoredValue {
  readonly value: Uint8Array;
  readonly sizeBytes: number;
}

function storedValue(item: Item): StoredValue {
  const sizeBytes = itemSizeBytes(item);
  return { value: encodeStoredItem(item, sizeBytes), sizeBytes };
}

/** Whether no two storage keys are equal (a batch has at most 25; compared pairwise, no allocation). */
function distinctKeys(keys: readonly Uint8Array[]): boolean {
  for (let later = 1; later < keys.length; later++) {
    for (let earlier = 0; earlier < later; earlier++) if (sameBytes(keys[earlier] as Uint8Array, keys[later] as Uint8Array)) return false;
  }
  return true;
}

function copyState(state: PartitionState): PartitionState {
  const localIndexes: Array<SizeStatistics | null> = [];
  // A stored state may hold null for an index number no LSI has; it stays empty.
  for (const statistics of state.localIndexes) localIndexes.push(statistics ? { itemCount: statistics.itemCount, sizeBytes: statistics.sizeBytes } : null);
  return { lastSequence: state.lastSequence, items: { itemCount: state.items.itemCount, sizeBytes: state.items.sizeBytes }, localIndexes };
}

/** Counts out the old item (or entry) and counts in the new one, by their sizes; undefined: none. */
function adjust(statistics: SizeStatistics, oldSizeBytes: number | undefined, nextSizeBytes: number | undefined): void {
  if (oldSizeBytes !== undefined) {
    statistics.itemCount--;
    statistics.sizeBytes -= oldSizeBytes;
  }
  if (nextSizeBytes !== undefined) {
    statistics.itemCount++;
    statistics.sizeBytes += nextSizeBytes;
  }
}
