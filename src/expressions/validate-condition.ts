/**
 * The checks DynamoDB makes on a condition once its placeholders are bound and before it reads any item:
 * the two operands of a comparison or function must not be the same path, and operands given as values
 * must suit their function (begins_with takes strings or binaries, attribute_type a type name, BETWEEN
 * bounds of one type in order). Each node's "same path" problem outranks its operand-type problems.
 */
import { unreachable } from '../lib/assert.js';
import type { AttributeType, AttributeValue } from '../model/attribute-value.js';
import { attributeTypes } from '../model/attribute-value.js';
import { base64Decode } from '../model/base64.js';
import { compareBytes } from '../model/key-encoding.js';
import { attributeTypeOf } from '../model/key-schema.js';
import { compareNumbers } from '../model/number.js';
import type { Condition, Operand } from './ast.js';
import type { Bindings } from './bindings.js';
import { type ExpressionKind, expressionError } from './expression-errors.js';
import { pathForMessage, resolvePath } from './document-path.js';

export function validateCondition(kind: ExpressionKind, condition: Condition, bindings: Bindings): void {
  const check = new ConditionCheck(kind, bindings);
  // Node by node in reading order, as DynamoDB reports them (dynalite scan.js records
  // `attribute_type(a, size(a)) and a=a` answered with the operand type, not the later `a=a`).
  for (const node of nodesOf(condition)) {
    check.distinct(node);
    check.operandTypes(node);
  }
}

/** The comparisons and functions of a condition, in reading order. */
function nodesOf(condition: Condition): Condition[] {
  if (condition.kind === 'and' || condition.kind === 'or') return [...nodesOf(condition.left), ...nodesOf(condition.right)];
  if (condition.kind === 'not') return nodesOf(condition.condition);
  return [condition];
}

class ConditionCheck {
  constructor(
    private readonly kind: ExpressionKind,
    private readonly bindings: Bindings,
  ) {}

  distinct(condition: Condition): void {
    switch (condition.kind) {
      case 'and':
      case 'or':
        this.distinct(condition.left);
        return this.distinct(condition.right);
      case 'not':
        return this.distinct(condition.condition);
      case 'comparison':
        return this.requireDistinct(condition.comparator, condition.left, condition.right);
      case 'attributeType':
        return this.requireDistinct('attribute_type', condition.path, condition.type);
      case 'beginsWith':
        return this.requireDistinct('begins_with', condition.subject, condition.prefix);
      case 'contains':
        return this.requireDistinct('contains', condition.subject, condition.operand);
      case 'between':
      case 'in':
      case 'attributeExists':
      case 'attributeNotExists':
        return;
      default:
        unreachable(condition);
    }
  }

  private requireDistinct(operator: string, first: Operand, second: Operand): void {
    if (first.kind !== 'path' || second.kind !== 'path') return;
    const left = resolvePath(first, this.bindings);
    const right = resolvePath(second, this.bindings);
    if (left.length !== right.length || left.some((element, index) => element !== right[index])) return;
    throw expressionError(
      this.kind,
      `The first operand must be distinct from the remaining operands for this operator or function; operator: ${operator}, first operand: ${pathForMessage(left)}`,
    );
  }

  operandTypes(condition: Condition): void {
    switch (condition.kind) {
      case 'and':
      case 'or':
        this.operandTypes(condition.left);
        return this.operandTypes(condition.right);
      case 'not':
        return this.operandTypes(condition.condition);
      case 'beginsWith':
        for (const operand of [condition.subject, condition.prefix]) {
          const type = this.typeOf(operand);
          if (type !== undefined && type !== 'S' && type !== 'B') throw this.operandTypeError('begins_with', type);
        }
        return;
      case 'attributeType':
        return this.checkTypeName(condition.type);
      case 'between':
        return this.checkBounds(condition.lower, condition.upper);
      case 'comparison':
      case 'in':
      case 'contains':
      case 'attributeExists':
      case 'attributeNotExists':
        return;
      default:
        unreachable(condition);
    }
  }

  private valueOf(operand: Operand): AttributeValue | undefined {
    if (operand.kind === 'literal') return operand.value;
    if (operand.kind === 'valueReference') return this.bindings.values[operand.placeholder];
    return undefined;
  }

  /** The type an operand is known to have before any item is read: a value's, or N for size(). */
  private typeOf(operand: Operand): AttributeType | undefined {
    if (operand.kind === 'size') return 'N';
    const value = this.valueOf(operand);
    return value === undefined ? undefined : attributeTypeOf(value);
  }

  private checkTypeName(operand: Operand): void {
    const value = this.valueOf(operand);
    const type = this.typeOf(operand) ?? '{NS,SS,L,BS,N,M,B,BOOL,NULL,S}';
    if (value === undefined || !('S' in value)) throw this.operandTypeError('attribute_type', type);
    if (!(attributeTypes as readonly string[]).includes(value.S)) {
      throw expressionError(this.kind, `Invalid attribute type name found; type: ${value.S}, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}`);
    }
  }

  private checkBounds(lowerOperand: Operand, upperOperand: Operand): void {
    const lower = this.valueOf(lowerOperand);
    const upper = this.valueOf(upperOperand);
    if (lower === undefined || upper === undefined) return;
    const bounds = `lower bound operand: AttributeValue: {${describeValue(lower)}}, upper bound operand: AttributeValue: {${describeValue(upper)}}`;
    if (attributeTypeOf(lower) !== attributeTypeOf(upper)) {
      throw expressionError(this.kind, `The BETWEEN operator requires same data type for lower and upper bounds; ${bounds}`);
    }
    if ((compareScalars(lower, upper) ?? 0) > 0) {
      throw expressionError(this.kind, `The BETWEEN operator requires upper bound to be greater than or equal to lower bound; ${bounds}`);
    }
  }

  private operandTypeError(operator: string, type: string) {
    return expressionError(this.kind, `Incorrect operand type for operator or function; operator or function: ${operator}, operand type: ${type}`);
  }
}

function describeValue(value: AttributeValue): string {
  const type = attributeTypeOf(value);
  const content = (value as Record<string, unknown>)[type];
  return `${type}:${typeof content === 'string' ? content : JSON.stringify(content)}`;
}

/** Orders two scalars of one type as DynamoDB does (strings by UTF-8 bytes); undefined for other types. */
function compareScalars(left: AttributeValue, right: AttributeValue): number | undefined {
  if ('N' in left && 'N' in right) return compareNumbers(left.N, right.N);
  if ('S' in left && 'S' in right) return compareCodePoints(left.S, right.S);
  if ('B' in left && 'B' in right) return compareBytes(base64Decode(left.B), base64Decode(right.B));
  return undefined;
}

/** Code-point order, which is UTF-8 byte order (UTF-16 unit order differs above U+FFFF). */
function compareCodePoints(left: string, right: string): number {
  const leftPoints = Array.from(left);
  const rightPoints = Array.from(right);
  const common = Math.min(leftPoints.length, rightPoints.length);
  for (let index = 0; index < common; index++) {
    const difference = (leftPoints[index] as string).codePointAt(0)! - (rightPoints[index] as string).codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return leftPoints.length - rightPoints.length;
}
