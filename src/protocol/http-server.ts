import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import { DynamoDbError, serializationError } from '../lib/errors.js';
import { limits } from '../lib/limits.js';
import type { Logger } from '../lib/logger.js';
import { checkAuthorization } from './authorization.js';
import {
  applyConnectionLimits,
  BufferedBodyBudget,
  connectionsCheckingIntervalMs,
  DEFAULT_CONNECTION_LIMITS,
  serviceUnavailable,
  type ConnectionLimits,
} from './connection-limits.js';
import { dynamoDbOperationNames, streamsOperationNames, streamsTargetPrefix, targetPrefixes } from './operation-names.js';
import { newRequestId } from './request-id.js';
import type { SignatureVerifier } from './sigv4/signature-verifier.js';
import { AMZ_JSON_CONTENT_TYPE, PLAIN_JSON_CONTENT_TYPE, sendError, sendJson, sendRaw } from './wire-response.js';

export interface RequestContext {
  readonly requestId: string;
  readonly operation: string;
}

/** Runs one operation on a parsed JSON body; throws a DynamoDbError for anything the client did wrong. */
export type OperationHandler = (body: unknown, context: RequestContext) => unknown;

export interface FrontDoorOptions {
  readonly region: string;
  readonly handlers: ReadonlyMap<string, OperationHandler>;
  readonly logger: Logger;
  /** Verifies each request's signature after the shape checks; absent, any well-formed signature passes. */
  readonly verifySignature?: SignatureVerifier;
  /** Serve HTTPS with this certificate and key (PEM); absent, plain HTTP. */
  readonly tls?: { readonly certificate: Buffer; readonly key: Buffer } | undefined;
  /** Timeouts and caps on connections; each one absent takes its default. */
  readonly connectionLimits?: Partial<ConnectionLimits> | undefined;
}

export interface FrontDoor {
  readonly server: Server | TlsServer;
  /** Stops accepting connections and resolves once every in-flight request has been answered. */
  close(): Promise<void>;
}

const NO_QUERY: URLSearchParams = new URLSearchParams();
const UNKNOWN_OPERATION_XML = '<UnknownOperationException/>\n';

export function createFrontDoor(options: FrontDoorOptions): FrontDoor {
  const connectionLimits: ConnectionLimits = { ...DEFAULT_CONNECTION_LIMITS, ...options.connectionLimits };
  const bodyBudget = new BufferedBodyBudget(connectionLimits.bufferedBodyBytesMax);
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const finished = (): void => {
    inFlight--;
    if (inFlight === 0 && drained !== undefined) drained();
  };
  const listener: RequestListener = (request, response) => {
    inFlight++;
    response.once('close', finished);
    readBody(request, response, bodyBudget, (body) => {
      handleRequest(options, request, response, body).catch((error: unknown) => {
        options.logger.error('request failed outside its handler', { error: String(error) });
        if (!response.headersSent) {
          sendError(response, internalServerError(), AMZ_JSON_CONTENT_TYPE);
        } else {
          response.destroy();
        }
      });
    });
  };
  const serverOptions = { connectionsCheckingInterval: connectionsCheckingIntervalMs(connectionLimits) };
  const server =
    options.tls === undefined
      ? createServer(serverOptions, listener)
      : createTlsServer({ ...serverOptions, cert: options.tls.certificate, key: options.tls.key }, listener);
  applyConnectionLimits(server, connectionLimits);
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  });
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => undefined);
        server.closeIdleConnections();
        if (inFlight === 0) resolve();
        else drained = resolve;
      }),
  };
}

/**
 * Reads the body up to DynamoDB's 16 MB limit; past it, answers 413 as DynamoDB does and stops reading.
 * Every chunk is taken from the server-wide body budget and given back once the request is answered; a
 * chunk the budget cannot hold gets 503, which the SDKs retry.
 */
function readBody(request: IncomingMessage, response: ServerResponse, budget: BufferedBodyBudget, onBody: (body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  let length = 0;
  let refused = false;
  let heldBytes = 0;
  const release = (): void => {
    budget.give(heldBytes);
    heldBytes = 0;
  };
  response.once('close', release);
  const refuse = (answer: () => void): void => {
    refused = true;
    chunks.length = 0;
    release();
    response.setHeader('x-amzn-RequestId', newRequestId());
    response.setHeader('Connection', 'close');
    answer();
  };
  request.on('data', (chunk: Buffer) => {
    if (refused) return;
    length += chunk.length;
    if (length > limits.requestBodyBytesMax) {
      return refuse(() => {
        response.statusCode = 413;
        response.setHeader('Transfer-Encoding', 'chunked');
        response.end();
      });
    }
    if (!budget.take(chunk.length)) {
      return refuse(() => sendError(response, serviceUnavailable(), AMZ_JSON_CONTENT_TYPE));
    }
    heldBytes += chunk.length;
    chunks.push(chunk);
  });
  request.on('error', () => response.destroy());
  request.on('end', () => {
    if (!refused) onBody(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length));
  });
}

