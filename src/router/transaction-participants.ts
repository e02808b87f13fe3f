import type { Partition } from '../partition/partition.js';
import { encodeItemKey } from '../partition/item-key.js';
import { decideTransactionWrite } from '../partition/transaction-command.js';
import type { StorageEngine, WriteOperation } from '../storage/engine.js';
import type { PartitionShare, TransactionParticipants } from './transaction-coordinator.js';
import type { TransactionItemOutcome } from './transaction-types.js';

const ALREADY_DURABLE = Promise.resolve();

/**
 * The participants of a transaction when every partition lives in this process on one storage engine:
 * commit gathers every partition's prepared writes into ONE engine write, so the transaction is atomic
 * across a crash too (the engine applies a write entirely or not at all).
 */
export class LocalTransactionParticipants implements TransactionParticipants {
  constructor(
    private readonly partitionById: (partitionId: number) => Partition,
    private readonly engine: StorageEngine,
  ) {}

  prepare(transactionId: number, share: PartitionShare): readonly TransactionItemOutcome[] {
    const partition = this.partitionById(share.partitionId);
    return share.actions.map((action) =>
      partition.prepareTransactionItem(transactionId, encodeItemKey(action.key, action.route.schema.key), (old) =>
        decideTransactionWrite(action.command, old, action.route.schema),
      ),
    );
  }

  commit(transactionId: number, partitionIds: readonly number[]): Promise<void> {
    const staged = partitionIds.map((partitionId) => this.partitionById(partitionId).stageTransactionCommit(transactionId));
    const operations: WriteOperation[] = staged.flatMap((commit) => [...commit.operations]);
    let durable = ALREADY_DURABLE;
    try {
      if (operations.length > 0) durable = this.engine.write(operations);
    } catch (error) {
      // The engine applied nothing: the transaction is aborted, and its items are free again.
      this.abort(transactionId, partitionIds);
      throw error;
    }
    for (const commit of staged) commit.complete();
    return durable;
  }

  abort(transactionId: number, partitionIds: readonly number[]): void {
    for (const partitionId of partitionIds) this.partitionById(partitionId).abortTransaction(transactionId);
  }
}
