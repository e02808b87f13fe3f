import { DynamoDbError } from '../lib/errors.js';

/**
 * The checks DynamoDB makes on a request's credentials before anything else, in its order: both forms at
 * once, none at all, then each missing piece of the header or query-string form. Signatures themselves
 * are not verified here (local mode accepts any well-formed signature, as DynamoDB Local does).
 */
const HEADER_PARAMETERS = ['Credential', 'Signature', 'SignedHeaders'] as const;
const QUERY_PARAMETERS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date'] as const;

/** headerParametersPresent of a header that gives every parameter. */
const allHeaderParameters = (1 << HEADER_PARAMETERS.length) - 1;

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
    if (present !== allHeaderParameters) {
      HEADER_PARAMETERS.forEach((name, index) => {
        if ((present & (1 << index)) === 0) message += `Authorization header requires '${name}' parameter. `;
      });
    }
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

/**
 * Which HEADER_PARAMETERS `AWS4-HMAC-SHA256 Credential=a/b, SignedHeaders=c, Signature=d` gives a non-empty
 * value, as bits in HEADER_PARAMETERS' order. Parts are separated by commas and spaces, the first part (the
 * algorithm) is skipped, and a name given twice counts with its last value. No map of the parameters is
 * built: this runs for every request.
 */
export function headerParametersPresent(header: string): number {
  const parts = header.trim().split(/[, ]/);
  let present = 0;
  for (let index = 1; index < parts.length; index++) {
    const part = parts[index] as string;
    const equals = part.indexOf('=');
    const parameter = (HEADER_PARAMETERS as readonly string[]).indexOf(equals < 0 ? part : part.slice(0, equals));
    if (parameter < 0) continue;
    const bit = 1 << parameter;
    present = equals >= 0 && equals + 1 < part.length ? present | bit : present & ~bit;
  }
  return present;
}
