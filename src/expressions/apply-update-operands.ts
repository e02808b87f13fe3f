/**
 * The checks DynamoDB makes on an UpdateExpression's operands before reading the item: operands whose
 * type is known from the bound values alone (a value placeholder, or the list list_append makes) must
 * suit their operator. Types read from the item are checked when the update applies, with the message
 * "An operand in the update expression has an incorrect data type".
 */
import type { AttributeType } from '../model/attribute-value.js';
import type { SetOperand, SetValue, UpdateAction, UpdateExpression } from './ast.js';
import { type Bindings, boundValue } from './bindings.js';
import { attributeTypeOf } from '../model/key-schema.js';
import { validationError } from '../lib/errors.js';
import { unreachable } from '../lib/assert.js';

/** The type names DynamoDB uses in ADD and DELETE messages. */
const typeWords: Readonly<Record<AttributeType, string>> = {
  S: 'STRING',
  N: 'NUMBER',
  B: 'BINARY',
  BOOL: 'BOOLEAN',
  NULL: 'NULL',
  SS: 'STRING_SET',
  NS: 'NUMBER_SET',
  BS: 'BINARY_SET',
  L: 'LIST',
  M: 'MAP',
};

const addOperandTypes: readonly AttributeType[] = ['N', 'SS', 'NS', 'BS'];
const deleteOperandTypes: readonly AttributeType[] = ['SS', 'NS', 'BS'];

/**
 * Throws DynamoDB's ValidationException for the first operand of the wrong type. DynamoDB judges ADD and
 * DELETE operands before any SET function or operator (`SET b = list_append(:s, a) ADD c :s` with a string
 * :s reports ADD), so those come first; within each group, expression order.
 */
export function validateUpdateOperands(update: UpdateExpression, bindings: Bindings): void {
  const ordered = [
    ...update.actions.filter((action) => action.kind === 'add' || action.kind === 'delete'),
    ...update.actions.filter((action) => action.kind === 'set'),
  ];
  for (const action of ordered) {
    const problem = actionProblem(action, bindings);
    if (problem !== undefined) throw validationError(`Invalid UpdateExpression: ${problem}`);
  }
}

function actionProblem(action: UpdateAction, bindings: Bindings): string | undefined {
  switch (action.kind) {
    case 'set':
      return setValueProblem(action.value, bindings);
    case 'remove':
      return undefined;
    case 'add':
    case 'delete': {
      const type = staticType(action.value, bindings);
      const allowed = action.kind === 'add' ? addOperandTypes : deleteOperandTypes;
      if (type === undefined || allowed.includes(type)) return undefined;
      const operator = action.kind === 'add' ? 'ADD' : 'DELETE';
      return `Incorrect operand type for operator or function; operator: ${operator}, operand type: ${typeWords[type]}, typeSet: ALLOWED_FOR_${operator}_OPERAND`;
    }
    default:
      return unreachable(action, 'update action');
  }
}

function setValueProblem(value: SetValue, bindings: Bindings): string | undefined {
  if (value.kind !== 'plus' && value.kind !== 'minus') return operandProblem(value, bindings);
  const operator = value.kind === 'plus' ? '+' : '-';
  return (
    operandProblem(value.left, bindings) ??
    operandProblem(value.right, bindings) ??
    typeProblem(operator, value.left, 'N', bindings) ??
    typeProblem(operator, value.right, 'N', bindings)
  );
}

function operandProblem(operand: SetOperand, bindings: Bindings): string | undefined {
  if (operand.kind === 'ifNotExists') return operandProblem(operand.fallback, bindings);
  if (operand.kind !== 'listAppend') return undefined;
  return (
    operandProblem(operand.first, bindings) ??
    operandProblem(operand.second, bindings) ??
    typeProblem('list_append', operand.first, 'L', bindings) ??
    typeProblem('list_append', operand.second, 'L', bindings)
  );
}

function typeProblem(functionName: string, operand: SetOperand, expected: AttributeType, bindings: Bindings): string | undefined {
  const type = staticType(operand, bindings);
  if (type === undefined || type === expected) return undefined;
  return `Incorrect operand type for operator or function; operator or function: ${functionName}, operand type: ${type}`;
}

/** The type of an operand known without the item, or undefined when it depends on the item. */
function staticType(operand: SetOperand, bindings: Bindings): AttributeType | undefined {
  switch (operand.kind) {
    case 'valueReference':
      return attributeTypeOf(boundValue(bindings, operand.placeholder));
    case 'literal':
      return attributeTypeOf(operand.value);
    case 'listAppend':
      return 'L';
    case 'size':
      return 'N';
    case 'path':
    case 'ifNotExists':
      return undefined;
    default:
      return unreachable(operand, 'update operand');
  }
}
