import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Item } from '../model/attribute-value.js';
import { emptyBindings } from '../expressions/bindings.js';
import { parseConditionExpression } from '../expressions/parse-expression.js';
import { MemoryStorageEngine } from '../storage/memory-engine.js';
import type { StorageEngine, WriteOperation } from '../storage/engine.js';
import { encodeItemKey } from '../partition/item-key.js';
import { Partition } from '../partition/partition.js';
import type { PartitionSchema } from '../partition/partition-schema.js';
import type { TransactionWriteCommand } from '../partition/transaction-command.js';
import { coordinateWriteTransaction, sharesByPartition, type PartitionShare, type TransactionParticipants } from './transaction-coordinator.js';
import { LocalTransactionParticipants } from './transaction-participants.js';
import type { TableRoute } from './router.js';
import type { TransactionItemOutcome, TransactionWriteAction } from './transaction-types.js';

const schema: PartitionSchema = { tableName: 'things', key: { partitionKey: { name: 'pk', type: 'S' } }, localIndexes: [], globalIndexes: [] };
const route: TableRoute = { tableName: 'things', schema, partitions: [{ partitionId: 1, hashStart: 0 }] } as TableRoute;
const itemOf = (pk: string, value: string): Item => ({ pk: { S: pk }, value: { S: value } });
const action = (pk: string, command: TransactionWriteCommand): TransactionWriteAction => ({ route, key: { pk: { S: pk } }, command });
const putAction = (pk: string, value: string) => action(pk, { kind: 'put', item: itemOf(pk, value) });

/** Participants that answer from a script and record what the coordinator asked. */
function scripted(answer: (share: PartitionShare) => TransactionItemOutcome[]) {
  const calls: string[] = [];
  const participants: TransactionParticipants = {
    prepare: (transactionId, share) => {
      calls.push(`prepare ${transactionId} ${share.partitionId}`);
      return answer(share);
    },
    commit: (transactionId, partitionIds) => {
      calls.push(`commit ${transactionId} ${partitionIds.join(',')}`);
      return Promise.resolve();
    },
    abort: (transactionId, partitionIds) => void calls.push(`abort ${transactionId} ${partitionIds.join(',')}`),
  };
  return { participants, calls };
}

const prepared: TransactionItemOutcome = { kind: 'prepared', old: undefined, new: undefined };

describe('transaction coordinator', () => {
  test('groups actions by partition in order of first appearance, keeping their places', () => {
    const actions = [putAction('a', '1'), putAction('b', '2'), putAction('c', '3')];
    const partitionOf = (candidate: TransactionWriteAction) => (candidate.key['pk'] as { S: string }).S === 'b' ? 9 : 4;
    assert.deepEqual(
      sharesByPartition(actions, partitionOf).map((share) => [share.partitionId, share.actionIndexes]),
      [[4, [0, 2]], [9, [1]]],
    );
  });

  test('commits every partition when every action was prepared', async () => {
    const { participants, calls } = scripted((share) => share.actions.map(() => prepared));
    const shares = sharesByPartition([putAction('a', '1'), putAction('b', '2')], (candidate) => ((candidate.key['pk'] as { S: string }).S === 'a' ? 1 : 2));
    const result = await coordinateWriteTransaction(participants, 5, 2, shares);
    assert.equal(result.committed, true);
    assert.deepEqual(calls, ['prepare 5 1', 'prepare 5 2', 'commit 5 1,2']);
  });

  test('prepares every partition even after a refusal, then aborts all, answering in request order', async () => {
    const refused: TransactionItemOutcome = { kind: 'rejected', reason: { kind: 'conditionFailed' }, old: undefined };
    const { participants, calls } = scripted((share) => share.actions.map(() => (share.partitionId === 1 ? refused : { kind: 'conflict' })));
    const shares = sharesByPartition([putAction('a', '1'), putAction('b', '2'), putAction('c', '3')], (candidate) =>
      (candidate.key['pk'] as { S: string }).S === 'b' ? 2 : 1,
    );
    const result = await coordinateWriteTransaction(participants, 5, 3, shares);
    assert.equal(result.committed, false);
    assert.deepEqual(result.outcomes.map((outcome) => outcome.kind), ['rejected', 'conflict', 'rejected']);
    assert.deepEqual(calls, ['prepare 5 1', 'prepare 5 2', 'abort 5 1,2']);
  });

  test('aborts everything when a partition fails while preparing', async () => {
    const { participants, calls } = scripted(() => {
      throw new Error('partition unreachable');
    });
    await assert.rejects(coordinateWriteTransaction(participants, 5, 1, sharesByPartition([putAction('a', '1')], () => 1)), /unreachable/);
    assert.deepEqual(calls, ['prepare 5 1', 'abort 5 1']);
  });
});

