import type { StreamService } from '../protocol/operations/streams-operations.js';
import type { EmbeddedRouter } from '../router/embedded-router.js';
import type { TableRoute } from '../router/router.js';
import type { StorageEngine } from '../storage/engine.js';
import {
  checkShardIterator,
  describeStream,
  getRecords,
  getShardIterator,
  listStreams,
  resolveStream,
  type StreamReadContext,
  type StreamTable,
} from '../streams/stream-operations.js';

type Response = Record<string, unknown>;

/** The tables with streams, as the control plane knows them. */
export interface StreamTables {
  streamTables(): Array<StreamTable & { readonly route: TableRoute }>;
}

/**
 * DynamoDB Streams on the embedded node: each read first brings the stream of the table it touches up to
 * date with the partitions' write logs (so it sees every acknowledged write) and waits until what it may
 * read is durable, then answers from the stream records (streams/).
 */
export class EmbeddedStreams implements StreamService {
  constructor(
    private readonly engine: StorageEngine,
    private readonly router: EmbeddedRouter,
    private readonly catalogue: StreamTables,
    private readonly nowMs: () => number,
    private readonly region: string,
  ) {}

  listStreams(request: Parameters<StreamService['listStreams']>[0]): Response {
    return listStreams(this.catalogue.streamTables(), request);
  }

  async describeStream(request: Parameters<StreamService['describeStream']>[0]): Promise<Response> {
    return describeStream(await this.caughtUp(request.StreamArn), request);
  }

  async getShardIterator(request: Parameters<StreamService['getShardIterator']>[0]): Promise<Response> {
    return getShardIterator(await this.caughtUp(request.StreamArn), request);
  }

  async getRecords(request: Parameters<StreamService['getRecords']>[0]): Promise<Response> {
    const iterator = checkShardIterator(request.ShardIterator, this.nowMs());
    return getRecords(await this.caughtUp(iterator.streamArn), request);
  }

  /** The read context once the stream's table has caught up (unknown streams are refused here). */
  private async caughtUp(streamArn: string): Promise<StreamReadContext> {
    const tables = this.catalogue.streamTables();
    const stream = resolveStream(tables, streamArn);
    const route = tables.find((table) => table.definition.tableName === stream.table.definition.tableName)?.route;
    if (route !== undefined) await this.router.catchUpStreams(route);
    return { tables: this.catalogue.streamTables(), engine: this.engine, nowMs: this.nowMs(), region: this.region };
  }
}
