import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { awsCli as aws, awsCliFailure as awsFailure } from './support/aws-cli.js';
import { startTestServer } from './support/server.js';

describe('the AWS CLI', () => {
  let server: EmbeddedServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('creates, lists, describes, writes, reads and deletes a table', async () => {
    const created = (await aws(server.endpoint, [
      'create-table',
      '--table-name', 'cli-table',
      '--attribute-definitions', 'AttributeName=id,AttributeType=S', 'AttributeName=n,AttributeType=N',
      '--key-schema', 'AttributeName=id,KeyType=HASH', 'AttributeName=n,KeyType=RANGE',
      '--billing-mode', 'PAY_PER_REQUEST',
    ])) as { TableDescription: { TableName: string; TableStatus: string; TableArn: string } };
    assert.equal(created.TableDescription.TableName, 'cli-table');
    assert.equal(created.TableDescription.TableStatus, 'CREATING');
    assert.equal(created.TableDescription.TableArn, 'arn:aws:dynamodb:us-east-1:000000000000:table/cli-table');

    await aws(server.endpoint, ['wait', 'table-exists', '--table-name', 'cli-table']);

    const listed = (await aws(server.endpoint, ['list-tables'])) as { TableNames: string[] };
    assert.ok(listed.TableNames.includes('cli-table'));

    const described = (await aws(server.endpoint, ['describe-table', '--table-name', 'cli-table'])) as {
      Table: { TableStatus: string; KeySchema: unknown; BillingModeSummary: { BillingMode: string } };
    };
    assert.equal(described.Table.TableStatus, 'ACTIVE');
    assert.deepEqual(described.Table.KeySchema, [
      { AttributeName: 'id', KeyType: 'HASH' },
      { AttributeName: 'n', KeyType: 'RANGE' },
    ]);
    assert.equal(described.Table.BillingModeSummary.BillingMode, 'PAY_PER_REQUEST');

    await aws(server.endpoint, [
      'put-item', '--table-name', 'cli-table',
      '--item', JSON.stringify({ id: { S: 'a' }, n: { N: '1.50' }, tags: { SS: ['x', 'y'] }, flag: { BOOL: true } }),
    ]);
    const got = (await aws(server.endpoint, [
      'get-item', '--table-name', 'cli-table', '--key', JSON.stringify({ id: { S: 'a' }, n: { N: '1.5' } }), '--consistent-read',
    ])) as { Item: unknown };
    assert.deepEqual(got.Item, { id: { S: 'a' }, n: { N: '1.5' }, tags: { SS: ['x', 'y'] }, flag: { BOOL: true } });

    const missing = await awsFailure(server.endpoint, ['describe-table', '--table-name', 'no-such-table']);
    assert.match(missing, /ResourceNotFoundException/);
    assert.match(missing, /Requested resource not found: Table: no-such-table not found/);

    const deleted = (await aws(server.endpoint, ['delete-table', '--table-name', 'cli-table'])) as {
      TableDescription: { TableStatus: string };
    };
    assert.equal(deleted.TableDescription.TableStatus, 'DELETING');
    await aws(server.endpoint, ['wait', 'table-not-exists', '--table-name', 'cli-table']);
    const after = (await aws(server.endpoint, ['list-tables'])) as { TableNames: string[] };
    assert.ok(!after.TableNames.includes('cli-table'));
  });

  it('shows DynamoDB validation messages', async () => {
    const message = await awsFailure(server.endpoint, [
      'create-table',
      '--table-name', 'cli-bad',
      '--attribute-definitions', 'AttributeName=id,AttributeType=S',
      '--key-schema', 'AttributeName=other,KeyType=HASH',
      '--billing-mode', 'PAY_PER_REQUEST',
    ]);
    assert.match(message, /ValidationException/);
  });

  it('runs the data operations: update with a condition, query, scan, batches and transactions', async () => {
    const table = 'cli-data';
    await aws(server.endpoint, [
      'create-table', '--table-name', table,
      '--attribute-definitions', 'AttributeName=pk,AttributeType=S', 'AttributeName=sk,AttributeType=N',
      '--key-schema', 'AttributeName=pk,KeyType=HASH', 'AttributeName=sk,KeyType=RANGE',
      '--billing-mode', 'PAY_PER_REQUEST',
    ]);
    await aws(server.endpoint, ['wait', 'table-exists', '--table-name', table]);
    const puts = Array.from({ length: 5 }, (_, sk) => ({ PutRequest: { Item: { pk: { S: 'q' }, sk: { N: String(sk) } } } }));
    const batch = (await aws(server.endpoint, ['batch-write-item', '--request-items', JSON.stringify({ [table]: puts })])) as { UnprocessedItems: unknown };
    assert.deepEqual(batch.UnprocessedItems, {});

    const updated = (await aws(server.endpoint, [
      'update-item', '--table-name', table, '--key', JSON.stringify({ pk: { S: 'q' }, sk: { N: '1' } }),
      '--update-expression', 'SET #c = if_not_exists(#c, :zero) + :one',
      '--condition-expression', 'attribute_exists(pk)',
      '--expression-attribute-names', JSON.stringify({ '#c': 'count' }),
      '--expression-attribute-values', JSON.stringify({ ':zero': { N: '0' }, ':one': { N: '1' } }),
      '--return-values', 'UPDATED_NEW',
    ])) as { Attributes: unknown };
    assert.deepEqual(updated.Attributes, { count: { N: '1' } });

    const refused = await awsFailure(server.endpoint, [
      'put-item', '--table-name', table, '--item', JSON.stringify({ pk: { S: 'q' }, sk: { N: '1' } }),
      '--condition-expression', 'attribute_not_exists(pk)',
    ]);
    assert.match(refused, /ConditionalCheckFailedException/);
    assert.match(refused, /The conditional request failed/);

    const queried = (await aws(server.endpoint, [
      'query', '--table-name', table, '--key-condition-expression', 'pk = :pk AND sk >= :low',
      '--expression-attribute-values', JSON.stringify({ ':pk': { S: 'q' }, ':low': { N: '2' } }), '--no-scan-index-forward',
    ])) as { Items: Array<{ sk: { N: string } }>; Count: number };
    assert.deepEqual(queried.Items.map((item) => item.sk.N), ['4', '3', '2']);

    // The CLI pages through LastEvaluatedKey itself: a page size of 2 still returns all five items.
    const scanned = (await aws(server.endpoint, ['scan', '--table-name', table, '--page-size', '2'])) as { Items: unknown[] };
    assert.equal(scanned.Items.length, 5);

    await aws(server.endpoint, [
      'transact-write-items', '--transact-items',
      JSON.stringify([
        { Put: { TableName: table, Item: { pk: { S: 't' }, sk: { N: '1' } } } },
        { Delete: { TableName: table, Key: { pk: { S: 'q' }, sk: { N: '0' } } } },
      ]),
    ]);
    const read = (await aws(server.endpoint, [
      'transact-get-items', '--transact-items',
      JSON.stringify([{ Get: { TableName: table, Key: { pk: { S: 't' }, sk: { N: '1' } } } }, { Get: { TableName: table, Key: { pk: { S: 'q' }, sk: { N: '0' } } } }]),
    ])) as { Responses: unknown[] };
    assert.deepEqual(read.Responses, [{ Item: { pk: { S: 't' }, sk: { N: '1' } } }, {}]);

    const got = (await aws(server.endpoint, [
      'batch-get-item', '--request-items', JSON.stringify({ [table]: { Keys: [{ pk: { S: 'q' }, sk: { N: '4' } }], ProjectionExpression: 'sk' } }),
    ])) as { Responses: Record<string, unknown[]> };
    assert.deepEqual(got.Responses[table], [{ sk: { N: '4' } }]);
  });

  it('updates and describes Time to Live, with DynamoDB\'s errors', async () => {
    const table = 'cli-ttl';
    await aws(server.endpoint, [
      'create-table', '--table-name', table, '--billing-mode', 'PAY_PER_REQUEST',
      '--attribute-definitions', 'AttributeName=pk,AttributeType=S', '--key-schema', 'AttributeName=pk,KeyType=HASH',
    ]);
    await aws(server.endpoint, ['wait', 'table-exists', '--table-name', table]);
    assert.deepEqual(await aws(server.endpoint, ['describe-time-to-live', '--table-name', table]), { TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } });
    assert.match(
      await awsFailure(server.endpoint, ['update-time-to-live', '--table-name', table, '--time-to-live-specification', 'Enabled=false,AttributeName=expires']),
      /ValidationException.*TimeToLive is already disabled/,
    );

    const enabled = await aws(server.endpoint, ['update-time-to-live', '--table-name', table, '--time-to-live-specification', 'Enabled=true,AttributeName=expires']);
    assert.deepEqual(enabled, { TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' } });
    assert.deepEqual(await aws(server.endpoint, ['describe-time-to-live', '--table-name', table]), {
      TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED', AttributeName: 'expires' },
    });
    const again = ['update-time-to-live', '--table-name', table, '--time-to-live-specification'];
    assert.match(await awsFailure(server.endpoint, [...again, 'Enabled=true,AttributeName=expires']), /ValidationException.*TimeToLive is already enabled/);
    assert.match(
      await awsFailure(server.endpoint, [...again, 'Enabled=true,AttributeName=other']),
      /ValidationException.*TimeToLive is active on a different AttributeName: current AttributeName is expires/,
    );
    // The server runs with DynamoDB's one change an hour.
    assert.match(
      await awsFailure(server.endpoint, [...again, 'Enabled=false,AttributeName=expires']),
      /ValidationException.*Time to live has been modified multiple times within a fixed interval/,
    );
    assert.match(await awsFailure(server.endpoint, ['describe-time-to-live', '--table-name', 'no-such-table']), /ResourceNotFoundException.*Table: no-such-table not found/);
    assert.match(
      await awsFailure(server.endpoint, ['update-time-to-live', '--table-name', 'no-such-table', '--time-to-live-specification', 'Enabled=true,AttributeName=x']),
      /ResourceNotFoundException/,
    );
  });
});
