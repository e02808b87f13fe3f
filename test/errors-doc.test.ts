import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { errorCatalogue } from '../src/lib/errors.js';

/** docs/errors.md lists exactly the catalogue's errors, each with its status and wire type. */
describe('docs/errors.md', () => {
  const text = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  const rows = text
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---') && !line.startsWith('| type'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));

  it('documents every error in the catalogue, and nothing else', () => {
    assert.deepEqual(rows.map(([type]) => type).sort(), Object.keys(errorCatalogue).sort());
  });

  it('gives each its status and wire type', () => {
    for (const [type, status, wireType] of rows) {
      const entry = errorCatalogue[type as keyof typeof errorCatalogue];
      assert.equal(status, String(entry.status), type);
      assert.equal(wireType, `\`${entry.prefix}${type}\``, type);
    }
  });
});
