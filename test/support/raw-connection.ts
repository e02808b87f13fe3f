import { connect, type Socket } from 'node:net';

/** One answer read off a raw connection. */
export interface ParsedAnswer {
  readonly status: number;
  readonly head: string;
  /** Header names in lower case; a repeated header keeps its last value. */
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/**
 * A raw TCP connection to an HTTP server: the test writes whatever bytes it likes and reads the answers
 * back parsed one by one (Content-Length bodies, a `100 Continue` interim answer, or a body running to close).
 */
export class RawConnection {
  private received = Buffer.alloc(0);
  private waiters: Array<() => void> = [];
  private ended = false;
  readonly closed: Promise<void>;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.wake();
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.ended = true;
        this.wake();
        resolve();
      }),
    );
  }

  static open(endpoint: string): Promise<RawConnection> {
    const url = new URL(endpoint);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  write(bytes: string | Buffer): void {
    this.socket.write(bytes);
  }

  /** The next answer; rejects if the connection closes before one is complete. */
  async next(): Promise<ParsedAnswer> {
    for (;;) {
      const answer = this.take();
      if (answer !== undefined) return answer;
      if (this.ended) throw new Error(`connection closed with ${this.received.length} bytes unparsed: ${this.received.toString('latin1').slice(0, 200)}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  close(): void {
    this.socket.destroy();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }

  private take(): ParsedAnswer | undefined {
    const end = this.received.indexOf('\r\n\r\n');
    if (end < 0) return undefined;
    const head = this.received.toString('latin1', 0, end);
    const [statusLine, ...lines] = head.split('\r\n');
    const status = Number((statusLine as string).split(' ')[1]);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    const bodyStart = end + 4;
    let bodyEnd: number;
    if (headers['content-length'] !== undefined) bodyEnd = bodyStart + Number(headers['content-length']);
    else if (headers['transfer-encoding'] === 'chunked') {
      const terminator = this.received.indexOf('0\r\n\r\n', bodyStart);
      if (terminator < 0) return undefined;
      bodyEnd = terminator + 5;
    } else if (status === 100) bodyEnd = bodyStart;
    else if (this.ended) bodyEnd = this.received.length;
    else return undefined;
    if (this.received.length < bodyEnd) return undefined;
    const body = this.received.subarray(bodyStart, bodyEnd);
    this.received = this.received.subarray(bodyEnd);
    return { status, head, headers, body };
  }
}

/** A request as raw bytes: request line, headers in the order given, and a Content-Length body. */
export function requestBytes(headers: Record<string, string>, body: string, requestLine = 'POST / HTTP/1.1'): string {
  const all = { host: 'localhost', ...headers, 'content-length': String(Buffer.byteLength(body)) };
  return `${requestLine}\r\n${Object.entries(all).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n${body}`;
}
