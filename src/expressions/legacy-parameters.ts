/**
 * The legacy parameters as the request-shape layer hands them over: member names are DynamoDB's, enum
 * members are already checked, attribute values are only known to be JSON objects until validated here.
 * The protocol layer's request types are assignable to these (expressions may not import protocol).
 */
export type LegacyComparisonOperator =
  | 'EQ' | 'NE' | 'IN' | 'LE' | 'LT' | 'GE' | 'GT' | 'BETWEEN' | 'NOT_NULL' | 'NULL' | 'CONTAINS' | 'NOT_CONTAINS' | 'BEGINS_WITH';

export type LegacyConditionalOperator = 'AND' | 'OR';

export type LegacyAttributeAction = 'ADD' | 'PUT' | 'DELETE';

/** One entry of Expected (PutItem, UpdateItem, DeleteItem). JSON null counts as absent. */
export interface LegacyExpectedAttributeValue {
  readonly AttributeValueList?: readonly unknown[] | null;
  readonly ComparisonOperator?: LegacyComparisonOperator | null;
  readonly Exists?: boolean | null;
  readonly Value?: unknown;
}

/** One entry of KeyConditions, QueryFilter or ScanFilter. */
export interface LegacyCondition {
  readonly AttributeValueList?: readonly unknown[] | null;
  readonly ComparisonOperator: LegacyComparisonOperator;
}

/** One entry of AttributeUpdates (UpdateItem). */
export interface LegacyAttributeValueUpdate {
  readonly Action?: LegacyAttributeAction | null;
  readonly Value?: unknown;
}

export type LegacyMap<T> = Readonly<Record<string, T>>;

/** JSON null reads as absent, as it does for DynamoDB's deserializer. */
export function isPresent<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}
