import {
  accepted,
  enumSet,
  lengthAtLeast,
  lengthAtMost,
  notNull,
  runCases,
  violation,
  violations,
  wrongTypeCases,
} from './shape-cases.test-support.js';

const returnConsumedCapacitySet = enumSet('INDEXES, TOTAL, NONE');
const returnItemCollectionMetricsSet = enumSet('SIZE, NONE');
const tableNameKeys =
  'Map keys must satisfy constraint: [Member must have length less than or equal to 255, ' +
  'Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]';
const writeRequestsPerTable =
  'Map value must satisfy constraint: [Member must have length less than or equal to 25, ' +
  'Member must have length greater than or equal to 1]';
const keysAndAttributes = (hash: string) => `com.amazonaws.dynamodb.v20120810.KeysAndAttributes@${hash}`;

runCases('BatchGetItem', [
  ...wrongTypeCases('RequestItems', 'Map<KeysAndAttributes>'),
  ...wrongTypeCases('RequestItems.Attr', 'ValueStruct<KeysAndAttributes>'),
  ...wrongTypeCases('RequestItems.Attr.Keys', 'List'),
  ...wrongTypeCases('RequestItems.Attr.Keys.0', 'ParameterizedMap'),
  ...wrongTypeCases('RequestItems.Attr.Keys.0.Attr', 'ValueStruct<AttributeValue>'),
  ...wrongTypeCases('RequestItems.Attr.AttributesToGet', 'List'),
  ...wrongTypeCases('RequestItems.Attr.ConsistentRead', 'Boolean'),
  ...wrongTypeCases('RequestItems.Attr.ExpressionAttributeNames', 'Map<java.lang.String>'),
  ...wrongTypeCases('RequestItems.Attr.ExpressionAttributeNames.Attr', 'String'),
  ...wrongTypeCases('RequestItems.Attr.ProjectionExpression', 'String'),
  ...wrongTypeCases('ReturnConsumedCapacity', 'String'),
  { name: 'no RequestItems', body: {}, expected: violations(violation(null, 'requestItems', notNull)) },
  {
    name: 'no RequestItems and a bad ReturnConsumedCapacity',
    body: { ReturnConsumedCapacity: 'hi', ReturnItemCollectionMetrics: 'hi' },
    expected: violations(violation('hi', 'returnConsumedCapacity', returnConsumedCapacitySet), violation(null, 'requestItems', notNull)),
  },
  { name: 'empty RequestItems', body: { RequestItems: {} }, expected: violations(violation('{}', 'requestItems', lengthAtLeast(1))) },
  {
    name: 'short table name with no keys',
    body: { RequestItems: { a: {} }, ReturnConsumedCapacity: 'hi' },
    expected: violations(
      violation('hi', 'returnConsumedCapacity', returnConsumedCapacitySet),
      violation(`{a=${keysAndAttributes('1')}}`, 'requestItems', tableNameKeys),
      violation(null, 'requestItems.a.member.keys', notNull),
    ),
  },
  {
    name: 'empty keys',
    body: { RequestItems: { a: { Keys: [] } } },
    expected: violations(
      violation(`{a=${keysAndAttributes('2')}}`, 'requestItems', tableNameKeys),
      violation('[]', 'requestItems.a.member.keys', lengthAtLeast(1)),
    ),
  },
  {
    name: 'bad characters in a table name',
    body: { RequestItems: { 'aa;': {} } },
    expected: violations(
      violation(`{aa;=${keysAndAttributes('1')}}`, 'requestItems', tableNameKeys),
      violation(null, 'requestItems.aa;.member.keys', notNull),
    ),
  },
  {
    name: 'more than 100 keys',
    body: { RequestItems: { abc: { Keys: Array.from({ length: 101 }, () => ({})) } } },
    expected: violations(violation(`[${Array.from({ length: 101 }, () => '{}').join(', ')}]`, 'requestItems.abc.member.keys', lengthAtMost(100))),
  },
  { name: 'more than 100 keys over several tables is left to the operation', body: { RequestItems: { abc: { Keys: [{}] }, abd: { Keys: [{}] } } }, expected: accepted },
]);

