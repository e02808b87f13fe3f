import type { KeySchema, SecondaryIndexKeySchema } from '../model/key-schema.js';

/** Which attributes an index copies from the table item, besides the table's and the index's keys. */
export type Projection =
  | { readonly type: 'ALL' }
  | { readonly type: 'KEYS_ONLY' }
  | { readonly type: 'INCLUDE'; readonly nonKeyAttributes: readonly string[] };

/** A hash range [hashStart, next partition's hashStart) of a table or index, held by one partition. */
export interface PartitionRange {
  readonly partitionId: number;
  /** Inclusive lower bound of the 32-bit partition-key hash. */
  readonly hashStart: number;
}

export interface LocalIndexSchema {
  readonly name: string;
  /** Stable position of the index in its table (LSIs never change after creation). */
  readonly number: number;
  readonly key: KeySchema;
  readonly projection: Projection;
}

export interface GlobalIndexSchema {
  readonly name: string;
  readonly key: KeySchema;
  readonly projection: Projection;
  readonly partitions: readonly PartitionRange[];
}

/** What a stream keeps of each change; DynamoDB's StreamViewType. */
export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';

/** The table's enabled stream: it consumes the write log from the moment it was enabled. */
export interface StreamSchema {
  /** When the stream was enabled (its label's time): the stream's identity within the table. */
  readonly startMs: number;
  readonly viewType: StreamViewType;
}

/** What a partition needs to know about its table: keys, indexes and stream. Derived from the catalogue. */
export interface PartitionSchema {
  readonly tableName: string;
  readonly key: KeySchema;
  readonly localIndexes: readonly LocalIndexSchema[];
  readonly globalIndexes: readonly GlobalIndexSchema[];
  readonly stream?: StreamSchema | undefined;
}

/** The key schemas of every secondary index, for the index key-type checks of a write. */
export function secondaryIndexKeys(schema: PartitionSchema): SecondaryIndexKeySchema[] {
  return [...schema.localIndexes, ...schema.globalIndexes].map((index) => ({ indexName: index.name, keySchema: index.key }));
}
