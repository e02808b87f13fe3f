/**
 * Every expression text a client can send, valid or not, must end in a tree or a ValidationException with
 * DynamoDB's message, never in a crash. Texts come from the grammar and are then mutated token by token
 * (insertions, deletions, swaps, duplications), which reaches the error paths far more often than random
 * characters would.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { DynamoDbError } from '../lib/errors.js';
import {
  type Bindings,
  parseConditionExpression,
  parseFilterExpression,
  parseKeyConditionExpression,
  parseProjectionExpression,
  parseUpdateExpression,
  validateCondition,
  validateExpressionAttributes,
  validateKeyCondition,
  validateUpdateExpression,
} from './index.js';
import { tokenize } from './lexer.js';

const runsCount = 100_000;

const valueArbitrary = fc.constantFrom(':v', ':w', ':x', ':y', ':z', ':missing');
const pathArbitrary = fc
  .tuple(fc.constantFrom('a', 'b', 'pk', 'sk', '#n', '#m', 'value', '#missing'), fc.array(fc.constantFrom('.c', '.#n', '[0]', '[1]'), { maxLength: 3 }))
  .map(([head, tail]) => head + tail.join(''));
const operandArbitrary = fc.oneof(pathArbitrary, valueArbitrary, pathArbitrary.map((path) => `size(${path})`));
const comparatorArbitrary = fc.constantFrom('=', '<>', '<', '<=', '>', '>=');
const functionNameArbitrary = fc.constantFrom('attribute_exists', 'attribute_not_exists', 'attribute_type', 'begins_with', 'contains', 'size', 'foo');

const conditionArbitrary = fc.letrec<{ condition: string; leaf: string }>((tie) => ({
  leaf: fc.oneof(
    fc.tuple(operandArbitrary, comparatorArbitrary, operandArbitrary).map((parts) => parts.join(' ')),
    fc.tuple(operandArbitrary, operandArbitrary, operandArbitrary).map(([operand, lower, upper]) => `${operand} BETWEEN ${lower} AND ${upper}`),
    fc.tuple(operandArbitrary, fc.array(operandArbitrary, { minLength: 1, maxLength: 4 })).map(([operand, list]) => `${operand} IN (${list.join(', ')})`),
    fc.tuple(functionNameArbitrary, fc.array(operandArbitrary, { minLength: 1, maxLength: 3 })).map(([name, args]) => `${name}(${args.join(', ')})`),
  ),
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.tuple(tie('condition'), fc.constantFrom('AND', 'OR', 'and'), tie('condition')).map((parts) => parts.join(' ')),
    tie('condition').map((condition) => `NOT ${condition}`),
    tie('condition').map((condition) => `(${condition})`),
  ),
})).condition;

const setOperandArbitrary = fc.oneof(
  pathArbitrary,
  valueArbitrary,
  fc.tuple(pathArbitrary, valueArbitrary).map(([path, value]) => `if_not_exists(${path}, ${value})`),
  fc.tuple(operandArbitrary, valueArbitrary).map(([first, second]) => `list_append(${first}, ${second})`),
);
const setActionArbitrary = fc
  .tuple(pathArbitrary, setOperandArbitrary, fc.constantFrom('', ' + ', ' - '), setOperandArbitrary)
  .map(([path, left, sign, right]) => `${path} = ${left}${sign === '' ? '' : sign + right}`);
const clauseArbitrary = fc.oneof(
  fc.array(setActionArbitrary, { minLength: 1, maxLength: 3 }).map((actions) => `SET ${actions.join(', ')}`),
  fc.array(pathArbitrary, { minLength: 1, maxLength: 3 }).map((paths) => `REMOVE ${paths.join(', ')}`),
  fc.array(fc.tuple(pathArbitrary, valueArbitrary), { minLength: 1, maxLength: 3 }).map((pairs) => `ADD ${pairs.map((pair) => pair.join(' ')).join(', ')}`),
  fc.array(fc.tuple(pathArbitrary, valueArbitrary), { minLength: 1, maxLength: 3 }).map((pairs) => `DELETE ${pairs.map((pair) => pair.join(' ')).join(', ')}`),
);
const updateArbitrary = fc.array(clauseArbitrary, { minLength: 1, maxLength: 3 }).map((clauses) => clauses.join(' '));
const projectionArbitrary = fc.array(pathArbitrary, { minLength: 1, maxLength: 4 }).map((paths) => paths.join(', '));

const vocabulary = [
  'a', 'value', '#n', ':v', 'AND', 'OR', 'NOT', 'BETWEEN', 'IN', 'SET', 'REMOVE', 'ADD', 'DELETE', 'size', 'foo',
  'if_not_exists', 'list_append', 'begins_with', '(', ')', '[', ']', '.', ',', '=', '<>', '<', '>=', '+', '-',
  '0', '2147483648', '!', '#', ':', 'é', '\u0000', '😀', '((', '))',
];
const mutationArbitrary = fc.record({
  operation: fc.constantFrom('insert', 'delete', 'swap', 'duplicate'),
  position: fc.nat(),
  other: fc.nat(),
  token: fc.constantFrom(...vocabulary),
});

function mutate(text: string, mutations: readonly { operation: string; position: number; other: number; token: string }[], separator: string): string {
  const tokens = tokenize(text).filter((token) => token.kind !== 'whitespace').map((token) => token.text);
  for (const mutation of mutations) {
    const at = tokens.length === 0 ? 0 : mutation.position % tokens.length;
    if (mutation.operation === 'insert') tokens.splice(at, 0, mutation.token);
    else if (mutation.operation === 'delete') tokens.splice(at, 1);
    else if (mutation.operation === 'duplicate' && tokens[at] !== undefined) tokens.splice(at, 0, tokens[at]);
    else if (tokens.length > 1) {
      const other = mutation.other % tokens.length;
      [tokens[at], tokens[other]] = [tokens[other] as string, tokens[at] as string];
    }
  }
  return tokens.join(separator);
}

const namesArbitrary = fc.option(fc.subarray([['#n', 'a'], ['#m', 'pk'], ['#u', 'unused']] as const), { nil: undefined });
const valuesArbitrary = fc.option(
  fc.subarray([
    [':v', { S: 'x' }],
    [':w', { N: '1' }],
    [':x', { L: [] }],
    [':y', { SS: ['a'] }],
    [':z', { S: 'S' }],
    [':bad', { N: 'nope' }],
  ] as const),
  { nil: undefined },
);

type Kind = 'condition' | 'filter' | 'key' | 'update' | 'projection';

function exercise(kind: Kind, text: string, names: Record<string, string> | undefined, values: Record<string, unknown> | undefined): void {
  const maps = { names, values };
  switch (kind) {
    case 'condition':
    case 'filter': {
      const tree = kind === 'condition' ? parseConditionExpression(text) : parseFilterExpression(text);
      const bindings: Bindings = validateExpressionAttributes(kind === 'condition' ? { condition: tree } : { filter: tree }, maps);
      validateCondition(kind === 'condition' ? 'ConditionExpression' : 'FilterExpression', tree, bindings);
      return;
    }
    case 'key': {
      const tree = parseKeyConditionExpression(text);
      const bindings = validateExpressionAttributes({ keyCondition: tree }, maps);
      validateCondition('KeyConditionExpression', tree, bindings);
      validateKeyCondition(tree, bindings);
      return;
    }
    case 'update': {
      const tree = parseUpdateExpression(text);
      validateUpdateExpression(tree, validateExpressionAttributes({ update: tree }, maps), ['pk', 'sk']);
      return;
    }
    case 'projection':
      validateExpressionAttributes({ projection: parseProjectionExpression(text) }, maps);
      return;
  }
}

it(`parses and validates ${runsCount} generated and mutated expressions with only ValidationExceptions`, () => {
  const started = performance.now();
  const kindArbitrary = fc.constantFrom<Kind>('condition', 'filter', 'key', 'update', 'projection');
  const textArbitrary = fc.oneof(conditionArbitrary, updateArbitrary, projectionArbitrary);
  fc.assert(
    fc.property(
      kindArbitrary,
      textArbitrary,
      fc.array(mutationArbitrary, { maxLength: 3 }),
      fc.constantFrom(' ', '', '  '),
      namesArbitrary,
      valuesArbitrary,
      (kind, text, mutations, separator, names, values) => {
        const mutated = mutate(text, mutations, separator);
        try {
          exercise(kind, mutated, names && Object.fromEntries(names), values && Object.fromEntries(values));
        } catch (error) {
          assert.ok(error instanceof DynamoDbError, `${kind} ${JSON.stringify(mutated)} threw ${String(error)}`);
          assert.equal(error.type, 'ValidationException', `${kind} ${JSON.stringify(mutated)}`);
        }
      },
    ),
    { numRuns: runsCount, seed: 20261126 },
  );
  const elapsedMs = performance.now() - started;
  assert.ok(elapsedMs < 60_000, `took ${Math.round(elapsedMs)} ms`);
});
