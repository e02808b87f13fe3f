/**
 * Compact, fully parenthesised text for trees: the golden files' output, and readable in logs. Every binary
 * node is wrapped in parentheses so the printed form shows the parser's grouping.
 */
import { unreachable } from '../lib/assert.js';
import type { Condition, DocumentPath, Operand, Projection, SetOperand, SetValue, UpdateAction, UpdateExpression } from './ast.js';

export function printPath(path: DocumentPath): string {
  let text = '';
  for (const element of path.elements) {
    switch (element.kind) {
      case 'name':
        text += text === '' ? element.name : `.${element.name}`;
        break;
      case 'nameReference':
        text += text === '' ? element.placeholder : `.${element.placeholder}`;
        break;
      case 'index':
        text += `[${element.index}]`;
        break;
      default:
        unreachable(element);
    }
  }
  return text;
}

export function printOperand(operand: Operand): string {
  switch (operand.kind) {
    case 'path':
      return printPath(operand);
    case 'valueReference':
      return operand.placeholder;
    case 'literal':
      return JSON.stringify(operand.value);
    case 'size':
      return `size(${printPath(operand.path)})`;
    default:
      return unreachable(operand);
  }
}

export function printCondition(condition: Condition): string {
  switch (condition.kind) {
    case 'comparison':
      return `(${printOperand(condition.left)} ${condition.comparator} ${printOperand(condition.right)})`;
    case 'between':
      return `(${printOperand(condition.operand)} BETWEEN ${printOperand(condition.lower)} AND ${printOperand(condition.upper)})`;
    case 'in':
      return `(${printOperand(condition.operand)} IN (${condition.candidates.map(printOperand).join(', ')}))`;
    case 'and':
      return `(${printCondition(condition.left)} AND ${printCondition(condition.right)})`;
    case 'or':
      return `(${printCondition(condition.left)} OR ${printCondition(condition.right)})`;
    case 'not':
      return `(NOT ${printCondition(condition.condition)})`;
    case 'attributeExists':
      return `attribute_exists(${printPath(condition.path)})`;
    case 'attributeNotExists':
      return `attribute_not_exists(${printPath(condition.path)})`;
    case 'attributeType':
      return `attribute_type(${printPath(condition.path)}, ${printOperand(condition.type)})`;
    case 'beginsWith':
      return `begins_with(${printOperand(condition.subject)}, ${printOperand(condition.prefix)})`;
    case 'contains':
      return `contains(${printOperand(condition.subject)}, ${printOperand(condition.operand)})`;
    default:
      return unreachable(condition);
  }
}

export function printProjection(projection: Projection): string {
  return projection.paths.map(printPath).join(', ');
}

function printSetOperand(operand: SetOperand): string {
  switch (operand.kind) {
    case 'ifNotExists':
      return `if_not_exists(${printPath(operand.path)}, ${printSetOperand(operand.fallback)})`;
    case 'listAppend':
      return `list_append(${printSetOperand(operand.first)}, ${printSetOperand(operand.second)})`;
    default:
      return printOperand(operand);
  }
}

function printSetValue(value: SetValue): string {
  switch (value.kind) {
    case 'plus':
      return `(${printSetOperand(value.left)} + ${printSetOperand(value.right)})`;
    case 'minus':
      return `(${printSetOperand(value.left)} - ${printSetOperand(value.right)})`;
    default:
      return printSetOperand(value);
  }
}

function printAction(action: UpdateAction): string {
  switch (action.kind) {
    case 'set':
      return `SET ${printPath(action.path)} = ${printSetValue(action.value)}`;
    case 'remove':
      return `REMOVE ${printPath(action.path)}`;
    case 'add':
      return `ADD ${printPath(action.path)} ${printOperand(action.value)}`;
    case 'delete':
      return `DELETE ${printPath(action.path)} ${printOperand(action.value)}`;
    default:
      return unreachable(action);
  }
}

export function printUpdate(update: UpdateExpression): string {
  return update.actions.map(printAction).join('; ');
}
