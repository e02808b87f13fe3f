/**
 * Cost of the expression language on typical expressions: parsing (uncached: the cache cleared before every
 * parse; cached: the same text again), evaluating conditions against an item, and applying updates.
 *
 *   npm run build && node dist/bench/expressions.js [--seconds 1] [--repeats 5]
 *
 * Prints a markdown table of operations per second: the median of the repeats, with min and max.
 */
import { parseArgs } from 'node:util';
import type { Item } from '../src/model/attribute-value.js';
import type { Bindings } from '../src/expressions/bindings.js';
import { applyUpdate } from '../src/expressions/apply-update.js';
import { evaluateCondition } from '../src/expressions/evaluate-condition.js';
import { expressionCache, parseConditionExpression, parseProjectionExpression, parseUpdateExpression } from '../src/expressions/parse-expression.js';
import { projectExpression } from '../src/expressions/project-item.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '1' }, repeats: { type: 'string', default: '5' } } });
const secondsPerCase = Number(values.seconds);
const repeats = Number(values.repeats);

const item: Item = {
  pk: { S: 'customer#1234' },
  sk: { S: 'order#2026-11-26#0001' },
  status: { S: 'PENDING' },
  total: { N: '149.95' },
  version: { N: '7' },
  tags: { SS: ['gift', 'express'] },
  lines: { L: [{ M: { sku: { S: 'A-1' }, quantity: { N: '2' } } }, { M: { sku: { S: 'B-7' }, quantity: { N: '1' } } }] },
  address: { M: { city: { S: 'Dublin' }, postcode: { S: 'D02' } } },
};
const key: Item = { pk: item['pk']!, sk: item['sk']! };
const bindings: Bindings = {
  names: { '#s': 'status', '#t': 'total', '#l': 'lines' },
  values: { ':pending': { S: 'PENDING' }, ':v': { N: '7' }, ':min': { N: '100' }, ':one': { N: '1' }, ':shipped': { S: 'SHIPPED' }, ':tag': { SS: ['priority'] } },
};

const condition = 'attribute_exists(pk) AND #s = :pending AND version = :v AND #t >= :min';
const update = 'SET #s = :shipped, version = version + :one ADD tags :tag REMOVE address.postcode';
const projection = 'pk, #s, #l[0].sku, address.city';

interface Case {
  readonly name: string;
  readonly run: () => unknown;
}

const cases: Case[] = [
  { name: 'parse condition (uncached)', run: () => (expressionCache.clear(), parseConditionExpression(condition)) },
  { name: 'parse condition (cached)', run: () => parseConditionExpression(condition) },
  { name: 'parse update (uncached)', run: () => (expressionCache.clear(), parseUpdateExpression(update)) },
  { name: 'parse update (cached)', run: () => parseUpdateExpression(update) },
  { name: 'evaluate condition', run: () => evaluateCondition(parseConditionExpression(condition), item, bindings) },
  { name: 'apply update', run: () => applyUpdate(parseUpdateExpression(update), item, key, bindings) },
  { name: 'project item', run: () => projectExpression(item, parseProjectionExpression(projection), bindings) },
];

function operationsPerSecond(testCase: Case): number {
  const deadline = performance.now() + secondsPerCase * 1000;
  let operations = 0;
  const start = performance.now();
  while (performance.now() < deadline) {
    for (let index = 0; index < 100; index++) testCase.run();
    operations += 100;
  }
  return operations / ((performance.now() - start) / 1000);
}

const results = new Map<string, number[]>(cases.map((testCase) => [testCase.name, []]));
for (let repeat = 0; repeat < repeats; repeat++) {
  // Interleaved: every case once per round, so a noisy moment hurts all cases alike.
  for (const testCase of cases) results.get(testCase.name)!.push(operationsPerSecond(testCase));
}

const format = (value: number): string => Math.round(value).toLocaleString('en-US');
console.log(`| expression work | median ops/s | min | max |\n| --- | ---: | ---: | ---: |`);
for (const [name, samples] of results) {
  const sorted = [...samples].sort((left, right) => left - right);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`| ${name} | ${format(median)} | ${format(sorted[0]!)} | ${format(sorted[sorted.length - 1]!)} |`);
}
