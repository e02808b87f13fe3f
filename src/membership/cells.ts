import { assert } from '../lib/assert.js';

/**
 * Cells: several independent metadata service instances, each serving a contiguous share of the fleet.
 * Replication groups are placed inside one cell (all three replicas on that cell's nodes), so a cell that
 * fails touches only the partitions of its own nodes.
 */
export const REPLICAS_PER_GROUP = 3;

export interface CellLayout {
  readonly cellCount: number;
  /** Cell of each node. */
  readonly cellOfNode: readonly number[];
  /** For each replication group, the nodes of its replicas. */
  readonly groupNodes: readonly (readonly number[])[];
  /** For each node, the groups it holds a replica of. */
  readonly groupsOfNode: readonly (readonly number[])[];
}

export function layoutCells(nodeCount: number, replicasPerNode: number, cellCount: number): CellLayout {
  assert(cellCount >= 1 && nodeCount >= cellCount * REPLICAS_PER_GROUP, 'each cell needs at least one group of nodes');
  const cellOfNode = Array.from({ length: nodeCount }, (_, node) => Math.floor((node * cellCount) / nodeCount));
  const groupNodes: number[][] = [];
  const groupsOfNode: number[][] = Array.from({ length: nodeCount }, () => []);
  for (let cell = 0; cell < cellCount; cell += 1) {
    const members = cellOfNode.flatMap((owner, node) => (owner === cell ? [node] : []));
    const size = members.length;
    const stride = Math.max(1, Math.floor(size / REPLICAS_PER_GROUP));
    // Group g of the cell puts replica r on member (g + r × stride) mod size: distinct members, and every
    // member gets replicasPerNode / 3 groups for each replica position, so replicasPerNode in all.
    const groupCount = Math.floor((size * replicasPerNode) / REPLICAS_PER_GROUP);
    for (let group = 0; group < groupCount; group += 1) {
      const nodes = Array.from({ length: REPLICAS_PER_GROUP }, (_, replica) => members[(group + replica * stride) % size] as number);
      const id = groupNodes.length;
      groupNodes.push(nodes);
      for (const node of nodes) groupsOfNode[node]?.push(id);
    }
  }
  return { cellCount, cellOfNode, groupNodes, groupsOfNode };
}
