/**
 * The two profiles of the same cores, as configuration only. `naive` reproduces the 2015 behaviour (full
 * lists whose cost grows with membership, an unbounded FIFO queue, immediate retry on timeout, a node
 * leaving service when a refresh fails); `hardened` is DESIGN.md §3 and the default.
 */
export interface NodeAgentConfig {
  readonly refreshPeriodMs: number;
  /** The period is drawn from [period × (1 − ratio), period]; 0 keeps it fixed. */
  readonly refreshJitterRatio: number;
  readonly requestTimeoutMs: number;
  /** Send the known version and ask for a delta rather than the whole list. */
  readonly conditionalRefresh: boolean;
  /** Put a deadline on each request so the service can drop it once nobody waits for it. */
  readonly sendDeadline: boolean;
  /** Leave service when a refresh fails (the 2015 self-demotion). */
  readonly leaveServiceOnFailure: boolean;
  /** After a failure: retry at once, or back off (capped exponential, full jitter) within a budget. */
  readonly retry: RetryPolicy;
  /** After the link to the service comes back, wait up to this long (uniformly drawn) before refreshing. */
  readonly healDelayMaxMs: number;
}

export type RetryPolicy =
  | { readonly kind: 'immediate' }
  | {
      readonly kind: 'backoff';
      readonly backoffBaseMs: number;
      readonly backoffCapMs: number;
      /** Token bucket: retries spend a token; a token comes back every `budgetRefillMs`. */
      readonly budgetTokensMax: number;
      readonly budgetRefillMs: number;
    };

export interface MetadataServiceConfig {
  readonly workers: number;
  /** Requests waiting for a worker; Infinity is the unbounded FIFO of 2015. */
  readonly queueLengthMax: number;
  /** Drop a queued request whose deadline has passed instead of serving it. */
  readonly dropExpired: boolean;
  /** Answer conditionally (unchanged or a bounded delta) or always with the whole list. */
  readonly answers: 'full' | 'incremental';
  readonly deltaEntriesMax: number;
  readonly serviceTimeBaseMs: number;
  readonly serviceTimePerEntryMs: number;
  /** Answer a refused request with `retryAfter`; without, a refused request simply never gets an answer. */
  readonly answerRejections: boolean;
  /** What a rejected node is told to wait (it adds its own jitter). */
  readonly rejectRetryAfterMs: number;
  /** What a node is told to wait while the fleet-wide pause flag is set. */
  readonly pausedRetryAfterMs: number;
  /** Operator requests take a reserved lane that load cannot starve; otherwise they queue with the rest. */
  readonly operatorLane: boolean;
}

export interface MembershipProfile {
  readonly name: ProfileName;
  readonly node: NodeAgentConfig;
  readonly service: MetadataServiceConfig;
}

export const profileNames = ['naive', 'hardened'] as const;
export type ProfileName = (typeof profileNames)[number];

export function isProfileName(value: string): value is ProfileName {
  return (profileNames as readonly string[]).includes(value);
}

/** DESIGN.md §4 calibration shared by both profiles. */
export const calibration = {
  refreshPeriodMs: 300_000,
  requestTimeoutMs: 2_000,
  metadataWorkers: 16,
  serviceTimeBaseMs: 10,
  serviceTimePerEntryMs: 0.18,
} as const;

export const naiveProfile: MembershipProfile = {
  name: 'naive',
  node: {
    refreshPeriodMs: calibration.refreshPeriodMs,
    refreshJitterRatio: 0,
    requestTimeoutMs: calibration.requestTimeoutMs,
    conditionalRefresh: false,
    sendDeadline: false,
    leaveServiceOnFailure: true,
    retry: { kind: 'immediate' },
    healDelayMaxMs: 0,
  },
  service: {
    workers: calibration.metadataWorkers,
    queueLengthMax: Infinity,
    dropExpired: false,
    answers: 'full',
    deltaEntriesMax: Infinity,
    serviceTimeBaseMs: calibration.serviceTimeBaseMs,
    serviceTimePerEntryMs: calibration.serviceTimePerEntryMs,
    answerRejections: false,
    rejectRetryAfterMs: 0,
    pausedRetryAfterMs: 0,
    operatorLane: false,
  },
};

export const hardenedProfile: MembershipProfile = {
  name: 'hardened',
  node: {
    refreshPeriodMs: calibration.refreshPeriodMs,
    refreshJitterRatio: 0.2,
    requestTimeoutMs: calibration.requestTimeoutMs,
    conditionalRefresh: true,
    sendDeadline: true,
    leaveServiceOnFailure: false,
    retry: { kind: 'backoff', backoffBaseMs: 1_000, backoffCapMs: 60_000, budgetTokensMax: 4, budgetRefillMs: 60_000 },
    healDelayMaxMs: 20_000,
  },
  service: {
    workers: calibration.metadataWorkers,
    // Sized so a full queue drains within the client timeout at the base service time: 16 workers × 2 s / 10 ms.
    queueLengthMax: 3_200,
    dropExpired: true,
    answers: 'incremental',
    deltaEntriesMax: 256,
    serviceTimeBaseMs: calibration.serviceTimeBaseMs,
    serviceTimePerEntryMs: calibration.serviceTimePerEntryMs,
    answerRejections: true,
    rejectRetryAfterMs: 5_000,
    pausedRetryAfterMs: 30_000,
    operatorLane: true,
  },
};

export function profileNamed(name: ProfileName): MembershipProfile {
  return name === 'naive' ? naiveProfile : hardenedProfile;
}
