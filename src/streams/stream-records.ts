import type { Item } from '../model/attribute-value.js';
import { itemSizeBytes } from '../model/item-size.js';
import type { StorageEngine } from '../storage/engine.js';
import { decodeJson } from '../partition/json-bytes.js';
import type { StoredStreamRecord } from '../partition/stream-log-consumer.js';
import { prefixEnd, streamRecordKey, streamRecordPrefix } from '../partition/storage-keys.js';
import { eventIdOf, formatSequenceNumber } from './stream-identifiers.js';
import type { ShardIterator } from './shard-iterators.js';
import type { StreamView } from './stream-shards.js';
import { streamLimits } from './stream-limits.js';

/** A record as GetRecords answers it (DynamoDB Streams' Record). */
export interface StreamRecordWire {
  readonly eventID: string;
  readonly eventName: StoredStreamRecord['eventName'];
  readonly eventVersion: string;
  readonly eventSource: 'aws:dynamodb';
  readonly awsRegion: string;
  readonly dynamodb: {
    readonly ApproximateCreationDateTime: number;
    readonly Keys: Item;
    readonly NewImage?: Item;
    readonly OldImage?: Item;
    readonly SequenceNumber: string;
    readonly SizeBytes: number;
    readonly StreamViewType: string;
  };
  readonly userIdentity?: { readonly PrincipalId: string; readonly Type: string };
}

export interface RecordsPage {
  readonly records: readonly StreamRecordWire[];
  /** The sequence of the last record returned, or the iterator's own position when none was. */
  readonly lastSequence: number;
  /**
   * Why the page ended: a record of a later window (the shard is finished), the limit or the size
   * (more may follow), or the last record stored (more may come while the shard is open).
   */
  readonly ending: 'shardEnd' | 'pageFull' | 'caughtUp';
}

/** Time to Live deletions are DynamoDB's own writes; a stream shows who made them. */
const TIME_TO_LIVE_IDENTITY = { PrincipalId: 'dynamodb.amazonaws.com', Type: 'Service' } as const;

/**
 * Reads the records of the iterator's shard after its position: at most `limit` and about 1 MB (the
 * record that crosses the line stays for the next call). Records of a later window end the shard.
 */
export function readShardRecords(engine: StorageEngine, view: StreamView, iterator: ShardIterator, limit: number, region: string): RecordsPage {
  const prefix = streamRecordPrefix(iterator.partitionId, view.schema.startMs);
  const start = streamRecordKey(iterator.partitionId, view.schema.startMs, iterator.afterSequence + 1);
  const records: StreamRecordWire[] = [];
  let lastSequence = iterator.afterSequence;
  let sizeBytes = 0;
  for (const entry of engine.range({ start, end: prefixEnd(prefix) })) {
    const stored = decodeJson<StoredStreamRecord>(entry.value);
    if (stored.window > iterator.window) return { records, lastSequence, ending: 'shardEnd' };
    if (stored.window < iterator.window) continue;
    const record = renderRecord(stored, view, iterator.partitionId, region);
    if (records.length === limit || (records.length > 0 && sizeBytes + record.dynamodb.SizeBytes > streamLimits.getRecordsBytesMax)) {
      return { records, lastSequence, ending: 'pageFull' };
    }
    records.push(record);
    sizeBytes += record.dynamodb.SizeBytes;
    lastSequence = stored.sequence;
  }
  return { records, lastSequence, ending: 'caughtUp' };
}

export function renderRecord(stored: StoredStreamRecord, view: StreamView, partitionId: number, region: string): StreamRecordWire {
  const images = { ...(stored.newImage === undefined ? {} : { NewImage: stored.newImage }), ...(stored.oldImage === undefined ? {} : { OldImage: stored.oldImage }) };
  const sizeBytes = itemSizeBytes(stored.keys) + (stored.newImage === undefined ? 0 : itemSizeBytes(stored.newImage)) + (stored.oldImage === undefined ? 0 : itemSizeBytes(stored.oldImage));
  return {
    eventID: eventIdOf(view.schema.startMs, partitionId, stored.sequence),
    eventName: stored.eventName,
    eventVersion: streamLimits.eventVersion,
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    dynamodb: {
      // DynamoDB rounds the creation time down to the second.
      ApproximateCreationDateTime: Math.floor(stored.timeMs / 1000),
      Keys: stored.keys,
      ...images,
      SequenceNumber: formatSequenceNumber({ partitionId, window: stored.window, sequence: stored.sequence }),
      SizeBytes: sizeBytes,
      StreamViewType: view.schema.viewType,
    },
    ...(stored.origin === 'timeToLive' ? { userIdentity: TIME_TO_LIVE_IDENTITY } : {}),
  };
}
