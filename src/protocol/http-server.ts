import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import type { Server as NetServer } from 'node:net';
import { limits } from '../lib/limits.js';
import type { Logger } from '../lib/logger.js';
import { writeNodeAnswer } from './answer-headers.js';
import {
  applyConnectionLimits,
  BufferedBodyBudget,
  connectionsCheckingIntervalMs,
  DEFAULT_CONNECTION_LIMITS,
  serviceUnavailable,
  type ConnectionLimits,
} from './connection-limits.js';
import { FastHttpServer } from './fast-http.js';
import { answerRequest, internalServerError, type FrontRequest, type OperationHandler, type RequestAnswering } from './front-request.js';
import { newRequestId } from './request-id.js';
import type { SignatureVerifier } from './sigv4/signature-verifier.js';
import { AMZ_JSON_CONTENT_TYPE, errorAnswer, type WireAnswer } from './wire-response.js';

export type { OperationHandler, RequestContext } from './front-request.js';

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
  /** The listening server: the fast HTTP/1.1 server, or node:https with TLS. */
  readonly server: NetServer | TlsServer;
  /** Stops accepting connections and resolves once every in-flight request has been answered. */
  close(): Promise<void>;
}

/**
 * The front door: plain HTTP is served by the fast HTTP/1.1 path (fast-http.ts), which hands connections
 * it does not read in full to a node:http server that is never listening itself; HTTPS is served by
 * node:https. Both answer every request through answerRequest (front-request.ts).
 */
export function createFrontDoor(options: FrontDoorOptions): FrontDoor {
  const connectionLimits: ConnectionLimits = { ...DEFAULT_CONNECTION_LIMITS, ...options.connectionLimits };
  const bodyBudget = new BufferedBodyBudget(connectionLimits.bufferedBodyBytesMax);
  const answering: RequestAnswering = options;
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const began = (): void => {
    inFlight++;
  };
  const finished = (): void => {
    inFlight--;
    if (inFlight === 0 && drained !== undefined) drained();
  };
  const internalError = (requestId: string, error: unknown): WireAnswer => {
    options.logger.error('request failed outside its handler', { requestId, error: String(error) });
    return errorAnswer(internalServerError(), AMZ_JSON_CONTENT_TYPE);
  };
  const listener: RequestListener = (request, response) => {
    began();
    response.once('close', finished);
    readBody(request, response, bodyBudget, (body) => {
      const requestId = newRequestId();
      let answer: WireAnswer | Promise<WireAnswer>;
      try {
        answer = answerRequest(answering, nodeFrontRequest(request), body, requestId);
      } catch (error) {
        answer = internalError(requestId, error);
      }
      const write = (settled: WireAnswer): void => {
        if (!response.headersSent) writeNodeAnswer(response, requestId, settled);
        else response.destroy();
      };
      if (answer instanceof Promise) answer.then(write, (error: unknown) => write(internalError(requestId, error)));
      else write(answer);
    });
  };
  const checkingIntervalMs = connectionsCheckingIntervalMs(connectionLimits);
  const serverOptions = { connectionsCheckingInterval: checkingIntervalMs };
  const nodeServer =
    options.tls === undefined
      ? createServer(serverOptions, listener)
      : createTlsServer({ ...serverOptions, cert: options.tls.certificate, key: options.tls.key }, listener);
  applyConnectionLimits(nodeServer, connectionLimits);
  nodeServer.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  });
  const fast =
    options.tls === undefined
      ? new FastHttpServer(
          {
            limits: connectionLimits,
            bodyBudget,
            answer: (request, body, requestId) => answerRequest(answering, request, body, requestId),
            fallback: nodeServer as Server,
            began,
            finished,
            internalError,
            connectionFault: (error) => options.logger.error('connection dropped after a fault in the front door', { error: String(error) }),
          },
          checkingIntervalMs,
        )
      : undefined;
  if (fast !== undefined) {
    // node:http checks its connections' timeouts only once it has seen 'listening'; it never listens itself.
    fast.server.on('listening', () => nodeServer.emit('listening'));
    fast.server.on('close', () => nodeServer.close());
  }
  return {
    server: fast?.server ?? nodeServer,
    close: () =>
      new Promise<void>((resolve) => {
        if (fast !== undefined) fast.close();
        else nodeServer.close(() => undefined);
        nodeServer.closeIdleConnections();
        if (inFlight === 0) resolve();
        else drained = resolve;
      }),
  };
}

function nodeFrontRequest(request: IncomingMessage): FrontRequest {
  return { method: request.method ?? 'POST', url: request.url ?? '/', headers: request.headers, rawHeaders: request.rawHeaders };
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
  const refuse = (answer: WireAnswer): void => {
    refused = true;
    chunks.length = 0;
    release();
    writeNodeAnswer(response, newRequestId(), { ...answer, close: true });
  };
  request.on('data', (chunk: Buffer) => {
    if (refused) return;
    length += chunk.length;
    if (length > limits.requestBodyBytesMax) return refuse({ status: 413, body: '', chunkedEmpty: true });
    if (!budget.take(chunk.length)) return refuse(errorAnswer(serviceUnavailable(), AMZ_JSON_CONTENT_TYPE));
    heldBytes += chunk.length;
    chunks.push(chunk);
  });
  request.on('error', () => response.destroy());
  request.on('end', () => {
    if (!refused) onBody(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length));
  });
}
