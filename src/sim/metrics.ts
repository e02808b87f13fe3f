/** One virtual second of a run, as recorded in the CSV. Shares are of all nodes (or groups). */
export interface SecondRow {
  readonly second: number;
  /** Nodes serving and reachable by clients: the fleet's goodput. */
  readonly goodput: number;
  /** Nodes in service from their own point of view (running, not self-demoted, replication lease valid). */
  readonly serving: number;
  /** Nodes that reach the metadata service and have had their membership confirmed since their link to it last came back. */
  readonly confirmed: number;
  /** Replication groups with a majority of replicas serving and reachable. */
  readonly partitionsAvailable: number;
  readonly offered: number;
  readonly admitted: number;
  readonly rejected: number;
  readonly expiredDropped: number;
  /** Answers the asker used. */
  readonly useful: number;
  /** Answers computed for nobody: too late, abandoned or lost on the way back. */
  readonly wasted: number;
  readonly queueDepth: number;
  readonly workers: number;
  /** Membership requests sent by nodes, and how many of them were retries. */
  readonly sent: number;
  readonly retries: number;
  /** Requests sent per first attempt (first attempts counted as at least one). */
  readonly amplification: number;
  /** Oldest router partition map, in seconds since its last refresh. */
  readonly routerMapAgeMaxS: number;
}

export const csvColumns: readonly (keyof SecondRow)[] = [
  'second',
  'goodput',
  'serving',
  'confirmed',
  'partitionsAvailable',
  'offered',
  'admitted',
  'rejected',
  'expiredDropped',
  'useful',
  'wasted',
  'queueDepth',
  'workers',
  'sent',
  'retries',
  'amplification',
  'routerMapAgeMaxS',
];

const SHARE_DIGITS = 4;
const RATIO_DIGITS = 2;

function formatCell(column: keyof SecondRow, value: number): string {
  if (column === 'goodput' || column === 'serving' || column === 'confirmed' || column === 'partitionsAvailable') return value.toFixed(SHARE_DIGITS);
  if (column === 'amplification' || column === 'routerMapAgeMaxS') return value.toFixed(RATIO_DIGITS);
  return String(value);
}

export function toCsv(rows: readonly SecondRow[]): string {
  const lines = [csvColumns.join(',')];
  for (const row of rows) lines.push(csvColumns.map((column) => formatCell(column, row[column])).join(','));
  return `${lines.join('\n')}\n`;
}
