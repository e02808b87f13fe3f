import { validateRequest } from '../request-validation.js';

type Response = Record<string, unknown>;

/**
 * The control plane's Time to Live operations, on requests that passed shape validation; each method
 * throws DynamoDbError for what DynamoDB refuses. The table keeps its setting (see metadata/time-to-live.ts).
 */
export interface TimeToLiveControlPlane {
  updateTimeToLive(request: unknown): Promise<Response>;
  describeTimeToLive(request: unknown): Response;
}

export function createTimeToLiveOperations(controlPlane: TimeToLiveControlPlane): Record<string, (body: unknown) => unknown> {
  return {
    UpdateTimeToLive: (body) => {
      validateRequest('UpdateTimeToLive', body);
      return controlPlane.updateTimeToLive(body);
    },
    DescribeTimeToLive: (body) => {
      validateRequest('DescribeTimeToLive', body);
      return controlPlane.describeTimeToLive(body);
    },
  };
}
