import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { grownPartitionCount, indexArnFor, partitionCountFor, raisedWarmThroughput, streamArnFor, tableArnFor } from './table-definition.js';

describe('table definition helpers', () => {
  it('builds ARNs the way DynamoDB does', () => {
    const table = tableArnFor('eu-west-1', '111111111111', 'orders');
    assert.equal(table, 'arn:aws:dynamodb:eu-west-1:111111111111:table/orders');
    assert.equal(indexArnFor(table, 'by-date'), 'arn:aws:dynamodb:eu-west-1:111111111111:table/orders/index/by-date');
    assert.equal(streamArnFor(table, '2026-10-08T23:07:31.275'), 'arn:aws:dynamodb:eu-west-1:111111111111:table/orders/stream/2026-10-08T23:07:31.275');
  });

  it('sizes provisioned tables at 3,000 RCU and 1,000 WCU a partition, on-demand ones at 4', () => {
    const cases: [number, number, number][] = [
      [1, 1, 1],
      [3000, 1000, 2],
      [2000, 1, 1],
      [2999, 2, 2],
      [3001, 1, 2],
      [6000, 1000, 3],
      [1, 4500, 5],
      [40000, 40000, 54],
    ];
    for (const [read, write, partitions] of cases) {
      assert.equal(partitionCountFor('PROVISIONED', { readCapacityUnits: read, writeCapacityUnits: write }), partitions, `${read}/${write}`);
    }
    assert.equal(partitionCountFor('PAY_PER_REQUEST', { readCapacityUnits: 0, writeCapacityUnits: 0 }), 4);
  });

  it('never shrinks the partition count', () => {
    assert.equal(grownPartitionCount(5, 'PROVISIONED', { readCapacityUnits: 1, writeCapacityUnits: 1 }), 5);
    assert.equal(grownPartitionCount(1, 'PROVISIONED', { readCapacityUnits: 9000, writeCapacityUnits: 1 }), 4);
    assert.equal(grownPartitionCount(1, 'PAY_PER_REQUEST', { readCapacityUnits: 0, writeCapacityUnits: 0 }), 4);
  });

  it('raises warm throughput to the highest capacity ever provisioned and never lowers it', () => {
    const first = raisedWarmThroughput(undefined, 'PROVISIONED', { readCapacityUnits: 3, writeCapacityUnits: 3 });
    assert.deepEqual(first, { readUnitsPerSecond: 3, writeUnitsPerSecond: 3 });
    assert.deepEqual(raisedWarmThroughput(first, 'PROVISIONED', { readCapacityUnits: 1, writeCapacityUnits: 5 }), { readUnitsPerSecond: 3, writeUnitsPerSecond: 5 });
    assert.deepEqual(raisedWarmThroughput(first, 'PAY_PER_REQUEST', { readCapacityUnits: 0, writeCapacityUnits: 0 }), { readUnitsPerSecond: 12000, writeUnitsPerSecond: 4000 });
  });
});
