/**
 * Messages between storage nodes, request routers, operators and the metadata service. Every request
 * carries its deadline (absolute, in the sender's milliseconds; Infinity when the profile sends none), so
 * the service can drop work nobody waits for any more.
 */
export type MetadataRequest = MembershipRequest | PartitionMapRequest | OperatorRequest;

export interface MembershipRequest {
  readonly kind: 'membership';
  readonly requestId: number;
  readonly nodeId: number;
  /** The membership version the node holds; undefined asks for the whole list. */
  readonly knownVersion: number | undefined;
  /** Entries of the target version already received (paged answers continue from here). */
  readonly cursor: number;
  readonly sentAtMs: number;
  readonly deadlineMs: number;
  /** 0 for the first attempt of a refresh, then 1, 2, … for its retries. */
  readonly attempt: number;
}

export interface PartitionMapRequest {
  readonly kind: 'partitionMap';
  readonly requestId: number;
  readonly routerId: number;
  readonly knownVersion: number;
  readonly sentAtMs: number;
  readonly deadlineMs: number;
}

export type OperatorCommand =
  | { readonly kind: 'addCapacity'; readonly workers: number }
  | { readonly kind: 'pause' }
  | { readonly kind: 'resume' };

export interface OperatorRequest {
  readonly kind: 'operator';
  readonly requestId: number;
  readonly command: OperatorCommand;
  readonly sentAtMs: number;
  readonly deadlineMs: number;
}

export type MembershipAnswer =
  /** The whole list (naive profile), costing time in proportion to its size. */
  | { readonly kind: 'full'; readonly version: number; readonly entries: number }
  /** The node's version is current: constant size. */
  | { readonly kind: 'unchanged'; readonly version: number }
  /** Entries changed since the node's version, at most a page; `complete` false asks for another page. */
  | { readonly kind: 'delta'; readonly version: number; readonly entries: number; readonly cursor: number; readonly complete: boolean }
  /** Refused at admission without work: try again after `retryAfterMs`. */
  | { readonly kind: 'rejected'; readonly retryAfterMs: number; readonly paused: boolean };

export interface MembershipReply {
  readonly kind: 'membership';
  readonly requestId: number;
  readonly nodeId: number;
  readonly answer: MembershipAnswer;
}

export interface PartitionMapReply {
  readonly kind: 'partitionMap';
  readonly requestId: number;
  readonly routerId: number;
  readonly answer: { readonly kind: 'unchanged' | 'changed'; readonly version: number } | { readonly kind: 'rejected'; readonly retryAfterMs: number };
}

export interface OperatorReply {
  readonly kind: 'operator';
  readonly requestId: number;
  readonly command: OperatorCommand;
}

export type MetadataReply = MembershipReply | PartitionMapReply | OperatorReply;
