/**
 * Limits that DynamoDB's request model declares but src/lib/limits.ts does not name yet. They live here only
 * until they move into the shared catalogue; everything else comes from `limits`.
 */
export const shapeLimits = {
  /** DynamoDB lists at most this many constraint violations in one ValidationException. */
  validationErrorsListedMax: 10,
  keySchemaElementsMin: 1,
  keySchemaElementsMax: 2,
  capacityUnitsMin: 1,
  /** Legacy AttributesToGet lists hold 1 to 255 names. */
  attributesToGetCountMin: 1,
  attributesToGetCountMax: 255,
  nonKeyAttributesCountMin: 1,
  queryScanLimitMin: 1,
  listTablesLimitMin: 1,
  scanSegmentMin: 0,
  scanSegmentMax: 999_999,
  scanTotalSegmentsMin: 1,
  scanTotalSegmentsMax: 1_000_000,
  /** Batch and transaction request maps and lists must not be empty. */
  requestEntriesMin: 1,
  batchGetKeysMin: 1,
  batchWriteRequestsMin: 1,
  transactionActionsMin: 1,
  tagKeyLengthMin: 1,
  clientRequestTokenLengthMin: 1,
  clientRequestTokenLengthMax: 36,
} as const;
