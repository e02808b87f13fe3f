import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { crc32 } from 'node:zlib';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { rawRequest, signedHeaders, type RawResponse } from './support/raw-http.js';
import { startTestServer } from './support/server.js';

const TARGET = 'DynamoDB_20120810.ListTables';

function assertDynamoDbHeaders(response: RawResponse): void {
  assert.match(String(response.headers['x-amzn-requestid']), /^[0-9A-Z]{52}$/);
  assert.equal(response.headers['x-amz-crc32'], String(crc32(Buffer.from(response.body))));
  assert.equal(response.headers['content-length'], String(Buffer.byteLength(response.body)));
}

function assertError(response: RawResponse, type: string, message?: string, contentType = 'application/json'): void {
  assert.equal(response.status, 400);
  assertDynamoDbHeaders(response);
  assert.equal(response.headers['content-type'], contentType);
  const expected: Record<string, string> = { __type: type };
  if (message !== undefined) expected['message'] = message;
  assert.deepEqual(JSON.parse(response.body), expected);
}

describe('front door', () => {
  let server: EmbeddedServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('answers an unsigned GET with the health line', async () => {
    const response = await rawRequest(server.endpoint, { method: 'GET' });
    assert.equal(response.status, 200);
    assert.equal(response.body, 'healthy: dynamodb.us-east-1.amazonaws.com ');
    assertDynamoDbHeaders(response);
    assert.equal(response.headers['x-amz-crc32'], '3128867991');
  });

  for (const method of ['PUT', 'DELETE', 'PATCH']) {
    it(`answers ${method} with 404 UnknownOperationException XML`, async () => {
      const response = await rawRequest(server.endpoint, { method });
      assert.equal(response.status, 404);
      assert.equal(response.body, '<UnknownOperationException/>\n');
      assert.equal(response.headers['x-amz-crc32'], '3552371480');
      assertDynamoDbHeaders(response);
    });
  }

  for (const contentType of [undefined, 'whatever', 'application/x-amz-json-1.1', 'application/jsonasdf']) {
    it(`answers a body with content type ${String(contentType)} with 404`, async () => {
      const headers: Record<string, string> = contentType === undefined ? {} : { 'content-type': contentType };
      const response = await rawRequest(server.endpoint, { body: 'hi', headers });
      assert.equal(response.status, 404);
      assert.equal(response.body, '<UnknownOperationException/>\n');
    });
  }

  it('answers OPTIONS without an origin with 404', async () => {
    const response = await rawRequest(server.endpoint, { method: 'OPTIONS' });
    assert.equal(response.status, 404);
  });

  it('answers a CORS preflight', async () => {
    const response = await rawRequest(server.endpoint, {
      method: 'OPTIONS',
      headers: { origin: 'http://example.test', 'access-control-request-headers': 'a, b', 'access-control-request-method': 'POST' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers['access-control-allow-origin'], '*');
    assert.equal(response.headers['access-control-allow-headers'], 'a, b');
    assert.equal(response.headers['access-control-allow-methods'], 'POST');
    assert.equal(response.headers['access-control-max-age'], '172800');
    assert.equal(response.body, '');
  });

  for (const contentType of ['application/json', 'application/json;', '  application/json  ;   asfd', 'application/x-amz-json-1.0;x']) {
    it(`answers malformed JSON (${contentType}) with SerializationException`, async () => {
      const response = await rawRequest(server.endpoint, { body: 'hi', headers: { 'content-type': contentType } });
      const expectedType = contentType.includes('amz-json') ? 'application/x-amz-json-1.0' : 'application/json';
      assertError(response, 'com.amazon.coral.service#SerializationException', undefined, expectedType);
      assert.equal(response.headers['x-amz-crc32'], '3948637019');
    });
  }

  it('answers a missing or unknown target with UnknownOperationException', async () => {
    for (const target of [undefined, 'whatever', 'DynamoDB_20120810.ListTable', 'DynamoDB_20990101.ListTables']) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (target !== undefined) headers['x-amz-target'] = target;
      const response = await rawRequest(server.endpoint, { body: '{}', headers });
      assertError(response, 'com.amazon.coral.service#UnknownOperationException');
      assert.equal(response.headers['x-amz-crc32'], '1368724161');
    }
  });

  it('sets the CORS origin header on ordinary answers', async () => {
    const response = await rawRequest(server.endpoint, { body: '{}', headers: { 'content-type': 'application/json', origin: 'x' } });
    assert.equal(response.headers['access-control-allow-origin'], '*');
  });

  it('requires an authentication token', async () => {
    const cases: Array<{ path?: string; headers: Record<string, string> }> = [
      { headers: {} },
      { headers: { authorization: 'AWS4' } },
      { path: '/?X-Amz-Algorith', headers: { authorization: 'X' } },
      { path: '/?X-Amz-Credential=a&X-Amz-Signature=b&X-Amz-SignedHeaders=c&X-Amz-Date=d', headers: {} },
    ];
    for (const testCase of cases) {
      const response = await rawRequest(server.endpoint, {
        ...(testCase.path === undefined ? {} : { path: testCase.path }),
        body: '{}',
        headers: { 'content-type': 'application/json', 'x-amz-target': TARGET, ...testCase.headers },
      });
      assertError(response, 'com.amazon.coral.service#MissingAuthenticationTokenException', 'Request is missing Authentication Token');
    }
  });

  it('refuses both header and query-string authentication', async () => {
    const response = await rawRequest(server.endpoint, {
      path: '/?X-Amz-Algorithm',
      body: '{}',
      headers: { 'content-type': 'application/json', 'x-amz-target': TARGET, authorization: 'X' },
    });
    assertError(
      response,
      'com.amazon.coral.service#InvalidSignatureException',
      "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
    );
  });

  it('names every missing piece of an incomplete signature', async () => {
    const cases: Array<{ authorization?: string; path?: string; date?: string; message: string }> = [
      {
        authorization: 'AWS4-',
        message:
          "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
          "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a " +
          "'X-Amz-Date' or a 'Date' header. Authorization=AWS4-",
      },
      {
        authorization: 'AWS4- Signature=b Credential=a',
        date: 'a',
        message: "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4- Signature=b Credential=a",
      },
      {
        authorization: 'AWS4- Signature=b, Credential=a',
        date: 'a',
        message: "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4- Signature=b, Credential=a",
      },
      {
        path: '/?X-Amz-Algorithm',
        message:
          "AWS query-string parameters must include 'X-Amz-Algorithm'. AWS query-string parameters must include " +
          "'X-Amz-Credential'. AWS query-string parameters must include 'X-Amz-Signature'. AWS query-string parameters " +
          "must include 'X-Amz-SignedHeaders'. AWS query-string parameters must include 'X-Amz-Date'. Re-examine the " +
          'query-string parameters.',
      },
      {
        path: '/?X-Amz-Algorithm=a&X-Amz-Credential=b&X-Amz-Signature=c&X-Amz-Date=d',
        message: "AWS query-string parameters must include 'X-Amz-SignedHeaders'. Re-examine the query-string parameters.",
      },
    ];
    for (const testCase of cases) {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amz-target': TARGET };
      if (testCase.authorization !== undefined) headers['authorization'] = testCase.authorization;
      if (testCase.date !== undefined) headers['date'] = testCase.date;
      const response = await rawRequest(server.endpoint, {
        ...(testCase.path === undefined ? {} : { path: testCase.path }),
        body: '{}',
        headers,
      });
      assertError(response, 'com.amazon.coral.service#IncompleteSignatureException', testCase.message);
    }
  });

  it('answers a signed request without a body with SerializationException', async () => {
    const response = await rawRequest(server.endpoint, { headers: signedHeaders('ListTables') });
    assertError(response, 'com.amazon.coral.service#SerializationException', undefined, 'application/x-amz-json-1.0');
  });

  it('answers a known but unimplemented operation with UnknownOperationException naming it', async () => {
    const response = await rawRequest(server.endpoint, { headers: signedHeaders('ListBackups'), body: '{}' });
    assertError(
      response,
      'com.amazon.coral.service#UnknownOperationException',
      'dynacell does not implement ListBackups yet',
      'application/x-amz-json-1.0',
    );
  });

  it('refuses a body over 16 MB with 413 and keeps serving', async () => {
    const response = await rawRequest(server.endpoint, {
      body: Buffer.alloc(16 * 1024 * 1024 + 1, 'a'),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(response.status, 413);
    assert.equal(response.headers['transfer-encoding'], 'chunked');
    const health = await rawRequest(server.endpoint, { method: 'GET' });
    assert.equal(health.status, 200);
  });

  it('accepts a body of exactly 16 MB', async () => {
    const response = await rawRequest(server.endpoint, {
      body: Buffer.alloc(16 * 1024 * 1024, 'a'),
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(response.status, 404);
  });

  it('keeps connections alive', async () => {
    const response = await rawRequest(server.endpoint, { method: 'GET', headers: { connection: 'keep-alive' } });
    assert.equal(response.headers['connection'], 'keep-alive');
  });

  it('answers wrong JSON types with SerializationException, before any constraint', async () => {
    const cases: Array<{ operation: string; body: unknown; message: string }> = [
      { operation: 'DescribeTable', body: { TableName: 5 }, message: 'NUMBER_VALUE cannot be converted to String' },
      { operation: 'ListTables', body: { Limit: 'ten' }, message: 'STRING_VALUE cannot be converted to Integer' },
      { operation: 'PutItem', body: { TableName: 'x', Item: { a: { S: 5 } } }, message: 'NUMBER_VALUE cannot be converted to String' },
    ];
    for (const testCase of cases) {
      const response = await rawRequest(server.endpoint, { headers: signedHeaders(testCase.operation), body: JSON.stringify(testCase.body) });
      assert.equal(response.status, 400);
      assert.deepEqual(JSON.parse(response.body), { __type: 'com.amazon.coral.service#SerializationException', Message: testCase.message });
    }
  });

  it('lists constraint violations in one ValidationException', async () => {
    const response = await rawRequest(server.endpoint, {
      headers: signedHeaders('ListTables'),
      body: JSON.stringify({ Limit: 0, ExclusiveStartTableName: 'a;' }),
    });
    assert.equal(response.status, 400);
    const body = JSON.parse(response.body) as { __type: string; message: string };
    assert.equal(body.__type, 'com.amazon.coral.validate#ValidationException');
    assert.match(body.message, /^3 validation errors detected: /);
    assert.ok(body.message.includes("Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"));
    assert.ok(body.message.includes("Value 'a;' at 'exclusiveStartTableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"));
    assert.ok(body.message.includes("Value 'a;' at 'exclusiveStartTableName' failed to satisfy constraint: Member must have length greater than or equal to 3"));
  });

  it('ignores members DynamoDB does not know, however deep, and stores none of them', async () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 3000; level++) deep = { level: deep };
    const body = {
      TableName: 'extra-members',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH', Unknown: deep }],
      BillingMode: 'PAY_PER_REQUEST',
      AlsoUnknown: deep,
    };
    const created = await rawRequest(server.endpoint, { headers: signedHeaders('CreateTable'), body: JSON.stringify(body) });
    assert.equal(created.status, 200, created.body);
    const described = await rawRequest(server.endpoint, { headers: signedHeaders('DescribeTable'), body: JSON.stringify({ TableName: 'extra-members' }) });
    assert.deepEqual((JSON.parse(described.body) as { Table: { KeySchema: unknown } }).Table.KeySchema, [{ AttributeName: 'pk', KeyType: 'HASH' }]);
  });
});
