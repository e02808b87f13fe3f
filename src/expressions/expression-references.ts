/**
 * The placeholders a tree uses, in document order. Literal
 * operands (from legacy parameters) carry no placeholders.
 */
import { unreachable } from '../lib/assert.js';
import type { Condition, DocumentPath, Operand, Projection, SetOperand, SetValue, UpdateExpression } from './ast.js';

export interface Reference {
  readonly kind: 'name' | 'value';
  readonly placeholder: string;
}

export function pathReferences(path: DocumentPath, into: Reference[]): void {
  for (const element of path.elements) {
    if (element.kind === 'nameReference') into.push({ kind: 'name', placeholder: element.placeholder });
  }
}

export function operandReferences(operand: Operand, into: Reference[]): void {
  switch (operand.kind) {
    case 'path':
      return pathReferences(operand, into);
    case 'size':
      return pathReferences(operand.path, into);
    case 'valueReference':
      into.push({ kind: 'value', placeholder: operand.placeholder });
      return;
    case 'literal':
      return;
    default:
      unreachable(operand);
  }
}

export function conditionReferences(condition: Condition, into: Reference[]): void {
  switch (condition.kind) {
    case 'comparison':
      operandReferences(condition.left, into);
      return operandReferences(condition.right, into);
    case 'between':
      for (const operand of [condition.operand, condition.lower, condition.upper]) operandReferences(operand, into);
      return;
    case 'in':
      operandReferences(condition.operand, into);
      for (const candidate of condition.candidates) operandReferences(candidate, into);
      return;
    case 'and':
    case 'or':
      conditionReferences(condition.left, into);
      return conditionReferences(condition.right, into);
    case 'not':
      return conditionReferences(condition.condition, into);
    case 'attributeExists':
    case 'attributeNotExists':
      return pathReferences(condition.path, into);
    case 'attributeType':
      pathReferences(condition.path, into);
      return operandReferences(condition.type, into);
    case 'beginsWith':
      operandReferences(condition.subject, into);
      return operandReferences(condition.prefix, into);
    case 'contains':
      operandReferences(condition.subject, into);
      return operandReferences(condition.operand, into);
    default:
      unreachable(condition);
  }
}

export function projectionReferences(projection: Projection, into: Reference[]): void {
  for (const path of projection.paths) pathReferences(path, into);
}

function setOperandReferences(operand: SetOperand, into: Reference[]): void {
  switch (operand.kind) {
    case 'ifNotExists':
      pathReferences(operand.path, into);
      return setOperandReferences(operand.fallback, into);
    case 'listAppend':
      setOperandReferences(operand.first, into);
      return setOperandReferences(operand.second, into);
    default:
      return operandReferences(operand, into);
  }
}

export function setValueReferences(value: SetValue, into: Reference[]): void {
  if (value.kind === 'plus' || value.kind === 'minus') {
    setOperandReferences(value.left, into);
    return setOperandReferences(value.right, into);
  }
  setOperandReferences(value, into);
}

export function updateReferences(update: UpdateExpression, into: Reference[]): void {
  for (const action of update.actions) {
    pathReferences(action.path, into);
    if (action.kind === 'set') setValueReferences(action.value, into);
    else if (action.kind !== 'remove') operandReferences(action.value, into);
  }
}
