/**
 * TableClass. DynamoDB checks the value itself (not as an enum of the API model), with its own message;
 * a table that never set one reports no TableClassSummary and is STANDARD.
 */
import type { TableClass } from './control-plane-requests.js';
import { tableErrors } from './table-errors.js';

const tableClasses: readonly TableClass[] = ['STANDARD', 'STANDARD_INFREQUENT_ACCESS'];

export function checkTableClass(value: string): TableClass {
  const tableClass = tableClasses.find((candidate) => candidate === value);
  if (tableClass === undefined) throw tableErrors.invalidTableClass();
  return tableClass;
}

export function effectiveTableClass(tableClass: TableClass | undefined): TableClass {
  return tableClass ?? 'STANDARD';
}
