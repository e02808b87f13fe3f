import { parseArgs } from 'node:util';
import { isLogLevel, logLevels, type LogLevel } from '../lib/logger.js';
import { DEFAULT_CONNECTION_LIMITS } from '../protocol/connection-limits.js';
import { timeToLiveLimits } from '../metadata/time-to-live-limits.js';
import { expiryPacingDefaults } from '../partition/time-to-live-pacing.js';

export interface ServerOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDirectory: string;
  readonly inMemory: boolean;
  readonly region: string;
  readonly logLevel: LogLevel;
  readonly enforceThroughput: boolean;
  /** Verify every request's SigV4 signature against the credentials from `credentialsFile` or the environment. */
  readonly verifySignatures: boolean;
  readonly credentialsFile: string | undefined;
  /** Serve HTTPS with this PEM certificate and key; both or neither. */
  readonly tlsCertificateFile: string | undefined;
  readonly tlsKeyFile: string | undefined;
  /** Open connections beyond this many are closed as soon as they are accepted. */
  readonly connectionsMax: number;
  /**
   * Time to Live: the pause between sweeps for expired items, the deletions a second at most, and how
   * long after an accepted UpdateTimeToLive the next one is refused.
   */
  readonly ttlSweepIntervalMs: number;
  readonly ttlDeletesPerSecond: number;
  readonly ttlChangeIntervalMs: number;
}

export type ParsedCommand =
  | { readonly kind: 'serve'; readonly options: ServerOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'invalid'; readonly message: string };

export const defaultServerOptions: ServerOptions = {
  port: 8000,
  host: '127.0.0.1',
  dataDirectory: './dynacell-data',
  inMemory: false,
  region: 'us-east-1',
  logLevel: 'info',
  enforceThroughput: false,
  verifySignatures: false,
  credentialsFile: undefined,
  tlsCertificateFile: undefined,
  tlsKeyFile: undefined,
  connectionsMax: DEFAULT_CONNECTION_LIMITS.connectionsMax,
  ttlSweepIntervalMs: expiryPacingDefaults.sweepIntervalMs,
  ttlDeletesPerSecond: expiryPacingDefaults.deletesPerSecond,
  ttlChangeIntervalMs: timeToLiveLimits.changeIntervalMs,
};

const PORT_MAX = 65535;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export const usage = `Usage: dynacell [options]
       dynacell sim <outage-2015|sweep> [flags]

A DynamoDB-compatible database server. Point any AWS SDK, the AWS CLI or boto3 at its endpoint.
\`dynacell sim\` runs the deterministic simulation of the 2015 membership cascade (dynacell sim help).

Options:
  --port <n>          port to listen on (default ${defaultServerOptions.port}; 0 picks a free port)
  --host <address>    address to listen on (default ${defaultServerOptions.host})
  --data-dir <path>   where durable data lives (default ${defaultServerOptions.dataDirectory})
  --in-memory         keep all data in memory only; nothing is written to disk
  --region <name>     region in ARNs and the health answer (default ${defaultServerOptions.region})
  --log-level <lvl>   one of ${logLevels.join(', ')} (default ${defaultServerOptions.logLevel})
  --enforce-throughput  throttle requests beyond each table's provisioned (or on-demand maximum)
                      throughput, as DynamoDB does; off by default
  --verify-signatures verify every request's SigV4 signature (off by default: any well-formed
                      signature is accepted); credentials from --credentials or from
                      AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN
  --credentials <file>  JSON or AWS credentials (INI) file of the access keys to accept
  --tls-cert <file>   serve HTTPS with this PEM certificate (with --tls-key)
  --tls-key <file>    the PEM private key of --tls-cert
  --max-connections <n>  close connections beyond this many open at once (default ${defaultServerOptions.connectionsMax})
  --ttl-interval-ms <n>  pause between sweeps for expired Time to Live items
                      (default ${defaultServerOptions.ttlSweepIntervalMs})
  --ttl-deletes-per-second <n>  Time to Live deletions a second at most, so expiry
                      never starves requests (default ${defaultServerOptions.ttlDeletesPerSecond})
  --ttl-change-interval-ms <n>  how long after a TTL change UpdateTimeToLive refuses
                      another (default ${defaultServerOptions.ttlChangeIntervalMs}, DynamoDB's hour; 0 for tests)
  --help              print this help and exit
  --version           print the version and exit
`;

