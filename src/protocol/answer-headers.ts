import type { ServerResponse } from 'node:http';
import { crc32 } from 'node:zlib';
import type { WireAnswer } from './wire-response.js';

/** The byte length of a body as sent (a string is sent as UTF-8). */
export function bodyByteLength(body: string | Uint8Array): number {
  return typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length;
}

/**
 * An answer's headers, names and values alternating, in the order DynamoDB's clients see them:
 * x-amzn-RequestId, any CORS headers, x-amz-crc32 of the exact body bytes, Content-Type, Content-Length.
 */
export function answerHeaderList(requestId: string, answer: WireAnswer): string[] {
  const list = ['x-amzn-RequestId', requestId];
  if (answer.headers !== undefined) for (const [name, value] of answer.headers) list.push(name, value);
  if (answer.close === true) list.push('Connection', 'close');
  if (answer.chunkedEmpty === true) {
    list.push('Transfer-Encoding', 'chunked');
    return list;
  }
  if (answer.checksum !== false) list.push('x-amz-crc32', String(crc32(answer.body)));
  if (answer.contentType !== undefined) list.push('Content-Type', answer.contentType);
  list.push('Content-Length', String(bodyByteLength(answer.body)));
  return list;
}

/** Writes an answer through node:http (the TLS server, and connections the fast path handed over). */
export function writeNodeAnswer(response: ServerResponse, requestId: string, answer: WireAnswer): void {
  response.writeHead(answer.status, answerHeaderList(requestId, answer));
  response.end(answer.chunkedEmpty === true ? undefined : answer.body);
}
