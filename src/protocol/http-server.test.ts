import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { DynamoDbError } from '../lib/errors.js';
import { createLogger } from '../lib/logger.js';
import { rawRequest, signedHeaders } from '../../test/support/raw-http.js';
import { createFrontDoor, type FrontDoor, type OperationHandler } from './http-server.js';

describe('front door error handling', () => {
  const logged: string[] = [];
  let frontDoor: FrontDoor;
  let endpoint: string;
  let releaseSlow: () => void = () => undefined;
  const handlers = new Map<string, OperationHandler>([
    ['ListTables', () => ({ TableNames: [] })],
    ['DescribeTable', () => { throw new TypeError('a bug in a handler'); }],
    ['DeleteTable', () => Promise.reject(new RangeError('a bug after an await'))],
    ['PutItem', () => { throw new DynamoDbError('ValidationException', 'a client mistake'); }],
    ['GetItem', () => new Promise((resolve) => { releaseSlow = () => resolve({ Item: { id: { S: 'slow' } } }); })],
  ]);
  before(async () => {
    frontDoor = createFrontDoor({ region: 'eu-west-1', handlers, logger: createLogger('error', (line) => logged.push(line)) });
    await new Promise<void>((resolve) => frontDoor.server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(frontDoor.server.address() as AddressInfo).port}`;
  });
  after(() => frontDoor.close());

  it('answers a thrown bug with 500 InternalServerError, logs it, and keeps serving', async () => {
    for (const operation of ['DescribeTable', 'DeleteTable']) {
      const response = await rawRequest(endpoint, { headers: signedHeaders(operation), body: '{}' });
      assert.equal(response.status, 500);
      assert.deepEqual(JSON.parse(response.body), {
        __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
        message: 'Internal server error',
      });
    }
    assert.equal(logged.length, 2);
    assert.match(logged[0] as string, /ERROR internal error .*a bug in a handler/);
    assert.match(logged[1] as string, /a bug after an await/);
    const healthy = await rawRequest(endpoint, { headers: signedHeaders('ListTables'), body: '{}' });
    assert.equal(healthy.status, 200);
    assert.deepEqual(JSON.parse(healthy.body), { TableNames: [] });
  });

  it('answers a DynamoDbError with its type, status and message', async () => {
    const response = await rawRequest(endpoint, { headers: signedHeaders('PutItem'), body: '{}' });
    assert.equal(response.status, 400);
    assert.deepEqual(JSON.parse(response.body), { __type: 'com.amazon.coral.validate#ValidationException', message: 'a client mistake' });
  });

  it('answers the health check with its region', async () => {
    const response = await rawRequest(endpoint, { method: 'GET' });
    assert.equal(response.body, 'healthy: dynamodb.eu-west-1.amazonaws.com ');
  });

  it('finishes a request in flight before closing', async () => {
    const pending = rawRequest(endpoint, { headers: signedHeaders('GetItem'), body: '{}' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    let closed = false;
    const closing = frontDoor.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(closed, false, 'close waits for the request in flight');
    releaseSlow();
    const response = await pending;
    assert.equal(response.status, 200);
    assert.deepEqual(JSON.parse(response.body), { Item: { id: { S: 'slow' } } });
    await closing;
    assert.equal(closed, true);
  });
});
