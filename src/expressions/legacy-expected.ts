/**
 * Expected and ConditionalOperator (PutItem, UpdateItem, DeleteItem) as a condition tree, with DynamoDB's
 * validation. Each entry is checked in full, in map order, before the next:
 * 1. how its members combine (Exists, Value, AttributeValueList, ComparisonOperator);
 * 2. its attribute values, and the running size of names and values (no larger than an item);
 * 3. the operator's arguments (legacy-comparison.ts).
 * ConditionalOperator is checked after every entry.
 */
import type { AttributeValue } from '../model/attribute-value.js';
import type { Condition } from './ast.js';
import type { LegacyConditionalOperator, LegacyExpectedAttributeValue, LegacyMap } from './legacy-parameters.js';
import { isPresent } from './legacy-parameters.js';
import { invalidParameter } from '../lib/errors.js';
import { validateAttributeValue } from '../model/validate-attribute-value.js';
import { attributeValueSizeBytes, itemTooLargeError } from '../model/item-size.js';
import { utf8ByteLength } from '../model/utf8.js';
import { limits } from '../lib/limits.js';
import { checkConditionalOperator, joinConditions, literal, attributePath, operatorCondition, validateComparisonArguments } from './legacy-comparison.js';

/**
 * The condition Expected asks for, or undefined when there is none to check. `expected` and
 * `conditionalOperator` may be absent (undefined or JSON null).
 */
export function convertExpected(
  expected: LegacyMap<LegacyExpectedAttributeValue> | null | undefined,
  conditionalOperator?: LegacyConditionalOperator | null,
): Condition | undefined {
  const conditions: Condition[] = [];
  const entries = isPresent(expected) ? Object.entries(expected) : [];
  const runningSize = { bytes: 0 };
  for (const [name, entry] of entries) conditions.push(convertExpectedAttribute(name, entry, runningSize));
  const operator = isPresent(conditionalOperator) ? conditionalOperator : undefined;
  checkConditionalOperator(operator, isPresent(expected) ? entries.length : undefined);
  return joinConditions(conditions, operator);
}

function convertExpectedAttribute(name: string, entry: LegacyExpectedAttributeValue, runningSize: { bytes: number }): Condition {
  checkMembers(name, entry);
  const operator = isPresent(entry.ComparisonOperator) ? entry.ComparisonOperator : undefined;
  const values = entryValues(entry);
  runningSize.bytes += utf8ByteLength(name) + values.reduce((total, value) => total + attributeValueSizeBytes(value), 0);
  if (runningSize.bytes > limits.itemSizeBytesMax) throw itemTooLargeError();
  if (operator !== undefined) {
    validateComparisonArguments(operator, values);
    return operatorCondition(name, operator, values);
  }
  const [value] = values;
  if (entry.Exists === false || value === undefined) return { kind: 'attributeNotExists', path: attributePath(name) };
  // A Value alone, with Exists true or absent, means the attribute equals it.
  return { kind: 'comparison', comparator: '=', left: attributePath(name), right: literal(value) };
}

/** The member combinations DynamoDB refuses, in the order it reports them. */
function checkMembers(name: string, entry: LegacyExpectedAttributeValue): void {
  const hasExists = isPresent(entry.Exists);
  const hasOperator = isPresent(entry.ComparisonOperator);
  const hasValue = isPresent(entry.Value);
  const hasList = isPresent(entry.AttributeValueList);
  const forAttribute = ` for Attribute: ${name}`;
  if (hasExists && hasOperator) throw invalidParameter(`Exists and ComparisonOperator cannot be used together${forAttribute}`);
  if (hasValue && hasList) throw invalidParameter(`Value and AttributeValueList cannot be used together${forAttribute}`);
  if (!hasOperator && hasList) throw invalidParameter(`AttributeValueList can only be used with a ComparisonOperator${forAttribute}`);
  if (entry.Exists === false && hasValue) throw invalidParameter(`Value cannot be used when Exists is false${forAttribute}`);
  if (hasValue || hasList) return;
  const operator = entry.ComparisonOperator;
  if (isPresent(operator)) {
    if (operator === 'NULL' || operator === 'NOT_NULL') return;
    throw invalidParameter(`Value or AttributeValueList must be used with ComparisonOperator: ${operator}${forAttribute}`);
  }
  if (entry.Exists === false) return;
  throw invalidParameter(`Value must be provided when Exists is ${entry.Exists === true ? 'true' : 'null'}${forAttribute}`);
}

/** The validated arguments: the AttributeValueList, or the Value as a list of one. */
function entryValues(entry: LegacyExpectedAttributeValue): AttributeValue[] {
  if (isPresent(entry.AttributeValueList)) return entry.AttributeValueList.map((value) => validateAttributeValue(value));
  if (isPresent(entry.Value)) return [validateAttributeValue(entry.Value)];
  return [];
}
