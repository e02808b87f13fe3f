import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DynamoDbError } from '../../lib/errors.js';
import { presignUrl, signHeaders } from '../../../test/support/sign-request.js';
import { createSignatureVerifier, type SignedRequest, type SigningCredentials } from './signature-verifier.js';

const credentials: SigningCredentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'very-secret-value' };
const temporary: SigningCredentials = { accessKeyId: 'ASIATEST', secretAccessKey: 'other-secret', sessionToken: 'token-1' };
const NOW = '20130609T100015Z';
const NOW_MS = Date.UTC(2013, 5, 9, 10, 0, 15);
const verify = createSignatureVerifier({ region: 'us-east-1', credentials: [credentials, temporary], nowMs: () => NOW_MS });
const BODY = '{"TableName":"x"}';
const HEADERS = { host: 'localhost:8000', 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.DescribeTable' };

function signed(using: SigningCredentials = credentials, amzDate = NOW): SignedRequest {
  const headers = signHeaders(using, { url: '/', headers: HEADERS, body: BODY, amzDate });
  return { method: 'POST', url: '/', headers: Object.entries(headers), body: Buffer.from(BODY) };
}

function withAuthorization(authorization: string, amzDate = NOW): SignedRequest {
  return {
    method: 'POST',
    url: '/',
    headers: [...Object.entries(HEADERS), ['x-amz-date', amzDate], ['authorization', authorization]],
    body: Buffer.from(BODY),
  };
}

function assertRefused(error: DynamoDbError | undefined, type: string, message: string): void {
  assert.ok(error !== undefined, 'refused');
  assert.equal(error.type, type);
  assert.equal(error.message, message);
}

describe('signature verifier', () => {
  it('accepts a correct signature, and one with its session token', () => {
    assert.equal(verify(signed()), undefined);
    assert.equal(verify(signed(temporary)), undefined);
  });

  it('refuses a date not in basic format', () => {
    assertRefused(
      verify(withAuthorization('AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host, Signature=x', '201')),
      'IncompleteSignatureException',
      "Date must be in ISO-8601 'basic format'. Got '201'. See http://en.wikipedia.org/wiki/ISO_8601",
    );
  });

  it('refuses a date more than 15 minutes away', () => {
    assertRefused(
      verify(signed(credentials, '20130301T000000Z')),
      'InvalidSignatureException',
      'Signature expired: 20130301T000000Z is now earlier than 20130609T094515Z (20130609T100015Z - 15 min.)',
    );
    assertRefused(
      verify(signed(credentials, '20130609T103000Z')),
      'InvalidSignatureException',
      'Signature not yet current: 20130609T103000Z is still later than 20130609T101515Z (20130609T100015Z + 15 min.)',
    );
    assert.equal(verify(signed(credentials, '20130609T094600Z')), undefined);
  });

  it('checks Host, algorithm and credential in that order', () => {
    assertRefused(
      verify(withAuthorization('AWS4-HMAC-SHA25 Credential=a/b, SignedHeaders=x-amz-date, Signature=x')),
      'InvalidSignatureException',
      "'Host' must be a 'SignedHeader' in the AWS Authorization.",
    );
    assertRefused(
      verify(withAuthorization('AWS4-HMAC-SHA25 Credential=a/b, SignedHeaders=Host, Signature=x')),
      'IncompleteSignatureException',
      "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA25' (only AWS4-HMAC-SHA256 for now). ",
    );
    assertRefused(
      verify(withAuthorization('AWS4-HMAC-SHA256 Credential=a/b/c/d//, SignedHeaders=host, Signature=x')),
      'IncompleteSignatureException',
      "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'a/b/c/d'",
    );
    assertRefused(
      verify(withAuthorization('AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host, Signature=x')),
      'InvalidSignatureException',
      "Credential should be scoped to a valid region, not 'c'. Credential should be scoped to correct service: 'dynamodb'. " +
        "Credential should be scoped with a valid terminator: 'aws4_request', not 'e'. Date in Credential scope does not " +
        `match YYYYMMDD from ISO-8601 version of date from HTTP: 'b' != '20130609', from '${NOW}'.`,
    );
  });

  it('refuses an unknown access key', () => {
    assertRefused(
      verify(signed({ accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' })),
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  });

  it('refuses a wrong secret with the canonical request, never the secret', () => {
    const error = verify(signed({ accessKeyId: 'AKIDTEST', secretAccessKey: 'wrong' }));
    assert.equal(error?.type, 'InvalidSignatureException');
    const [summary, canonical] = (error?.message ?? '').split('\n\nThe Canonical String for this request should have been\n');
    assert.equal(
      summary,
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key ' +
        'and signing method. Consult the service documentation for details.',
    );
    assert.match(canonical ?? '', /^'POST\n\/\n\ncontent-type:application\/x-amz-json-1.0\nhost:localhost:8000\n/);
    assert.ok(!(error?.message ?? '').includes(credentials.secretAccessKey));
  });

  it('refuses a tampered body', () => {
    const request = signed();
    assert.equal(verify({ ...request, body: Buffer.from('{"TableName":"y"}') })?.type, 'InvalidSignatureException');
  });

  it('refuses a missing or wrong session token', () => {
    const message = 'The security token included in the request is invalid';
    assertRefused(verify(signed({ ...temporary, sessionToken: 'token-2' })), 'UnrecognizedClientException', message);
    const { sessionToken: _dropped, ...withoutToken } = temporary;
    assertRefused(verify(signed(withoutToken)), 'UnrecognizedClientException', message);
    assertRefused(verify(signed({ ...credentials, sessionToken: 'unexpected' })), 'UnrecognizedClientException', message);
  });

  it('verifies the presigned query form and its expiry', () => {
    const presigned = (amzDate: string, expiresSeconds: number, using = credentials): SignedRequest => ({
      method: 'POST',
      url: presignUrl(using, { url: '/', headers: { host: 'localhost:8000' }, body: BODY, amzDate }, expiresSeconds),
      headers: Object.entries(HEADERS),
      body: Buffer.from(BODY),
    });
    assert.equal(verify(presigned(NOW, 300)), undefined);
    assert.equal(verify(presigned(NOW, 300, temporary)), undefined);
    assert.equal(verify(presigned('20130609T080015Z', 7200)), undefined);
    assertRefused(
      verify(presigned('20130609T095000Z', 300)),
      'InvalidSignatureException',
      'Signature expired: 20130609T095000Z is now earlier than 20130609T095515Z (20130609T100015Z - 300 sec.)',
    );
    const tampered = presigned(NOW, 300);
    assert.equal(verify({ ...tampered, url: tampered.url.replace('X-Amz-Expires=300', 'X-Amz-Expires=301') })?.type, 'InvalidSignatureException');
  });
});
