/**
 * Protocol scenarios for the membership cores as text scripts with golden output (testdata/*.txt): each
 * command, a `----` line, then what it printed, then a blank line. `UPDATE_GOLDEN=1 node --test
 * dist/src/membership/scenarios.test.js` rewrites the outputs; review the diff before keeping it.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ScenarioHarness } from './scenario-harness.test-support.js';

const testdataDirectory = fileURLToPath(new URL('../../../src/membership/testdata/', import.meta.url));
const rewrite = process.env['UPDATE_GOLDEN'] === '1';

interface Step {
  readonly command: string;
  readonly expected: string;
  readonly comments: readonly string[];
}

function parseScript(text: string): Step[] {
  const steps: Step[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((line) => line.trim() !== '');
    const firstCommand = lines.findIndex((line) => !line.startsWith('#'));
    if (firstCommand < 0) continue;
    const comments = lines.slice(0, firstCommand);
    const body = lines.slice(firstCommand);
    const separator = body.indexOf('----');
    const command = body[0];
    if (command === undefined) continue;
    steps.push({ command, expected: separator < 0 ? '' : body.slice(separator + 1).join('\n'), comments });
  }
  return steps;
}

function formatScript(steps: readonly Step[], outputs: readonly string[]): string {
  return `${steps.map((step, index) => [...step.comments, step.command, '----', outputs[index] ?? ''].join('\n')).join('\n\n')}\n`;
}

const files = readdirSync(testdataDirectory).filter((name) => name.endsWith('.txt')).sort();

describe('membership scenarios', () => {
  it('has scenario files', () => assert.ok(files.length >= 4));

  for (const file of files) {
    const path = testdataDirectory + file;
    const steps = parseScript(readFileSync(path, 'utf8'));
    it(file, () => {
      const harness = new ScenarioHarness();
      const outputs = steps.map((step) => harness.run(step.command));
      if (rewrite) writeFileSync(path, formatScript(steps, outputs));
      else steps.forEach((step, index) => assert.equal(outputs[index], step.expected, `${file}: ${step.command}`));
    });
  }
});