runCases('BatchWriteItem', [
  ...wrongTypeCases('RequestItems', 'Map<java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>>'),
  ...wrongTypeCases('RequestItems.Attr', 'ParameterizedList'),
  ...wrongTypeCases('RequestItems.Attr.0', 'ValueStruct<WriteRequest>'),
  ...wrongTypeCases('RequestItems.Attr.0.DeleteRequest', 'FieldStruct<DeleteRequest>'),
  ...wrongTypeCases('RequestItems.Attr.0.DeleteRequest.Key', 'Map<AttributeValue>'),
  ...wrongTypeCases('RequestItems.Attr.0.DeleteRequest.Key.Attr', 'ValueStruct<AttributeValue>'),
  ...wrongTypeCases('RequestItems.Attr.0.PutRequest', 'FieldStruct<PutRequest>'),
  ...wrongTypeCases('RequestItems.Attr.0.PutRequest.Item', 'Map<AttributeValue>'),
  ...wrongTypeCases('RequestItems.Attr.0.PutRequest.Item.Attr', 'ValueStruct<AttributeValue>'),
  ...wrongTypeCases('ReturnConsumedCapacity', 'String'),
  ...wrongTypeCases('ReturnItemCollectionMetrics', 'String'),
  { name: 'empty body', body: {}, expected: violations(violation(null, 'requestItems', notNull)) },
  {
    name: 'no RequestItems',
    body: { ReturnConsumedCapacity: 'hi', ReturnItemCollectionMetrics: 'hi' },
    expected: violations(
      violation('hi', 'returnConsumedCapacity', returnConsumedCapacitySet),
      violation('hi', 'returnItemCollectionMetrics', returnItemCollectionMetricsSet),
      violation(null, 'requestItems', notNull),
    ),
  },
  { name: 'empty RequestItems', body: { RequestItems: {} }, expected: violations(violation('{}', 'requestItems', lengthAtLeast(1))) },
  {
    name: 'empty list for a short table name',
    body: { RequestItems: { a: [] } },
    expected: violations(violation('{a=[]}', 'requestItems', tableNameKeys), violation('{a=[]}', 'requestItems', writeRequestsPerTable)),
  },
  { name: 'an empty write request is left to the operation', body: { RequestItems: { abc: [{}] } }, expected: accepted },
  {
    name: 'incorrect attributes',
    body: { RequestItems: { 'aa;': [{ PutRequest: {}, DeleteRequest: {} }] }, ReturnConsumedCapacity: 'hi', ReturnItemCollectionMetrics: 'hi' },
    expected: violations(
      violation('hi', 'returnConsumedCapacity', returnConsumedCapacitySet),
      violation('hi', 'returnItemCollectionMetrics', returnItemCollectionMetricsSet),
      violation('{aa;=[com.amazonaws.dynamodb.v20120810.WriteRequest@3]}', 'requestItems', tableNameKeys),
      violation(null, 'requestItems.aa;.member.1.member.deleteRequest.key', notNull),
      violation(null, 'requestItems.aa;.member.1.member.putRequest.item', notNull),
    ),
  },
  {
    name: 'more than 25 requests for a table',
    body: { RequestItems: { abc: Array.from({ length: 26 }, () => ({ DeleteRequest: { Key: {} } })) } },
    expected: violations(
      violation(
        // 1 + DeleteRequest's hash (1 + an empty map's 0).
        `{abc=[${Array.from({ length: 26 }, () => 'com.amazonaws.dynamodb.v20120810.WriteRequest@2').join(', ')}]}`,
        'requestItems',
        writeRequestsPerTable,
      ),
    ),
  },
  { name: 'exactly 25 requests', body: { RequestItems: { abc: Array.from({ length: 25 }, () => ({ PutRequest: { Item: {} } })) } }, expected: accepted },
]);

