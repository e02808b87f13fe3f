import type { DynamoDbError } from '../lib/errors.js';
import { PreparedBody } from './prepared-body.js';

/** The JSON 1.0 content type DynamoDB answers with (unless the request said application/json). */
export const AMZ_JSON_CONTENT_TYPE = 'application/x-amz-json-1.0';
export const PLAIN_JSON_CONTENT_TYPE = 'application/json';

/**
 * One answer, as data: the front door's transports (the fast HTTP/1.1 path and node:http) write it. Every
 * answer carries x-amzn-RequestId; a checksummed one (all but the CORS preflight and the refusals written
 * before a body is read) also x-amz-crc32 of its exact bytes, and Content-Length.
 */
export interface WireAnswer {
  readonly status: number;
  /** The body as sent: a string is sent as UTF-8. */
  readonly body: string | Uint8Array;
  readonly contentType?: string | undefined;
  /** Headers beyond the ones every answer carries (CORS), in order. */
  readonly headers?: ReadonlyArray<readonly [string, string]> | undefined;
  /** False for answers DynamoDB sends without x-amz-crc32 (the CORS preflight). */
  readonly checksum?: boolean | undefined;
  /** Close the connection once the answer is written (refusals of a body still arriving). */
  readonly close?: boolean | undefined;
  /** The body-less refusal of a request over 16 MB: `Transfer-Encoding: chunked` and no Content-Length. */
  readonly chunkedEmpty?: boolean | undefined;
}

export function rawAnswer(status: number, body: string, contentType?: string): WireAnswer {
  return { status, body, contentType };
}

/** A JSON answer: a handler's PreparedBody is sent as its bytes, any other value as JSON.stringify gives it. */
export function jsonAnswer(status: number, value: unknown, contentType: string): WireAnswer {
  return { status, body: value instanceof PreparedBody ? value.bytes : JSON.stringify(value), contentType };
}

/** DynamoDB's error body: `__type` with the wire prefix, and `message` when there is one. */
export function errorBody(error: DynamoDbError): Record<string, unknown> {
  const body: Record<string, unknown> = { __type: error.wireType };
  if (error.message !== '') body[error.messageMember] = error.message;
  if (error.extra !== undefined) Object.assign(body, error.extra);
  return body;
}

export function errorAnswer(error: DynamoDbError, contentType: string): WireAnswer {
  return jsonAnswer(error.status, errorBody(error), contentType);
}
