import { crc32 } from 'node:zlib';
import type { ServerResponse } from 'node:http';
import type { DynamoDbError } from '../lib/errors.js';
import { PreparedBody } from './prepared-body.js';

/** The JSON 1.0 content type DynamoDB answers with (unless the request said application/json). */
export const AMZ_JSON_CONTENT_TYPE = 'application/x-amz-json-1.0';
export const PLAIN_JSON_CONTENT_TYPE = 'application/json';

/** Sends a body with the headers every DynamoDB answer carries: x-amz-crc32 and Content-Length. */
export function sendRaw(response: ServerResponse, status: number, body: string | Uint8Array, contentType?: string): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  response.statusCode = status;
  response.setHeader('x-amz-crc32', String(crc32(bytes)));
  if (contentType !== undefined) response.setHeader('Content-Type', contentType);
  response.setHeader('Content-Length', String(bytes.length));
  response.end(bytes);
}

export function sendJson(response: ServerResponse, status: number, value: unknown, contentType: string): void {
  sendRaw(response, status, value instanceof PreparedBody ? value.bytes : JSON.stringify(value), contentType);
}

/** DynamoDB's error body: `__type` with the wire prefix, and `message` when there is one. */
export function errorBody(error: DynamoDbError): Record<string, unknown> {
  const body: Record<string, unknown> = { __type: error.wireType };
  if (error.message !== '') body[error.messageMember] = error.message;
  if (error.extra !== undefined) Object.assign(body, error.extra);
  return body;
}

export function sendError(response: ServerResponse, error: DynamoDbError, contentType: string): void {
  sendJson(response, error.status, errorBody(error), contentType);
}
