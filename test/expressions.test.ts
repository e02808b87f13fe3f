import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { clientFor, startTestServer } from './support/server.js';
import { createKeyedTable, failure, uniqueTableName } from './support/tables.js';

describe('expressions through the SDK', () => {
  let server: EmbeddedServer;
  let client: DynamoDBClient;
  let table: string;
  before(async () => {
    server = await startTestServer();
    client = clientFor(server.endpoint);
    table = uniqueTableName('expressions');
    await createKeyedTable(client, table);
  });
  after(async () => {
    client.destroy();
    await server.close();
  });

  const get = async (pk: string) => (await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: pk } }, ConsistentRead: true }))).Item;

  describe('ConditionExpression', () => {
    it('guards a put: attribute_not_exists refuses an overwrite, returning the item when asked', async () => {
      const put = (value: string, returnOld?: 'ALL_OLD') =>
        client.send(
          new PutItemCommand({
            TableName: table,
            Item: { pk: { S: 'once' }, v: { S: value } },
            ConditionExpression: 'attribute_not_exists(pk)',
            ...(returnOld === undefined ? {} : { ReturnValuesOnConditionCheckFailure: returnOld }),
          }),
        );
      await put('first');
      const refused = await failure(put('second'));
      assert.deepEqual([refused.name, refused.message, refused.status], ['ConditionalCheckFailedException', 'The conditional request failed', 400]);
      try {
        await put('third', 'ALL_OLD');
        assert.fail('expected ConditionalCheckFailedException');
      } catch (error) {
        assert.deepEqual((error as { Item?: unknown }).Item, { pk: { S: 'once' }, v: { S: 'first' } });
      }
      assert.deepEqual(await get('once'), { pk: { S: 'once' }, v: { S: 'first' } });
    });

    it('guards a delete with comparisons, functions and placeholders', async () => {
      await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'guarded' }, n: { N: '5' }, tags: { SS: ['a', 'b'] } } }));
      const deleteIf = (expression: string, values: Record<string, unknown>) =>
        client.send(
          new DeleteItemCommand({
            TableName: table,
            Key: { pk: { S: 'guarded' } },
            ConditionExpression: expression,
            ExpressionAttributeNames: { '#n': 'n' },
            ExpressionAttributeValues: values as never,
          }),
        );
      const refused = await failure(deleteIf('#n > :limit AND contains(tags, :tag)', { ':limit': { N: '5' }, ':tag': { S: 'a' } }));
      assert.equal(refused.name, 'ConditionalCheckFailedException');
      assert.ok((await get('guarded')) !== undefined);
      await deleteIf('#n BETWEEN :low AND :high AND contains(tags, :tag)', { ':low': { N: '1' }, ':high': { N: '5' }, ':tag': { S: 'b' } });
      assert.equal(await get('guarded'), undefined);
    });

    it('answers every kind of bad condition with DynamoDB\'s message, writing nothing', async () => {
      await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'untouched' }, v: { N: '1' } } }));
      const cases: Array<{ input: Record<string, unknown>; message: string | RegExp }> = [
        { input: { ConditionExpression: 'v = ' }, message: 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "= "' },
        { input: { ConditionExpression: '' }, message: 'Invalid ConditionExpression: The expression can not be empty;' },
        { input: { ConditionExpression: 'size = :v', ExpressionAttributeValues: { ':v': { N: '1' } } }, message: /^Invalid ConditionExpression: / },
        { input: { ConditionExpression: 'name = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } }, message: 'Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name' },
        { input: { ConditionExpression: '#missing = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } }, message: 'Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #missing' },
        { input: { ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': { N: '1' }, ':w': { N: '2' } } }, message: 'Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}' },
        { input: { ConditionExpression: 'v = :v', ExpressionAttributeNames: { '#n': 'v' }, ExpressionAttributeValues: { ':v': { N: '1' } } }, message: 'Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}' },
        { input: { ConditionExpression: 'nosuchfunction(v)' }, message: 'Invalid ConditionExpression: Invalid function name; function: nosuchfunction' },
        { input: { ConditionExpression: 'begins_with(v)' }, message: /^Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1/ },
        { input: { ConditionExpression: 'v BETWEEN :high AND :low', ExpressionAttributeValues: { ':high': { N: '9' }, ':low': { N: '1' } } }, message: /^Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound/ },
        { input: { ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': { N: 'x' } } }, message: /^ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a numeric value/ },
        { input: { ConditionExpression: 'v = :v', ExpressionAttributeValues: {} }, message: 'ExpressionAttributeValues must not be empty' },
        { input: { ExpressionAttributeValues: { ':v': { N: '1' } } }, message: 'ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null' },
        { input: { ConditionExpression: 'attribute_exists(v)', Expected: { v: { Exists: true, Value: { N: '1' } } } }, message: /^Can not use both expression and non-expression parameters in the same request/ },
        { input: { Expected: { v: { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ N: '1' }] } } }, message: 'One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator' },
        { input: { ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': { N: '1' } }, ReturnValuesOnConditionCheckFailure: 'ALL_NEW' }, message: /ReturnValuesOnConditionCheckFailure|failed to satisfy constraint/ },
      ];
      for (const testCase of cases) {
        const error = await failure(
          client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'untouched' }, v: { N: '2' } }, ...testCase.input } as never)),
        );
        assert.equal(error.name, 'ValidationException', JSON.stringify(testCase.input));
        if (typeof testCase.message === 'string') assert.equal(error.message, testCase.message, JSON.stringify(testCase.input));
        else assert.match(error.message, testCase.message, JSON.stringify(testCase.input));
      }
      assert.deepEqual(await get('untouched'), { pk: { S: 'untouched' }, v: { N: '1' } });
    });

    it('accepts the legacy Expected parameter', async () => {
      await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'legacy' }, v: { N: '1' } } }));
      const refused = await failure(
        client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'legacy' }, v: { N: '2' } }, Expected: { v: { Value: { N: '9' } } } })),
      );
      assert.equal(refused.name, 'ConditionalCheckFailedException');
      await client.send(
        new PutItemCommand({ TableName: table, Item: { pk: { S: 'legacy' }, v: { N: '2' } }, Expected: { v: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '1' }] } } }),
      );
      assert.deepEqual(await get('legacy'), { pk: { S: 'legacy' }, v: { N: '2' } });
    });
  });

  describe('UpdateItem', () => {
    it('creates the item when absent and applies SET, REMOVE, ADD and DELETE', async () => {
      const created = await client.send(
        new UpdateItemCommand({
          TableName: table,
          Key: { pk: { S: 'counter' } },
          UpdateExpression: 'SET #c = if_not_exists(#c, :zero) + :one, things = :list ADD colours :colours',
          ExpressionAttributeNames: { '#c': 'count' },
          ExpressionAttributeValues: { ':zero': { N: '0' }, ':one': { N: '1' }, ':list': { L: [{ S: 'x' }, { S: 'y' }, { S: 'z' }] }, ':colours': { SS: ['red', 'blue'] } },
          ReturnValues: 'ALL_NEW',
        }),
      );
      assert.deepEqual(created.Attributes, {
        pk: { S: 'counter' },
        count: { N: '1' },
        things: { L: [{ S: 'x' }, { S: 'y' }, { S: 'z' }] },
        colours: { SS: ['red', 'blue'] },
      });
      const changed = await client.send(
        new UpdateItemCommand({
          TableName: table,
          Key: { pk: { S: 'counter' } },
          UpdateExpression: 'REMOVE things[0] DELETE colours :red SET #c = #c + :one',
          ExpressionAttributeNames: { '#c': 'count' },
          ExpressionAttributeValues: { ':red': { SS: ['red'] }, ':one': { N: '1.5' } },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      // UPDATED_NEW: what the update wrote; the removed list element is not reported.
      assert.deepEqual(changed.Attributes, { count: { N: '2.5' }, colours: { SS: ['blue'] } });
      const old = await client.send(
        new UpdateItemCommand({
          TableName: table,
          Key: { pk: { S: 'counter' } },
          UpdateExpression: 'SET things = list_append(things, :more)',
          ExpressionAttributeValues: { ':more': { L: [{ S: 'w' }] } },
          ReturnValues: 'UPDATED_OLD',
        }),
      );
      assert.deepEqual(old.Attributes, { things: { L: [{ S: 'y' }, { S: 'z' }] } });
      assert.deepEqual(await get('counter'), {
        pk: { S: 'counter' },
        count: { N: '2.5' },
        things: { L: [{ S: 'y' }, { S: 'z' }, { S: 'w' }] },
        colours: { SS: ['blue'] },
      });
    });

    it('checks its condition and answers DynamoDB errors, writing nothing', async () => {
      await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'strict' }, v: { N: '1' }, s: { S: 'text' } } }));
      const conditional = await failure(
        client.send(
          new UpdateItemCommand({
            TableName: table,
            Key: { pk: { S: 'strict' } },
            UpdateExpression: 'SET v = :two',
            ConditionExpression: 'v = :zero',
            ExpressionAttributeValues: { ':two': { N: '2' }, ':zero': { N: '0' } },
          }),
        ),
      );
      assert.equal(conditional.name, 'ConditionalCheckFailedException');
      const cases: Array<{ input: Record<string, unknown>; message: string | RegExp }> = [
        { input: { UpdateExpression: 'SET pk = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } }, message: 'One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key' },
        { input: { UpdateExpression: 'SET a = :v, a.b = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } }, message: /Two document paths overlap with each other/ },
        { input: { UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': { S: 'x' }, ':unused': { S: 'y' } } }, message: 'Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}' },
        { input: { UpdateExpression: 'SET v = :missing' }, message: 'Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :missing' },
        { input: { UpdateExpression: 'SET v = s + :one', ExpressionAttributeValues: { ':one': { N: '1' } } }, message: 'An operand in the update expression has an incorrect data type' },
        { input: { UpdateExpression: 'SET #status = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } }, message: /ExpressionAttributeNames|not defined/ },
        { input: { UpdateExpression: 'SET status = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } }, message: 'Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status' },
        { input: { UpdateExpression: 'SET v = :v', AttributeUpdates: { v: { Value: { N: '3' } } }, ExpressionAttributeValues: { ':v': { N: '3' } } }, message: /^Can not use both expression and non-expression parameters in the same request/ },
      ];
      for (const testCase of cases) {
        const error = await failure(client.send(new UpdateItemCommand({ TableName: table, Key: { pk: { S: 'strict' } }, ...testCase.input } as never)));
        assert.equal(error.name, 'ValidationException', JSON.stringify(testCase.input));
        if (typeof testCase.message === 'string') assert.equal(error.message, testCase.message);
        else assert.match(error.message, testCase.message);
      }
      assert.deepEqual(await get('strict'), { pk: { S: 'strict' }, v: { N: '1' }, s: { S: 'text' } });
    });

    it('accepts the legacy AttributeUpdates parameter', async () => {
      await client.send(
        new UpdateItemCommand({
          TableName: table,
          Key: { pk: { S: 'legacy-update' } },
          AttributeUpdates: { n: { Action: 'ADD', Value: { N: '5' } }, s: { Action: 'PUT', Value: { S: 'set' } } },
        }),
      );
      assert.deepEqual(await get('legacy-update'), { pk: { S: 'legacy-update' }, n: { N: '5' }, s: { S: 'set' } });
    });

    it('works through the DocumentClient', async () => {
      const documents = DynamoDBDocumentClient.from(clientFor(server.endpoint));
      const result = await documents.send(
        new UpdateCommand({
          TableName: table,
          Key: { pk: 'document' },
          UpdateExpression: 'SET profile = :profile, visits = if_not_exists(visits, :zero) + :one',
          ExpressionAttributeValues: { ':profile': { name: 'Ada', langs: ['en', 'fr'] }, ':zero': 0, ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      assert.deepEqual(result.Attributes, { pk: 'document', profile: { name: 'Ada', langs: ['en', 'fr'] }, visits: 1 });
      documents.destroy();
    });
  });

  describe('ProjectionExpression', () => {
    it('returns only the named paths', async () => {
      await client.send(
        new PutItemCommand({
          TableName: table,
          Item: { pk: { S: 'projected' }, a: { M: { b: { S: 'B' }, c: { S: 'C' } } }, list: { L: [{ S: 'zero' }, { S: 'one' }] }, other: { S: 'x' } },
        }),
      );
      const result = await client.send(
        new GetItemCommand({ TableName: table, Key: { pk: { S: 'projected' } }, ProjectionExpression: 'a.b, #l[1]', ExpressionAttributeNames: { '#l': 'list' } }),
      );
      assert.deepEqual(result.Item, { a: { M: { b: { S: 'B' } } }, list: { L: [{ S: 'one' }] } });
      const mixed = await failure(
        client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'projected' } }, ProjectionExpression: 'a', AttributesToGet: ['a'] })),
      );
      assert.equal(
        mixed.message,
        'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}',
      );
    });
  });
});
