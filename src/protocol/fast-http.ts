import { STATUS_CODES, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { limits } from '../lib/limits.js';
import { answerHeaderList } from './answer-headers.js';
import { serviceUnavailable, type BufferedBodyBudget, type ConnectionLimits } from './connection-limits.js';
import { parseFastHead } from './fast-http-head.js';
import type { FrontRequest } from './front-request.js';
import { newRequestId } from './request-id.js';
import { AMZ_JSON_CONTENT_TYPE, errorAnswer, type WireAnswer } from './wire-response.js';

/** node:http's default limit on a request head; a longer head goes to node:http, which answers 431. */
export const FAST_HEAD_BYTES_MAX = 16 * 1024;
/** Bytes a client may send ahead (pipelined) while its request is answered, before the socket is paused. */
const PIPELINED_BYTES_MAX = 1024 * 1024;
const HEAD_END = Buffer.from('\r\n\r\n', 'latin1');
const REQUEST_TIMEOUT_ANSWER = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n';
const NON_ASCII = /[^\x00-\x7f]/;

export interface FastPathOptions {
  readonly limits: ConnectionLimits;
  readonly bodyBudget: BufferedBodyBudget;
  readonly answer: (request: FrontRequest, body: Buffer, requestId: string) => WireAnswer | Promise<WireAnswer>;
  /** Where a connection goes when a request needs more of HTTP than the fast path reads. */
  readonly fallback: HttpServer;
  /** Called when a complete request starts being answered, and once its answer is written (or dropped). */
  readonly began: () => void;
  readonly finished: () => void;
  /** Called for a failure outside any handler (an answer promise that rejected). */
  readonly internalError: (requestId: string, error: unknown) => WireAnswer;
  /** Called when reading a connection failed in the fast path itself (a bug): the connection is dropped. */
  readonly connectionFault: (error: unknown) => void;
}

/**
 * The front door's HTTP/1.1 server for the requests DynamoDB's clients send: a request line, headers and
 * a Content-Length body on a kept-alive connection. It reads them straight off the socket and writes each
 * answer as one buffer, which costs a fraction of node:http's per-request work (see ARCHITECTURE.md,
 * Performance). A request it does not read in full (chunked bodies, Expect, HTTP/1.0, duplicate or
 * malformed headers, a head over 16 KB, a body over 16 MB) moves its connection, bytes unread, to the
 * node:http server, which serves it from then on exactly as the front door always has.
 */
export class FastHttpServer {
  readonly server: Server;
  readonly #options: FastPathOptions;
  readonly #connections = new Set<FastConnection>();
  readonly #keepAliveHeader: string;
  #closing = false;
  #checker: NodeJS.Timeout | undefined;

  constructor(options: FastPathOptions, checkingIntervalMs: number) {
    this.#options = options;
    this.#keepAliveHeader = `Connection: keep-alive\r\nKeep-Alive: timeout=${Math.floor(options.limits.idleTimeoutMs / 1000)}\r\n`;
    this.server = createServer({ noDelay: true }, (socket) => this.#accept(socket));
    this.server.maxConnections = options.limits.connectionsMax;
    this.server.on('listening', () => {
      this.#checker = setInterval(() => this.#checkTimeouts(), checkingIntervalMs);
      this.#checker.unref();
    });
    this.server.on('close', () => clearInterval(this.#checker));
  }

  get options(): FastPathOptions {
    return this.#options;
  }

  get closing(): boolean {
    return this.#closing;
  }

  get keepAliveHeader(): string {
    return this.#keepAliveHeader;
  }

  /** Stops accepting connections and closes those with no request in progress. */
  close(): void {
    this.#closing = true;
    this.server.close(() => undefined);
    for (const connection of this.#connections) connection.closeIfIdle();
  }

  forget(connection: FastConnection): void {
    this.#connections.delete(connection);
  }

  #accept(socket: Socket): void {
    if (this.#closing) {
      socket.destroy();
      return;
    }
    this.#connections.add(new FastConnection(socket, this));
  }

  #checkTimeouts(): void {
    const now = performance.now();
    for (const connection of this.#connections) connection.checkTimeouts(now);
  }
}

const enum Phase {
  /** No request in progress: waiting for the first byte of the next one. */
  Idle,
  Head,
  Body,
  Answering,
  Closed,
}

class FastConnection {
  readonly #socket: Socket;
  readonly #path: FastHttpServer;
  #phase = Phase.Idle;
  /** Bytes received and not yet consumed: part of a head, of a body, or of pipelined requests. */
  #pending: Buffer | undefined;
  #startedMs = 0;
  #request: FrontRequest | undefined;
  #closeAfter = false;
  #bodyLength = 0;
  #bodyChunks: Buffer[] = [];
  #bodyReceived = 0;
  #heldBytes = 0;
  readonly #onData = (chunk: Buffer): void => this.#receive(chunk);
  /** The socket's idle timeout: a connection with no request in progress is closed. */
  readonly #onTimeout = (): void => this.closeIfIdle();
  readonly #onClose = (): void => this.#closed();

  constructor(socket: Socket, path: FastHttpServer) {
    this.#socket = socket;
    this.#path = path;
    socket.setTimeout(path.options.limits.idleTimeoutMs, this.#onTimeout);
    socket.on('data', this.#onData);
    socket.on('close', this.#onClose);
    socket.on('error', () => undefined);
  }

  closeIfIdle(): void {
    if (this.#phase === Phase.Idle && this.#pending === undefined) this.#socket.destroy();
  }

  /** The headers and request timeouts, checked by the server every so often (as node:http does). */
  checkTimeouts(nowMs: number): void {
    if (this.#phase !== Phase.Head && this.#phase !== Phase.Body) return;
    const limits = this.#path.options.limits;
    const elapsedMs = nowMs - this.#startedMs;
    if ((this.#phase === Phase.Head && elapsedMs >= limits.headersTimeoutMs) || elapsedMs >= limits.requestTimeoutMs) {
      this.#releaseBody();
      this.#phase = Phase.Closed;
      this.#socket.end(REQUEST_TIMEOUT_ANSWER);
    }
  }

  #receive(chunk: Buffer): void {
    if (this.#phase === Phase.Closed) return;
    this.#pending = this.#pending === undefined ? chunk : Buffer.concat([this.#pending, chunk]);
    if (this.#phase === Phase.Answering) {
      if (this.#pending.length > PIPELINED_BYTES_MAX) this.#socket.pause();
      return;
    }
    this.#consumeGuarded();
  }

  /** Consumes pending requests; a failure of the fast path itself drops this connection, never the server. */
  #consumeGuarded(): void {
    try {
      this.#consume();
    } catch (error) {
      this.#path.options.connectionFault(error);
      this.#releaseBody();
      this.#phase = Phase.Closed;
      this.#socket.destroy();
    }
  }

  /** Reads as many requests from the pending bytes as are complete, answering each in turn. */
  #consume(): void {
    while (this.#pending !== undefined) {
      if (this.#phase === Phase.Idle) {
        this.#phase = Phase.Head;
        this.#startedMs = performance.now();
      }
      if (this.#phase === Phase.Head && !this.#readHead()) return;
      if (this.#phase === Phase.Body && !this.#readBody()) return;
      // Answered at once: go on with any pipelined request; answering later, or closed: stop here.
      if ((this.#phase as Phase) !== Phase.Idle) return;
    }
  }

  /** True once the head is read and the body phase begins; false to wait for more (or after a hand-over). */
  #readHead(): boolean {
    const pending = this.#pending as Buffer;
    const end = pending.indexOf(HEAD_END);
    if (end < 0) {
      if (pending.length > FAST_HEAD_BYTES_MAX) this.#handOver();
      return false;
    }
    const head = end + HEAD_END.length <= FAST_HEAD_BYTES_MAX ? parseFastHead(pending.toString('latin1', 0, end), limits.requestBodyBytesMax) : undefined;
    if (head === undefined) {
      this.#handOver();
      return false;
    }
    this.#request = head.request;
    this.#closeAfter = head.close;
    this.#bodyLength = head.contentLength;
    this.#bodyReceived = 0;
    const rest = end + HEAD_END.length;
    this.#pending = rest < pending.length ? pending.subarray(rest) : undefined;
    this.#phase = Phase.Body;
    return true;
  }

  /** True once the body is complete and the request was dispatched. */
  #readBody(): boolean {
    const wanted = this.#bodyLength - this.#bodyReceived;
    const pending = this.#pending;
    if (wanted > 0 && pending !== undefined) {
      const part = pending.length <= wanted ? pending : pending.subarray(0, wanted);
      this.#pending = pending.length <= wanted ? undefined : pending.subarray(wanted);
      if (!this.#path.options.bodyBudget.take(part.length)) {
        this.#refuse(errorAnswer(serviceUnavailable(), AMZ_JSON_CONTENT_TYPE));
        return false;
      }
      this.#heldBytes += part.length;
      this.#bodyChunks.push(part);
      this.#bodyReceived += part.length;
    }
    if (this.#bodyReceived < this.#bodyLength) return false;
    const chunks = this.#bodyChunks;
    const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, this.#bodyLength);
    this.#bodyChunks = [];
    this.#dispatch(body);
    return true;
  }

  #dispatch(body: Buffer): void {
    const options = this.#path.options;
    this.#phase = Phase.Answering;
    options.began();
    const requestId = newRequestId();
    let answer: WireAnswer | Promise<WireAnswer>;
    try {
      answer = options.answer(this.#request as FrontRequest, body, requestId);
    } catch (error) {
      answer = options.internalError(requestId, error);
    }
    if (answer instanceof Promise) {
      answer.then(
        (settled) => this.#answered(requestId, settled, true),
        (error: unknown) => this.#answered(requestId, options.internalError(requestId, error), true),
      );
    } else {
      this.#answered(requestId, answer, false);
    }
  }

  /** Writes the answer; after an asynchronous one, goes on with any requests that arrived meanwhile. */
  #answered(requestId: string, answer: WireAnswer, later: boolean): void {
    this.#releaseBody();
    this.#request = undefined;
    const options = this.#path.options;
    if (this.#phase === Phase.Closed) {
      options.finished();
      return;
    }
    const close = this.#closeAfter || this.#path.closing || answer.close === true;
    this.#write(requestId, answer, close);
    options.finished();
    if (close) {
      this.#phase = Phase.Closed;
      this.#socket.end();
      return;
    }
    this.#phase = Phase.Idle;
    if (later) {
      if (this.#socket.isPaused()) this.#socket.resume();
      this.#consumeGuarded();
    }
  }

  #write(requestId: string, answer: WireAnswer, close: boolean): void {
    const list = answerHeaderList(requestId, answer);
    let head = `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? 'Unknown'}\r\n`;
    for (let index = 0; index < list.length; index += 2) head += `${list[index] as string}: ${list[index + 1] as string}\r\n`;
    head += `Date: ${httpDate()}\r\n`;
    if (close) {
      if (answer.close !== true) head += 'Connection: close\r\n';
    } else {
      head += this.#path.keepAliveHeader;
    }
    head += '\r\n';
    const body = answer.chunkedEmpty === true ? '0\r\n\r\n' : answer.body;
    if (typeof body === 'string' && (answer.headers === undefined || !NON_ASCII.test(head))) {
      this.#socket.write(head + body);
      return;
    }
    this.#socket.cork();
    this.#socket.write(head, 'latin1');
    this.#socket.write(body);
    this.#socket.uncork();
  }

  /** Answers a request whose body is still arriving and closes the connection once the answer is out. */
  #refuse(answer: WireAnswer): void {
    this.#releaseBody();
    this.#pending = undefined;
    this.#write(newRequestId(), { ...answer, close: true }, true);
    this.#phase = Phase.Closed;
    this.#socket.end();
  }

  #releaseBody(): void {
    if (this.#heldBytes > 0) this.#path.options.bodyBudget.give(this.#heldBytes);
    this.#heldBytes = 0;
    this.#bodyChunks = [];
  }

  /**
   * Gives the connection to node:http with the bytes of the current request unread: only a head is
   * ever handed over (no body byte has been consumed), so node:http sees the request from its start.
   */
  #handOver(): void {
    const socket = this.#socket;
    this.#path.forget(this);
    this.#phase = Phase.Closed;
    socket.pause();
    socket.removeListener('data', this.#onData);
    socket.removeListener('close', this.#onClose);
    socket.setTimeout(0);
    socket.removeListener('timeout', this.#onTimeout);
    if (this.#pending !== undefined) socket.unshift(this.#pending);
    this.#pending = undefined;
    this.#path.options.fallback.emit('connection', socket);
    socket.resume();
  }

  #closed(): void {
    this.#path.forget(this);
    this.#releaseBody();
    this.#pending = undefined;
    // An answer still being computed finds the connection closed and is dropped.
    this.#phase = Phase.Closed;
  }
}

let cachedDateSecond = -1;
let cachedDate = '';

/** The Date header's value, formatted once a second. */
function httpDate(): string {
  const nowMs = Date.now();
  const second = Math.floor(nowMs / 1000);
  if (second !== cachedDateSecond) {
    cachedDateSecond = second;
    cachedDate = new Date(nowMs).toUTCString();
  }
  return cachedDate;
}
