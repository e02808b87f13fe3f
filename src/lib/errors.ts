/**
 * The one catalogue of client-visible errors: each DynamoDB error type with its wire prefix and HTTP status.
 * It lists exactly the errors the server can return; docs/errors.md describes each, and a test keeps the
 * two in step. (A body over 16 MB is answered 413 with no body, before any of these apply.)
 * Everything a client can see as an error is a DynamoDbError built from this table; the protocol layer
 * turns it into `{"__type": prefix + type, "message": ...}` with the status below.
 */
const DYNAMODB = 'com.amazonaws.dynamodb.v20120810#';
const CORAL_SERVICE = 'com.amazon.coral.service#';
const CORAL_VALIDATE = 'com.amazon.coral.validate#';

export const errorCatalogue = {
  ValidationException: { prefix: CORAL_VALIDATE, status: 400 },
  /** DynamoDB names this error's message member `Message`, with a capital M. */
  SerializationException: { prefix: CORAL_SERVICE, status: 400, messageMember: 'Message' },
  UnknownOperationException: { prefix: CORAL_SERVICE, status: 400 },
  MissingAuthenticationTokenException: { prefix: CORAL_SERVICE, status: 400 },
  IncompleteSignatureException: { prefix: CORAL_SERVICE, status: 400 },
  InvalidSignatureException: { prefix: CORAL_SERVICE, status: 400 },
  UnrecognizedClientException: { prefix: CORAL_SERVICE, status: 400 },
  InternalServerError: { prefix: DYNAMODB, status: 500 },
  ServiceUnavailable: { prefix: DYNAMODB, status: 503 },
  ResourceNotFoundException: { prefix: DYNAMODB, status: 400 },
  ResourceInUseException: { prefix: DYNAMODB, status: 400 },
  LimitExceededException: { prefix: DYNAMODB, status: 400 },
  ConditionalCheckFailedException: { prefix: DYNAMODB, status: 400 },
  ProvisionedThroughputExceededException: { prefix: DYNAMODB, status: 400 },
  ThrottlingException: { prefix: CORAL_SERVICE, status: 400 },
  TransactionConflictException: { prefix: DYNAMODB, status: 400 },
  TransactionCanceledException: { prefix: DYNAMODB, status: 400 },
  TransactionInProgressException: { prefix: DYNAMODB, status: 400 },
  IdempotentParameterMismatchException: { prefix: DYNAMODB, status: 400 },
  ExpiredIteratorException: { prefix: DYNAMODB, status: 400 },
  TrimmedDataAccessException: { prefix: DYNAMODB, status: 400 },
} as const satisfies Record<string, { prefix: string; status: number; messageMember?: 'Message' }>;

export type ErrorType = keyof typeof errorCatalogue;

export class DynamoDbError extends Error {
  override readonly name = 'DynamoDbError';
  /** Extra top-level fields of the error body (e.g. CancellationReasons, Item). */
  readonly extra: Readonly<Record<string, unknown>> | undefined;

  constructor(
    readonly type: ErrorType,
    message: string,
    extra?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.extra = extra;
  }

  get status(): number {
    return errorCatalogue[this.type].status;
  }

  get wireType(): string {
    return errorCatalogue[this.type].prefix + this.type;
  }

  /** The member the message goes in: `message` for nearly every error. */
  get messageMember(): 'message' | 'Message' {
    const entry = errorCatalogue[this.type];
    return 'messageMember' in entry ? entry.messageMember : 'message';
  }
}

export function validationError(message: string): DynamoDbError {
  return new DynamoDbError('ValidationException', message);
}

/** DynamoDB's prefix for most semantic validation failures of parameter values. */
export function invalidParameter(detail: string): DynamoDbError {
  return validationError(`One or more parameter values were invalid: ${detail}`);
}

export function serializationError(message: string): DynamoDbError {
  return new DynamoDbError('SerializationException', message);
}

export function resourceNotFound(message = 'Requested resource not found'): DynamoDbError {
  return new DynamoDbError('ResourceNotFoundException', message);
}

export function resourceInUse(message: string): DynamoDbError {
  return new DynamoDbError('ResourceInUseException', message);
}
