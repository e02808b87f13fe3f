import type { Item } from '../../model/attribute-value.js';
import { DynamoDbError } from '../../lib/errors.js';

/** One entry of CancellationReasons, as DynamoDB writes it. */
export interface CancellationReason {
  readonly Code: string;
  readonly Message?: string;
  readonly Item?: Item;
}

export const noReason: CancellationReason = { Code: 'None' };

export const cancellationReasons = {
  conditionFailed: (item: Item | undefined): CancellationReason =>
    item === undefined
      ? { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }
      : { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: item },
  conflict: (): CancellationReason => ({ Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }),
  validation: (message: string): CancellationReason => ({ Code: 'ValidationError', Message: message }),
} as const;

/**
 * TransactionCanceledException: the message lists every action's code in request order, and the
 * CancellationReasons member gives each action's reason (None for those that would have succeeded).
 */
export function transactionCanceled(reasons: readonly CancellationReason[]): DynamoDbError {
  const codes = reasons.map((reason) => reason.Code).join(', ');
  return new DynamoDbError(
    'TransactionCanceledException',
    `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes}]`,
    { CancellationReasons: reasons },
  );
}
