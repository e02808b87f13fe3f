import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from '../src/protocol/connection-limits.js';
import { rawRequest, signedHeaders } from './support/raw-http.js';
import { clientFor, startTestServer } from './support/server.js';

/** A raw TCP connection to the server, with everything it has received and whether the server closed it. */
interface OpenConnection {
  readonly socket: Socket;
  received(): string;
  /** Resolves with the milliseconds from opening to the server closing the connection. */
  readonly closed: Promise<number>;
}

function openConnection(endpoint: string): Promise<OpenConnection> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const openedMs = performance.now();
    const socket = connect(Number(url.port), url.hostname);
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    const closed = new Promise<number>((resolveClosed) => socket.once('close', () => resolveClosed(performance.now() - openedMs)));
    socket.once('error', () => undefined);
    socket.once('connect', () => resolve({ socket, received: () => received, closed }));
    socket.once('error', reject);
  });
}

function requestHead(operation: string, bodyBytes: number): string {
  const headers = { ...signedHeaders(operation), host: 'localhost', 'content-length': String(bodyBytes) };
  return `POST / HTTP/1.1\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
}

const SHORT_LIMITS: Partial<ConnectionLimits> = { idleTimeoutMs: 300, headersTimeoutMs: 400, requestTimeoutMs: 800 };
/** Node checks for expired requests every quarter of the shortest timeout; allow that and scheduling noise. */
const TIMEOUT_SLACK_MS = 2_000;

describe('connection timeouts', () => {
  let server: EmbeddedServer;
  before(async () => {
    server = await startTestServer({ connectionLimits: SHORT_LIMITS });
  });
  after(() => server.close());

  it('closes a kept-alive connection that stays idle after its answer', async () => {
    const connection = await openConnection(server.endpoint);
    connection.socket.write(requestHead('ListTables', 2) + '{}');
    const closedAfterMs = await connection.closed;
    assert.match(connection.received(), /^HTTP\/1\.1 200 OK/);
    assert.ok(closedAfterMs >= (SHORT_LIMITS.idleTimeoutMs as number) - 50, `closed after ${closedAfterMs} ms`);
    assert.ok(closedAfterMs < (SHORT_LIMITS.idleTimeoutMs as number) + TIMEOUT_SLACK_MS, `closed after ${closedAfterMs} ms`);
  });

  it('answers 408 and closes a connection whose headers never finish', async () => {
    const connection = await openConnection(server.endpoint);
    connection.socket.write('POST / HTTP/1.1\r\nhost: localhost\r\nx-amz-target: DynamoDB_20120810.ListTables\r\n');
    const closedAfterMs = await connection.closed;
    assert.match(connection.received(), /^HTTP\/1\.1 408 /);
    assert.ok(closedAfterMs < (SHORT_LIMITS.headersTimeoutMs as number) + TIMEOUT_SLACK_MS, `closed after ${closedAfterMs} ms`);
  });

  it('answers 408 and closes a connection whose body stops arriving', async () => {
    const connection = await openConnection(server.endpoint);
    connection.socket.write(requestHead('ListTables', 100) + '{"Lim');
    const closedAfterMs = await connection.closed;
    assert.match(connection.received(), /^HTTP\/1\.1 408 /);
    assert.ok(closedAfterMs >= (SHORT_LIMITS.requestTimeoutMs as number) - 50, `closed after ${closedAfterMs} ms`);
    assert.ok(closedAfterMs < (SHORT_LIMITS.requestTimeoutMs as number) + TIMEOUT_SLACK_MS, `closed after ${closedAfterMs} ms`);
  });

  it('answers 408 and closes a connection whose chunked body stops arriving (served by node:http)', async () => {
    const connection = await openConnection(server.endpoint);
    const headers = { ...signedHeaders('ListTables'), host: 'localhost', 'transfer-encoding': 'chunked' };
    connection.socket.write(`POST / HTTP/1.1\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n5\r\n{"Lim`);
    const closedAfterMs = await connection.closed;
    assert.match(connection.received(), /^HTTP\/1\.1 408 /);
    assert.ok(closedAfterMs < (SHORT_LIMITS.requestTimeoutMs as number) + TIMEOUT_SLACK_MS, `closed after ${closedAfterMs} ms`);
  });

  it('closes a connection that never sends a byte', async () => {
    const connection = await openConnection(server.endpoint);
    const closedAfterMs = await connection.closed;
    assert.ok(closedAfterMs < (SHORT_LIMITS.requestTimeoutMs as number) + TIMEOUT_SLACK_MS, `closed after ${closedAfterMs} ms`);
  });

  it('keeps serving other clients while slow connections wait out their timeouts', async () => {
    const slow = await Promise.all(Array.from({ length: 20 }, () => openConnection(server.endpoint)));
    for (const connection of slow) connection.socket.write('POST / HTTP/1.1\r\nhost: localhost\r\n');
    const answer = await clientFor(server.endpoint).send(new ListTablesCommand({}));
    assert.deepEqual(answer.TableNames, []);
    await Promise.all(slow.map((connection) => connection.closed));
  });
});

