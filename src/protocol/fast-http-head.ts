import type { FrontRequest } from './front-request.js';

/** What the fast path needs of a request's head beyond the request itself. */
export interface FastHead {
  readonly request: FrontRequest;
  readonly contentLength: number;
  /** The client asked to close the connection after this request. */
  readonly close: boolean;
}

/** The headers the front door reads; every other header is only kept in rawHeaders (for signatures). */
export type FastHeaders = {
  'content-type': string | undefined;
  'x-amz-target': string | undefined;
  authorization: string | undefined;
  'x-amz-date': string | undefined;
  date: string | undefined;
  origin: string | undefined;
  'access-control-request-headers': string | undefined;
  'access-control-request-method': string | undefined;
};

/** The methods the fast path serves; any other goes to node:http, which answers it the same way. */
const FAST_METHODS: ReadonlySet<string> = new Set(['POST', 'GET', 'OPTIONS']);
const INVALID_REQUEST_TARGET = /[\x00-\x20\x7f-\xff]/;
const CONTENT_LENGTH = /^[0-9]{1,10}$/;
const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const COLON = 0x3a;
const DELETE = 0x7f;
/** HTTP's token characters (header names), by character code. */
const TOKEN_CHARACTERS = ((): Uint8Array => {
  const table = new Uint8Array(128);
  for (const character of "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") table[character.charCodeAt(0)] = 1;
  return table;
})();

/**
 * Parses a request head (the text before the blank line, decoded as Latin-1) the strict way: HTTP/1.1, a
 * method the fast path serves, token header names, no control characters, none of the headers it reads
 * twice, a plain Content-Length and no Transfer-Encoding, Expect or Upgrade. Anything else gives
 * undefined: the connection then moves to node:http, which parses it in full and answers as it always has.
 */
export function parseFastHead(head: string, bodyBytesMax: number): FastHead | undefined {
  const firstLineEnd = head.indexOf('\r\n');
  const requestLine = (firstLineEnd < 0 ? head : head.slice(0, firstLineEnd)).split(' ');
  if (requestLine.length !== 3) return undefined;
  const [method, url, version] = requestLine as [string, string, string];
  if (version !== 'HTTP/1.1' || !FAST_METHODS.has(method) || url === '' || INVALID_REQUEST_TARGET.test(url)) return undefined;
  const headers: FastHeaders = {
    'content-type': undefined,
    'x-amz-target': undefined,
    authorization: undefined,
    'x-amz-date': undefined,
    date: undefined,
    origin: undefined,
    'access-control-request-headers': undefined,
    'access-control-request-method': undefined,
  };
  const rawHeaders: string[] = [];
  let contentLengthText: string | undefined;
  let connection: string | undefined;
  // One pass over the header lines, character by character: `name:` of token characters, then a value
  // free of control characters (HTAB aside), ended by CRLF.
  const length = head.length;
  let position = firstLineEnd < 0 ? length : firstLineEnd + 2;
  while (position < length) {
    let index = position;
    for (; index < length; index++) {
      const code = head.charCodeAt(index);
      if (code === COLON) break;
      if (code >= TOKEN_CHARACTERS.length || TOKEN_CHARACTERS[code] === 0) return undefined;
    }
    if (index === position || index === length) return undefined;
    const name = head.slice(position, index);
    index++;
    while (index < length && isSpace(head.charCodeAt(index))) index++;
    const valueStart = index;
    for (; index < length; index++) {
      const code = head.charCodeAt(index);
      if (code === CR) break;
      if ((code < SPACE && code !== TAB) || code === DELETE) return undefined;
    }
    if (index < length && head.charCodeAt(index + 1) !== LF) return undefined;
    let valueEnd = index;
    while (valueEnd > valueStart && isSpace(head.charCodeAt(valueEnd - 1))) valueEnd--;
    const value = head.slice(valueStart, valueEnd);
    position = index + 2;
    rawHeaders.push(name, value);
    const lowerName = name.toLowerCase();
    switch (lowerName) {
      case 'content-type':
      case 'x-amz-target':
      case 'authorization':
      case 'x-amz-date':
      case 'date':
      case 'origin':
      case 'access-control-request-headers':
      case 'access-control-request-method':
        if (headers[lowerName] !== undefined) return undefined;
        headers[lowerName] = value;
        break;
      case 'content-length':
        if (contentLengthText !== undefined) return undefined;
        contentLengthText = value;
        break;
      case 'connection':
        if (connection !== undefined) return undefined;
        connection = value.toLowerCase();
        break;
      case 'transfer-encoding':
      case 'expect':
      case 'upgrade':
        return undefined;
    }
  }
  let contentLength = 0;
  if (contentLengthText !== undefined) {
    if (!CONTENT_LENGTH.test(contentLengthText)) return undefined;
    contentLength = Number(contentLengthText);
    if (contentLength > bodyBytesMax) return undefined;
  }
  if (connection !== undefined && connection.includes('upgrade')) return undefined;
  return { request: { method, url, headers, rawHeaders }, contentLength, close: connection !== undefined && connection.includes('close') };
}

function isSpace(code: number): boolean {
  return code === SPACE || code === TAB;
}