export function parseCommandLine(argv: readonly string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'in-memory': { type: 'boolean' },
        region: { type: 'string' },
        'log-level': { type: 'string' },
        'enforce-throughput': { type: 'boolean' },
        'verify-signatures': { type: 'boolean' },
        credentials: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'max-connections': { type: 'string' },
        'ttl-interval-ms': { type: 'string' },
        'ttl-deletes-per-second': { type: 'string' },
        'ttl-change-interval-ms': { type: 'string' },
        help: { type: 'boolean' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    return { kind: 'invalid', message: error instanceof Error ? error.message : String(error) };
  }
  const values = parsed.values;
  if (values.help === true) return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };
  const port = values.port === undefined ? defaultServerOptions.port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > PORT_MAX) {
    return { kind: 'invalid', message: `--port must be an integer from 0 to ${PORT_MAX}, not '${values.port}'` };
  }
  const region = values.region ?? defaultServerOptions.region;
  if (!REGION_PATTERN.test(region)) {
    return { kind: 'invalid', message: `--region must look like an AWS region (e.g. us-east-1), not '${region}'` };
  }
  const logLevel = values['log-level'] ?? defaultServerOptions.logLevel;
  if (!isLogLevel(logLevel)) {
    return { kind: 'invalid', message: `--log-level must be one of ${logLevels.join(', ')}, not '${logLevel}'` };
  }
  const verifySignatures = values['verify-signatures'] === true;
  if (values.credentials !== undefined && !verifySignatures) {
    return { kind: 'invalid', message: '--credentials is used only with --verify-signatures' };
  }
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) {
    return { kind: 'invalid', message: '--tls-cert and --tls-key go together' };
  }
  const connectionsMax = values['max-connections'] === undefined ? defaultServerOptions.connectionsMax : Number(values['max-connections']);
  if (!Number.isInteger(connectionsMax) || connectionsMax < 1) {
    return { kind: 'invalid', message: `--max-connections must be a positive integer, not '${values['max-connections']}'` };
  }
  const timeToLive = parseTimeToLiveFlags(values);
  if (typeof timeToLive === 'string') return { kind: 'invalid', message: timeToLive };
  return {
    kind: 'serve',
    options: {
      port,
      host: values.host ?? defaultServerOptions.host,
      dataDirectory: values['data-dir'] ?? defaultServerOptions.dataDirectory,
      inMemory: values['in-memory'] === true,
      region,
      logLevel,
      enforceThroughput: values['enforce-throughput'] === true,
      verifySignatures,
      credentialsFile: values.credentials,
      tlsCertificateFile: values['tls-cert'],
      tlsKeyFile: values['tls-key'],
      connectionsMax,
      ...timeToLive,
    },
  };
}

type TimeToLiveOptions = Pick<ServerOptions, 'ttlSweepIntervalMs' | 'ttlDeletesPerSecond' | 'ttlChangeIntervalMs'>;

/** The Time to Live flags, or the message refusing one of them. */
function parseTimeToLiveFlags(values: Readonly<Record<string, string | boolean | undefined>>): TimeToLiveOptions | string {
  const text = (flag: string): string | undefined => {
    const value = values[flag];
    return typeof value === 'string' ? value : undefined;
  };
  const ttlSweepIntervalMs = integerFlag('--ttl-interval-ms', text('ttl-interval-ms'), defaultServerOptions.ttlSweepIntervalMs, 1);
  if (typeof ttlSweepIntervalMs === 'string') return ttlSweepIntervalMs;
  const ttlDeletesPerSecond = integerFlag('--ttl-deletes-per-second', text('ttl-deletes-per-second'), defaultServerOptions.ttlDeletesPerSecond, 1);
  if (typeof ttlDeletesPerSecond === 'string') return ttlDeletesPerSecond;
  const ttlChangeIntervalMs = integerFlag('--ttl-change-interval-ms', text('ttl-change-interval-ms'), defaultServerOptions.ttlChangeIntervalMs, 0);
  if (typeof ttlChangeIntervalMs === 'string') return ttlChangeIntervalMs;
  return { ttlSweepIntervalMs, ttlDeletesPerSecond, ttlChangeIntervalMs };
}

/** The flag's integer value (at least `minimum`), its default when absent, or the message refusing it. */
function integerFlag(flag: string, text: string | undefined, fallback: number, minimum: number): number | string {
  if (text === undefined) return fallback;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= minimum && text.trim() !== '' ? value : `${flag} must be an integer of at least ${minimum}, not '${text}'`;
}
