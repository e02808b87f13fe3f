/**
 * A light HTTP/1.1 load generator: raw keep-alive sockets, requests serialised once before the run (request
 * line, headers and body in one buffer), a fixed number of requests in flight (one per socket), latency of
 * each answer with process.hrtime.bigint. It parses only what it needs of an answer: the status code and
 * where the body ends (Content-Length or chunked).
 */
import { connect, type Socket } from 'node:net';

export interface LoadOptions {
  readonly port: number;
  /** Whole HTTP requests, sent in turn (request k goes out as the k-th request of the run, modulo length). */
  readonly requests: readonly Buffer[];
  readonly concurrency: number;
  readonly durationMs: number;
  /**
   * Load before the measured part, in the same closed loops: answers to requests sent before it ends are
   * not counted, and `onMeasureStart` runs when it ends (no pause to drain between the two).
   */
  readonly warmupMs?: number;
  readonly onMeasureStart?: () => void;
}

export interface LoadResult {
  readonly completed: number;
  /** Answers whose status was not 200 (counted in `completed` too). */
  readonly failed: number;
  readonly firstFailure: string | undefined;
  readonly elapsedMs: number;
  /** Latency of every answered request in microseconds, sorted ascending. */
  readonly latenciesMicroseconds: Float64Array;
}

export interface Answer {
  readonly status: number;
  readonly body: string;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const ANSWER_TIMEOUT_MS = 30_000;

/** Builds one POST request in DynamoDB's JSON 1.0 form, with a fixed SigV4-shaped Authorization header. */
export function dynamoRequest(operation: string, body: unknown): Buffer {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  const head =
    `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n` +
    `X-Amz-Target: DynamoDB_20120810.${operation}\r\nX-Amz-Date: 20260101T000000Z\r\n` +
    'Authorization: AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, ' +
    'SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000000000000000000000000000000000000000000000000000000000000000\r\n' +
    `Content-Length: ${payload.length}\r\nConnection: keep-alive\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), payload]);
}

/**
 * Splits answers out of one socket's byte stream. Returns the answers completed by `chunk`; keeps a partial
 * one for the next chunk.
 */
export class AnswerParser {
  private buffered: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Answer[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const answers: Answer[] = [];
    for (;;) {
      const answer = this.next();
      if (answer === undefined) return answers;
      answers.push(answer);
    }
  }

  private next(): Answer | undefined {
    const headerEnd = this.buffered.indexOf(HEADER_END);
    if (headerEnd < 0) return undefined;
    const head = this.buffered.toString('latin1', 0, headerEnd);
    const status = Number(head.slice(9, 12));
    const bodyStart = headerEnd + HEADER_END.length;
    const lengthMatch = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (lengthMatch !== null) {
      const bodyEnd = bodyStart + Number(lengthMatch[1]);
      if (this.buffered.length < bodyEnd) return undefined;
      const body = this.buffered.toString('utf8', bodyStart, bodyEnd);
      this.buffered = this.buffered.subarray(bodyEnd);
      return { status, body };
    }
    if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) return this.nextChunked(status, bodyStart);
    this.buffered = this.buffered.subarray(bodyStart);
    return { status, body: '' };
  }

  private nextChunked(status: number, bodyStart: number): Answer | undefined {
    const parts: Buffer[] = [];
    let offset = bodyStart;
    for (;;) {
      const lineEnd = this.buffered.indexOf('\r\n', offset);
      if (lineEnd < 0) return undefined;
      const size = parseInt(this.buffered.toString('latin1', offset, lineEnd), 16);
      const dataStart = lineEnd + 2;
      if (this.buffered.length < dataStart + size + 2) return undefined;
      if (size === 0) {
        this.buffered = this.buffered.subarray(dataStart + 2);
        return { status, body: Buffer.concat(parts).toString('utf8') };
      }
      parts.push(this.buffered.subarray(dataStart, dataStart + size));
      offset = dataStart + size + 2;
    }
  }
}

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', noDelay: true });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends one request on a fresh connection and returns its answer (setup, polling for start-up). */
export async function sendOnce(port: number, request: Buffer): Promise<Answer> {
  const socket = await openSocket(port);
  try {
    return await new Promise<Answer>((resolve, reject) => {
      const parser = new AnswerParser();
      const timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`)), ANSWER_TIMEOUT_MS);
      socket.on('data', (chunk: Buffer) => {
        const [answer] = parser.push(chunk);
        if (answer !== undefined) {
          clearTimeout(timer);
          resolve(answer);
        }
      });
      socket.once('error', reject);
      socket.write(request);
    });
  } finally {
    socket.destroy();
  }
}

/** Runs `concurrency` closed loops for `durationMs`: each sends a request, waits for its answer, sends the next. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const sockets = await Promise.all(Array.from({ length: options.concurrency }, () => openSocket(options.port)));
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  const warmupNs = BigInt(options.warmupMs ?? 0) * 1_000_000n;
  let started = process.hrtime.bigint() + warmupNs;
  const deadline = started + BigInt(options.durationMs) * 1_000_000n;
  let measuring = warmupNs === 0n;
  const measureStart = (): void => {
    measuring = true;
    started = process.hrtime.bigint();
    options.onMeasureStart?.();
  };
  if (measuring) measureStart();
  else setTimeout(measureStart, options.warmupMs);
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve, reject) => {
          const parser = new AnswerParser();
          let sentAt = 0n;
          let counted = false;
          const send = (): void => {
            sentAt = process.hrtime.bigint();
            counted = measuring;
            socket.write(options.requests[next++ % options.requests.length] as Buffer);
          };
          socket.on('data', (chunk: Buffer) => {
            for (const answer of parser.push(chunk)) {
              const now = process.hrtime.bigint();
              if (!counted) {
                send();
                continue;
              }
              latencies.push(Number(now - sentAt) / 1000);
              if (answer.status !== 200) {
                failed++;
                firstFailure ??= `${answer.status} ${answer.body.slice(0, 300)}`;
              }
              if (now < deadline) send();
              else resolve();
            }
          });
          socket.once('error', reject);
          socket.once('close', () => resolve());
          send();
        }),
    ),
  );
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  for (const socket of sockets) socket.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return { completed: latencies.length, failed, firstFailure, elapsedMs, latenciesMicroseconds: sorted };
}

/** The q-quantile (0..1) of sorted values; NaN when there are none. */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}
