import { profileNamed, type ProfileName } from '../membership/profiles.js';
import type { SecondRow } from './metrics.js';
import { defaultNetwork, type CutScope, type OperatorAction, type ScenarioConfig } from './scenario.js';

/** The 2015 scenario of DESIGN.md §4: its parameters and their defaults. */
export interface OutageOptions {
  readonly profile: ProfileName;
  readonly seed: number;
  readonly nodes: number;
  readonly partitionsPerNode: number;
  readonly gsiGrowth: number;
  readonly cutFraction: number;
  readonly cutDurationS: number;
  readonly cutAtS: number;
  readonly cutScope: CutScope;
  readonly durationS: number;
  readonly cells: number;
  /** A cell whose metadata service fails at the cut time for the cut duration, instead of the cut. */
  readonly failCell: number | undefined;
  readonly routers: number;
  /** Probability that any one message is lost. */
  readonly loss: number;
  readonly operator: readonly OperatorAction[];
}

export const outageDefaults: OutageOptions = {
  profile: 'hardened',
  seed: 1,
  nodes: 1000,
  partitionsPerNode: 300,
  gsiGrowth: 3,
  cutFraction: 0.5,
  cutDurationS: 30,
  cutAtS: 600,
  cutScope: 'metadata',
  durationS: 3600,
  cells: 1,
  failCell: undefined,
  routers: 10,
  loss: 0,
  operator: [],
};

const ROUTER_REFRESH_MS = 1_000;
const LEASE_DURATION_MS = 10_000;
/** The share of nodes (or partitions) that counts as the fleet being whole again. */
export const RECOVERED_SHARE = 0.99;

export function outageScenario(options: OutageOptions): ScenarioConfig {
  const fault =
    options.failCell === undefined
      ? { kind: 'cut' as const, atS: options.cutAtS, durationS: options.cutDurationS, fraction: options.cutFraction, scope: options.cutScope }
      : { kind: 'cellFailure' as const, atS: options.cutAtS, durationS: options.cutDurationS, cell: options.failCell };
  return {
    profile: profileNamed(options.profile),
    seed: options.seed,
    nodes: options.nodes,
    partitionsPerNode: options.partitionsPerNode,
    gsiGrowth: options.gsiGrowth,
    cells: options.cells,
    durationS: options.durationS,
    network: { ...defaultNetwork, loss: options.loss },
    faults: [fault],
    operator: options.operator,
    routers: options.routers,
    routerRefreshMs: ROUTER_REFRESH_MS,
    leaseDurationMs: LEASE_DURATION_MS,
  };
}

/** What a run came to: the numbers the thresholds of DESIGN.md §4 are about. */
export interface OutageSummary {
  readonly goodputMin: number;
  readonly servingMin: number;
  readonly goodputEnd: number;
  readonly partitionsAvailableMin: number;
  readonly queueDepthMax: number;
  readonly queueDepthEnd: number;
  /** Queue deeper at the end than ten minutes before it. */
  readonly queueGrowing: boolean;
  /** Seconds from the end of the fault until goodput and confirmed stay ≥ 99% to the end; undefined: never. */
  readonly recoverS: number | undefined;
  readonly stable: boolean;
}

const QUEUE_TREND_WINDOW_S = 600;

export function summarize(rows: readonly SecondRow[], faultEndS: number): OutageSummary {
  const last = rows[rows.length - 1];
  const earlier = rows[rows.length - 1 - QUEUE_TREND_WINDOW_S];
  let recoveredFrom: number | undefined;
  for (const row of rows) {
    const whole = row.goodput >= RECOVERED_SHARE && row.confirmed >= RECOVERED_SHARE;
    if (!whole) recoveredFrom = undefined;
    else if (recoveredFrom === undefined) recoveredFrom = row.second;
  }
  const recoverS = recoveredFrom === undefined ? undefined : Math.max(0, recoveredFrom - faultEndS);
  return {
    goodputMin: Math.min(...rows.map((row) => row.goodput)),
    servingMin: Math.min(...rows.map((row) => row.serving)),
    goodputEnd: last?.goodput ?? 0,
    partitionsAvailableMin: Math.min(...rows.map((row) => row.partitionsAvailable)),
    queueDepthMax: Math.max(...rows.map((row) => row.queueDepth)),
    queueDepthEnd: last?.queueDepth ?? 0,
    queueGrowing: last !== undefined && earlier !== undefined && last.queueDepth > earlier.queueDepth,
    recoverS,
    stable: recoverS !== undefined,
  };
}
