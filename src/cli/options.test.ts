import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultServerOptions, parseCommandLine } from './options.js';

describe('the Time to Live flags', () => {
  it('default to DynamoDB\'s change interval and the expirer\'s pacing', () => {
    const parsed = parseCommandLine([]);
    assert.equal(parsed.kind, 'serve');
    if (parsed.kind !== 'serve') return;
    assert.equal(parsed.options.ttlChangeIntervalMs, 3_600_000);
    assert.equal(parsed.options.ttlSweepIntervalMs, defaultServerOptions.ttlSweepIntervalMs);
    assert.equal(parsed.options.ttlDeletesPerSecond, defaultServerOptions.ttlDeletesPerSecond);
  });

  it('take integers', () => {
    const parsed = parseCommandLine(['--ttl-interval-ms', '50', '--ttl-deletes-per-second', '300', '--ttl-change-interval-ms', '0']);
    assert.equal(parsed.kind, 'serve');
    if (parsed.kind !== 'serve') return;
    assert.deepEqual(
      { sweep: parsed.options.ttlSweepIntervalMs, deletes: parsed.options.ttlDeletesPerSecond, change: parsed.options.ttlChangeIntervalMs },
      { sweep: 50, deletes: 300, change: 0 },
    );
  });

  it('refuse values that are not integers, or too small', () => {
    for (const [flag, value, minimum] of [
      ['--ttl-interval-ms', '0', 1],
      ['--ttl-interval-ms', '1.5', 1],
      ['--ttl-deletes-per-second', '0', 1],
      ['--ttl-deletes-per-second', 'many', 1],
      ['--ttl-change-interval-ms', '-1', 0],
      ['--ttl-change-interval-ms', '', 0],
    ] as const) {
      assert.deepEqual(parseCommandLine([`${flag}=${value}`]), { kind: 'invalid', message: `${flag} must be an integer of at least ${minimum}, not '${value}'` });
    }
  });
});
