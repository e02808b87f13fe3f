import { timingSafeEqual } from 'node:crypto';
import { DynamoDbError } from '../../lib/errors.js';
import {
  buildCanonicalRequest,
  buildStringToSign,
  deriveSigningKey,
  SCOPE_TERMINATOR,
  sha256Hex,
  SIGNING_ALGORITHM,
  signatureHex,
} from './canonical-request.js';
import { formatAmzDate, parseAmzDate } from './amz-date.js';
import { signatureParts, type SignatureParts } from './signature-parts.js';

/** How far a request's date may be from the server's clock, as DynamoDB allows. */
export const CLOCK_SKEW_MS_MAX = 15 * 60 * 1000;
const SERVICE = 'dynamodb';
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key ' +
  'and signing method. Consult the service documentation for details.';
const UNKNOWN_ACCESS_KEY = 'The security token included in the request is invalid.';
/** DynamoDB's wording for a bad session token lacks the final period of the unknown-key message. */
const INVALID_SESSION_TOKEN = 'The security token included in the request is invalid';

export interface SigningCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface SignedRequest {
  readonly method: string;
  /** Path and query as sent, still percent-encoded. */
  readonly url: string;
  /** Header names and values in the order received (Node's rawHeaders, paired). */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer;
}

export interface SignatureVerifierOptions {
  readonly region: string;
  readonly credentials: readonly SigningCredentials[];
  readonly nowMs: () => number;
}

export type SignatureVerifier = (request: SignedRequest) => DynamoDbError | undefined;

/**
 * Checks a request whose authorization already has the right shape (see ../authorization.ts), in
 * DynamoDB's order: date format, clock skew, Host signed, algorithm, credential elements, credential
 * scope, access key, signature, session token. Error messages never contain a secret.
 */
