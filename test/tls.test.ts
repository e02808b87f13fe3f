import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { signedHeaders } from './support/raw-http.js';
import { exitOf, spawnServer, temporaryDirectory } from './support/server.js';

function httpsRequest(endpoint: string, options: { method: string; headers?: Record<string, string>; body?: string; ca: Buffer }) {
  const url = new URL(endpoint);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, method: options.method, headers: options.headers ?? {}, ca: options.ca, servername: 'localhost', checkServerIdentity: () => undefined },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

describe('TLS (--tls-cert, --tls-key)', () => {
  it('serves the DynamoDB protocol over HTTPS with the given certificate', async () => {
    const directory = temporaryDirectory('tls');
    try {
      const certificate = join(directory, 'cert.pem');
      const key = join(directory, 'key.pem');
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', certificate, '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
      const server = await spawnServer(['--in-memory', '--tls-cert', certificate, '--tls-key', key]);
      try {
        assert.match(server.endpoint, /^https:\/\//);
        const ca = readFileSync(certificate);
        const health = await httpsRequest(server.endpoint, { method: 'GET', ca });
        assert.deepEqual(health, { status: 200, body: 'healthy: dynamodb.us-east-1.amazonaws.com ' });
        const listed = await httpsRequest(server.endpoint, { method: 'POST', headers: signedHeaders('ListTables'), body: '{}', ca });
        assert.deepEqual({ status: listed.status, body: JSON.parse(listed.body) }, { status: 200, body: { TableNames: [] } });
        // The certificate is the one given: a client that trusts only another CA refuses the connection.
        await assert.rejects(httpsRequest(server.endpoint, { method: 'GET', ca: Buffer.from('') }));
      } finally {
        server.child.kill('SIGTERM');
        await exitOf(server.child);
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
