import { DynamoDbError, serializationError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { checkAuthorization } from './authorization.js';
import { dynamoDbOperationNames, streamsOperationNames, streamsTargetPrefix, targetPrefixes } from './operation-names.js';
import type { SignatureVerifier } from './sigv4/signature-verifier.js';
import { AMZ_JSON_CONTENT_TYPE, errorAnswer, jsonAnswer, PLAIN_JSON_CONTENT_TYPE, rawAnswer, type WireAnswer } from './wire-response.js';

/** A request's line and headers as either transport parsed them (header names in lower case). */
export interface FrontRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Names and values in the order received, alternating, as node:http's rawHeaders. */
  readonly rawHeaders: readonly string[];
}

export interface RequestContext {
  readonly requestId: string;
  readonly operation: string;
}

/** Runs one operation on a parsed JSON body; throws a DynamoDbError for anything the client did wrong. */
export type OperationHandler = (body: unknown, context: RequestContext) => unknown;

export interface RequestAnswering {
  readonly region: string;
  readonly handlers: ReadonlyMap<string, OperationHandler>;
  readonly logger: Logger;
  readonly verifySignature?: SignatureVerifier | undefined;
}

const NO_QUERY: URLSearchParams = new URLSearchParams();
const UNKNOWN_OPERATION_XML = '<UnknownOperationException/>\n';
const CORS_ORIGIN_HEADER = ['Access-Control-Allow-Origin', '*'] as const;
const PREFLIGHT_MAX_AGE_SECONDS = '172800';

/**
 * The answer to one complete request, in DynamoDB's order of checks: CORS preflight, health check, method
 * and media type, JSON, target, authorization, signature, body, operation. Synchronous up to the handler;
 * a handler's promise makes the answer a promise.
 */
export function answerRequest(
  options: RequestAnswering,
  request: FrontRequest,
  bodyBytes: Buffer,
  requestId: string,
): WireAnswer | Promise<WireAnswer> {
  const headers = request.headers;
  const cors = headers['origin'] !== undefined;
  if (cors && request.method === 'OPTIONS') return preflightAnswer(request);
  const answer = answerCorsless(options, request, bodyBytes, requestId);
  if (!cors) return answer;
  return answer instanceof Promise ? answer.then(withCorsOrigin) : withCorsOrigin(answer);
}

function answerCorsless(options: RequestAnswering, request: FrontRequest, bodyBytes: Buffer, requestId: string): WireAnswer | Promise<WireAnswer> {
  const headers = request.headers;
  if (request.method === 'GET') return rawAnswer(200, `healthy: dynamodb.${options.region}.amazonaws.com `);
  const mediaType = mediaTypeOf(headers['content-type']);
  const hasBody = bodyBytes.length > 0;
  if (request.method !== 'POST' || (hasBody && mediaType !== PLAIN_JSON_CONTENT_TYPE && mediaType !== AMZ_JSON_CONTENT_TYPE)) {
    return rawAnswer(404, UNKNOWN_OPERATION_XML);
  }
  const contentType = mediaType === AMZ_JSON_CONTENT_TYPE ? AMZ_JSON_CONTENT_TYPE : PLAIN_JSON_CONTENT_TYPE;
  let body: unknown;
  if (hasBody) {
    try {
      body = JSON.parse(bodyBytes.toString('utf8'));
    } catch {
      return errorAnswer(serializationError(''), contentType);
    }
  }
  const operation = operationOf(headers['x-amz-target']);
  if (operation === undefined) return errorAnswer(new DynamoDbError('UnknownOperationException', ''), contentType);
  // Parsing a URL costs more than the rest of these checks; most requests have no query string.
  const url = request.url;
  const query = url.includes('?') ? new URL(url, 'http://localhost').searchParams : NO_QUERY;
  const authorizationError = checkAuthorization({
    authorizationHeader: headers['authorization'] as string | undefined,
    hasDateHeader: headers['x-amz-date'] !== undefined || headers['date'] !== undefined,
    query,
  });
  if (authorizationError !== undefined) return errorAnswer(authorizationError, contentType);
  if (options.verifySignature !== undefined) {
    const signatureError = options.verifySignature({ method: request.method, url, headers: headerPairs(request.rawHeaders), body: bodyBytes });
    if (signatureError !== undefined) {
      options.logger.debug('signature refused', { requestId, type: signatureError.type });
      return errorAnswer(signatureError, contentType);
    }
  }
  if (!hasBody) return errorAnswer(serializationError(''), contentType);
  const handler = options.handlers.get(operation);
  if (handler === undefined) {
    return errorAnswer(new DynamoDbError('UnknownOperationException', `dynacell does not implement ${operation} yet`), contentType);
  }
  const failed = (error: unknown): WireAnswer => {
    if (error instanceof DynamoDbError) return errorAnswer(error, contentType);
    options.logger.error('internal error', { requestId, operation, error: describeError(error) });
    return errorAnswer(internalServerError(), contentType);
  };
  const succeeded = (result: unknown): WireAnswer => jsonAnswer(200, result ?? {}, contentType);
  let result: unknown;
  try {
    result = handler(body, { requestId, operation });
  } catch (error) {
    return failed(error);
  }
  return result instanceof Promise ? result.then(succeeded, failed) : succeeded(result);
}

function mediaTypeOf(contentType: string | string[] | undefined): string {
  if (typeof contentType !== 'string') return '';
  const end = contentType.indexOf(';');
  return (end < 0 ? contentType : contentType.slice(0, end)).trim();
}

function withCorsOrigin(answer: WireAnswer): WireAnswer {
  return { ...answer, headers: [CORS_ORIGIN_HEADER, ...(answer.headers ?? [])] };
}

function preflightAnswer(request: FrontRequest): WireAnswer {
  const headers: Array<readonly [string, string]> = [CORS_ORIGIN_HEADER];
  const requestedHeaders = request.headers['access-control-request-headers'];
  if (typeof requestedHeaders === 'string') headers.push(['Access-Control-Allow-Headers', requestedHeaders]);
  const requestedMethod = request.headers['access-control-request-method'];
  if (typeof requestedMethod === 'string') headers.push(['Access-Control-Allow-Methods', requestedMethod]);
  headers.push(['Access-Control-Max-Age', PREFLIGHT_MAX_AGE_SECONDS]);
  return { status: 200, body: '', headers, checksum: false };
}

function operationOf(target: string | string[] | undefined): string | undefined {
  if (typeof target !== 'string') return undefined;
  const dot = target.indexOf('.');
  if (dot < 0 || target.indexOf('.', dot + 1) >= 0) return undefined;
  const prefix = target.slice(0, dot);
  const operation = target.slice(dot + 1);
  if (prefix === streamsTargetPrefix) return streamsOperationNames.has(operation) ? operation : undefined;
  if (!targetPrefixes.has(prefix) || !dynamoDbOperationNames.has(operation)) return undefined;
  return operation;
}

function headerPairs(rawHeaders: readonly string[]): Array<readonly [string, string]> {
  const pairs: Array<readonly [string, string]> = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    pairs.push([rawHeaders[index] as string, rawHeaders[index + 1] as string]);
  }
  return pairs;
}

export function internalServerError(): DynamoDbError {
  return new DynamoDbError('InternalServerError', 'Internal server error');
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

