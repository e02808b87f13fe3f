import { itemSizeBytes } from '../../model/item-size.js';
import { DynamoDbError } from '../../lib/errors.js';
import { readCapacityUnits } from '../../partition/capacity.js';
import { writeCapacityOf } from '../../partition/write-capacity.js';
import type { Router } from '../../router/router.js';
import type { ThroughputGovernor } from '../../router/throughput-governor.js';
import { chargeWrites, unitsNeeded } from './operation-throttling.js';
import { requestFingerprint, type TransactionTokens } from '../../router/transaction-idempotency.js';
import type { TransactionItemOutcome } from '../../router/transaction-types.js';
import { validateRequest } from '../request-validation.js';
import type { TransactWriteItemsRequest } from '../shapes/index.js';
import type { TableDirectory } from './item-operations.js';
import { cancellationReasons, noReason, transactionCanceled, type CancellationReason } from './transact-cancellation.js';
import { TransactionCapacity } from './transact-capacity.js';
import { planWriteTransaction, type PlannedAction } from './transact-write-plan.js';

type Response = Record<string, unknown>;

export const idempotencyMessages = {
  mismatch: 'The request cannot be retried because its parameters do not match the original request associated with this ClientRequestToken.',
  inProgress: 'Transaction from previous request is still in progress',
} as const;

/**
 * Under throughput enforcement a transaction whose tables lack capacity is cancelled before it prepares,
 * the throttled action naming DynamoDB's reason code and the others None.
 */
function admitActions(governor: ThroughputGovernor | undefined, actions: readonly PlannedAction[]): void {
  if (governor === undefined) return;
  let throttled = false;
  const reasons: CancellationReason[] = actions.map((action) => {
    try {
      governor.admit(action.route.tableName, action.kind === 'ConditionCheck' ? 'read' : 'write');
      return noReason;
    } catch (error) {
      if (!(error instanceof DynamoDbError)) throw error;
      throttled = true;
      const code = error.type === 'ProvisionedThroughputExceededException' ? 'ProvisionedThroughputExceeded' : 'ThrottlingError';
      return { Code: code, Message: error.message };
    }
  });
  if (throttled) throw transactionCanceled(reasons);
}

/**
 * TransactWriteItems: validation of every action, then the router's two-phase commit; a ClientRequestToken
 * makes a retry within the idempotency window answer as the first request did, without applying it again.
 */
export function createTransactWriteItems(tables: TableDirectory, router: Router, tokens: TransactionTokens, governor?: ThroughputGovernor) {
  const run = async (request: TransactWriteItemsRequest): Promise<Response> => {
    const plan = planWriteTransaction(request.TransactItems, tables);
    if (!plan.ok) {
      const { index, error } = plan.refused;
      throw transactionCanceled(request.TransactItems.map((_, position) => (position === index ? cancellationReasons.validation(error.message) : noReason)));
    }
    admitActions(governor, plan.actions);
    const result = await router.transactWrite(plan.actions);
    if (!result.committed) throw transactionCanceled(result.outcomes.map((outcome, index) => reasonOf(outcome, plan.actions[index])));
    const response: Response = {};
    // Units are read only to charge them while throughput is enforced and to report them when asked.
    if (!unitsNeeded(governor, request.ReturnConsumedCapacity)) return response;
    const capacity = new TransactionCapacity();
    result.outcomes.forEach((outcome, index) => {
      const action = plan.actions[index] as PlannedAction;
      if (action.kind === 'ConditionCheck') {
        const units = readCapacityUnits(outcome.old === undefined ? 0 : itemSizeBytes(outcome.old), 'transactional');
        capacity.addRead(action.route, units);
        governor?.charge(action.route.tableName, 'read', { table: units });
      } else {
        const units = writeCapacityOf(action.route.schema, outcome.old, outcome.new, true);
        capacity.addWrite(action.route, units);
        chargeWrites(governor, action.route.tableName, units);
      }
    });
    const consumed = capacity.render(request.ReturnConsumedCapacity);
    if (consumed !== undefined) response['ConsumedCapacity'] = consumed;
    return response;
  };

  return async function TransactWriteItems(body: unknown): Promise<Response> {
    validateRequest('TransactWriteItems', body);
    const request = body as TransactWriteItemsRequest;
    const token = request.ClientRequestToken;
    if (token === undefined) return run(request);
    const fingerprint = requestFingerprint(withoutToken(request));
    const admission = tokens.admit(token, fingerprint);
    switch (admission.kind) {
      case 'replay':
        return structuredClone(admission.response) as Response;
      case 'mismatch':
        throw new DynamoDbError('IdempotentParameterMismatchException', idempotencyMessages.mismatch);
      case 'inProgress':
        throw new DynamoDbError('TransactionInProgressException', idempotencyMessages.inProgress);
      case 'run':
        break;
    }
    try {
      const response = await run(request);
      tokens.succeeded(token, fingerprint, structuredClone(response));
      return response;
    } catch (error) {
      tokens.failed(token);
      throw error;
    }
  };
}

function withoutToken(request: TransactWriteItemsRequest): Record<string, unknown> {
  return Object.fromEntries(Object.entries(request).filter(([name]) => name !== 'ClientRequestToken'));
}

function reasonOf(outcome: TransactionItemOutcome, action: PlannedAction | undefined): CancellationReason {
  switch (outcome.kind) {
    case 'prepared':
      return noReason;
    case 'conflict':
      return cancellationReasons.conflict();
    case 'rejected':
      if (outcome.reason.kind === 'invalid') return cancellationReasons.validation(outcome.reason.message);
      return cancellationReasons.conditionFailed(action?.returnOldItemOnFailure === true ? outcome.old : undefined);
  }
}
