import type { FrontRequest } from './front-request.js';

/** What the fast path needs of a request's head beyond the request itself. */
export interface FastHead {
  readonly request: FrontRequest;
  readonly contentLength: number;
  /** The client asked to close the connection after this request. */
  readonly close: boolean;
}

/** The methods the fast path serves; any other goes to node:http, which answers it the same way. */
const FAST_METHODS: ReadonlySet<string> = new Set(['POST', 'GET', 'OPTIONS']);
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Control characters other than HTAB: node's parser refuses them in values; so does the fast path. */
const INVALID_HEADER_VALUE = /[\x00-\x08\x0a-\x1f\x7f]/;
const INVALID_REQUEST_TARGET = /[\x00-\x20\x7f-\xff]/;
const CONTENT_LENGTH = /^[0-9]{1,10}$/;
const SPACE = 0x20;
const TAB = 0x09;

/**
 * Parses a request head (the text before the blank line, decoded as Latin-1) the strict way: HTTP/1.1, a
 * method the fast path serves, token header names, no control characters, no header twice, a plain
 * Content-Length and no Transfer-Encoding, Expect or Upgrade. Anything else gives undefined: the
 * connection then moves to node:http, which parses it in full and answers as it always has.
 */
export function parseFastHead(head: string, bodyBytesMax: number): FastHead | undefined {
  const lines = head.split('\r\n');
  const requestLine = (lines[0] as string).split(' ');
  if (requestLine.length !== 3) return undefined;
  const [method, url, version] = requestLine as [string, string, string];
  if (version !== 'HTTP/1.1' || !FAST_METHODS.has(method) || url === '' || INVALID_REQUEST_TARGET.test(url)) return undefined;
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  const rawHeaders: string[] = [];
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] as string;
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    const name = line.slice(0, colon);
    if (!HEADER_NAME.test(name)) return undefined;
    const value = trimSpaces(line, colon + 1);
    if (INVALID_HEADER_VALUE.test(value)) return undefined;
    const lowerName = name.toLowerCase();
    if (headers[lowerName] !== undefined) return undefined;
    headers[lowerName] = value;
    rawHeaders.push(name, value);
  }
  if (headers['transfer-encoding'] !== undefined || headers['expect'] !== undefined || headers['upgrade'] !== undefined) return undefined;
  const lengthText = headers['content-length'];
  let contentLength = 0;
  if (lengthText !== undefined) {
    if (!CONTENT_LENGTH.test(lengthText)) return undefined;
    contentLength = Number(lengthText);
    if (contentLength > bodyBytesMax) return undefined;
  }
  const connection = headers['connection']?.toLowerCase();
  if (connection !== undefined && connection.includes('upgrade')) return undefined;
  return { request: { method, url, headers, rawHeaders }, contentLength, close: connection !== undefined && connection.includes('close') };
}

/** The text of `line` from `start`, without leading and trailing spaces and tabs (HTTP's optional whitespace). */
function trimSpaces(line: string, start: number): string {
  let from = start;
  let to = line.length;
  while (from < to && isSpace(line.charCodeAt(from))) from++;
  while (to > from && isSpace(line.charCodeAt(to - 1))) to--;
  return line.slice(from, to);
}

function isSpace(code: number): boolean {
  return code === SPACE || code === TAB;
}
