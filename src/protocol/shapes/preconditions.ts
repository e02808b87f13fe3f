/**
 * Checks some operations make after deserialization and before the constraint stage, so their message
 * wins over any "N validation errors detected". They belong to the operation, not to a member, which is
 * why the shape language does not express them.
 */
import { type DynamoDbError, validationError } from '../../lib/errors.js';
import { limits } from '../../lib/limits.js';

/** Receives the deserialized body (every member already of the right JSON type). */
export type Precondition = (body: Readonly<Record<string, unknown>>) => DynamoDbError | undefined;

/** CreateTable, DescribeTable, UpdateTable and DeleteTable name a missing or ill-sized TableName first. */
export const tableNameIsGiven: Precondition = (body) => {
  const name = body['TableName'];
  if (name === null || name === undefined) {
    return validationError("The parameter 'TableName' is required but was not present in the request");
  }
  if (typeof name === 'string' && (name.length < limits.tableNameLengthMin || name.length > limits.tableNameLengthMax)) {
    return validationError(
      `TableName must be at least ${limits.tableNameLengthMin} characters long and at most ${limits.tableNameLengthMax} characters long`,
    );
  }
  return undefined;
};

/**
 * The tag operations authorize against the resource before validating the request, so a missing
 * ResourceArn is refused before anything else is looked at.
 */
export const resourceArnIsGiven: Precondition = (body) => {
  const arn = body['ResourceArn'];
  return arn === null || arn === undefined ? validationError('Invalid TableArn') : undefined;
};
