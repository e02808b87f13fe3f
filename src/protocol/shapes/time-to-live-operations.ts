/** Request shapes of UpdateTimeToLive and DescribeTimeToLive. Member order is DynamoDB's model order. */
import type { DescribeTimeToLiveRequest, TimeToLiveSpecification, UpdateTimeToLiveRequest } from '../../metadata/time-to-live.js';
import { timeToLiveLimits } from '../../metadata/time-to-live-limits.js';
import { tableNameOfTableOperation } from './common-shapes.js';
import { operationShape } from './operation.js';
import { tableNameIsGiven } from './preconditions.js';
import { boolean, required, string, structure } from './shape.js';

export const updateTimeToLive = operationShape<UpdateTimeToLiveRequest>(
  'UpdateTimeToLive',
  {
    TableName: required(tableNameOfTableOperation()),
    TimeToLiveSpecification: required(
      structure<TimeToLiveSpecification>('TimeToLiveSpecification', {
        Enabled: required(boolean()),
        // No minimum here: DynamoDB answers an empty name with a message of its own, after the constraints.
        AttributeName: required(string({ lengthMax: timeToLiveLimits.attributeNameLengthMax })),
      }),
    ),
  },
  [tableNameIsGiven],
);

export const describeTimeToLive = operationShape<DescribeTimeToLiveRequest>(
  'DescribeTimeToLive',
  { TableName: required(tableNameOfTableOperation()) },
  [tableNameIsGiven],
);
