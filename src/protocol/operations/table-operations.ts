import type { OperationName } from '../shapes/index.js';
import { validateRequest } from '../request-validation.js';
import type { TimeToLiveControlPlane } from './time-to-live-operations.js';

type Response = Record<string, unknown>;

/**
 * The control plane as the front door sees it: table operations on requests that passed shape validation.
 * The embedded node implements it in-process (cluster/embedded-control-plane.ts); a cluster node would
 * forward to the metadata service. Each method throws DynamoDbError for what DynamoDB refuses.
 */
export interface ControlPlane extends TimeToLiveControlPlane {
  createTable(request: unknown): Promise<Response>;
  describeTable(request: unknown): Response;
  listTables(request: unknown): Response;
  updateTable(request: unknown): Promise<Response>;
  deleteTable(request: unknown): Promise<Response>;
  tagResource(request: unknown): Promise<Response>;
  untagResource(request: unknown): Promise<Response>;
  listTagsOfResource(request: unknown): Response;
  describeLimits(): Response;
  describeEndpoints(): Response;
}

export function createTableOperations(controlPlane: ControlPlane): Record<string, (body: unknown) => unknown> {
  const validated =
    <T>(operation: OperationName, run: (body: unknown) => T) =>
    (body: unknown): T => {
      validateRequest(operation, body);
      return run(body);
    };
  return {
    CreateTable: validated('CreateTable', (body) => controlPlane.createTable(body)),
    DescribeTable: validated('DescribeTable', (body) => controlPlane.describeTable(body)),
    ListTables: validated('ListTables', (body) => controlPlane.listTables(body)),
    UpdateTable: validated('UpdateTable', (body) => controlPlane.updateTable(body)),
    DeleteTable: validated('DeleteTable', (body) => controlPlane.deleteTable(body)),
    TagResource: validated('TagResource', (body) => controlPlane.tagResource(body)),
    UntagResource: validated('UntagResource', (body) => controlPlane.untagResource(body)),
    ListTagsOfResource: validated('ListTagsOfResource', (body) => controlPlane.listTagsOfResource(body)),
    DescribeLimits: validated('DescribeLimits', () => controlPlane.describeLimits()),
    DescribeEndpoints: validated('DescribeEndpoints', () => controlPlane.describeEndpoints()),
  };
}
