import type { Item } from '../../model/attribute-value.js';
import type { Bindings, Condition, Projection } from '../../expressions/index.js';
import { evaluateCondition } from '../../expressions/evaluate-condition.js';
import { projectExpression } from '../../expressions/project-item.js';
import { readCapacityUnits, type ReadConsistency } from '../../partition/capacity.js';
import type { ReadPage, TableRoute } from '../../router/router.js';
import { consumedCapacity, type ReturnConsumedCapacity } from '../consumed-capacity.js';
import { lastEvaluatedKey } from './read-start-key.js';
import type { ReadIndex } from './read-select.js';
import { preparedBody, RawJson, type PreparedBody } from '../prepared-body.js';

/** How a page of Query or Scan becomes the response: filter, projection, Select, paging, capacity. */
export interface PageShaping {
  readonly route: TableRoute;
  readonly index: ReadIndex | undefined;
  readonly filter: Condition | undefined;
  readonly projection: Projection | undefined;
  readonly bindings: Bindings;
  readonly countOnly: boolean;
  readonly consistentRead: boolean;
  readonly returnConsumedCapacity: string | undefined;
  readonly startKeyNames: readonly string[];
  /** Applied to each item that passes the filter when no projection is given (an index's projection). */
  readonly reproject?: ((item: Item) => Item) | undefined;
}

type Response = Record<string, unknown>;

/**
 * The filter applies after the read, so ScannedCount counts every item read and Count those that passed;
 * LastEvaluatedKey names the last item read (filtered out or not) when the page stopped at its Limit or at
 * 1 MB. Capacity is charged on the bytes read, rounded up to 4 KB once for the page.
 *
 * An item answered as stored goes into the body as its stored JSON; an item is parsed only for a filter,
 * a projection or an index's reprojection, and for the LastEvaluatedKey of the last one.
 */
export function pageResponse(page: ReadPage, shaping: PageShaping): PreparedBody {
  const matched: RawJson[] = [];
  let count = 0;
  for (const entry of page.entries) {
    if (shaping.filter !== undefined && !evaluateCondition(shaping.filter, entry.item, shaping.bindings)) continue;
    count++;
    if (shaping.countOnly) continue;
    if (shaping.projection !== undefined) matched.push(RawJson.of(projectExpression(entry.item, shaping.projection, shaping.bindings)));
    else if (shaping.reproject !== undefined) matched.push(RawJson.of(shaping.reproject(entry.item)));
    else matched.push(new RawJson(entry.json));
  }
  const response: Response = {};
  if (!shaping.countOnly) response['Items'] = matched;
  response['Count'] = count;
  response['ScannedCount'] = page.entries.length;
  const last = page.entries[page.entries.length - 1];
  if (page.stopped && last !== undefined) response['LastEvaluatedKey'] = lastEvaluatedKey(last.item, shaping.startKeyNames);
  const capacity = pageCapacity(page, shaping);
  if (capacity !== undefined) response['ConsumedCapacity'] = capacity;
  return preparedBody(response);
}

/** The read units a page consumed: the bytes read (index entries and any table items fetched), rounded once. */
export function pageReadUnits(page: ReadPage, shaping: PageShaping): number {
  return readCapacityUnits(page.sizeBytes + page.fetchedSizeBytes, shaping.consistentRead ? 'strong' : 'eventual');
}

function pageCapacity(page: ReadPage, shaping: PageShaping): Record<string, unknown> | undefined {
  const consistency: ReadConsistency = shaping.consistentRead ? 'strong' : 'eventual';
  const units = readCapacityUnits(page.sizeBytes, consistency);
  const mode = shaping.returnConsumedCapacity as ReturnConsumedCapacity | undefined;
  const index = shaping.index;
  if (index === undefined) return consumedCapacity(mode, shaping.route.tableName, { kind: 'read', table: units });
  const fetchedUnits = page.fetchedSizeBytes > 0 ? readCapacityUnits(page.fetchedSizeBytes, consistency) : 0;
  const indexUnits = new Map([[index.index.name, units]]);
  return consumedCapacity(mode, shaping.route.tableName, {
    kind: 'read',
    table: fetchedUnits,
    ...(index.kind === 'local' ? { localIndexes: indexUnits } : { globalIndexes: indexUnits }),
  });
}
