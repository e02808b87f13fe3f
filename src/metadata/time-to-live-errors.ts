/**
 * DynamoDB's answers to UpdateTimeToLive and DescribeTimeToLive, word for word. Sources: dynalite's test
 * suite (recorded against DynamoDB) for "already enabled", "already disabled" and the empty attribute name;
 * published observations of the live service for the others, each marked below.
 */
import { resourceInUse, validationError } from '../lib/errors.js';
import { stillInUse } from './table-errors.js';

export const timeToLiveErrors = {
  alreadyEnabled: () => validationError('TimeToLive is already enabled'),
  alreadyDisabled: () => validationError('TimeToLive is already disabled'),
  /** Observed on the live service; dynalite does not model it. */
  activeOnDifferentAttribute: (current: string) =>
    validationError(`TimeToLive is active on a different AttributeName: current AttributeName is ${current}`),
  /** Observed on the live service (the change interval is documented, the text is not). */
  changedTooRecently: () => validationError('Time to live has been modified multiple times within a fixed interval'),
  emptyAttributeName: () => validationError('TimeToLiveSpecification.AttributeName must be non empty'),
  /** Observed on the live service; note "Table <name>" without the colon of the table operations' message. */
  tableBeingCreated: (tableName: string) => resourceInUse(`${stillInUse}Table ${tableName} is being created`),
  /** Observed on the live service for CREATING and DELETING tables. */
  cannotDescribe: (status: string) =>
    validationError(`Cannot describe time to live while table is in ${status} state: Current table state is ${status}`),
} as const;
