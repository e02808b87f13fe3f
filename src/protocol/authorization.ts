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
    const present = headerParameters(header);
    for (const name of HEADER_PARAMETERS) {
      if (!present.get(name)) message += `Authorization header requires '${name}' parameter. `;
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

/** `AWS4-HMAC-SHA256 Credential=a/b, SignedHeaders=c, Signature=d` → name → value. */
function headerParameters(header: string): Map<string, string> {
  const parameters = new Map<string, string>();
  const parts = header.trim().split(/[, ]/).slice(1);
  for (const part of parts) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    if (equals < 0) parameters.set(part, '');
    else parameters.set(part.slice(0, equals), part.slice(equals + 1));
  }
  return parameters;
}
