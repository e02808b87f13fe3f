import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand, type DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { SignatureV4 } from '@smithy/signature-v4';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { createLogger } from '../src/lib/logger.js';
import { rawRequest, signedHeaders } from './support/raw-http.js';
import { exitOf, spawnServer, startTestServer, temporaryDirectory } from './support/server.js';
import { signHeaders } from './support/sign-request.js';

const credentials = { accessKeyId: 'AKIDVERIFY', secretAccessKey: 'verify-secret-0123456789' };
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key ' +
  'and signing method. Consult the service documentation for details.';
const LIST_TABLES_HEADERS = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' };
const BIN = new URL('../../bin/dynacell.js', import.meta.url).pathname;

function client(endpoint: string, using: { accessKeyId: string; secretAccessKey: string }): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: using, maxAttempts: 1 });
}

async function refusal(promise: Promise<unknown>): Promise<DynamoDBServiceException> {
  try {
    await promise;
  } catch (error) {
    return error as DynamoDBServiceException;
  }
  assert.fail('the request was accepted');
}

/** The SHA-256 the SDK signer asks for, over node:crypto (the browser implementation is not installed). */
class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytesOf(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.hash.digest());
  }
}

function bytesOf(data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

describe('signature verification (--verify-signatures)', () => {
  let server: EmbeddedServer;
  const logLines: string[] = [];
  before(async () => {
    server = await startTestServer(
      { signatureCredentials: [credentials] },
      createLogger('debug', (line) => logLines.push(line)),
    );
  });
  after(() => server.close());

  it('accepts an SDK request signed with the right credentials', async () => {
    const answer = await client(server.endpoint, credentials).send(new ListTablesCommand({}));
    assert.deepEqual(answer.TableNames, []);
  });

  it('refuses a wrong secret with InvalidSignatureException', async () => {
    const error = await refusal(client(server.endpoint, { ...credentials, secretAccessKey: 'wrong' }).send(new ListTablesCommand({})));
    assert.equal(error.name, 'InvalidSignatureException');
    const [summary, detail] = error.message.split('\n\nThe Canonical String for this request should have been\n');
    assert.equal(summary, SIGNATURE_MISMATCH);
    assert.match(detail ?? '', /^'POST\n\/\n\n/);
    assert.match(detail ?? '', /\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n\d{8}T\d{6}Z\n\d{8}\/us-east-1\/dynamodb\/aws4_request\n[0-9a-f]{64}'\n$/);
  });

  it('refuses an unknown access key with UnrecognizedClientException', async () => {
    const error = await refusal(client(server.endpoint, { accessKeyId: 'AKIDOTHER', secretAccessKey: 'x' }).send(new ListTablesCommand({})));
    assert.equal(error.name, 'UnrecognizedClientException');
    assert.equal(error.message, 'The security token included in the request is invalid.');
  });

  it('refuses a stale x-amz-date', async () => {
    const headers = signHeaders(credentials, { url: '/', headers: { ...LIST_TABLES_HEADERS, host: new URL(server.endpoint).host }, body: '{}', amzDate: '20130301T000000Z' });
    const response = await rawRequest(server.endpoint, { headers, body: '{}' });
    assert.equal(response.status, 400);
    const body = JSON.parse(response.body) as { __type: string; message: string };
    assert.equal(body.__type, 'com.amazon.coral.service#InvalidSignatureException');
    assert.match(body.message, /^Signature expired: 20130301T000000Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
  });

  it('accepts a request presigned by the SDK signer, and refuses it once changed', async () => {
    const endpoint = new URL(server.endpoint);
    const signer = new SignatureV4({ credentials, region: 'us-east-1', service: 'dynamodb', sha256: NodeSha256 });
    const presigned = await signer.presign(
      {
        method: 'POST',
        protocol: 'http:',
        hostname: endpoint.hostname,
        port: Number(endpoint.port),
        path: '/',
        query: {},
        headers: { ...LIST_TABLES_HEADERS, host: endpoint.host },
        body: '{}',
      },
      { expiresIn: 300, unhoistableHeaders: new Set(['x-amz-target']) },
    );
    const query = new URLSearchParams(presigned.query as Record<string, string>).toString();
    const response = await rawRequest(server.endpoint, { path: `/?${query}`, headers: LIST_TABLES_HEADERS, body: '{}' });
    assert.equal(response.status, 200, response.body);
    assert.deepEqual(JSON.parse(response.body), { TableNames: [] });
    const changed = await rawRequest(server.endpoint, { path: `/?${query}`, headers: LIST_TABLES_HEADERS, body: '{"Limit":1}' });
    assert.equal((JSON.parse(changed.body) as { __type: string }).__type, 'com.amazon.coral.service#InvalidSignatureException');
  });

  it('logs no secret, for refused and accepted requests alike', async () => {
    await refusal(client(server.endpoint, { ...credentials, secretAccessKey: 'wrong' }).send(new ListTablesCommand({})));
    await client(server.endpoint, credentials).send(new ListTablesCommand({}));
    assert.ok(logLines.some((line) => line.includes('signature refused')), 'refusals are logged at debug');
    for (const line of logLines) assert.ok(!line.includes(credentials.secretAccessKey), `secret logged: ${line}`);
  });
});

describe('local mode (default)', () => {
  let server: EmbeddedServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('accepts any well-formed signature, whatever the key, secret or date', async () => {
    const answer = await client(server.endpoint, { accessKeyId: 'anything', secretAccessKey: 'wrong' }).send(new ListTablesCommand({}));
    assert.deepEqual(answer.TableNames, []);
    const response = await rawRequest(server.endpoint, { headers: { ...signedHeaders('ListTables'), 'x-amz-date': '2013' }, body: '{}' });
    assert.equal(response.status, 200, response.body);
  });
});

describe('the dynacell command with --verify-signatures', () => {
  const withoutCredentials = { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_SESSION_TOKEN: '' };

  it('refuses to start without credentials, and --credentials without --verify-signatures', () => {
    const none = spawnSync(process.execPath, [BIN, '--in-memory', '--port', '0', '--verify-signatures'], {
      encoding: 'utf8',
      timeout: 10_000,
      env: withoutCredentials,
    });
    assert.equal(none.status, 2);
    assert.equal(
      none.stderr,
      'dynacell: --verify-signatures needs credentials: give --credentials <file> or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY\n',
    );
    const alone = spawnSync(process.execPath, [BIN, '--credentials', 'x.json'], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(alone.status, 2);
    assert.match(alone.stderr, /^dynacell: --credentials is used only with --verify-signatures\n/);
  });

  it('refuses an unreadable or malformed credentials file without quoting it', () => {
    const directory = temporaryDirectory('credentials');
    const file = join(directory, 'bad.json');
    writeFileSync(file, `{"accessKeyId": "a", "secretAccessKey": ${credentials.secretAccessKey}}`);
    for (const path of [file, join(directory, 'missing.json')]) {
      const result = spawnSync(process.execPath, [BIN, '--in-memory', '--port', '0', '--verify-signatures', '--credentials', path], {
        encoding: 'utf8',
        timeout: 10_000,
      });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^dynacell: (credentials file .* is not valid JSON|cannot read credentials file .* \(ENOENT\))\n$/);
      assert.ok(!result.stderr.includes(credentials.secretAccessKey));
    }
  });

  for (const source of ['environment', 'credentials file'] as const) {
    it(`verifies against credentials from the ${source}, logging no secret`, async () => {
      const args = ['--in-memory', '--verify-signatures', '--log-level', 'debug'];
      let environment: NodeJS.ProcessEnv = withoutCredentials;
      if (source === 'environment') {
        environment = { ...withoutCredentials, AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey };
      } else {
        const file = join(temporaryDirectory('credentials'), 'credentials');
        writeFileSync(file, `[default]\naws_access_key_id = ${credentials.accessKeyId}\naws_secret_access_key = ${credentials.secretAccessKey}\n`);
        args.push('--credentials', file);
      }
      const server = await spawnServer(args, environment);
      try {
        assert.deepEqual((await client(server.endpoint, credentials).send(new ListTablesCommand({}))).TableNames, []);
        const error = await refusal(client(server.endpoint, { ...credentials, secretAccessKey: 'wrong' }).send(new ListTablesCommand({})));
        assert.equal(error.name, 'InvalidSignatureException');
        assert.ok(server.stderr().includes(credentials.accessKeyId), 'the access key ids are logged');
        assert.ok(!server.stderr().includes(credentials.secretAccessKey), 'no secret is logged');
      } finally {
        server.child.kill('SIGTERM');
        await exitOf(server.child);
      }
    });
  }
});

