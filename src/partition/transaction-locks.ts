/**
 * Which items of a partition are held by a prepared transaction. A held item refuses other transactions
 * and single-item writes until its transaction commits or aborts, so nothing changes an item between the
 * moment a transaction checked its condition and the moment its write lands.
 *
 * In the embedded node a transaction prepares and commits in one synchronous step, so no other request
 * ever sees a lock; the table exists for the cluster, where prepare and commit are separate messages.
 */
export class TransactionLocks {
  /** Item (storage key as hex) → the transaction holding it. */
  private readonly holders = new Map<string, number>();
  /** Transaction → the items it holds, to release them all at once. */
  private readonly held = new Map<number, string[]>();

  holder(itemKey: Uint8Array): number | undefined {
    // Every single-item write asks; in the embedded node no lock is ever held, so skip naming the key.
    if (this.holders.size === 0) return undefined;
    return this.holders.get(lockName(itemKey));
  }

  /** Whether the item is free for `transactionId` (unheld, or held by that same transaction). */
  isFree(itemKey: Uint8Array, transactionId?: number): boolean {
    const holder = this.holder(itemKey);
    return holder === undefined || holder === transactionId;
  }

  acquire(itemKey: Uint8Array, transactionId: number): void {
    const name = lockName(itemKey);
    if (this.holders.get(name) === transactionId) return;
    this.holders.set(name, transactionId);
    const names = this.held.get(transactionId);
    if (names === undefined) this.held.set(transactionId, [name]);
    else names.push(name);
  }

  release(transactionId: number): void {
    for (const name of this.held.get(transactionId) ?? []) this.holders.delete(name);
    this.held.delete(transactionId);
  }

  get size(): number {
    return this.holders.size;
  }
}

function lockName(itemKey: Uint8Array): string {
  let text = '';
  for (const byte of itemKey) text += byte.toString(16).padStart(2, '0');
  return text;
}
