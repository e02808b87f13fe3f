/**
 * A quick check of the comparison's own code (the full comparison is `npm run bench`, never part of the
 * test suite): the answer parser, then half a second of load against the floor and an in-memory dynacell.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AnswerParser, dynamoRequest, quantile, sendOnce } from './http-load.js';
import { measure, summarise } from './measure.js';
import { renderReport } from './report.js';
import { startTarget, targetSpecs, type RunningTarget } from './targets.js';
import { createTableBody, initialDataBodies, operations } from './workload.js';

const spec = (name: string) => targetSpecs.find((candidate) => candidate.name === name) as (typeof targetSpecs)[number];

describe('answer parser', () => {
  it('splits answers with Content-Length, across chunk boundaries', () => {
    const parser = new AnswerParser();
    const two = Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}HTTP/1.1 400 Bad\r\ncontent-length: 5\r\n\r\nab');
    assert.deepEqual(parser.push(two), [{ status: 200, body: '{}' }]);
    assert.deepEqual(parser.push(Buffer.from('cde')), [{ status: 400, body: 'abcde' }]);
  });

  it('reads chunked answers', () => {
    const parser = new AnswerParser();
    const answers = parser.push(Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{"a\r\n3\r\n":1\r\n1\r\n}\r\n0\r\n\r\n'));
    assert.deepEqual(answers, [{ status: 200, body: '{"a":1}' }]);
  });

  it('takes quantiles of sorted latencies', () => {
    const sorted = Float64Array.from([1, 2, 3, 4]);
    assert.equal(quantile(sorted, 0.5), 3);
    assert.equal(quantile(sorted, 0.99), 4);
    assert.ok(Number.isNaN(quantile(new Float64Array(), 0.5)));
  });
});

describe('load against the floor and an in-memory dynacell', () => {
  const running: RunningTarget[] = [];
  before(async () => {
    running.push(await startTarget(spec('floor')), await startTarget(spec('dynacell in-memory')));
    const dynacell = running[1] as RunningTarget;
    assert.equal((await sendOnce(dynacell.port, dynamoRequest('CreateTable', createTableBody))).status, 200);
    for (const body of initialDataBodies()) assert.equal((await sendOnce(dynacell.port, dynamoRequest('BatchWriteItem', body))).status, 200);
  });
  after(() => Promise.all(running.map((target) => target.stop())));

  it('measures GetItem for half a second on each, with sane numbers', async () => {
    const getItem = operations.find((operation) => operation.name === 'GetItem');
    assert.ok(getItem !== undefined);
    const requests = getItem.requests();
    for (const target of running) {
      assert.ok(target.startupMs > 0 && target.startupMs < 30_000, `${target.spec.name} started in ${target.startupMs} ms`);
      const sample = await measure({ pid: target.pid, port: target.port, requests, concurrency: 4, warmupMs: 0, durationMs: 500 });
      assert.equal(sample.failed, 0, sample.firstFailure);
      assert.ok(sample.operationsPerSecond > 50, `${target.spec.name}: ${sample.operationsPerSecond} requests/s`);
      assert.ok(sample.p50Ms > 0 && sample.p50Ms <= sample.p99Ms, `${target.spec.name}: p50 ${sample.p50Ms}, p99 ${sample.p99Ms}`);
      assert.ok(Number.isFinite(sample.serverCpuMicrosecondsPerOperation) && sample.serverCpuMicrosecondsPerOperation >= 0);
      assert.ok(sample.residentMegabytes > 10);
    }
    const answer = await sendOnce((running[1] as RunningTarget).port, requests[0] as Buffer);
    assert.match(answer.body, /"Item":\{/, 'GetItem finds the loaded item');
  });

  it('renders a report with every target and the ratios', async () => {
    const target = running[1] as RunningTarget;
    const sample = await measure({ pid: target.pid, port: target.port, requests: [dynamoRequest('ListTables', {})], concurrency: 2, warmupMs: 0, durationMs: 100 });
    const summary = summarise([sample, sample]);
    const report = renderReport({
      heading: 'heading',
      operationNames: ['GetItem'],
      targets: [
        { name: 'floor', product: 'floor', storage: 'none', startupMs: 1, startupCpuMs: 1, idleResidentMegabytes: 1, operations: new Map([['GetItem', summary]]) },
        { name: 'dynacell in-memory', product: 'dynacell', storage: 'memory', startupMs: 1, startupCpuMs: 1, idleResidentMegabytes: 1, operations: new Map([['GetItem', summary]]) },
        { name: 'dynalite in-memory', product: 'dynalite', storage: 'memory', startupMs: 1, startupCpuMs: 1, idleResidentMegabytes: 1, operations: new Map([['GetItem', summary]]) },
      ],
    });
    assert.match(report, /\| GetItem \| 1\.00× \| 1\.00× \| ≥2×: missed \|/);
    assert.match(report, /dynacell in-memory GetItem CPU ÷ floor CPU per request \| 1\.00× \| ≤1\.5× \| met/);
  });
});
