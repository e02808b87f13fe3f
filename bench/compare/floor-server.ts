/**
 * The floor: a bare node:http server that reads and parses each request body and answers a fixed small
 * JSON object. No server built on node:http can spend less CPU per request than this.
 *
 *   node dist/bench/compare/floor-server.js --port <n>
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } });
const ANSWER = Buffer.from('{}');

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    JSON.parse(Buffer.concat(chunks).toString('utf8'));
    response.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.0', 'Content-Length': ANSWER.length });
    response.end(ANSWER);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(values.port), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`floor listening on ${typeof address === 'object' && address !== null ? address.port : '?'}\n`);
});
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
