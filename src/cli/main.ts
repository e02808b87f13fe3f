import { readFileSync } from 'node:fs';
import { createLogger } from '../lib/logger.js';
import { startEmbeddedServer } from '../cluster/embedded-server.js';
import { parseCommandLine, usage } from './options.js';
import { loadSigningCredentials } from './signature-credentials.js';

const EXIT_USAGE = 2;
const EXIT_FAILURE = 1;

function packageVersion(): string {
  const packageJson = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return packageJson.version;
}

async function main(argv: readonly string[]): Promise<void> {
  const command = parseCommandLine(argv);
  switch (command.kind) {
    case 'help':
      process.stdout.write(usage);
      return;
    case 'version':
      process.stdout.write(`dynacell ${packageVersion()}\n`);
      return;
    case 'invalid':
      process.stderr.write(`dynacell: ${command.message}\n\n${usage}`);
      process.exitCode = EXIT_USAGE;
      return;
    case 'serve':
      break;
  }
  const logger = createLogger(command.options.logLevel);
  let signatureCredentials;
  if (command.options.verifySignatures) {
    const loaded = loadSigningCredentials(command.options.credentialsFile, process.env);
    if (!loaded.ok) {
      process.stderr.write(`dynacell: ${loaded.message}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    signatureCredentials = loaded.credentials;
    logger.info('verifying request signatures', { accessKeyIds: signatureCredentials.map((credentials) => credentials.accessKeyId) });
  }
  let tls: { certificate: Buffer; key: Buffer } | undefined;
  const { tlsCertificateFile, tlsKeyFile } = command.options;
  if (tlsCertificateFile !== undefined && tlsKeyFile !== undefined) {
    try {
      tls = { certificate: readFileSync(tlsCertificateFile), key: readFileSync(tlsKeyFile) };
    } catch (error) {
      process.stderr.write(`dynacell: cannot read the TLS certificate or key: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
  }
  let server;
  try {
    server = await startEmbeddedServer(
      {
        ...command.options,
        tls,
        connectionLimits: { connectionsMax: command.options.connectionsMax },
        ...(signatureCredentials === undefined ? {} : { signatureCredentials }),
      },
      logger,
    );
  } catch (error) {
    process.stderr.write(`dynacell: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT_FAILURE;
    return;
  }
  const storage = command.options.inMemory ? 'in memory' : `in ${command.options.dataDirectory}`;
  process.stdout.write(`dynacell ${packageVersion()} listening on ${server.endpoint} (data ${storage})\n`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: finishing in-flight requests`);
    server.close().then(
      () => {
        logger.info('stopped; all acknowledged writes are durable');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error('failed to stop cleanly', { error: String(error) });
        process.exit(EXIT_FAILURE);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

const argv = process.argv.slice(2);
if (argv[0] === 'sim') {
  // The simulator is its own command; the server path below never loads it.
  const { runSimCommand } = await import('../sim/command.js');
  process.exitCode = runSimCommand(argv.slice(1));
} else {
  await main(argv);
}
