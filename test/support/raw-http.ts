import { request } from 'node:http';
import { streamsOperationNames, streamsTargetPrefix } from '../../src/protocol/operation-names.js';

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

export interface RawRequest {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
}

/** Sends one HTTP request exactly as given: no signing, no SDK, so every front-door rule can be probed. */
export function rawRequest(endpoint: string, options: RawRequest): Promise<RawResponse> {
  const url = new URL(options.path ?? '/', endpoint);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: options.method ?? 'POST', headers: options.headers ?? {} },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** Headers of a well-formed (unverified) SigV4 request for an operation (of DynamoDB or DynamoDB Streams). */
export function signedHeaders(operation: string, contentType = 'application/x-amz-json-1.0'): Record<string, string> {
  return {
    'content-type': contentType,
    'x-amz-target': `${streamsOperationNames.has(operation) ? streamsTargetPrefix : 'DynamoDB_20120810'}.${operation}`,
    'x-amz-date': '20261126T120000Z',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIDTESTEXAMPLE/20261126/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0123456789abcdef',
  };
}
