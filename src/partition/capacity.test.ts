import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readCapacityUnits, writeCapacityUnits } from './capacity.js';

describe('capacity units', () => {
  test('a read unit covers 4 KB strongly consistent, half that eventually, twice in a transaction', () => {
    assert.equal(readCapacityUnits(0, 'strong'), 1);
    assert.equal(readCapacityUnits(0, 'eventual'), 0.5);
    assert.equal(readCapacityUnits(4096, 'strong'), 1);
    assert.equal(readCapacityUnits(4097, 'strong'), 2);
    assert.equal(readCapacityUnits(4097, 'eventual'), 1);
    assert.equal(readCapacityUnits(10_000, 'transactional'), 6);
  });

  test('a write unit covers 1 KB, twice in a transaction, at least one unit', () => {
    assert.equal(writeCapacityUnits(0), 1);
    assert.equal(writeCapacityUnits(1024), 1);
    assert.equal(writeCapacityUnits(1025), 2);
    assert.equal(writeCapacityUnits(400 * 1024), 400);
    assert.equal(writeCapacityUnits(1, true), 2);
    assert.equal(writeCapacityUnits(2049, true), 6);
  });
});
