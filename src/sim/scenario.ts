import type { OperatorCommand } from '../membership/messages.js';
import type { MembershipProfile } from '../membership/profiles.js';

/** What a simulation run is: the fleet, the profile, the faults, the operator's script. */
export interface ScenarioConfig {
  readonly profile: MembershipProfile;
  readonly seed: number;
  readonly nodes: number;
  readonly partitionsPerNode: number;
  /** Global secondary indexes multiply each node's membership entries by this factor. */
  readonly gsiGrowth: number;
  readonly cells: number;
  readonly durationS: number;
  readonly network: NetworkConfig;
  readonly faults: readonly Fault[];
  readonly operator: readonly OperatorAction[];
  readonly routers: number;
  readonly routerRefreshMs: number;
  /** A replication-group lease lasts this long once the node can no longer reach its group's peers. */
  readonly leaseDurationMs: number;
}

export interface NetworkConfig {
  /** Each node's link to the metadata service has its own one-way delay, drawn once from this range. */
  readonly delayMsMin: number;
  readonly delayMsMax: number;
  /** Each message adds up to this much to its link's delay. */
  readonly jitterMs: number;
  /** Probability that any one message is lost. */
  readonly loss: number;
}

/**
 * `cut`: a fraction of the nodes loses its links for a while — to the metadata service only (`metadata`,
 * the 2015 disruption) or to everything, peers and clients included (`all`).
 * `cellFailure`: one cell's metadata service stops answering.
 * `crash`: a fraction of the nodes stops and restarts after a while.
 */
export type Fault =
  | { readonly kind: 'cut'; readonly atS: number; readonly durationS: number; readonly fraction: number; readonly scope: CutScope }
  | { readonly kind: 'cellFailure'; readonly atS: number; readonly durationS: number; readonly cell: number }
  | { readonly kind: 'crash'; readonly atS: number; readonly durationS: number; readonly fraction: number };

export const cutScopes = ['metadata', 'all'] as const;
export type CutScope = (typeof cutScopes)[number];

export interface OperatorAction {
  readonly atS: number;
  readonly command: OperatorCommand;
}

export const defaultNetwork: NetworkConfig = { delayMsMin: 0.5, delayMsMax: 2, jitterMs: 0.5, loss: 0 };
