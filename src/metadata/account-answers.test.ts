import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEndpoints, describeLimits } from './account-answers.js';

describe('account answers', () => {
  it('reports DynamoDB default quotas', () => {
    assert.deepEqual(describeLimits(), {
      AccountMaxReadCapacityUnits: 80000,
      AccountMaxWriteCapacityUnits: 80000,
      TableMaxReadCapacityUnits: 40000,
      TableMaxWriteCapacityUnits: 40000,
    });
  });

  it('names the regional endpoint, cached for a day', () => {
    assert.deepEqual(describeEndpoints('ap-northeast-2'), { Endpoints: [{ Address: 'dynamodb.ap-northeast-2.amazonaws.com', CachePeriodInMinutes: 1440 }] });
    assert.deepEqual(describeEndpoints('us-east-1', 'localhost:8000').Endpoints[0]?.Address, 'localhost:8000');
  });
});
