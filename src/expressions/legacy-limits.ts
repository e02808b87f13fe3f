/**
 * Limits of DynamoDB's legacy (pre-expression) parameters, by name. Units last.
 */
export const legacyLimits = {
  /** KeyConditions name the partition key and at most the sort key. */
  keyConditionsCountMin: 1,
  keyConditionsCountMax: 2,
  /** ConditionalOperator joins conditions, so DynamoDB refuses it with fewer than two. */
  conditionalOperatorConditionsMin: 2,
} as const;
