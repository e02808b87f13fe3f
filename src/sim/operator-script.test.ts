import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AWS_OPERATOR_SCRIPT, parseOperatorScript } from './operator-script.js';

describe('operator script', () => {
  it('reads timed actions in time order', () => {
    assert.deepEqual(parseOperatorScript('1860:resume, 1800:pause,1830:add-capacity=112'), {
      ok: true,
      actions: [
        { atS: 1800, command: { kind: 'pause' } },
        { atS: 1830, command: { kind: 'addCapacity', workers: 112 } },
        { atS: 1860, command: { kind: 'resume' } },
      ],
    });
    assert.equal(parseOperatorScript(AWS_OPERATOR_SCRIPT).ok, true);
  });

  it('refuses what it does not know', () => {
    assert.equal(parseOperatorScript('1800:reboot').ok, false);
    assert.equal(parseOperatorScript('1800:add-capacity=0').ok, false);
  });
});