export function createSignatureVerifier(options: SignatureVerifierOptions): SignatureVerifier {
  const byAccessKey = new Map(options.credentials.map((credentials) => [credentials.accessKeyId, credentials]));
  return (request) => {
    const parts = signatureParts(request);
    const dateMs = parseAmzDate(parts.date);
    if (dateMs === undefined) {
      return new DynamoDbError(
        'IncompleteSignatureException',
        `Date must be in ISO-8601 'basic format'. Got '${parts.date}'. See http://en.wikipedia.org/wiki/ISO_8601`,
      );
    }
    const skewError = checkSkew(parts, dateMs, options.nowMs());
    if (skewError !== undefined) return skewError;
    const signedHeaders = parts.signedHeaders.split(';').map((name) => name.trim().toLowerCase());
    if (!signedHeaders.includes('host')) {
      return new DynamoDbError('InvalidSignatureException', "'Host' must be a 'SignedHeader' in the AWS Authorization.");
    }
    if (parts.algorithm !== SIGNING_ALGORITHM) {
      return new DynamoDbError(
        'IncompleteSignatureException',
        `Unsupported AWS 'algorithm': '${parts.algorithm}' (only ${SIGNING_ALGORITHM} for now). `,
      );
    }
    const credential = parts.credential.replace(/\/+$/, '');
    const elements = credential.split('/');
    if (elements.length !== 5) {
      return new DynamoDbError(
        'IncompleteSignatureException',
        `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
      );
    }
    const [accessKeyId, scopeDate, region, service, terminator] = elements as [string, string, string, string, string];
    const scopeError = checkScope(options.region, parts.date, scopeDate, region, service, terminator);
    if (scopeError !== undefined) return scopeError;
    const credentials = byAccessKey.get(accessKeyId);
    if (credentials === undefined) return new DynamoDbError('UnrecognizedClientException', UNKNOWN_ACCESS_KEY);
    const signatureError = checkSignature(request, parts, signedHeaders, credentials, credential.slice(accessKeyId.length + 1));
    if (signatureError !== undefined) return signatureError;
    if (!sessionTokenMatches(credentials.sessionToken, parts.sessionToken)) {
      return new DynamoDbError('UnrecognizedClientException', INVALID_SESSION_TOKEN);
    }
    return undefined;
  };
}

/**
 * A date more than 15 minutes from the server's clock is refused either way, in DynamoDB's words for
 * both directions; a presigned URL instead expires X-Amz-Expires seconds after its date, reported in the
 * same form with the window in seconds (DynamoDB's own wording for that case is not known).
 */
function checkSkew(parts: SignatureParts, dateMs: number, nowMs: number): DynamoDbError | undefined {
  const now = formatAmzDate(nowMs);
  const earliestMs = parts.expiresSeconds === undefined ? nowMs - CLOCK_SKEW_MS_MAX : nowMs - parts.expiresSeconds * 1000;
  if (dateMs < earliestMs) {
    const window = parts.expiresSeconds === undefined ? '15 min.' : `${parts.expiresSeconds} sec.`;
    return new DynamoDbError(
      'InvalidSignatureException',
      `Signature expired: ${parts.date} is now earlier than ${formatAmzDate(earliestMs)} (${now} - ${window})`,
    );
  }
  const latestMs = nowMs + CLOCK_SKEW_MS_MAX;
  if (dateMs > latestMs) {
    return new DynamoDbError(
      'InvalidSignatureException',
      `Signature not yet current: ${parts.date} is still later than ${formatAmzDate(latestMs)} (${now} + 15 min.)`,
    );
  }
  return undefined;
}

function checkScope(
  serverRegion: string,
  date: string,
  scopeDate: string,
  region: string,
  service: string,
  terminator: string,
): DynamoDbError | undefined {
  const problems: string[] = [];
  if (region !== serverRegion) problems.push(`Credential should be scoped to a valid region, not '${region}'.`);
  if (service !== SERVICE) problems.push(`Credential should be scoped to correct service: '${SERVICE}'.`);
  if (terminator !== SCOPE_TERMINATOR) {
    problems.push(`Credential should be scoped with a valid terminator: '${SCOPE_TERMINATOR}', not '${terminator}'.`);
  }
  const day = date.slice(0, 8);
  if (scopeDate !== day) {
    problems.push(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${day}', from '${date}'.`,
    );
  }
  return problems.length === 0 ? undefined : new DynamoDbError('InvalidSignatureException', problems.join(' '));
}

/** DynamoDB's mismatch answer shows the canonical request and string to sign (neither holds a secret). */
function checkSignature(
  request: SignedRequest,
  parts: SignatureParts,
  signedHeaders: readonly string[],
  credentials: SigningCredentials,
  scope: string,
): DynamoDbError | undefined {
  const canonicalRequest = buildCanonicalRequest({
    method: request.method,
    url: request.url,
    headers: request.headers,
    signedHeaders,
    payloadHashHex: sha256Hex(request.body),
    ...(parts.presigned ? { omittedQueryParameters: ['X-Amz-Signature'] } : {}),
  });
  const stringToSign = buildStringToSign(parts.date, scope, canonicalRequest);
  const [date, region, service] = scope.split('/') as [string, string, string];
  const expected = signatureHex(deriveSigningKey(credentials.secretAccessKey, date, region, service), stringToSign);
  if (constantTimeEqual(expected, parts.signature.toLowerCase())) return undefined;
  return new DynamoDbError(
    'InvalidSignatureException',
    `${SIGNATURE_MISMATCH}\n\nThe Canonical String for this request should have been\n'${canonicalRequest}'\n\n` +
      `The String-to-Sign should have been\n'${stringToSign}'\n`,
  );
}

/** A credential without a session token takes requests without one; one with a token requires it. */
function sessionTokenMatches(expected: string | undefined, given: string | undefined): boolean {
  if (expected === undefined) return given === undefined;
  return given !== undefined && constantTimeEqual(expected, given);
}

/** Compares in time independent of where the texts differ, so timing reveals nothing of the expected one. */
function constantTimeEqual(expected: string, given: string): boolean {
  const expectedBytes = Buffer.from(expected, 'utf8');
  const givenBytes = Buffer.from(given, 'utf8');
  if (expectedBytes.length !== givenBytes.length) {
    timingSafeEqual(expectedBytes, expectedBytes);
    return false;
  }
  return timingSafeEqual(expectedBytes, givenBytes);
}
