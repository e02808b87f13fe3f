import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { createLogger } from '../lib/logger.js';
import { signedHeaders } from '../../test/support/raw-http.js';
import { RawConnection, requestBytes } from '../../test/support/raw-connection.js';
import { createFrontDoor, type FrontDoor, type OperationHandler } from './http-server.js';
import { parseFastHead } from './fast-http-head.js';

const SLOW_ANSWER_MS = 40;

describe('fast HTTP/1.1 path', () => {
  let frontDoor: FrontDoor;
  let endpoint: string;
  const handlers = new Map<string, OperationHandler>([
    ['ListTables', (body) => ({ TableNames: [], Echo: body })],
    ['GetItem', (body) => new Promise((resolve) => setTimeout(() => resolve({ Item: { slow: { S: 'yes' } }, Echo: body }), SLOW_ANSWER_MS))],
  ]);
  before(async () => {
    frontDoor = createFrontDoor({ region: 'us-east-1', handlers, logger: createLogger('error', () => undefined) });
    await new Promise<void>((resolve) => frontDoor.server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(frontDoor.server.address() as AddressInfo).port}`;
  });
  after(() => frontDoor.close());

  const listTables = (body: string, extra: Record<string, string> = {}): string => requestBytes({ ...signedHeaders('ListTables'), ...extra }, body);
  const echoOf = (answer: { body: Buffer }): unknown => (JSON.parse(answer.body.toString('utf8')) as { Echo: unknown }).Echo;

  it('answers with DynamoDB headers, a correct CRC32 and Content-Length, and keeps the connection', async () => {
    const connection = await RawConnection.open(endpoint);
    connection.write(listTables('{"Limit":3}'));
    const answer = await connection.next();
    assert.equal(answer.status, 200);
    assert.match(answer.head, /^HTTP\/1\.1 200 OK\r\nx-amzn-RequestId: [0-9A-Z]{52}\r\nx-amz-crc32: \d+\r\nContent-Type: application\/x-amz-json-1\.0\r\nContent-Length: \d+\r\nDate: .+ GMT\r\nConnection: keep-alive\r\nKeep-Alive: timeout=65$/);
    assert.equal(answer.headers['x-amz-crc32'], String(crc32(answer.body)));
    assert.equal(Number(answer.headers['content-length']), answer.body.length);
    assert.deepEqual(echoOf(answer), { Limit: 3 });
    connection.write(listTables('{"Limit":4}'));
    assert.deepEqual(echoOf(await connection.next()), { Limit: 4 });
    connection.close();
  });

  it('reads a request that arrives a byte at a time', async () => {
    const connection = await RawConnection.open(endpoint);
    const bytes = Buffer.from(listTables('{"Limit":5}'));
    for (const byte of bytes) {
      connection.write(Buffer.from([byte]));
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.deepEqual(echoOf(await connection.next()), { Limit: 5 });
    connection.close();
  });

  it('answers pipelined requests in order, even when the first is answered later than the second is read', async () => {
    const connection = await RawConnection.open(endpoint);
    connection.write(requestBytes(signedHeaders('GetItem'), '{"n":1}') + listTables('{"n":2}') + listTables('{"n":3}'));
    const answers = [await connection.next(), await connection.next(), await connection.next()];
    assert.deepEqual(answers.map(echoOf), [{ n: 1 }, { n: 2 }, { n: 3 }]);
    connection.close();
  });

  it('closes the connection after answering a request that asked for it', async () => {
    const connection = await RawConnection.open(endpoint);
    connection.write(listTables('{}', { connection: 'close' }));
    const answer = await connection.next();
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['connection'], 'close');
    await connection.closed;
  });

  it('hands a chunked request to node:http mid-connection, which answers it and the requests after it', async () => {
    const connection = await RawConnection.open(endpoint);
    connection.write(listTables('{"n":1}'));
    assert.deepEqual(echoOf(await connection.next()), { n: 1 });
    const headers = Object.entries({ host: 'localhost', ...signedHeaders('ListTables'), 'transfer-encoding': 'chunked' });
    connection.write(`POST / HTTP/1.1\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n7\r\n{"n":2}\r\n0\r\n\r\n`);
    const chunked = await connection.next();
    assert.equal(chunked.status, 200);
    assert.equal(chunked.headers['x-amz-crc32'], String(crc32(chunked.body)));
    assert.deepEqual(echoOf(chunked), { n: 2 });
    connection.write(listTables('{"n":3}'));
    assert.deepEqual(echoOf(await connection.next()), { n: 3 });
    connection.close();
  });

  it('hands over Expect: 100-continue, which node:http answers with 100 Continue first', async () => {
    const connection = await RawConnection.open(endpoint);
    const body = '{"n":4}';
    const head = requestBytes({ ...signedHeaders('ListTables'), expect: '100-continue' }, body);
    connection.write(head.slice(0, head.length - body.length));
    assert.equal((await connection.next()).status, 100);
    connection.write(body);
    assert.deepEqual(echoOf(await connection.next()), { n: 4 });
    connection.close();
  });

  it('hands over HTTP/1.0, duplicate headers, malformed headers and heads over 16 KB, answered as node:http and the front door always have', async () => {
    const cases: Array<{ readonly request: string; readonly status: number }> = [
      { request: requestBytes(signedHeaders('ListTables'), '{"n":5}', 'POST / HTTP/1.0'), status: 200 },
      { request: requestBytes({ ...signedHeaders('ListTables'), 'x-dup': 'a', 'X-Dup': 'b' }, '{}'), status: 200 },
      { request: requestBytes({ ...signedHeaders('ListTables'), 'bad header': 'x' }, '{}'), status: 400 },
      { request: requestBytes({ ...signedHeaders('ListTables'), 'x-ctl': 'a\u0001b' }, '{}'), status: 400 },
      { request: requestBytes({ ...signedHeaders('ListTables'), 'x-big': 'y'.repeat(20_000) }, '{}'), status: 400 },
    ];
    for (const { request, status } of cases) {
      const connection = await RawConnection.open(endpoint);
      connection.write(request);
      const answer = await connection.next();
      assert.equal(answer.status, status, request.slice(0, 60));
      connection.close();
    }
  });

  it('parses heads strictly, leaving everything unusual to node:http', () => {
    const head = (lines: string[]): string => lines.join('\r\n');
    const parsed = parseFastHead(head(['POST /?a=1 HTTP/1.1', 'Host: x', 'Content-Length:  12 ', 'X-Amz-Target:\tDynamoDB_20120810.ListTables']), 100);
    assert.deepEqual(parsed?.request.headers, {
      'content-type': undefined,
      'x-amz-target': 'DynamoDB_20120810.ListTables',
      authorization: undefined,
      'x-amz-date': undefined,
      date: undefined,
      origin: undefined,
      'access-control-request-headers': undefined,
      'access-control-request-method': undefined,
    });
    assert.deepEqual(parsed?.request.rawHeaders, ['Host', 'x', 'Content-Length', '12', 'X-Amz-Target', 'DynamoDB_20120810.ListTables']);
    assert.equal(parsed?.request.url, '/?a=1');
    assert.equal(parsed?.contentLength, 12);
    assert.equal(parsed?.close, false);
    assert.equal(parseFastHead(head(['POST / HTTP/1.1', 'Connection: Close']), 100)?.close, true);
    assert.equal(parseFastHead(head(['GET / HTTP/1.1']), 100)?.contentLength, 0);
    for (const refused of [
      ['POST / HTTP/1.0'],
      ['PUT / HTTP/1.1'],
      ['POST  / HTTP/1.1'],
      ['POST / HTTP/1.1', 'Content-Length: 101'],
      ['POST / HTTP/1.1', 'Content-Length: 1x'],
      ['POST / HTTP/1.1', 'Content-Length: -1'],
      ['POST / HTTP/1.1', 'Transfer-Encoding: chunked'],
      ['POST / HTTP/1.1', 'Expect: 100-continue'],
      ['POST / HTTP/1.1', 'Upgrade: h2c'],
      ['POST / HTTP/1.1', 'Connection: Upgrade'],
      ['POST / HTTP/1.1', 'X-Amz-Target: a', 'x-amz-target: b'],
      ['POST / HTTP/1.1', 'Content-Length: 1', 'content-length: 1'],
      ['POST / HTTP/1.1', ' folded: x'],
      ['POST / HTTP/1.1', 'name : x'],
      ['POST / HTTP/1.1', 'no-colon'],
      ['POST / HTTP/1.1', 'X: a\nb'],
      ['POST / HTTP/1.1', 'X: a\rb'],
      ['POST / HTTP/1.1', 'X: a\u0001b'],
      ['POST /\u00e9 HTTP/1.1'],
    ]) {
      assert.equal(parseFastHead(head(refused), 100), undefined, JSON.stringify(refused));
    }
  });
});

describe('fast HTTP/1.1 path under malformed input', () => {
  let frontDoor: FrontDoor;
  let endpoint: string;
  const faults: string[] = [];
  before(async () => {
    const handlers = new Map<string, OperationHandler>([['ListTables', () => ({ TableNames: [] })]]);
    frontDoor = createFrontDoor({ region: 'us-east-1', handlers, logger: createLogger('error', (line) => faults.push(line)) });
    await new Promise<void>((resolve) => frontDoor.server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(frontDoor.server.address() as AddressInfo).port}`;
  });
  after(() => frontDoor.close());

  const valid = requestBytes(signedHeaders('ListTables'), '{}');

  it('never throws on a mutated head, and accepts only heads it can read exactly', () => {
    fc.assert(
      fc.property(mutatedText(valid.slice(0, valid.indexOf('\r\n\r\n'))), (head) => {
        const parsed = parseFastHead(head, 100);
        if (parsed === undefined) return;
        assert.equal(parsed.request.rawHeaders.length % 2, 0);
        for (const text of parsed.request.rawHeaders) assert.doesNotMatch(text, /[\r\n\x00]/);
        assert.ok(Number.isInteger(parsed.contentLength) && parsed.contentLength >= 0 && parsed.contentLength <= 100);
      }),
      { numRuns: 2_000, seed: 20261127 },
    );
  });

  it('keeps serving after mutated requests, each answered or closed, and logs no fault', async () => {
    const samples = fc.sample(mutatedText(valid), { numRuns: 150, seed: 20261127 });
    for (const sample of samples) {
      const connection = await RawConnection.open(endpoint);
      connection.write(Buffer.from(sample, 'latin1'));
      connection.socket.end();
      await connection.closed;
    }
    const connection = await RawConnection.open(endpoint);
    connection.write(valid);
    assert.equal((await connection.next()).status, 200);
    connection.close();
    assert.deepEqual(faults, []);
  });
});

/** Text with a few characters replaced, inserted or removed, and possibly cut short. */
function mutatedText(text: string): fc.Arbitrary<string> {
  const edit = fc.record({
    at: fc.nat({ max: text.length }),
    kind: fc.constantFrom('replace', 'insert', 'delete'),
    character: fc.oneof(fc.constantFrom('\r', '\n', ':', ' ', '\t', '\x00', '\x7f', '\xff', 'a', '0'), fc.integer({ min: 0, max: 255 }).map((code) => String.fromCharCode(code))),
  });
  return fc.tuple(fc.array(edit, { minLength: 1, maxLength: 4 }), fc.option(fc.nat({ max: text.length }), { nil: undefined })).map(([edits, cut]) => {
    let result = text;
    for (const { at, kind, character } of edits) {
      const position = Math.min(at, result.length);
      if (kind === 'insert') result = result.slice(0, position) + character + result.slice(position);
      else if (kind === 'delete') result = result.slice(0, position) + result.slice(position + 1);
      else result = result.slice(0, position) + character + result.slice(position + 1);
    }
    return cut === undefined ? result : result.slice(0, cut);
  });
}
