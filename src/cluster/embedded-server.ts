import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../lib/logger.js';
import type { ConnectionLimits } from '../protocol/connection-limits.js';
import { createFrontDoor } from '../protocol/http-server.js';
import { createOperationHandlers } from '../protocol/operations/operation-handlers.js';
import { createSignatureVerifier, type SigningCredentials } from '../protocol/sigv4/signature-verifier.js';
import { EmbeddedRouter } from '../router/embedded-router.js';
import { ThroughputGovernor } from '../router/throughput-governor.js';
import { openStorageEngine } from '../storage/open-engine.js';
import { EmbeddedControlPlane } from './embedded-control-plane.js';
import { startTimeToLiveExpirer } from './ttl-expirer.js';
import { EmbeddedStreams } from './embedded-streams.js';

/** The account id in ARNs: twelve digits, as real ARNs have. */
export const LOCAL_ACCOUNT_ID = '000000000000';
/** How long CREATING, UPDATING and DELETING last: short, so SDK waiters see the next status at once. */
export const STATUS_TRANSITION_MS = 0;

export interface EmbeddedServer {
  /** `http://host:port` (or https), with the port actually bound. */
  readonly endpoint: string;
  /** Finishes in-flight requests, makes every write durable, releases the data directory. */
  close(): Promise<void>;
}

export interface EmbeddedServerOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDirectory: string;
  readonly inMemory: boolean;
  readonly region: string;
  /** Throttle requests beyond each table's provisioned (or on-demand maximum) throughput. Off by default. */
  readonly enforceThroughput?: boolean;
  /** When given, every request's SigV4 signature is verified against these; absent, any well-formed one passes. */
  readonly signatureCredentials?: readonly SigningCredentials[];
  /** Serve HTTPS with this PEM certificate and key instead of HTTP. */
  readonly tls?: { readonly certificate: Buffer; readonly key: Buffer } | undefined;
  /** Connection timeouts and caps; each one absent takes its default (protocol/connection-limits.ts). */
  readonly connectionLimits?: Partial<ConnectionLimits> | undefined;
  /** Time to Live (see cli/options.ts); absent: DynamoDB's change interval and expiryPacingDefaults. */
  readonly ttlSweepIntervalMs?: number;
  readonly ttlDeletesPerSecond?: number;
  readonly ttlChangeIntervalMs?: number;
  /** The clock (milliseconds since the epoch); tests move it to age stream records and iterators. */
  readonly nowMs?: (() => number) | undefined;
}

/** One process, every component: front door, control plane, router, partitions, storage. */
export async function startEmbeddedServer(options: EmbeddedServerOptions, logger: Logger): Promise<EmbeddedServer> {
  const nowMs = options.nowMs ?? ((): number => Date.now());
  const engine = await openStorageEngine({ inMemory: options.inMemory, dataDirectory: options.dataDirectory });
  const router = new EmbeddedRouter(
    engine,
    (task) => setImmediate(task),
    (partitionId, error) => logger.error('global index maintenance failed', { partitionId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    nowMs,
  );
  const throughput = new ThroughputGovernor(options.enforceThroughput === true, nowMs);
  const controlPlane = new EmbeddedControlPlane(
    engine,
    router,
    {
      nowMs,
      newTableId: () => randomUUID(),
      schedule: (delayMs, task) => void setTimeout(task, delayMs),
    },
    {
      region: options.region,
      accountId: LOCAL_ACCOUNT_ID,
      statusTransitionMs: STATUS_TRANSITION_MS,
      timeToLiveChangeIntervalMs: options.ttlChangeIntervalMs,
    },
    logger,
    throughput,
  );
  try {
    await controlPlane.load();
  } catch (error) {
    await engine.close();
    throw error;
  }
  const streams = new EmbeddedStreams(engine, router, controlPlane, nowMs, options.region);
  const handlers = createOperationHandlers({ controlPlane, tables: controlPlane, router, throughput, nowMs, streams });
  const frontDoor = createFrontDoor({
    region: options.region,
    handlers,
    logger,
    tls: options.tls,
    connectionLimits: options.connectionLimits,
    ...(options.signatureCredentials === undefined
      ? {}
      : {
          verifySignature: createSignatureVerifier({
            region: options.region,
            credentials: options.signatureCredentials,
            nowMs,
          }),
        }),
  });
  try {
    await new Promise<void>((resolve, reject) => {
      frontDoor.server.once('error', reject);
      frontDoor.server.listen(options.port, options.host, () => {
        frontDoor.server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await router.drainMaintenance();
    await engine.close();
    throw error;
  }
  const expirer = startTimeToLiveExpirer(
    router,
    controlPlane,
    { sweepIntervalMs: options.ttlSweepIntervalMs, deletesPerSecond: options.ttlDeletesPerSecond },
    logger,
    nowMs,
  );
  const address = frontDoor.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    endpoint: `${options.tls === undefined ? 'http' : 'https'}://${host}:${address.port}`,
    close: () =>
      (closing ??= (async () => {
        await expirer.stop();
        await frontDoor.close();
        await router.drainMaintenance();
        await engine.close();
      })()),
  };
}
