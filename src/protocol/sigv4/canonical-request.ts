import { createHash, createHmac } from 'node:crypto';

/**
 * Signature Version 4 as AWS defines it (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html):
 * canonical request → string to sign → HMAC-SHA256 with a key derived from the secret and the scope.
 * Pure functions of their arguments, so the verifier and its tests can rebuild any signature.
 */
export const SIGNING_ALGORITHM = 'AWS4-HMAC-SHA256';
export const SCOPE_TERMINATOR = 'aws4_request';

export interface CanonicalRequestInput {
  readonly method: string;
  /** The request target as sent: path and query, still percent-encoded. */
  readonly url: string;
  /** Header names (any case) and their values, in the order received; a name may repeat. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** Lower-case names, as listed in SignedHeaders. */
  readonly signedHeaders: readonly string[];
  readonly payloadHashHex: string;
  /** Query parameters left out of the canonical query (the presigned form leaves out X-Amz-Signature). */
  readonly omittedQueryParameters?: readonly string[];
}

export function buildCanonicalRequest(input: CanonicalRequestInput): string {
  const queryStart = input.url.indexOf('?');
  const path = queryStart < 0 ? input.url : input.url.slice(0, queryStart);
  const query = queryStart < 0 ? '' : input.url.slice(queryStart + 1);
  return [
    input.method,
    canonicalPath(path),
    canonicalQuery(query, input.omittedQueryParameters ?? []),
    canonicalHeaders(input.headers, input.signedHeaders),
    input.signedHeaders.join(';'),
    input.payloadHashHex,
  ].join('\n');
}

export function buildStringToSign(amzDate: string, scope: string, canonicalRequest: string): string {
  return [SIGNING_ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
}

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
export function deriveSigningKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  const dateKey = hmac(`AWS4${secretAccessKey}`, date);
  return hmac(hmac(hmac(dateKey, region), service), SCOPE_TERMINATOR);
}

export function signatureHex(signingKey: Buffer, stringToSign: string): string {
  return hmac(signingKey, stringToSign).toString('hex');
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** RFC 3986 encoding: everything but unreserved characters, upper-case hex. */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Services other than S3 normalise the path and encode each segment of the already-encoded path once
 * more, which is what the AWS SDKs sign.
 */
function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = path.length > 1 && path.endsWith('/') && segments.length > 0 ? '/' : '';
  return `/${segments.map(uriEncode).join('/')}${trailing}`;
}

function canonicalQuery(query: string, omitted: readonly string[]): string {
  const pairs: Array<[string, string]> = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const name = decodeQueryComponent(equals < 0 ? part : part.slice(0, equals));
    if (omitted.includes(name)) continue;
    const value = equals < 0 ? '' : decodeQueryComponent(part.slice(equals + 1));
    pairs.push([uriEncode(name), uriEncode(value)]);
  }
  pairs.sort(([nameA, valueA], [nameB, valueB]) => compare(nameA, nameB) || compare(valueA, valueB));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/** A malformed escape is signed as sent; the signature check then decides. */
export function decodeQueryComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonicalHeaders(headers: ReadonlyArray<readonly [string, string]>, signed: readonly string[]): string {
  return signed
    .map((name) => {
      const values = headers
        .filter(([headerName]) => headerName.toLowerCase() === name)
        .map(([, value]) => value.trim().replace(/\s+/g, ' '));
      return `${name}:${values.join(',')}\n`;
    })
    .join('');
}
