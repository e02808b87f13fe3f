import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { usage } from '../src/cli/options.js';
import { createOperationHandlers } from '../src/protocol/operations/operation-handlers.js';
import type { ControlPlane } from '../src/protocol/operations/table-operations.js';
import type { Router } from '../src/router/router.js';

/** README.md is the front door: its coverage table and flag table must say what the server does. */
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

function tableRows(heading: string): string[][] {
  const section = README.split(`## ${heading}`)[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))
    .slice(1)
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

describe('README', () => {
  it('lists exactly the implemented operations as supported', () => {
    const implemented = new Set(
      createOperationHandlers({
        controlPlane: {} as ControlPlane,
        tables: { routeFor: () => undefined },
        router: {} as Router,
        nowMs: () => 0,
      }).keys(),
    );
    const rows = tableRows('Operation coverage');
    assert.ok(rows.length > 10, 'coverage table found');
    const supported = new Set(rows.filter(([, status]) => status?.startsWith('supported')).map(([name]) => name as string));
    assert.deepEqual([...supported].sort(), [...implemented].sort());
  });

  it('documents every command-line flag', () => {
    const flags = [...usage.matchAll(/^\s+(--[a-z-]+)/gm)].map((match) => match[1] as string);
    assert.ok(flags.length >= 8);
    const documented = new Set(tableRows('The `dynacell` command').map(([flag]) => (flag as string).replace(/`/g, '').split(' ')[0]));
    for (const flag of flags) assert.ok(documented.has(flag), `README documents ${flag}`);
  });
});
