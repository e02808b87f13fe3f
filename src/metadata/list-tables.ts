/**
 * ListTables paging (DynamoDB, as recorded by the 2026 ack-api-quirks lab): names in byte order (upper
 * case before lower case), pages of `Limit` names (at most 100, the default too), continuing after
 * ExclusiveStartTableName whether or not that table exists, and LastEvaluatedTableName only when more
 * names follow the page. Tables being created or deleted are listed.
 */
import type { ListTablesRequest } from './control-plane-requests.js';
import { limits } from '../lib/limits.js';

export interface ListTablesResult {
  readonly TableNames: readonly string[];
  readonly LastEvaluatedTableName?: string;
}

/** Byte order of table names: they are ASCII, so UTF-16 code unit order is byte order. */
export function compareTableNames(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** `sortedNames` in `compareTableNames` order. */
export function listTableNames(sortedNames: readonly string[], request: ListTablesRequest = {}): ListTablesResult {
  const limit = Math.min(request.Limit ?? limits.listTablesLimitMax, limits.listTablesLimitMax);
  const start = request.ExclusiveStartTableName;
  const first = start === undefined ? 0 : firstAfter(sortedNames, start);
  const page = sortedNames.slice(first, first + limit);
  const last = page[page.length - 1];
  if (first + limit >= sortedNames.length || last === undefined) return { TableNames: page };
  return { TableNames: page, LastEvaluatedTableName: last };
}

function firstAfter(sortedNames: readonly string[], start: string): number {
  let low = 0;
  let high = sortedNames.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareTableNames(sortedNames[middle] as string, start) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
