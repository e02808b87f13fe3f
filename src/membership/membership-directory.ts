import { assert } from '../lib/assert.js';

/**
 * What the metadata service knows of each node's membership: how many entries it has and a version that
 * moves on every change, with a log of how many entries each change touched, so an answer to "I hold
 * version v" is "unchanged" or a delta of the entries changed since v, never the whole list.
 */
export class MembershipDirectory {
  private readonly entries: number[];
  private readonly versions: number[];
  /** Per node, the entries changed at each version after the first (index 0 is version 2). */
  private readonly changes: number[][];

  constructor(nodeCount: number, entriesPerNode: number) {
    assert(Number.isInteger(nodeCount) && nodeCount > 0, 'at least one node');
    this.entries = new Array<number>(nodeCount).fill(entriesPerNode);
    this.versions = new Array<number>(nodeCount).fill(1);
    this.changes = Array.from({ length: nodeCount }, () => []);
  }

  get nodeCount(): number {
    return this.entries.length;
  }

  entriesOf(nodeId: number): number {
    return this.entries[nodeId] ?? 0;
  }

  versionOf(nodeId: number): number {
    return this.versions[nodeId] ?? 0;
  }

  /** A reassignment touching `entriesChanged` of the node's entries (its size stays the same). */
  recordChange(nodeId: number, entriesChanged: number): number {
    const log = this.changes[nodeId];
    assert(log !== undefined, `unknown node ${nodeId}`);
    log.push(entriesChanged);
    const version = this.versionOf(nodeId) + 1;
    this.versions[nodeId] = version;
    return version;
  }

  /** Entries a node holding `knownVersion` must learn to be current; the whole list if it knows nothing. */
  entriesChangedSince(nodeId: number, knownVersion: number | undefined): number {
    const total = this.entriesOf(nodeId);
    if (knownVersion === undefined || knownVersion < 1) return total;
    const current = this.versionOf(nodeId);
    if (knownVersion >= current) return 0;
    const log = this.changes[nodeId] ?? [];
    let changed = 0;
    for (let version = knownVersion + 1; version <= current; version += 1) changed += log[version - 2] ?? 0;
    return Math.min(total, changed);
  }
}
