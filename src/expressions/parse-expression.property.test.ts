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

/** Mostly well-formed choices, with a rare reserved word or unbound placeholder to reach those errors. */
function mostly<T>(common: readonly T[], rare: readonly T[]): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: fc.constantFrom(...common), weight: 19 }, { arbitrary: fc.constantFrom(...rare), weight: 1 });
}

const valueArbitrary = mostly([':v', ':w', ':x', ':y', ':z'], [':missing']);
const pathArbitrary = fc
  .tuple(mostly(['a', 'b', 'pk', 'sk', '#n', '#m'], ['value', '#missing']), fc.array(fc.constantFrom('.c', '.#n', '[0]', '[1]'), { maxLength: 2 }))
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

const boundValues: Readonly<Record<string, unknown>> = { ':v': { S: 'x' }, ':w': { N: '1' }, ':x': { L: [] }, ':y': { SS: ['a'] }, ':z': { S: 'S' } };

/**
 * Maps that bind exactly the placeholders the text uses, then perturbed: a placeholder left out, an
 * unused or invalid entry added, or a map dropped.
 */
function bindingsFor(text: string, perturbation: number): { names?: Record<string, string>; values?: Record<string, unknown> } {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  for (const token of tokenize(text)) {
    if (token.kind === 'nameReference' && token.text !== '#missing') names[token.text] = token.text === '#m' ? 'pk' : 'a';
    if (token.kind === 'valueReference' && token.text !== ':missing') values[token.text] = boundValues[token.text] ?? { N: '2' };
  }
  if (perturbation === 1) names['#unused'] = 'u';
  if (perturbation === 2) values[':bad'] = { N: 'nope' };
  if (perturbation === 3) delete values[Object.keys(values)[0] ?? ''];
  return {
    ...(Object.keys(names).length > 0 || perturbation === 4 ? { names } : {}),
    ...(Object.keys(values).length > 0 || perturbation === 5 ? { values } : {}),
  };
}

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

it(`parses and validates ${runsCount} generated and mutated expressions with only ValidationExceptions`, (context) => {
  const started = performance.now();
  let acceptedCount = 0;
  const anyTextArbitrary = fc.oneof(conditionArbitrary, updateArbitrary, projectionArbitrary);
  const grammarFor = (kind: Kind) =>
    kind === 'update' ? updateArbitrary : kind === 'projection' ? projectionArbitrary : conditionArbitrary;
  // Mostly text of the kind's own grammar; sometimes another grammar's text.
  const caseArbitrary = fc
    .constantFrom<Kind>('condition', 'filter', 'key', 'update', 'projection')
    .chain((kind) => fc.tuple(fc.constant(kind), fc.oneof({ arbitrary: grammarFor(kind), weight: 9 }, { arbitrary: anyTextArbitrary, weight: 1 })));
  fc.assert(
    fc.property(
      caseArbitrary,
      fc.array(mutationArbitrary, { maxLength: 3 }),
      fc.constantFrom(' ', '', '  '),
      fc.nat({ max: 12 }),
      ([kind, text], mutations, separator, perturbation) => {
        const mutated = mutate(text, mutations, separator);
        const { names, values } = bindingsFor(mutated, perturbation);
        try {
          exercise(kind, mutated, names, values);
          acceptedCount++;
        } catch (error) {
          assert.ok(error instanceof DynamoDbError, `${kind} ${JSON.stringify(mutated)} threw ${String(error)}`);
          assert.equal(error.type, 'ValidationException', `${kind} ${JSON.stringify(mutated)}`);
        }
      },
    ),
    { numRuns: runsCount, seed: 20261126 },
  );
  // The generators must reach the success paths too, not only the error paths.
  assert.ok(acceptedCount > runsCount / 100, `only ${acceptedCount} expressions were accepted`);
  const elapsedMs = performance.now() - started;
  context.diagnostic(`${acceptedCount} of ${runsCount} accepted in ${Math.round(elapsedMs)} ms`);
  // A generous bound (about 15 s on an idle machine): it catches parse time gone pathological, not noise.
  assert.ok(elapsedMs < 180_000, `took ${Math.round(elapsedMs)} ms`);
});
