/**
 * Which items Time to Live deletes. An item expires when its TTL attribute is a Number of epoch seconds
 * earlier than now. Like DynamoDB, other types never expire, and neither do values more than five years in
 * the past (so that milliseconds or other units written by mistake do not wipe a table). Time is passed in.
 */
import type { Item } from '../model/attribute-value.js';
import type { WriteDecision } from './partition.js';

const SECONDS_PER_DAY = 86_400;
/** Values older than this (five 365-day years) before now never expire. */
export const EXPIRY_AGE_SECONDS_MAX = 5 * 365 * SECONDS_PER_DAY;

export function isExpired(item: Item, attributeName: string, nowSeconds: number): boolean {
  const value = item[attributeName];
  if (value === undefined || !('N' in value)) return false;
  const expiresSeconds = Number(value.N);
  return expiresSeconds < nowSeconds && expiresSeconds >= nowSeconds - EXPIRY_AGE_SECONDS_MAX;
}

/** A TTL deletion as data, so it can travel to the partition's leader like any write. */
export interface ExpiryCommand {
  readonly kind: 'expire';
  readonly attributeName: string;
  readonly nowSeconds: number;
}

/**
 * Decided at the partition's serialisation point, against the item as it is now: a write that extended
 * the TTL (or removed the item) since the expirer saw it wins, and nothing is deleted.
 */
export function decideExpiry<Reason>(command: ExpiryCommand, old: Item | undefined, notExpired: Reason): WriteDecision<Reason> {
  if (old === undefined || !isExpired(old, command.attributeName, command.nowSeconds)) return { kind: 'rejected', reason: notExpired };
  return { kind: 'delete', origin: 'timeToLive' };
}
