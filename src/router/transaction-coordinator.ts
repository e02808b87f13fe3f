import { assert } from '../lib/assert.js';
import type { TransactionItemOutcome, TransactionWriteAction, TransactionWriteResult } from './transaction-types.js';

/** The actions of one transaction that one partition owns, with their places in the request. */
export interface PartitionShare {
  readonly partitionId: number;
  readonly actionIndexes: readonly number[];
  readonly actions: readonly TransactionWriteAction[];
}

/**
 * The partitions a coordinator talks to. Prepare evaluates each action against the current item and locks
 * it; commit makes every prepared write of the transaction durable (the returned promise); abort releases
 * the locks and writes nothing. In the embedded node these are direct, synchronous calls; a cluster
 * router makes them messages to the partitions' leaders, and the locks keep other writes out meanwhile.
 */
export interface TransactionParticipants {
  prepare(transactionId: number, share: PartitionShare): readonly TransactionItemOutcome[];
  commit(transactionId: number, partitionIds: readonly number[]): Promise<void>;
  abort(transactionId: number, partitionIds: readonly number[]): void;
}

/** Groups a transaction's actions by the partition that owns each item, in order of first appearance. */
export function sharesByPartition(
  actions: readonly TransactionWriteAction[],
  partitionOf: (action: TransactionWriteAction) => number,
): PartitionShare[] {
  const shares = new Map<number, { partitionId: number; actionIndexes: number[]; actions: TransactionWriteAction[] }>();
  actions.forEach((action, index) => {
    const partitionId = partitionOf(action);
    let share = shares.get(partitionId);
    if (share === undefined) shares.set(partitionId, (share = { partitionId, actionIndexes: [], actions: [] }));
    share.actionIndexes.push(index);
    share.actions.push(action);
  });
  return [...shares.values()];
}

/**
 * Two-phase commit over the partitions a transaction touches. Every partition prepares its share (all of
 * them, even after a refusal, because the client is told the reason of every action); if every action was
 * prepared, all commit, else all abort and nothing is written.
 */
export async function coordinateWriteTransaction(
  participants: TransactionParticipants,
  transactionId: number,
  actionCount: number,
  shares: readonly PartitionShare[],
): Promise<TransactionWriteResult> {
  const outcomes = new Array<TransactionItemOutcome | undefined>(actionCount).fill(undefined);
  const partitionIds = shares.map((share) => share.partitionId);
  try {
    for (const share of shares) {
      const answers = participants.prepare(transactionId, share);
      assert(answers.length === share.actionIndexes.length, 'a partition answered for a different number of actions');
      share.actionIndexes.forEach((actionIndex, position) => (outcomes[actionIndex] = answers[position]));
    }
  } catch (error) {
    participants.abort(transactionId, partitionIds);
    throw error;
  }
  const complete = outcomes.map((outcome) => {
    assert(outcome !== undefined, 'an action was not prepared by any partition');
    return outcome;
  });
  const prepared = complete.filter((outcome) => outcome.kind === 'prepared');
  if (prepared.length !== complete.length) {
    participants.abort(transactionId, partitionIds);
    return { committed: false, outcomes: complete };
  }
  await participants.commit(transactionId, partitionIds);
  return { committed: true, outcomes: prepared };
}
