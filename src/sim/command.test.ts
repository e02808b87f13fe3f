import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/dynacell.js', import.meta.url));

function sim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, 'sim', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('dynacell sim', () => {
  it('writes one CSV row per virtual second and sums the run up on stderr', () => {
    const run = sim('outage-2015', '--profile', 'naive', '--seed', '3', '--nodes', '60', '--duration', '120', '--cut-at', '30', '--cut-duration', '10');
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, 121);
    assert.ok(lines[0]?.startsWith('second,goodput,serving'));
    assert.match(run.stderr, /^naive g=3 f=0\.5 D=10s seed=3: /);
  });

  it('answers bad flags with the usage and exit code 2', () => {
    const run = sim('outage-2015', '--profile', 'optimistic');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--profile must be naive or hardened/);
    assert.equal(sim('outage-2015', '--bogus').status, 2);
    assert.equal(sim('weather').status, 2);
  });
});
