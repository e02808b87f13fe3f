import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DynamoDbError } from '../lib/errors.js';
import { TokenBucket } from '../partition/token-bucket.js';
import { BURST_CREDIT_SECONDS, ThroughputGovernor, type TableLimits } from './throughput-governor.js';

describe('TokenBucket', () => {
  test('starts with its burst credit, refills at its rate up to it, and may go into debt', () => {
    const bucket = new TokenBucket(2, 300, 0);
    assert.equal(bucket.available(0), 600);
    bucket.consume(650, 0);
    assert.equal(bucket.available(0), -50);
    assert.equal(bucket.hasTokens(0), false);
    assert.equal(bucket.available(25_000), 0);
    assert.equal(bucket.hasTokens(25_001), true);
    assert.equal(bucket.available(10_000_000), 600, 'never more than the burst credit');
  });

  test('a clock that goes back refills nothing', () => {
    const bucket = new TokenBucket(1, 10, 5_000);
    bucket.consume(10, 5_000);
    assert.equal(bucket.available(1_000), 0);
  });
});

describe('ThroughputGovernor', () => {
  const limits: TableLimits = {
    table: { mode: 'provisioned', arn: 'arn:table', read: 1, write: 1 },
    globalIndexes: new Map([['gsi', { mode: 'provisioned', arn: 'arn:table/index/gsi', read: 2, write: 1 }]]),
  };

  const thrown = (run: () => void): DynamoDbError => {
    try {
      run();
    } catch (error) {
      assert.ok(error instanceof DynamoDbError);
      return error;
    }
    assert.fail('expected a throttling error');
  };

  test('admits while tokens remain and throttles once the burst credit is spent, with DynamoDB\'s answer', () => {
    let now = 0;
    const governor = new ThroughputGovernor(true, () => now);
    governor.configure('t', limits);
    governor.admit('t', 'write');
    governor.charge('t', 'write', { table: BURST_CREDIT_SECONDS });
    const error = thrown(() => governor.admit('t', 'write'));
    assert.equal(error.type, 'ProvisionedThroughputExceededException');
    assert.equal(
      error.message,
      'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
    );
    assert.deepEqual(error.extra, { ThrottlingReasons: [{ reason: 'TableWriteProvisionedThroughputExceeded', resource: 'arn:table' }] });
    governor.admit('t', 'read');
    now = 1_001;
    governor.admit('t', 'write');
  });

  test('a write waits for every global index; a read of an index draws on the index', () => {
    const governor = new ThroughputGovernor(true, () => 0);
    governor.configure('t', limits);
    governor.charge('t', 'write', { table: 1, globalIndexes: new Map([['gsi', BURST_CREDIT_SECONDS]]) });
    const error = thrown(() => governor.admit('t', 'write'));
    assert.match(error.message, /one or more global secondary indexes/);
    assert.deepEqual(error.extra, { ThrottlingReasons: [{ reason: 'IndexWriteProvisionedThroughputExceeded', resource: 'arn:table/index/gsi' }] });
    governor.charge('t', 'read', { table: 2 * BURST_CREDIT_SECONDS }, 'gsi');
    assert.match(thrown(() => governor.admit('t', 'read', 'gsi')).message, /global secondary indexes/);
    governor.admit('t', 'read');
  });

  test('on-demand tables are limited only by their configured maxima, with ThrottlingException', () => {
    const governor = new ThroughputGovernor(true, () => 0);
    governor.configure('t', { table: { mode: 'onDemand', arn: 'arn:od', read: 5 }, globalIndexes: new Map() });
    governor.charge('t', 'write', { table: 1e9 });
    governor.admit('t', 'write');
    governor.charge('t', 'read', { table: 5 * BURST_CREDIT_SECONDS });
    const error = thrown(() => governor.admit('t', 'read'));
    assert.equal(error.type, 'ThrottlingException');
    assert.deepEqual(error.extra, { ThrottlingReasons: [{ reason: 'TableReadMaxOnDemandThroughputExceeded', resource: 'arn:od' }] });
  });

  test('disabled, it throttles nothing', () => {
    const governor = new ThroughputGovernor(false, () => 0);
    governor.configure('t', limits);
    governor.charge('t', 'write', { table: 1e9 });
    governor.admit('t', 'write');
  });

  test('reconfiguring with the same rates keeps the buckets; a new rate starts a new bucket', () => {
    const governor = new ThroughputGovernor(true, () => 0);
    governor.configure('t', limits);
    governor.charge('t', 'write', { table: BURST_CREDIT_SECONDS });
    governor.configure('t', limits);
    thrown(() => governor.admit('t', 'write'));
    governor.configure('t', { ...limits, table: { ...limits.table, write: 10 } });
    governor.admit('t', 'write');
  });
});
