import type { Condition, Projection } from '../../expressions/index.js';
import { projectItem } from '../../partition/projection.js';
import type { TableRoute } from '../../router/router.js';
import type { PageShaping } from './read-page-response.js';
import { type ReadExpressions, namedAttributes } from './read-expressions.js';
import { fetchesTableItems, type ReadIndex, type SelectMembers } from './read-select.js';
import { startKeyNames } from './read-start-key.js';

/** The members of a Query or Scan that shape its answer once the table is known. */
export interface ReadShapeMembers extends SelectMembers {
  readonly ConsistentRead?: boolean;
  readonly ReturnConsumedCapacity?: string;
}

export interface ReadPlan {
  readonly fetchTableItems: boolean;
  readonly shaping: PageShaping;
}

/**
 * What a read fetches and how its page is answered. A local index that must fetch table items (for
 * ALL_ATTRIBUTES, or for attributes a filter or projection names that it does not project) still answers
 * its own projection unless ALL_ATTRIBUTES or a projection was asked for.
 */
export function readPlan(
  request: ReadShapeMembers,
  route: TableRoute,
  index: ReadIndex | undefined,
  expressions: ReadExpressions,
  legacy: { readonly filter: Condition | undefined; readonly projection: Projection | undefined },
): ReadPlan {
  const filter = expressions.filter ?? legacy.filter;
  const projection = expressions.projection ?? legacy.projection;
  const fetchTableItems = fetchesTableItems(request, index, route.schema.key, namedAttributes(filter, projection, expressions.bindings));
  const reproject =
    fetchTableItems && index !== undefined && request.Select !== 'ALL_ATTRIBUTES'
      ? (item: Parameters<typeof projectItem>[0]) => projectItem(item, route.schema.key, index.index.key, index.index.projection)
      : undefined;
  return {
    fetchTableItems,
    shaping: {
      route,
      index,
      filter,
      projection,
      bindings: expressions.bindings,
      countOnly: request.Select === 'COUNT',
      consistentRead: request.ConsistentRead === true,
      returnConsumedCapacity: request.ReturnConsumedCapacity,
      startKeyNames: startKeyNames(route, index),
      reproject,
    },
  };
}
