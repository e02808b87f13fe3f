import {
  buildCanonicalRequest,
  buildStringToSign,
  deriveSigningKey,
  sha256Hex,
  signatureHex,
  uriEncode,
} from '../../src/protocol/sigv4/canonical-request.js';
import type { SigningCredentials } from '../../src/protocol/sigv4/signature-verifier.js';

export interface RequestToSign {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly amzDate: string;
  readonly region?: string;
  readonly service?: string;
}

function scopeOf(request: RequestToSign): string {
  return `${request.amzDate.slice(0, 8)}/${request.region ?? 'us-east-1'}/${request.service ?? 'dynamodb'}/aws4_request`;
}

function sign(credentials: SigningCredentials, request: RequestToSign, url: string, headers: Record<string, string>): string {
  const signedHeaders = Object.keys(headers).map((name) => name.toLowerCase()).sort();
  const canonicalRequest = buildCanonicalRequest({
    method: 'POST',
    url,
    headers: Object.entries(headers),
    signedHeaders,
    payloadHashHex: sha256Hex(request.body),
    omittedQueryParameters: ['X-Amz-Signature'],
  });
  const [date, region, service] = scopeOf(request).split('/') as [string, string, string];
  const key = deriveSigningKey(credentials.secretAccessKey, date, region, service);
  return signatureHex(key, buildStringToSign(request.amzDate, scopeOf(request), canonicalRequest));
}

/** Headers with an Authorization header signing every given header and x-amz-date (and the session token). */
export function signHeaders(credentials: SigningCredentials, request: RequestToSign): Record<string, string> {
  const headers: Record<string, string> = { ...request.headers, 'x-amz-date': request.amzDate };
  if (credentials.sessionToken !== undefined) headers['x-amz-security-token'] = credentials.sessionToken;
  const signedHeaders = Object.keys(headers).map((name) => name.toLowerCase()).sort().join(';');
  const signature = sign(credentials, request, request.url, headers);
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scopeOf(request)}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

/** The presigned form: the signature and its parameters in the query string, signing only the given headers. */
export function presignUrl(credentials: SigningCredentials, request: RequestToSign, expiresSeconds: number): string {
  const parameters: Record<string, string> = {
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${credentials.accessKeyId}/${scopeOf(request)}`,
    'X-Amz-Date': request.amzDate,
    'X-Amz-Expires': String(expiresSeconds),
    'X-Amz-SignedHeaders': Object.keys(request.headers).map((name) => name.toLowerCase()).sort().join(';'),
  };
  if (credentials.sessionToken !== undefined) parameters['X-Amz-Security-Token'] = credentials.sessionToken;
  const query = Object.entries(parameters).map(([name, value]) => `${uriEncode(name)}=${uriEncode(value)}`).join('&');
  const url = `${request.url}?${query}`;
  return `${url}&X-Amz-Signature=${sign(credentials, request, url, request.headers)}`;
}
