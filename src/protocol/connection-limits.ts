import type { Server } from 'node:http';
import type { Server as TlsServer } from 'node:https';
import { DynamoDbError } from '../lib/errors.js';

/**
 * What one server lets its connections hold: how long they may sit idle or dribble a request in, how many
 * may be open at once, and how many request-body bytes all of them together may have buffered. These
 * bound the memory and sockets a crowd of slow or idle clients can take from everyone else.
 */
export interface ConnectionLimits {
  /** A kept-alive connection with no request in progress is closed after this long (as DynamoDB's front ends do). */
  readonly idleTimeoutMs: number;
  /** A request whose headers have not all arrived this long after it began is answered 408 and closed. */
  readonly headersTimeoutMs: number;
  /** A request (headers and body) not fully received this long after it began is answered 408 and closed. */
  readonly requestTimeoutMs: number;
  /** Connections beyond this many open at once are closed as soon as they are accepted. */
  readonly connectionsMax: number;
  /** Request bodies buffered at once, over every connection; a body that would pass it is answered 503. */
  readonly bufferedBodyBytesMax: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  idleTimeoutMs: 65_000,
  headersTimeoutMs: 66_000,
  requestTimeoutMs: 300_000,
  connectionsMax: 4_096,
  bufferedBodyBytesMax: 512 * 1024 * 1024,
};

/** How often the server looks for requests past their headers or request timeout; never longer than 30 s. */
export function connectionsCheckingIntervalMs(limits: ConnectionLimits): number {
  return Math.max(10, Math.min(30_000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)));
}

export function applyConnectionLimits(server: Server | TlsServer, limits: ConnectionLimits): void {
  server.keepAliveTimeout = limits.idleTimeoutMs;
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.maxConnections = limits.connectionsMax;
}

/**
 * Counts the request-body bytes every connection has buffered but not yet handed to an operation. A
 * connection takes bytes as chunks arrive and gives them back when its request is answered or dropped.
 */
export class BufferedBodyBudget {
  private bufferedBytes = 0;

  constructor(private readonly bytesMax: number) {}

  /** Takes `bytes` from the budget; false (and nothing taken) when that would pass the maximum. */
  take(bytes: number): boolean {
    if (this.bufferedBytes + bytes > this.bytesMax) return false;
    this.bufferedBytes += bytes;
    return true;
  }

  give(bytes: number): void {
    this.bufferedBytes -= bytes;
  }

  get inUseBytes(): number {
    return this.bufferedBytes;
  }
}

/**
 * DynamoDB's answer when it cannot take a request for now (HTTP 503); the SDKs retry it by its status.
 * Type and text follow DynamoDB's error documentation for 503; no recorded answer confirms them.
 */
export function serviceUnavailable(): DynamoDbError {
  return new DynamoDbError('ServiceUnavailable', 'DynamoDB is currently unavailable. (This should be a temporary state.)');
}