describe('connection caps', () => {
  it('closes connections beyond the maximum at once and accepts new ones when others leave', async () => {
    const server = await startTestServer({ connectionLimits: { connectionsMax: 4 } });
    try {
      const held = await Promise.all(Array.from({ length: 4 }, () => openConnection(server.endpoint)));
      for (const connection of held) connection.socket.write('POST / HTTP/1.1\r\nhost: localhost\r\n');
      const refused = await openConnection(server.endpoint);
      refused.socket.write(requestHead('ListTables', 2) + '{}');
      await refused.closed;
      assert.equal(refused.received(), '', 'a connection over the cap gets no answer');
      for (const connection of held) connection.socket.destroy();
      await Promise.all(held.map((connection) => connection.closed));
      const answer = await rawRequest(server.endpoint, { headers: signedHeaders('ListTables'), body: '{}' });
      assert.equal(answer.status, 200);
    } finally {
      await server.close();
    }
  });

  it('answers 503 ServiceUnavailable when request bodies in flight would pass the buffer budget, and recovers', async () => {
    const budgetBytes = 256 * 1024;
    const server = await startTestServer({ connectionLimits: { bufferedBodyBytesMax: budgetBytes } });
    try {
      const holder = await openConnection(server.endpoint);
      const heldBody = `{"TableName":"${'x'.repeat(200 * 1024)}"}`;
      holder.socket.write(requestHead('DescribeTable', Buffer.byteLength(heldBody)) + heldBody.slice(0, 200 * 1024));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const overBudget = await rawRequest(server.endpoint, { headers: signedHeaders('DescribeTable'), body: heldBody });
      assert.equal(overBudget.status, 503);
      assert.deepEqual(JSON.parse(overBudget.body), {
        __type: 'com.amazonaws.dynamodb.v20120810#ServiceUnavailable',
        message: 'DynamoDB is currently unavailable. (This should be a temporary state.)',
      });
      holder.socket.write(heldBody.slice(200 * 1024));
      await waitFor(() => holder.received().startsWith('HTTP/1.1 400'));
      holder.socket.destroy();
      const afterwards = await rawRequest(server.endpoint, { headers: signedHeaders('DescribeTable'), body: heldBody });
      assert.equal(afterwards.status, 400, 'the budget came back once the held request was answered');
      assert.match(afterwards.body, /ValidationException/);
    } finally {
      await server.close();
    }
  });

  it('holds a thousand idle connections in bounded memory and keeps answering', async () => {
    const server = await startTestServer();
    const connections: OpenConnection[] = [];
    try {
      const rssBeforeBytes = process.memoryUsage().rss;
      for (let batch = 0; batch < 10; batch++) {
        connections.push(...(await Promise.all(Array.from({ length: 100 }, () => openConnection(server.endpoint)))));
      }
      for (const connection of connections) connection.socket.write('POST / HTTP/1.1\r\nhost: localhost\r\n');
      const answer = await clientFor(server.endpoint).send(new ListTablesCommand({}));
      assert.deepEqual(answer.TableNames, []);
      const grownBytes = process.memoryUsage().rss - rssBeforeBytes;
      // Both ends of every connection live in this process; each pair costs a few kilobytes.
      assert.ok(grownBytes < 64 * 1024 * 1024, `RSS grew ${Math.round(grownBytes / 1024 / 1024)} MB for 1,000 connections`);
    } finally {
      for (const connection of connections) connection.socket.destroy();
      await server.close();
    }
  });

  it('has defaults generous enough for SDK clients that keep connections alive', () => {
    assert.ok(DEFAULT_CONNECTION_LIMITS.idleTimeoutMs >= 60_000);
    assert.ok(DEFAULT_CONNECTION_LIMITS.headersTimeoutMs > DEFAULT_CONNECTION_LIMITS.idleTimeoutMs);
    assert.ok(DEFAULT_CONNECTION_LIMITS.bufferedBodyBytesMax >= 16 * 16 * 1024 * 1024, 'sixteen 16 MB bodies at once');
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
