/**
 * The value of a condition operand against an item: a path's value, a bound or literal value, or
 * size(path). Undefined means "no value": a missing path, or size() of a type without a size; every
 * comparison with no value is false.
 */
import type { AttributeValue, Item } from '../model/attribute-value.js';
import type { Operand } from './ast.js';
import { type Bindings, boundValue } from './bindings.js';
import { resolvePath, valueAtPath } from './document-path.js';
import { unreachable } from '../lib/assert.js';
import { base64DecodedLength } from '../model/base64.js';
import { utf8ByteLength } from '../model/utf8.js';

export function evaluateOperand(operand: Operand, item: Item | undefined, bindings: Bindings): AttributeValue | undefined {
  switch (operand.kind) {
    case 'path':
      return valueAtPath(item, resolvePath(operand, bindings));
    case 'valueReference':
      return boundValue(bindings, operand.placeholder);
    case 'literal':
      return operand.value;
    case 'size': {
      const value = valueAtPath(item, resolvePath(operand.path, bindings));
      const size = value === undefined ? undefined : sizeOf(value);
      return size === undefined ? undefined : { N: String(size) };
    }
    default:
      return unreachable(operand, 'operand');
  }
}

/**
 * size() as DynamoDB defines it: a string's length (counted in UTF-8 bytes, as DynamoDB counts string
 * sizes everywhere), a binary's bytes, the members of a set, the elements of a list or map. Numbers,
 * booleans and nulls have no size, and a condition on their size is simply false.
 */
export function sizeOf(value: AttributeValue): number | undefined {
  if ('S' in value) return utf8ByteLength(value.S);
  if ('B' in value) return base64DecodedLength(value.B);
  if ('SS' in value) return value.SS.length;
  if ('NS' in value) return value.NS.length;
  if ('BS' in value) return value.BS.length;
  if ('L' in value) return value.L.length;
  if ('M' in value) return Object.keys(value.M).length;
  return undefined;
}
