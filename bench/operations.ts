/**
 * Throughput and latency of dynacell's data operations, measured over HTTP against a server in a child
 * process (the load generator here is a keep-alive node:http client, so on a 2-core machine it competes
 * with the server for CPU: compare runs with each other, not with other machines).
 *
 *   npm run build && node dist/bench/operations.js [--seconds 2] [--concurrency 16] [--durable]
 *
 * Prints a markdown table: operations per second, p50 and p99 latency in milliseconds.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '2' }, concurrency: { type: 'string', default: '16' }, durable: { type: 'boolean', default: false } },
});
const secondsPerCase = Number(values.seconds);
const concurrency = Number(values.concurrency);

const BIN = new URL('../../bin/dynacell.js', import.meta.url).pathname;
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const SIGNED_HEADERS = {
  'content-type': 'application/x-amz-json-1.0',
  'x-amz-date': '20260101T000000Z',
  authorization: 'AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
};

function call(endpoint: URL, operation: string, body: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: endpoint.hostname, port: endpoint.port, method: 'POST', agent, headers: { ...SIGNED_HEADERS, 'x-amz-target': `DynamoDB_20120810.${operation}` } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => (response.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`${operation}: ${text}`))));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(JSON.stringify(body));
  });
}

async function startServer(dataDirectory: string | undefined): Promise<{ endpoint: URL; stop: () => void }> {
  const storage = dataDirectory === undefined ? ['--in-memory'] : ['--data-dir', dataDirectory];
  const child = spawn(process.execPath, [BIN, '--port', '0', '--log-level', 'error', ...storage], { stdio: ['ignore', 'pipe', 'inherit'] });
  const endpoint = await new Promise<string>((resolve) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+)/.exec(output);
      if (match !== null) resolve(match[1] as string);
    });
  });
  return { endpoint: new URL(endpoint), stop: () => child.kill('SIGTERM') };
}

interface Case {
  readonly name: string;
  readonly next: (sequence: number) => [string, unknown];
}

const TABLE = 'bench';
const payload = 'x'.repeat(200);
const item = (sequence: number) => ({ pk: { S: `p${sequence % 1000}` }, sk: { N: String(sequence) }, payload: { S: payload }, n: { N: '1' } });

const cases: Case[] = [
  { name: 'PutItem', next: (sequence) => ['PutItem', { TableName: TABLE, Item: item(sequence) }] },
  { name: 'GetItem', next: (sequence) => ['GetItem', { TableName: TABLE, Key: { pk: { S: `p${sequence % 1000}` }, sk: { N: String(sequence % 5000) } } }] },
  {
    name: 'UpdateItem with a condition',
    next: (sequence) => [
      'UpdateItem',
      {
        TableName: TABLE,
        Key: { pk: { S: `p${sequence % 1000}` }, sk: { N: String(sequence % 5000) } },
        UpdateExpression: 'SET n = n + :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': { N: '1' } },
      },
    ],
  },
  { name: 'Query (25 of a collection)', next: (sequence) => ['Query', { TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: `p${sequence % 1000}` } }, Limit: 25 }] },
  { name: 'Scan (1 MB page)', next: () => ['Scan', { TableName: TABLE }] },
  {
    name: 'BatchWriteItem (25 items)',
    next: (sequence) => ['BatchWriteItem', { RequestItems: { [TABLE]: Array.from({ length: 25 }, (_, offset) => ({ PutRequest: { Item: item(1_000_000 + sequence * 25 + offset) } })) } }],
  },
  {
    name: 'TransactWriteItems (4 items)',
    next: (sequence) => ['TransactWriteItems', { TransactItems: Array.from({ length: 4 }, (_, offset) => ({ Put: { TableName: TABLE, Item: item(2_000_000 + sequence * 4 + offset) } })) }],
  },
];

async function measure(endpoint: URL, testCase: Case): Promise<{ perSecond: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  const deadline = performance.now() + secondsPerCase * 1000;
  let sequence = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const [operation, body] = testCase.next(sequence++);
        const started = performance.now();
        await call(endpoint, operation, body);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((left, right) => left - right);
  const at = (quantile: number): number => latencies[Math.min(latencies.length - 1, Math.floor(quantile * latencies.length))] ?? Number.NaN;
  return { perSecond: latencies.length / secondsPerCase, p50: at(0.5), p99: at(0.99) };
}

const dataDirectory = values.durable ? mkdtempSync(join(tmpdir(), 'dynacell-bench-')) : undefined;
const server = await startServer(dataDirectory);
try {
  await call(server.endpoint, 'CreateTable', {
    TableName: TABLE,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (let sequence = 0; sequence < 5000; sequence += 25) {
    await call(server.endpoint, 'BatchWriteItem', { RequestItems: { [TABLE]: Array.from({ length: 25 }, (_, offset) => ({ PutRequest: { Item: item(sequence + offset) } })) } });
  }
  console.log(`dynacell ${dataDirectory === undefined ? 'in memory' : 'durable'}, ${concurrency} concurrent clients, ${secondsPerCase} s per operation\n`);
  console.log('| operation | ops/s | p50 ms | p99 ms |\n| --- | ---: | ---: | ---: |');
  for (const testCase of cases) {
    const result = await measure(server.endpoint, testCase);
    console.log(`| ${testCase.name} | ${Math.round(result.perSecond).toLocaleString('en-US')} | ${result.p50.toFixed(2)} | ${result.p99.toFixed(2)} |`);
  }
} finally {
  server.stop();
  agent.destroy();
  if (dataDirectory !== undefined) rmSync(dataDirectory, { recursive: true, force: true });
}
