import { DynamoDbError } from '../lib/errors.js';

/**
 * The checks DynamoDB makes on a request's credentials before anything else, in its order: both forms at
 * once, none at all, then each missing piece of the header or query-string form. Signatures themselves
 * are not verified here (local mode accepts any well-formed signature, as DynamoDB Local does).
 */
const HEADER_PARAMETERS = ['Credential', 'Signature', 'SignedHeaders'] as const;
const QUERY_PARAMETERS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date'] as const;

export interface AuthorizationInput {
  readonly authorizationHeader: string | undefined;
  readonly hasDateHeader: boolean;
  /** Query-string parameters of the request URL. */
  readonly query: URLSearchParams;
}

export function checkAuthorization(input: AuthorizationInput): DynamoDbError | undefined {
  const header = input.authorizationHeader;
  const usesQuery = input.query.has('X-Amz-Algorithm');
  if (header !== undefined && usesQuery) {
    return new DynamoDbError(
      'InvalidSignatureException',
      "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
    );
  }
  if ((header === undefined && !usesQuery) || (header !== undefined && !header.trim().startsWith('AWS4-'))) {
    return new DynamoDbError('MissingAuthenticationTokenException', 'Request is missing Authentication Token');
  }
  let message = '';
  if (header !== undefined) {
    const present = headerParametersPresent(header);
    HEADER_PARAMETERS.forEach((name, index) => {
      if ((present & (1 << index)) === 0) message += `Authorization header requires '${name}' parameter. `;
    });
    if (!input.hasDateHeader) {
      message += "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
    }
    if (message !== '') message += `Authorization=${header}`;
  } else {
    for (const name of QUERY_PARAMETERS) {
      if (!input.query.get(name)) message += `AWS query-string parameters must include '${name}'. `;
    }
    if (message !== '') message += 'Re-examine the query-string parameters.';
  }
  return message === '' ? undefined : new DynamoDbError('IncompleteSignatureException', message);
}

const codeComma = 44;
const codeSpace = 32;

/**
 * Which HEADER_PARAMETERS `AWS4-HMAC-SHA256 Credential=a/b, SignedHeaders=c, Signature=d` gives a non-empty
 * value, as bits in HEADER_PARAMETERS' order. Parts are separated by commas and spaces, the first part (the
 * algorithm) is skipped, and a name given twice counts with its last value. Read in place: this runs for
 * every request.
 */
export function headerParametersPresent(header: string): number {
  const text = header.trim();
  let present = 0;
  let partStart = 0;
  let first = true;
  for (let index = 0; index <= text.length; index++) {
    const code = index === text.length ? codeComma : text.charCodeAt(index);
    if (code !== codeComma && code !== codeSpace) continue;
    if (!first && index > partStart) present = withPart(text, partStart, index, present);
    first = false;
    partStart = index + 1;
  }
  return present;
}

/** `present` updated for the part text[start, end): a known name sets its bit when its value is non-empty, clears it otherwise. */
function withPart(text: string, start: number, end: number, present: number): number {
  let equals = text.indexOf('=', start);
  if (equals < 0 || equals >= end) equals = end;
  const nameLength = equals - start;
  for (let index = 0; index < HEADER_PARAMETERS.length; index++) {
    const name = HEADER_PARAMETERS[index] as string;
    if (name.length !== nameLength || !text.startsWith(name, start)) continue;
    const bit = 1 << index;
    return equals + 1 < end ? present | bit : present & ~bit;
  }
  return present;
}