runCases('TransactWriteItems', [
  ...wrongTypeCases('TransactItems', 'List'),
  ...wrongTypeCases('TransactItems.0', 'ValueStruct<TransactWriteItem>'),
  ...wrongTypeCases('TransactItems.0.Delete.Key', 'Map<AttributeValue>'),
  ...wrongTypeCases('TransactItems.0.Delete.Key.Attr', 'ValueStruct<AttributeValue>'),
  ...wrongTypeCases('TransactItems.0.Put', 'FieldStruct<Put>'),
  ...wrongTypeCases('TransactItems.0.Put.Item', 'Map<AttributeValue>'),
  ...wrongTypeCases('TransactItems.0.Put.Item.Attr', 'ValueStruct<AttributeValue>'),
  ...wrongTypeCases('TransactItems.0.Update', 'FieldStruct<Update>'),
  ...wrongTypeCases('TransactItems.0.Update.UpdateExpression', 'String'),
  ...wrongTypeCases('TransactItems.0.ConditionCheck', 'FieldStruct<ConditionCheck>'),
  ...wrongTypeCases('ReturnConsumedCapacity', 'String'),
  ...wrongTypeCases('ReturnItemCollectionMetrics', 'String'),
  ...wrongTypeCases('ClientRequestToken', 'String'),
  { name: 'empty body', body: {}, expected: violations(violation(null, 'transactItems', notNull)) },
  {
    name: 'no TransactItems',
    body: { ReturnConsumedCapacity: 'hi', ReturnItemCollectionMetrics: 'hi' },
    expected: violations(
      violation('hi', 'returnConsumedCapacity', returnConsumedCapacitySet),
      violation('hi', 'returnItemCollectionMetrics', returnItemCollectionMetricsSet),
      violation(null, 'transactItems', notNull),
    ),
  },
  { name: 'empty TransactItems', body: { TransactItems: [] }, expected: violations(violation('[]', 'transactItems', lengthAtLeast(1))) },
  { name: 'empty update', body: { TransactItems: [{ Update: {} }] }, expected: violations(violation(null, 'transactItems.1.member.update.key', notNull)) },
  { name: 'empty put', body: { TransactItems: [{ Put: {} }] }, expected: violations(violation(null, 'transactItems.1.member.put.item', notNull)) },
  { name: 'empty delete', body: { TransactItems: [{ Delete: {} }] }, expected: violations(violation(null, 'transactItems.1.member.delete.key', notNull)) },
  {
    name: 'empty condition check',
    body: { TransactItems: [{ ConditionCheck: {} }] },
    expected: violations(violation(null, 'transactItems.1.member.conditionCheck.key', notNull)),
  },
  {
    name: 'incorrect attributes',
    body: { TransactItems: [{ Put: {}, Delete: {} }], ReturnConsumedCapacity: 'hi', ReturnItemCollectionMetrics: 'hi' },
    expected: violations(
      violation('hi', 'returnConsumedCapacity', returnConsumedCapacitySet),
      violation('hi', 'returnItemCollectionMetrics', returnItemCollectionMetricsSet),
      violation(null, 'transactItems.1.member.put.item', notNull),
      violation(null, 'transactItems.1.member.delete.key', notNull),
    ),
  },
  {
    name: 'more than 100 actions',
    body: { TransactItems: Array.from({ length: 101 }, () => ({})) },
    expected: violations(
      violation(`[${Array.from({ length: 101 }, () => 'com.amazonaws.dynamodb.v20120810.TransactWriteItem@1').join(', ')}]`, 'transactItems', lengthAtMost(100)),
    ),
  },
  {
    name: 'long ClientRequestToken',
    body: { TransactItems: [{ Put: { Item: {} } }], ClientRequestToken: 'x'.repeat(37) },
    expected: violations(violation('x'.repeat(37), 'clientRequestToken', lengthAtMost(36))),
  },
  { name: 'an unknown action is left to the operation', body: { TransactItems: [{ NotARealAction: {} }] }, expected: accepted },
]);

runCases('TransactGetItems', [
  ...wrongTypeCases('TransactItems', 'List'),
  ...wrongTypeCases('TransactItems.0', 'ValueStruct<TransactGetItem>'),
  ...wrongTypeCases('TransactItems.0.Get', 'FieldStruct<Get>'),
  ...wrongTypeCases('TransactItems.0.Get.Key', 'Map<AttributeValue>'),
  ...wrongTypeCases('TransactItems.0.Get.ProjectionExpression', 'String'),
  ...wrongTypeCases('ReturnConsumedCapacity', 'String'),
  { name: 'empty body', body: {}, expected: violations(violation(null, 'transactItems', notNull)) },
  { name: 'empty TransactItems', body: { TransactItems: [] }, expected: violations(violation('[]', 'transactItems', lengthAtLeast(1))) },
  {
    name: 'missing Get and Key',
    body: { TransactItems: [{}, { Get: {} }] },
    expected: violations(violation(null, 'transactItems.1.member.get', notNull), violation(null, 'transactItems.2.member.get.key', notNull)),
  },
  { name: 'a valid request', body: { TransactItems: [{ Get: { TableName: 'abc', Key: { a: { S: 'b' } } } }] }, expected: accepted },
]);