async function handleRequest(
  options: FrontDoorOptions,
  request: IncomingMessage,
  response: ServerResponse,
  bodyBytes: Buffer,
): Promise<void> {
  const requestId = newRequestId();
  response.setHeader('x-amzn-RequestId', requestId);
  const headers = request.headers;
  if (headers.origin !== undefined) {
    response.setHeader('Access-Control-Allow-Origin', '*');
    if (request.method === 'OPTIONS') return answerPreflight(request, response);
  }
  if (request.method === 'GET') {
    return sendRaw(response, 200, `healthy: dynamodb.${options.region}.amazonaws.com `);
  }
  const mediaType = (headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  const hasBody = bodyBytes.length > 0;
  if (
    request.method !== 'POST' ||
    (hasBody && mediaType !== PLAIN_JSON_CONTENT_TYPE && mediaType !== AMZ_JSON_CONTENT_TYPE)
  ) {
    return sendRaw(response, 404, UNKNOWN_OPERATION_XML);
  }
  const contentType = mediaType === AMZ_JSON_CONTENT_TYPE ? AMZ_JSON_CONTENT_TYPE : PLAIN_JSON_CONTENT_TYPE;
  let body: unknown;
  if (hasBody) {
    try {
      body = JSON.parse(bodyBytes.toString('utf8'));
    } catch {
      return sendError(response, serializationError(''), contentType);
    }
  }
  const operation = operationOf(headers['x-amz-target']);
  if (operation === undefined) {
    return sendError(response, new DynamoDbError('UnknownOperationException', ''), contentType);
  }
  // Parsing a URL costs more than the rest of these checks; most requests have no query string.
  const url = request.url ?? '/';
  const query = url.includes('?') ? new URL(url, 'http://localhost').searchParams : NO_QUERY;
  const authorizationError = checkAuthorization({
    authorizationHeader: headers.authorization,
    hasDateHeader: headers['x-amz-date'] !== undefined || headers.date !== undefined,
    query,
  });
  if (authorizationError !== undefined) return sendError(response, authorizationError, contentType);
  if (options.verifySignature !== undefined) {
    const signatureError = options.verifySignature({
      method: request.method ?? 'POST',
      url: request.url ?? '/',
      headers: headerPairs(request.rawHeaders),
      body: bodyBytes,
    });
    if (signatureError !== undefined) {
      options.logger.debug('signature refused', { requestId, type: signatureError.type });
      return sendError(response, signatureError, contentType);
    }
  }
  if (!hasBody) return sendError(response, serializationError(''), contentType);
  const handler = options.handlers.get(operation);
  if (handler === undefined) {
    return sendError(
      response,
      new DynamoDbError('UnknownOperationException', `dynacell does not implement ${operation} yet`),
      contentType,
    );
  }
  try {
    const result = await handler(body, { requestId, operation });
    sendJson(response, 200, result ?? {}, contentType);
  } catch (error) {
    if (error instanceof DynamoDbError) return sendError(response, error, contentType);
    options.logger.error('internal error', { requestId, operation, error: describeError(error) });
    sendError(response, internalServerError(), contentType);
  }
}

function operationOf(target: string | string[] | undefined): string | undefined {
  if (typeof target !== 'string') return undefined;
  const parts = target.split('.');
  if (parts.length !== 2) return undefined;
  const [prefix, operation] = parts as [string, string];
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

function answerPreflight(request: IncomingMessage, response: ServerResponse): void {
  const requestedHeaders = request.headers['access-control-request-headers'];
  if (requestedHeaders !== undefined) response.setHeader('Access-Control-Allow-Headers', requestedHeaders);
  const requestedMethod = request.headers['access-control-request-method'];
  if (requestedMethod !== undefined) response.setHeader('Access-Control-Allow-Methods', requestedMethod);
  response.setHeader('Access-Control-Max-Age', '172800');
  response.statusCode = 200;
  response.setHeader('Content-Length', '0');
  response.end();
}

function internalServerError(): DynamoDbError {
  return new DynamoDbError('InternalServerError', 'Internal server error');
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
