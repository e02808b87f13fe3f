import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkAuthorization, headerParametersPresent } from './authorization.js';

const names = ['Credential', 'Signature', 'SignedHeaders'];

/** The header's parameters as a map, the last value of a name winning: the reading the bits must agree with. */
function referenceParameters(header: string): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const part of header.trim().split(/[, ]/).slice(1)) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    if (equals < 0) parameters.set(part, '');
    else parameters.set(part.slice(0, equals), part.slice(equals + 1));
  }
  return parameters;
}

function referenceBits(header: string): number {
  const parameters = referenceParameters(header);
  return names.reduce((bits, name, index) => (parameters.get(name) ? bits | (1 << index) : bits), 0);
}

describe('headerParametersPresent', () => {
  test('agrees with splitting the header into named parameters', () => {
    const piece = fc.constantFrom('AWS4-HMAC-SHA256', 'Credential', 'Signature', 'SignedHeaders', 'Credentials', 'Sign', '=', '==', 'a/b', ',', ', ', ' ', '\t', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const header = pieces.join('');
        assert.equal(headerParametersPresent(header), referenceBits(header), JSON.stringify(header));
      }),
      { numRuns: 5000 },
    );
  });

  test('reads the usual header and its gaps', () => {
    assert.equal(headerParametersPresent('AWS4-HMAC-SHA256 Credential=a/b/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc'), 0b111);
    assert.equal(headerParametersPresent('AWS4-HMAC-SHA256 Credential=a, Signature='), 0b001);
    assert.equal(headerParametersPresent('AWS4-HMAC-SHA256 Signature=x Signature='), 0);
    assert.equal(headerParametersPresent('Credential=a Signature=b SignedHeaders=c'), 0b110);
  });
});

describe('checkAuthorization', () => {
  const query = new URLSearchParams();
  test('lists the missing header parameters in order, then the date', () => {
    const error = checkAuthorization({ authorizationHeader: 'AWS4-HMAC-SHA256 SignedHeaders=host', hasDateHeader: false, query });
    assert.equal(
      error?.message,
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 SignedHeaders=host",
    );
    assert.equal(checkAuthorization({ authorizationHeader: 'AWS4-HMAC-SHA256 Credential=a, SignedHeaders=b, Signature=c', hasDateHeader: true, query }), undefined);
  });
});