/** An engine that counts writes and can be told to refuse the next one. */
class WatchedEngine extends MemoryStorageEngine {
  writes = 0;
  refuseNext = false;
  override write(operations: readonly WriteOperation[]): Promise<void> {
    if (this.refuseNext) {
      this.refuseNext = false;
      throw new Error('engine refused the write');
    }
    this.writes++;
    return super.write(operations);
  }
}

function snapshot(engine: StorageEngine): string[] {
  return [...engine.range({})].map((entry) => `${Buffer.from(entry.key).toString('hex')}=${Buffer.from(entry.value).toString('hex')}`);
}

describe('local participants on one storage engine', () => {
  function twoPartitions() {
    const engine = new WatchedEngine();
    const partitions = new Map([1, 2].map((id) => [id, new Partition(id, schema, engine)]));
    const participants = new LocalTransactionParticipants((id) => partitions.get(id) as Partition, engine);
    const shares = sharesByPartition([putAction('a', 'one'), putAction('b', 'two')], (candidate) => ((candidate.key['pk'] as { S: string }).S === 'a' ? 1 : 2));
    const read = (id: number, pk: string) => (partitions.get(id) as Partition).read(encodeItemKey({ pk: { S: pk } }, schema.key));
    return { engine, partitions, participants, shares, read };
  }

  test('commits the writes of every partition in one storage write', async () => {
    const { engine, participants, shares, read } = twoPartitions();
    const result = await coordinateWriteTransaction(participants, 1, 2, shares);
    assert.equal(result.committed, true);
    assert.equal(engine.writes, 1);
    assert.deepEqual(read(1, 'a'), itemOf('a', 'one'));
    assert.deepEqual(read(2, 'b'), itemOf('b', 'two'));
  });

  test('a refused storage write changes nothing and frees every item', async () => {
    const { engine, partitions, participants, shares } = twoPartitions();
    const before = snapshot(engine);
    engine.refuseNext = true;
    await assert.rejects(coordinateWriteTransaction(participants, 1, 2, shares), /refused/);
    assert.deepEqual(snapshot(engine), before);
    for (const partition of partitions.values()) assert.equal(partition.lockedItemCount, 0);
    assert.equal((await coordinateWriteTransaction(participants, 2, 2, shares)).committed, true);
  });

  test('a condition check that fails aborts the other partition: nothing is written', async () => {
    const { engine, partitions, participants, read } = twoPartitions();
    const before = snapshot(engine);
    const condition = { condition: parseConditionExpression('attribute_exists(pk)'), bindings: emptyBindings };
    const shares = sharesByPartition([putAction('a', 'one'), action('b', { kind: 'conditionCheck', condition })], (candidate) =>
      (candidate.key['pk'] as { S: string }).S === 'a' ? 1 : 2,
    );
    const result = await coordinateWriteTransaction(participants, 3, 2, shares);
    assert.equal(result.committed, false);
    assert.deepEqual(snapshot(engine), before);
    assert.equal(read(1, 'a'), undefined);
    for (const partition of partitions.values()) assert.equal(partition.lockedItemCount, 0);
  });
});
