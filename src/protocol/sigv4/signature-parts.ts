import { decodeQueryComponent } from './canonical-request.js';
import type { SignedRequest } from './signature-verifier.js';

/** The parts of a signature, from the Authorization header or from the presigned query string. */
export interface SignatureParts {
  readonly algorithm: string;
  readonly credential: string;
  readonly signedHeaders: string;
  readonly signature: string;
  readonly date: string;
  readonly expiresSeconds: number | undefined;
  readonly sessionToken: string | undefined;
  readonly presigned: boolean;
}

/** Reads the signature from the Authorization header when there is one, else from the presigned query. */
export function signatureParts(request: SignedRequest): SignatureParts {
  const header = headerValue(request.headers, 'authorization');
  if (header !== undefined) {
    const trimmed = header.trim();
    const space = trimmed.search(/\s/);
    const parameters = authorizationParameters(space < 0 ? '' : trimmed.slice(space));
    return {
      algorithm: space < 0 ? trimmed : trimmed.slice(0, space),
      credential: parameters.get('Credential') ?? '',
      signedHeaders: parameters.get('SignedHeaders') ?? '',
      signature: parameters.get('Signature') ?? '',
      date: headerValue(request.headers, 'x-amz-date') ?? headerValue(request.headers, 'date') ?? '',
      expiresSeconds: undefined,
      sessionToken: headerValue(request.headers, 'x-amz-security-token'),
      presigned: false,
    };
  }
  const query = queryParameters(request.url);
  const expires = query.get('X-Amz-Expires');
  return {
    algorithm: query.get('X-Amz-Algorithm') ?? '',
    credential: query.get('X-Amz-Credential') ?? '',
    signedHeaders: query.get('X-Amz-SignedHeaders') ?? '',
    signature: query.get('X-Amz-Signature') ?? '',
    date: query.get('X-Amz-Date') ?? '',
    expiresSeconds: expires === undefined || !/^\d{1,9}$/.test(expires) ? undefined : Number(expires),
    sessionToken: query.get('X-Amz-Security-Token'),
    presigned: true,
  };
}

function headerValue(headers: SignedRequest['headers'], name: string): string | undefined {
  const found = headers.find(([headerName]) => headerName.toLowerCase() === name);
  return found?.[1];
}

/** ` Credential=a/b, SignedHeaders=c, Signature=d` → name → value; commas and spaces both separate. */
function authorizationParameters(text: string): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const part of text.split(/[,\s]/)) {
    const equals = part.indexOf('=');
    if (equals > 0) parameters.set(part.slice(0, equals), part.slice(equals + 1));
  }
  return parameters;
}

function queryParameters(url: string): Map<string, string> {
  const parameters = new Map<string, string>();
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return parameters;
  for (const part of url.slice(queryStart + 1).split('&')) {
    const equals = part.indexOf('=');
    const name = decodeQueryComponent(equals < 0 ? part : part.slice(0, equals));
    if (!parameters.has(name)) parameters.set(name, equals < 0 ? '' : decodeQueryComponent(part.slice(equals + 1)));
  }
  return parameters;
}
