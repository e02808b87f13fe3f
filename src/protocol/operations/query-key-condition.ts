import type { AttributeValue, KeyValue } from '../../model/attribute-value.js';
import { attributeTypeOf, type KeySchema } from '../../model/key-schema.js';
import { invalidParameter } from '../../lib/errors.js';
import { assert } from '../../lib/assert.js';
import type { Condition, Operand } from '../../expressions/ast.js';
import { type Bindings, boundValue } from '../../expressions/bindings.js';
import { type KeyConditionPart, validateKeyCondition, validateKeyConditionSchema } from '../../expressions/validate-key-condition.js';
import type { SortKeyRange } from '../../partition/partition-reads.js';

/** What a key condition selects: one partition key value, and optionally a sort-key range. */
export interface KeySelection {
  readonly partitionKeyValue: KeyValue;
  readonly sortKeyRange?: SortKeyRange | undefined;
}

/** A KeyConditionExpression's parts, already through validateKeyCondition, matched against the key schema. */
export function keySelectionOf(parts: readonly KeyConditionPart[], key: KeySchema, bindings: Bindings): KeySelection {
  const typedValues = (part: KeyConditionPart): KeyValue[] => {
    const attribute = part.attributeName === key.partitionKey.name ? key.partitionKey : key.sortKey;
    const values = operandValues(part.condition).map((operand) => valueOf(operand, bindings));
    if (attribute === undefined || values.some((value) => attributeTypeOf(value) !== attribute.type)) {
      throw invalidParameter('Condition parameter type does not match schema type');
    }
    return values as KeyValue[];
  };
  validateKeyConditionSchema(parts, { partitionKey: key.partitionKey.name, sortKey: key.sortKey?.name }, typedValues);
  let partitionKeyValue: KeyValue | undefined;
  let sortKeyRange: SortKeyRange | undefined;
  for (const part of parts) {
    const isPartitionKey = part.attributeName === key.partitionKey.name;
    const keyValues = typedValues(part);
    if (isPartitionKey) partitionKeyValue = keyValues[0];
    else sortKeyRange = rangeOf(part.condition, keyValues);
  }
  if (partitionKeyValue === undefined) return impossible('the key condition schema check requires the partition key');
  return { partitionKeyValue, sortKeyRange };
}

/** A legacy KeyConditions condition (literal operands, already checked against the schema). */
export function legacyKeySelection(condition: Condition, key: KeySchema, bindings: Bindings): KeySelection {
  return keySelectionOf(validateKeyCondition(condition, bindings), key, bindings);
}

function operandValues(condition: Condition): Operand[] {
  switch (condition.kind) {
    case 'comparison':
      return [condition.right];
    case 'between':
      return [condition.lower, condition.upper];
    case 'beginsWith':
      return [condition.prefix];
    default:
      return impossible(`key condition of kind ${condition.kind}`);
  }
}

function valueOf(operand: Operand, bindings: Bindings): AttributeValue {
  if (operand.kind === 'valueReference') return boundValue(bindings, operand.placeholder);
  if (operand.kind === 'literal') return operand.value;
  return impossible(`key condition operand of kind ${operand.kind}`);
}

function rangeOf(condition: Condition, values: readonly KeyValue[]): SortKeyRange {
  const [first, second] = values as [KeyValue, KeyValue];
  switch (condition.kind) {
    case 'comparison':
      if (condition.comparator === '<>') return impossible('<> is refused in key conditions');
      return { kind: 'comparison', comparator: condition.comparator, value: first };
    case 'between':
      return { kind: 'between', lower: first, upper: second };
    case 'beginsWith':
      return { kind: 'beginsWith', prefix: first };
    default:
      return impossible(`key condition of kind ${condition.kind}`);
  }
}

function impossible(message: string): never {
  assert(false, message);
}
