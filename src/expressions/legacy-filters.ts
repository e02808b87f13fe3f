/**
 * QueryFilter, ScanFilter (with ConditionalOperator) and KeyConditions as condition trees, with DynamoDB's
 * validation. Every condition's attribute values are validated before its operator's arguments are
 * checked, condition by condition in map order.
 *
 * A Query meets its checks in this order: convertFilter(QueryFilter), then convertKeyConditions (argument
 * checks, the 1-or-2 count, then the key schema once the table is known), then checkQueryFilterKeys.
 */
import type { AttributeValue } from '../model/attribute-value.js';
import type { Condition } from './ast.js';
import type { KeyAttribute, KeySchema } from '../model/key-schema.js';
import type { LegacyComparisonOperator, LegacyCondition, LegacyConditionalOperator, LegacyMap } from './legacy-parameters.js';
import { isPresent } from './legacy-parameters.js';
import { type DynamoDbError, invalidParameter, validationError } from '../lib/errors.js';
import { assert } from '../lib/assert.js';
import { attributeTypeOf, keyAttributes } from '../model/key-schema.js';
import { validateAttributeValue } from '../model/validate-attribute-value.js';
import { checkConditionalOperator, joinConditions, operatorCondition, validateComparisonArguments } from './legacy-comparison.js';
import { legacyLimits } from './legacy-limits.js';

/** A QueryFilter or ScanFilter as a condition, or undefined when there is no filter. */
export function convertFilter(
  filter: LegacyMap<LegacyCondition> | null | undefined,
  conditionalOperator?: LegacyConditionalOperator | null,
): Condition | undefined {
  const conditions: Condition[] = [];
  const entries = isPresent(filter) ? Object.entries(filter) : [];
  for (const [name, condition] of entries) {
    const values = validatedArguments(condition);
    conditions.push(operatorCondition(name, condition.ComparisonOperator, values));
  }
  const operator = isPresent(conditionalOperator) ? conditionalOperator : undefined;
  checkConditionalOperator(operator, isPresent(filter) ? entries.length : undefined);
  return joinConditions(conditions, operator);
}

/** A QueryFilter may not name a key attribute of the table or index queried. */
export function checkQueryFilterKeys(filter: LegacyMap<LegacyCondition> | null | undefined, schema: KeySchema): void {
  if (!isPresent(filter)) return;
  for (const attribute of keyAttributes(schema)) {
    if (Object.hasOwn(filter, attribute.name)) {
      throw validationError(`QueryFilter can only contain non-primary key attributes: Primary key attribute: ${attribute.name}`);
    }
  }
}

/** The parsed KeyConditions, checked without the schema (DynamoDB does this before looking the table up). */
export interface KeyConditions {
  readonly conditions: ReadonlyMap<string, { readonly operator: LegacyComparisonOperator; readonly values: readonly AttributeValue[] }>;
}

/** Validates KeyConditions' arguments and count; the schema checks come later (keyConditionsToCondition). */
export function validateKeyConditions(keyConditions: LegacyMap<LegacyCondition>): KeyConditions {
  const conditions = new Map<string, { operator: LegacyComparisonOperator; values: readonly AttributeValue[] }>();
  for (const [name, condition] of Object.entries(keyConditions)) {
    conditions.set(name, { operator: condition.ComparisonOperator, values: validatedArguments(condition) });
  }
  if (conditions.size < legacyLimits.keyConditionsCountMin || conditions.size > legacyLimits.keyConditionsCountMax) {
    throw validationError('Conditions can be of length 1 or 2 only');
  }
  return { conditions };
}

// Operators that cannot select a contiguous key range.
const nonIndexableOperators: ReadonlySet<LegacyComparisonOperator> = new Set(['NULL', 'NOT_NULL', 'NE', 'CONTAINS', 'NOT_CONTAINS', 'IN']);

/**
 * The key condition for a Query on the table or index with `schema`: equality on the partition key, and
 * optionally one of EQ LE LT GE GT BEGINS_WITH BETWEEN on the sort key. Checks follow the schema order.
 */
export function keyConditionsToCondition(keyConditions: KeyConditions, schema: KeySchema): Condition {
  const { conditions } = keyConditions;
  const parts: Condition[] = [];
  for (const attribute of keyAttributes(schema)) {
    const isPartitionKey = attribute === schema.partitionKey;
    if (isPartitionKey && schema.sortKey === undefined && conditions.size > 1) throw queryKeyConditionNotSupported();
    const condition = conditions.get(attribute.name);
    if (condition === undefined) {
      if (isPartitionKey || conditions.size > 1) throw validationError(`Query condition missed key schema element: ${attribute.name}`);
      continue;
    }
    checkKeyCondition(attribute, isPartitionKey, condition.operator, condition.values);
    parts.push(operatorCondition(attribute.name, condition.operator, condition.values));
  }
  const joined = joinConditions(parts);
  assert(joined !== undefined, 'a key condition names the partition key');
  return joined;
}

/** validateKeyConditions then keyConditionsToCondition, for callers that know the schema up front. */
export function convertKeyConditions(keyConditions: LegacyMap<LegacyCondition>, schema: KeySchema): Condition {
  return keyConditionsToCondition(validateKeyConditions(keyConditions), schema);
}

function checkKeyCondition(
  attribute: KeyAttribute,
  isPartitionKey: boolean,
  operator: LegacyComparisonOperator,
  values: readonly AttributeValue[],
): void {
  if (nonIndexableOperators.has(operator)) throw validationError('Attempted conditional constraint is not an indexable operation');
  if (values.some((value) => attributeTypeOf(value) !== attribute.type)) {
    throw invalidParameter('Condition parameter type does not match schema type');
  }
  if (isPartitionKey && operator !== 'EQ') throw queryKeyConditionNotSupported();
}

function queryKeyConditionNotSupported(): DynamoDbError {
  return validationError('Query key condition not supported');
}

/** Validates a condition's attribute values, then its operator's arguments. */
function validatedArguments(condition: LegacyCondition): AttributeValue[] {
  const list = isPresent(condition.AttributeValueList) ? condition.AttributeValueList : [];
  const values = list.map((value) => validateAttributeValue(value));
  validateComparisonArguments(condition.ComparisonOperator, values);
  return values;
}
