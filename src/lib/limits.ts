/**
 * Every DynamoDB limit dynacell enforces, by name (DESIGN.md §5). Units last.
 */
export const limits = {
  itemSizeBytesMax: 400 * 1024,
  partitionKeyBytesMax: 2048,
  sortKeyBytesMax: 1024,
  tableNameLengthMin: 3,
  tableNameLengthMax: 255,
  indexNameLengthMin: 3,
  indexNameLengthMax: 255,
  attributeNameLengthMin: 1,
  /** Key attribute names (KeySchema, AttributeDefinitions) are at most 255 bytes. */
  keyAttributeNameBytesMax: 255,
  numberSignificantDigitsMax: 38,
  /** Largest magnitude: 9.9999999999999999999999999999999999999E+125, so the decimal exponent is < 126. */
  numberExponentMax: 125,
  /** Smallest non-zero magnitude: 1E-130. */
  numberExponentMin: -130,
  documentNestingDepthMax: 32,
  expressionBytesMax: 4096,
  requestBodyBytesMax: 16 * 1024 * 1024,
  queryScanPageBytesMax: 1024 * 1024,
  batchGetKeysMax: 100,
  batchGetResponseBytesMax: 16 * 1024 * 1024,
  batchWriteRequestsMax: 25,
  transactionActionsMax: 100,
  transactionBytesMax: 4 * 1024 * 1024,
  transactionIdempotencyMs: 10 * 60 * 1000,
  globalSecondaryIndexesPerTableMax: 20,
  localSecondaryIndexesPerTableMax: 5,
  projectedNonKeyAttributesMax: 100,
  tagsPerResourceMax: 50,
  tagKeyLengthMax: 128,
  tagValueLengthMax: 256,
  listTablesLimitMax: 100,
  tablesPerAccountMax: 2500,
  readCapacityUnitBytes: 4096,
  writeCapacityUnitBytes: 1024,
  partitionReadCapacityUnitsMax: 3000,
  partitionWriteCapacityUnitsMax: 1000,
  /** DescribeLimits answers (account defaults of real DynamoDB). */
  accountReadCapacityUnitsMax: 80000,
  accountWriteCapacityUnitsMax: 80000,
  tableReadCapacityUnitsMax: 40000,
  tableWriteCapacityUnitsMax: 40000,
  provisionedThroughputDecreasesPerDayMax: 27,
} as const;
