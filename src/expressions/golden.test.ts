/**
 * Golden cases for every expression kind: text (with names, values and key attributes) → printed tree or
 * DynamoDB's exact error message. `UPDATE_GOLDEN=1 node --test dist/src/expressions/golden.test.js`
 * rewrites the expected outputs; review the diff before keeping it.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DynamoDbError } from '../lib/errors.js';
import type { AttributeValue, Item } from '../model/attribute-value.js';
import { validateItem } from '../model/validate-attribute-value.js';
import { applyUpdate } from './apply-update.js';
import type { Bindings } from './bindings.js';
import type { Condition, Projection, UpdateExpression } from './ast.js';
import { type GoldenCase, formatGoldenFile, parseGoldenFile } from './golden-cases.test-support.js';
import {
  parseConditionExpression,
  parseFilterExpression,
  parseKeyConditionExpression,
  parseProjectionExpression,
  parseUpdateExpression,
  printCondition,
  printProjection,
  printUpdate,
  validateCondition,
  validateExpressionAttributes,
  validateKeyCondition,
  validateKeyConditionSchema,
  validateUpdateExpression,
} from './index.js';

// Compiled tests run from dist/src/expressions; the golden files stay in the source tree.
const goldenDirectory = fileURLToPath(new URL('../../../src/expressions/golden/', import.meta.url));
const rewrite = process.env['UPDATE_GOLDEN'] === '1';

/** Control characters are escaped so every golden file stays one readable line per output. */
function runGoldenCase(golden: GoldenCase): string {
  return outcome(golden).replace(/[\u0000-\u001f\u007f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function outcome(golden: GoldenCase): string {
  try {
    return describeOutcome(golden);
  } catch (error) {
    if (!(error instanceof DynamoDbError)) throw error;
    return error.type === 'ValidationException' ? `error: ${error.message}` : `error: ${error.type}: ${error.message}`;
  }
}

function describeOutcome(golden: GoldenCase): string {
  const maps = { names: golden.names, values: golden.values };
  switch (golden.kind) {
    case 'condition':
    case 'filter': {
      const tree: Condition = golden.kind === 'condition' ? parseConditionExpression(golden.text) : parseFilterExpression(golden.text);
      const bindings = validateExpressionAttributes(golden.kind === 'condition' ? { condition: tree } : { filter: tree }, maps);
      validateCondition(golden.kind === 'condition' ? 'ConditionExpression' : 'FilterExpression', tree, bindings);
      return printCondition(tree);
    }
    case 'key': {
      const tree = parseKeyConditionExpression(golden.text);
      const bindings = validateExpressionAttributes({ keyCondition: tree }, maps);
      validateCondition('KeyConditionExpression', tree, bindings);
      const parts = validateKeyCondition(tree, bindings);
      validateKeyConditionSchema(parts, { partitionKey: golden.keys[0] ?? 'pk', sortKey: golden.keys[1] ?? 'sk' });
      return `${printCondition(tree)} keys: ${parts.map((part) => `${part.attributeName} ${printCondition(part.condition)}`).join('; ')}`;
    }
    case 'projection': {
      const tree: Projection = parseProjectionExpression(golden.text);
      validateExpressionAttributes({ projection: tree }, maps);
      return printProjection(tree);
    }
    case 'update': {
      const tree: UpdateExpression = parseUpdateExpression(golden.text);
      const bindings = validateExpressionAttributes({ update: tree }, maps);
      validateUpdateExpression(tree, bindings, golden.keys);
      if (golden.item === undefined) return printUpdate(tree);
      return `item ${JSON.stringify(applyGoldenUpdate(golden, tree, bindings))}`;
    }
  }
}

/** Applies an update case to its item, as UpdateItem does: the item, or the key when there is none. */
function applyGoldenUpdate(golden: GoldenCase, tree: UpdateExpression, bindings: Bindings): Item {
  const item = golden.item === null || golden.item === undefined ? undefined : validateItem(golden.item);
  const key: Record<string, AttributeValue> = {};
  if (item !== undefined) for (const name of golden.keys) if (item[name] !== undefined) key[name] = item[name];
  const requestKey = golden.key === undefined ? key : validateItem(golden.key);
  return applyUpdate(tree, item, requestKey, bindings).item;
}

const files = readdirSync(goldenDirectory).filter((name) => name.endsWith('.txt')).sort();

describe('expression golden files', () => {
  it('hold at least 300 cases', () => {
    const total = files.reduce((sum, file) => sum + parseGoldenFile(readFileSync(goldenDirectory + file, 'utf8')).length, 0);
    assert.ok(total >= 300, `only ${total} golden cases`);
  });

  for (const file of files) {
    const path = goldenDirectory + file;
    const cases = parseGoldenFile(readFileSync(path, 'utf8'));
    if (rewrite) {
      it(`${file}: rewritten`, () => writeFileSync(path, formatGoldenFile(cases, cases.map(runGoldenCase))));
      continue;
    }
    describe(file, () => {
      for (const golden of cases) {
        it(`line ${golden.line}: ${golden.kind} ${JSON.stringify(golden.text).slice(0, 80)}`, () => {
          assert.equal(runGoldenCase(golden), golden.expected);
        });
      }
    });
  }
});
