import { base64Decode, base64Encode, base64Problem } from '../model/base64.js';
import { utf8Decode, utf8Encode } from '../model/utf8.js';
import type { ShardAddress } from './stream-identifiers.js';

/**
 * A shard iterator, as DynamoDB shapes it: `<stream ARN>|1|<opaque>`. The opaque part carries the shard,
 * the position (the records after one of the partition's log sequences) and when it was issued, so an
 * iterator needs no server-side state and survives a restart.
 */
export interface ShardIterator extends ShardAddress {
  readonly streamArn: string;
  /** The next record returned is the first after this log sequence. */
  readonly afterSequence: number;
  readonly issuedMs: number;
}

const ITERATOR_VERSION = '1';

export function encodeShardIterator(iterator: ShardIterator): string {
  const opaque = [iterator.partitionId, iterator.window, iterator.afterSequence, iterator.issuedMs].join('.');
  return `${iterator.streamArn}|${ITERATOR_VERSION}|${base64Encode(utf8Encode(opaque))}`;
}

export function decodeShardIterator(text: string): ShardIterator | undefined {
  const parts = text.split('|');
  if (parts.length !== 3 || parts[1] !== ITERATOR_VERSION) return undefined;
  const opaque = parts[2] as string;
  if (base64Problem(opaque) !== undefined) return undefined;
  const fields = utf8Decode(base64Decode(opaque)).split('.');
  if (fields.length !== 4 || !fields.every((field) => /^-?\d{1,16}$/.test(field))) return undefined;
  const [partitionId, window, afterSequence, issuedMs] = fields.map(Number) as [number, number, number, number];
  return { streamArn: parts[0] as string, partitionId, window, afterSequence, issuedMs };
}
