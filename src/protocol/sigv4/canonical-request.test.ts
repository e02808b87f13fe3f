import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildCanonicalRequest,
  buildStringToSign,
  deriveSigningKey,
  sha256Hex,
  signatureHex,
} from './canonical-request.js';

/** AWS's Signature Version 4 test suite (get-vanilla family) and the S3 documentation's GetObject example. */
const SUITE_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const SUITE_DATE = '20150830T123600Z';
const SUITE_SCOPE = '20150830/us-east-1/service/aws4_request';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function suiteSignature(url: string): { canonicalRequest: string; stringToSign: string; signature: string } {
  const canonicalRequest = buildCanonicalRequest({
    method: 'GET',
    url,
    headers: [
      ['Host', 'example.amazonaws.com'],
      ['X-Amz-Date', SUITE_DATE],
    ],
    signedHeaders: ['host', 'x-amz-date'],
    payloadHashHex: sha256Hex(''),
  });
  const stringToSign = buildStringToSign(SUITE_DATE, SUITE_SCOPE, canonicalRequest);
  const key = deriveSigningKey(SUITE_SECRET, '20150830', 'us-east-1', 'service');
  return { canonicalRequest, stringToSign, signature: signatureHex(key, stringToSign) };
}

describe('SigV4 canonical request and signature', () => {
  it('reproduces get-vanilla', () => {
    const result = suiteSignature('/');
    assert.equal(
      result.canonicalRequest,
      `GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:${SUITE_DATE}\n\nhost;x-amz-date\n${EMPTY_SHA256}`,
    );
    assert.equal(
      result.stringToSign,
      `AWS4-HMAC-SHA256\n${SUITE_DATE}\n${SUITE_SCOPE}\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63`,
    );
    assert.equal(result.signature, '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
  });

  it('reproduces get-vanilla-query-order-key-case (parameters sorted)', () => {
    assert.equal(
      suiteSignature('/?Param2=value2&Param1=value1').signature,
      'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
    );
  });

  it("reproduces the S3 documentation's GetObject example", () => {
    const canonicalRequest = buildCanonicalRequest({
      method: 'GET',
      url: '/test.txt',
      headers: [
        ['Host', 'examplebucket.s3.amazonaws.com'],
        ['Range', 'bytes=0-9'],
        ['x-amz-content-sha256', EMPTY_SHA256],
        ['x-amz-date', '20130524T000000Z'],
      ],
      signedHeaders: ['host', 'range', 'x-amz-content-sha256', 'x-amz-date'],
      payloadHashHex: EMPTY_SHA256,
    });
    const stringToSign = buildStringToSign('20130524T000000Z', '20130524/us-east-1/s3/aws4_request', canonicalRequest);
    assert.equal(stringToSign.split('\n')[3], '7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972');
    const key = deriveSigningKey('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '20130524', 'us-east-1', 's3');
    assert.equal(signatureHex(key, stringToSign), 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });

  it('encodes, sorts and trims as SigV4 requires', () => {
    const canonicalRequest = buildCanonicalRequest({
      method: 'POST',
      url: '/a/./b/../c%20d/?b=2&a=x%2By&a=%20&X-Amz-Signature=s&flag',
      headers: [
        ['Host', 'h'],
        ['X-Multi', '  one   two '],
        ['x-multi', 'three'],
      ],
      signedHeaders: ['host', 'x-multi'],
      payloadHashHex: 'p',
      omittedQueryParameters: ['X-Amz-Signature'],
    });
    assert.equal(canonicalRequest, 'POST\n/a/c%2520d/\na=%20&a=x%2By&b=2&flag=\nhost:h\nx-multi:one two,three\n\nhost;x-multi\np');
  });
});
