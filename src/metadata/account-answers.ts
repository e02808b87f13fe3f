/**
 * DescribeLimits and DescribeEndpoints: answers that depend only on the account's region.
 *
 * DescribeLimits reports DynamoDB's default quotas (80,000 RCU/WCU per account, 40,000 per table), not
 * what is left. DescribeEndpoints names the regional endpoint, cached for 1,440 minutes, as DynamoDB
 * answers (`aws dynamodb describe-endpoints` shows `dynamodb.<region>.amazonaws.com`).
 */
import { limits } from '../lib/limits.js';
import { controlPlaneLimits } from './control-plane-limits.js';

export interface DescribeLimitsResult {
  readonly AccountMaxReadCapacityUnits: number;
  readonly AccountMaxWriteCapacityUnits: number;
  readonly TableMaxReadCapacityUnits: number;
  readonly TableMaxWriteCapacityUnits: number;
}

export interface DescribeEndpointsResult {
  readonly Endpoints: readonly { readonly Address: string; readonly CachePeriodInMinutes: number }[];
}

export function describeLimits(): DescribeLimitsResult {
  return {
    AccountMaxReadCapacityUnits: limits.accountReadCapacityUnitsMax,
    AccountMaxWriteCapacityUnits: limits.accountWriteCapacityUnitsMax,
    TableMaxReadCapacityUnits: limits.tableReadCapacityUnitsMax,
    TableMaxWriteCapacityUnits: limits.tableWriteCapacityUnitsMax,
  };
}

/** `address` overrides the advertised endpoint, for a server that is not reachable under AWS's name. */
export function describeEndpoints(region: string, address?: string): DescribeEndpointsResult {
  return {
    Endpoints: [{ Address: address ?? `dynamodb.${region}.amazonaws.com`, CachePeriodInMinutes: controlPlaneLimits.endpointCachePeriodMinutes }],
  };
}
