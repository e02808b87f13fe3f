import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import {
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeEndpointsCommand,
  DescribeLimitsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  PutItemCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateTableCommand,
  waitUntilTableExists,
  waitUntilTableNotExists,
  type AttributeValue,
  type BillingMode,
  type CreateTableCommandInput,
  type GlobalSecondaryIndexDescription,
  type ProjectionType,
  type TableClass,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { clientFor, startTestServer } from './support/server.js';
import { createTable, failure, uniqueTableName } from './support/tables.js';

const region = 'us-east-1';
const accountId = '000000000000';
const invalid = 'One or more parameter values were invalid: ';
const inUse = 'Attempt to change a resource which is still in use: ';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const streamLabelPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;
const onDemandThroughput = { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 };
const onDemandWarmThroughput = { ReadUnitsPerSecond: 12000, WriteUnitsPerSecond: 4000, Status: 'ACTIVE' };
/** GSIs are eventually consistent and status changes asynchronous: how long a test waits for them. */
const POLL_TIMEOUT_MS = 3000;
const POLL_INTERVAL_MS = 2;

function tableArn(name: string): string {
  return `arn:aws:dynamodb:${region}:${accountId}:table/${name}`;
}

const hash = (name: string) => ({ AttributeName: name, KeyType: 'HASH' as const });
const range = (name: string) => ({ AttributeName: name, KeyType: 'RANGE' as const });
const attribute = (name: string, type: 'S' | 'N' | 'B' = 'S') => ({ AttributeName: name, AttributeType: type });

/** Bytes of an item whose values are all strings, as DynamoDB sizes it: names plus values, UTF-8. */
function sizeOf(item: Readonly<Record<string, string>>): number {
  return Object.entries(item).reduce((size, [name, value]) => size + Buffer.byteLength(name) + Buffer.byteLength(value), 0);
}

function wire(item: Readonly<Record<string, string>>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, { S: value }]));
}

/**
 * A description with its volatile members checked and replaced by markers, so the rest compares
 * exactly: every time must fall between `sinceMs` and now, TableId must be a UUID.
 */
function stable(value: unknown, sinceMs: number): unknown {
  if (value instanceof Date) {
    const ms = value.getTime();
    assert.ok(ms >= sinceMs - 1 && ms <= Date.now() + 1, `time ${value.toISOString()} is not between the request and now`);
    return '<time>';
  }
  if (Array.isArray(value)) return value.map((element) => stable(element, sinceMs));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, member]) => {
      if (name !== 'TableId') return [name, stable(member, sinceMs)];
      assert.match(String(member), uuidPattern);
      return [name, '<uuid>'];
    }),
  );
}

describe('table operations', () => {
  let server: EmbeddedServer;
  let client: DynamoDBClient;
  before(async () => {
    server = await startTestServer();
    client = clientFor(server.endpoint);
  });
  after(async () => {
    client.destroy();
    await server.close();
  });

  async function describeTable(name: string): Promise<TableDescription> {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    assert.ok(Table !== undefined);
    return Table;
  }

  async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
    const deadlineMs = Date.now() + POLL_TIMEOUT_MS;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadlineMs) assert.fail(`${what} did not happen within ${POLL_TIMEOUT_MS} ms: ${JSON.stringify(value)}`);
      await delay(POLL_INTERVAL_MS);
    }
  }

  /** The table once it and every GSI are ACTIVE (a Backfilling index is not). */
  function settled(name: string): Promise<TableDescription> {
    return eventually(
      () => describeTable(name),
      (table) => table.TableStatus === 'ACTIVE' && (table.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE'),
      `${name} becoming ACTIVE`,
    );
  }

  async function listAllTables(): Promise<string[]> {
    const names: string[] = [];
    let start: string | undefined;
    do {
      const page = await client.send(new ListTablesCommand(start === undefined ? {} : { ExclusiveStartTableName: start }));
      names.push(...(page.TableNames ?? []));
      start = page.LastEvaluatedTableName;
    } while (start !== undefined);
    return names;
  }

  async function put(table: string, item: Readonly<Record<string, string>>): Promise<void> {
    await client.send(new PutItemCommand({ TableName: table, Item: wire(item) }));
  }

  describe('CreateTable and DescribeTable', () => {
    it('creates a provisioned hash-key table: CREATING in the answer, then ACTIVE, described as DynamoDB does', async () => {
      const name = uniqueTableName('crud');
      const sinceMs = Date.now();
      const created = await client.send(
        new CreateTableCommand({
          TableName: name,
          AttributeDefinitions: [attribute('id')],
          KeySchema: [hash('id')],
          ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
        }),
      );
      // Recorded from DynamoDB: test_table_crud in shared/reference.
      const answer = {
        AttributeDefinitions: [attribute('id')],
        TableName: name,
        KeySchema: [hash('id')],
        TableStatus: 'CREATING',
        CreationDateTime: '<time>',
        ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
        TableSizeBytes: 0,
        ItemCount: 0,
        TableArn: tableArn(name),
        TableId: '<uuid>',
        DeletionProtectionEnabled: false,
      };
      assert.deepEqual(stable(created.TableDescription, sinceMs), answer);

      const waited = await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { TableName: name });
      assert.equal(waited.state, 'SUCCESS');
      assert.deepEqual(waited.observedResponses, { '200: OK': 1 }, 'ACTIVE at the first DescribeTable');

      const described = await describeTable(name);
      assert.deepEqual(stable(described, sinceMs), {
        ...answer,
        TableStatus: 'ACTIVE',
        WarmThroughput: { ReadUnitsPerSecond: 5, WriteUnitsPerSecond: 5, Status: 'ACTIVE' },
      });
      assert.equal(described.TableId, created.TableDescription?.TableId);
      assert.equal(described.CreationDateTime?.getTime(), created.TableDescription?.CreationDateTime?.getTime());
    });

    it('creates an on-demand hash-and-range table with LSIs and GSIs of every projection type', async () => {
      const name = uniqueTableName('indexed');
      const sinceMs = Date.now();
      const localIndexes = [
        { IndexName: 'lsi-all', KeySchema: [hash('pk'), range('lsk')], Projection: { ProjectionType: 'ALL' as const } },
        { IndexName: 'lsi-keys', KeySchema: [hash('pk'), range('gsk')], Projection: { ProjectionType: 'KEYS_ONLY' as const } },
        { IndexName: 'lsi-include', KeySchema: [hash('pk'), range('lsk')], Projection: { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: ['a', 'b'] } },
      ];
      const globalIndexes = [
        { IndexName: 'gsi-all', KeySchema: [hash('gpk')], Projection: { ProjectionType: 'ALL' as const } },
        { IndexName: 'gsi-keys', KeySchema: [hash('gpk'), range('gsk')], Projection: { ProjectionType: 'KEYS_ONLY' as const } },
        {
          IndexName: 'gsi-include',
          KeySchema: [hash('gsk'), range('sk')],
          Projection: { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: ['a'] },
          OnDemandThroughput: { MaxReadRequestUnits: 50 },
        },
      ];
      const definitions = [attribute('pk'), attribute('sk', 'N'), attribute('lsk'), attribute('gpk', 'B'), attribute('gsk', 'N')];
      const created = await client.send(
        new CreateTableCommand({
          TableName: name,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: definitions,
          KeySchema: [hash('pk'), range('sk')],
          LocalSecondaryIndexes: localIndexes,
          GlobalSecondaryIndexes: globalIndexes,
        }),
      );
      const localDescriptions = localIndexes.map((index) => ({
        ...index,
        IndexSizeBytes: 0,
        ItemCount: 0,
        IndexArn: `${tableArn(name)}/index/${index.IndexName}`,
      }));
      const globalDescriptions = (status: string, warm: boolean) =>
        globalIndexes.map((index) => ({
          ...index,
          IndexStatus: status,
          ProvisionedThroughput: onDemandThroughput,
          IndexSizeBytes: 0,
          ItemCount: 0,
          IndexArn: `${tableArn(name)}/index/${index.IndexName}`,
          ...(warm ? { WarmThroughput: onDemandWarmThroughput } : {}),
        }));
      const answer = {
        AttributeDefinitions: definitions,
        TableName: name,
        KeySchema: [hash('pk'), range('sk')],
        TableStatus: 'CREATING',
        CreationDateTime: '<time>',
        ProvisionedThroughput: onDemandThroughput,
        TableSizeBytes: 0,
        ItemCount: 0,
        TableArn: tableArn(name),
        TableId: '<uuid>',
        // Recorded from DynamoDB (test_gsi_with_billing_mode[PAY_PER_REQUEST]): no date until the table is ACTIVE.
        BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
        LocalSecondaryIndexes: localDescriptions,
        GlobalSecondaryIndexes: globalDescriptions('CREATING', false),
        DeletionProtectionEnabled: false,
      };
      assert.deepEqual(stable(created.TableDescription, sinceMs), answer);

      const described = await settled(name);
      assert.deepEqual(stable(described, sinceMs), {
        ...answer,
        TableStatus: 'ACTIVE',
        BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: '<time>' },
        GlobalSecondaryIndexes: globalDescriptions('ACTIVE', true),
        WarmThroughput: onDemandWarmThroughput,
      });
      assert.equal(described.GlobalSecondaryIndexes?.[0]?.Backfilling, undefined, 'indexes created with the table never report Backfilling');
    });

    it('describes a provisioned GSI exactly as DynamoDB recorded it', async () => {
      const name = uniqueTableName('gsi-provisioned');
      const sinceMs = Date.now();
      const index = {
        IndexName: 'TransactionRecordID',
        KeySchema: [hash('TRID')],
        Projection: { ProjectionType: 'ALL' as const },
        ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
      };
      const created = await client.send(
        new CreateTableCommand({
          TableName: name,
          AttributeDefinitions: [attribute('TID'), attribute('TRID')],
          KeySchema: [hash('TID')],
          GlobalSecondaryIndexes: [index],
          ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
        }),
      );
      // test_gsi_with_billing_mode[PROVISIONED] in shared/reference.
      const indexAnswer = {
        ...index,
        IndexArn: `${tableArn(name)}/index/TransactionRecordID`,
        IndexSizeBytes: 0,
        IndexStatus: 'CREATING',
        ItemCount: 0,
        ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
      };
      const answer = {
        AttributeDefinitions: [attribute('TID'), attribute('TRID')],
        CreationDateTime: '<time>',
        DeletionProtectionEnabled: false,
        GlobalSecondaryIndexes: [indexAnswer],
        ItemCount: 0,
        KeySchema: [hash('TID')],
        ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
        TableArn: tableArn(name),
        TableId: '<uuid>',
        TableName: name,
        TableSizeBytes: 0,
        TableStatus: 'CREATING',
      };
      assert.deepEqual(stable(created.TableDescription, sinceMs), answer);
      assert.deepEqual(stable(await settled(name), sinceMs), {
        ...answer,
        TableStatus: 'ACTIVE',
        GlobalSecondaryIndexes: [
          { ...indexAnswer, IndexStatus: 'ACTIVE', WarmThroughput: { ReadUnitsPerSecond: 1, Status: 'ACTIVE', WriteUnitsPerSecond: 1 } },
        ],
        WarmThroughput: { ReadUnitsPerSecond: 5, Status: 'ACTIVE', WriteUnitsPerSecond: 5 },
      });
    });

    it('keeps stream, encryption, tags, table class, deletion protection and on-demand caps', async () => {
      const name = uniqueTableName('options');
      const sinceMs = Date.now();
      const keyId = '11112222-3333-4444-5555-666677778888';
      const tags = [
        { Key: 'team', Value: 'storage' },
        { Key: 'env', Value: '' },
      ];
      const created = await client.send(
        new CreateTableCommand({
          TableName: name,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [attribute('pk')],
          KeySchema: [hash('pk')],
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
          SSESpecification: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: keyId },
          Tags: tags,
          TableClass: 'STANDARD_INFREQUENT_ACCESS',
          DeletionProtectionEnabled: true,
          OnDemandThroughput: { MaxReadRequestUnits: 100, MaxWriteRequestUnits: 50 },
        }),
      );
      const label = created.TableDescription?.LatestStreamLabel ?? '';
      assert.match(label, streamLabelPattern);
      assert.ok(Date.parse(`${label}Z`) >= sinceMs && Date.parse(`${label}Z`) <= Date.now(), 'the label is the time the stream started');
      const options = {
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
        LatestStreamLabel: label,
        LatestStreamArn: `${tableArn(name)}/stream/${label}`,
        SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: `arn:aws:kms:${region}:${accountId}:key/${keyId}` },
        TableClassSummary: { TableClass: 'STANDARD_INFREQUENT_ACCESS' },
        DeletionProtectionEnabled: true,
        OnDemandThroughput: { MaxReadRequestUnits: 100, MaxWriteRequestUnits: 50 },
      };
      const base = {
        AttributeDefinitions: [attribute('pk')],
        TableName: name,
        KeySchema: [hash('pk')],
        CreationDateTime: '<time>',
        ProvisionedThroughput: onDemandThroughput,
        TableSizeBytes: 0,
        ItemCount: 0,
        TableArn: tableArn(name),
        TableId: '<uuid>',
      };
      assert.deepEqual(stable(created.TableDescription, sinceMs), {
        ...base,
        ...options,
        TableStatus: 'CREATING',
        BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
      });
      assert.deepEqual(stable(await settled(name), sinceMs), {
        ...base,
        ...options,
        TableStatus: 'ACTIVE',
        BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: '<time>' },
        WarmThroughput: onDemandWarmThroughput,
      });
      const listed = await client.send(new ListTagsOfResourceCommand({ ResourceArn: tableArn(name) }));
      assert.deepEqual(listed.Tags, tags);
    });

    it('encrypts with the AWS managed key when KMS is asked for without a key, and describes no default encryption', async () => {
      const managed = uniqueTableName('sse-managed');
      const managedToo = uniqueTableName('sse-managed');
      const plain = uniqueTableName('sse-default');
      for (const [name, specification] of [
        [managed, { Enabled: true }],
        [managedToo, { SSEType: 'KMS' as const }],
        [plain, { Enabled: false }],
      ] as const) {
        await createTable(client, {
          TableName: name,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [attribute('pk')],
          KeySchema: [hash('pk')],
          SSESpecification: specification,
        });
      }
      const first = (await describeTable(managed)).SSEDescription;
      assert.equal(first?.Status, 'ENABLED');
      assert.equal(first?.SSEType, 'KMS');
      assert.match(first?.KMSMasterKeyArn ?? '', /^arn:aws:kms:us-east-1:000000000000:key\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.deepEqual((await describeTable(managedToo)).SSEDescription, first, 'one managed key per account and region');
      assert.equal((await describeTable(plain)).SSEDescription, undefined);
    });

    it('counts items and bytes live as items are put, replaced and deleted', async () => {
      const name = uniqueTableName('counts');
      await createTable(client, { TableName: name, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [attribute('pk')], KeySchema: [hash('pk')] });
      const first = { pk: 'a', v: 'xyz' };
      const second = { pk: 'bb', text: 'ünïcode' };
      const counts = async () => {
        const table = await describeTable(name);
        return [table.ItemCount, table.TableSizeBytes];
      };
      assert.deepEqual(await counts(), [0, 0]);
      await put(name, first);
      assert.deepEqual(await counts(), [1, sizeOf(first)]);
      await put(name, second);
      assert.deepEqual(await counts(), [2, sizeOf(first) + sizeOf(second)]);
      const replaced = { pk: 'a', v: 'x'.repeat(100), w: 'w' };
      await put(name, replaced);
      assert.deepEqual(await counts(), [2, sizeOf(replaced) + sizeOf(second)]);
      await client.send(new DeleteItemCommand({ TableName: name, Key: wire({ pk: 'a' }) }));
      assert.deepEqual(await counts(), [1, sizeOf(second)]);
      await client.send(new DeleteItemCommand({ TableName: name, Key: wire({ pk: 'never-there' }) }));
      assert.deepEqual(await counts(), [1, sizeOf(second)]);
      await client.send(new DeleteItemCommand({ TableName: name, Key: wire({ pk: 'bb' }) }));
      assert.deepEqual(await counts(), [0, 0]);
    });

    it('lets exactly one of two simultaneous creations of a name win', async () => {
      const name = uniqueTableName('race');
      const request = () =>
        client.send(new CreateTableCommand({ TableName: name, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [attribute('pk')], KeySchema: [hash('pk')] }));
      const outcomes = await Promise.allSettled([request(), request()]);
      const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      assert.equal(refused.length, 1);
      const error = refused[0]?.reason as { name: string; message: string };
      assert.equal(error.name, 'ResourceInUseException');
      assert.ok([`${inUse}Table is being created: ${name}`, `Table already exists: ${name}`].includes(error.message), error.message);
      assert.equal((await listAllTables()).filter((listed) => listed === name).length, 1);
    });
  });

  describe('ListTables', () => {
    it('pages over many tables in byte order with Limit and ExclusiveStartTableName', async () => {
      // A server of its own, so the test knows every table there is.
      const own = await startTestServer();
      const ownClient = clientFor(own.endpoint);
      try {
        const names = [...Array.from({ length: 103 }, (_, index) => `list-${String(index).padStart(3, '0')}`), 'Zeta-table', 'alpha_table'];
        for (const name of names) {
          await ownClient.send(
            new CreateTableCommand({ TableName: name, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [attribute('pk')], KeySchema: [hash('pk')] }),
          );
        }
        const sorted = ['Zeta-table', 'alpha_table', ...names.slice(0, 103)];
        const list = (input: { Limit?: number; ExclusiveStartTableName?: string }) => ownClient.send(new ListTablesCommand(input));

        const first = await list({});
        assert.deepEqual(first.TableNames, sorted.slice(0, 100), 'a default page holds 100 names');
        assert.equal(first.LastEvaluatedTableName, sorted[99]);
        const rest = await list({ ExclusiveStartTableName: first.LastEvaluatedTableName as string });
        assert.deepEqual(rest.TableNames, sorted.slice(100));
        assert.equal(rest.LastEvaluatedTableName, undefined);

        const paged: string[] = [];
        let start: string | undefined;
        let pages = 0;
        do {
          const page = await list({ Limit: 7, ...(start === undefined ? {} : { ExclusiveStartTableName: start }) });
          assert.ok((page.TableNames?.length ?? 0) <= 7);
          paged.push(...(page.TableNames ?? []));
          start = page.LastEvaluatedTableName;
          if (start !== undefined) assert.equal(start, page.TableNames?.at(-1));
          pages++;
        } while (start !== undefined);
        assert.deepEqual(paged, sorted);
        assert.equal(pages, 15, '105 names in pages of 7, the last ending exactly at the last name');

        const afterMissing = await list({ ExclusiveStartTableName: 'b-not-a-table', Limit: 2 });
        assert.deepEqual([afterMissing.TableNames, afterMissing.LastEvaluatedTableName], [['list-000', 'list-001'], 'list-001']);
        const afterLast = await list({ ExclusiveStartTableName: 'list-102' });
        assert.deepEqual([afterLast.TableNames, afterLast.LastEvaluatedTableName], [[], undefined]);
        const fromStart = await list({ ExclusiveStartTableName: 'AAA', Limit: 1 });
        assert.deepEqual([fromStart.TableNames, fromStart.LastEvaluatedTableName], [['Zeta-table'], 'Zeta-table']);
      } finally {
        ownClient.destroy();
        await own.close();
      }
    });
  });

  describe('UpdateTable', () => {
    async function provisionedTable(prefix: string): Promise<string> {
      const name = uniqueTableName(prefix);
      await createTable(client, {
        TableName: name,
        AttributeDefinitions: [attribute('pk')],
        KeySchema: [hash('pk')],
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
      });
      return name;
    }

    it('changes provisioned throughput: UPDATING with the old units, then ACTIVE with the new', async () => {
      const name = await provisionedTable('throughput');
      const sinceMs = Date.now();
      const raised = await client.send(new UpdateTableCommand({ TableName: name, ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 8 } }));
      assert.equal(raised.TableDescription?.TableStatus, 'UPDATING');
      assert.deepEqual(stable(raised.TableDescription?.ProvisionedThroughput, sinceMs), {
        LastIncreaseDateTime: '<time>',
        NumberOfDecreasesToday: 0,
        ReadCapacityUnits: 5,
        WriteCapacityUnits: 5,
      });
      const afterRaise = await settled(name);
      assert.deepEqual(stable(afterRaise.ProvisionedThroughput, sinceMs), {
        LastIncreaseDateTime: '<time>',
        NumberOfDecreasesToday: 0,
        ReadCapacityUnits: 10,
        WriteCapacityUnits: 8,
      });

      const lowered = await client.send(new UpdateTableCommand({ TableName: name, ProvisionedThroughput: { ReadCapacityUnits: 4, WriteCapacityUnits: 8 } }));
      assert.equal(lowered.TableDescription?.TableStatus, 'UPDATING');
      assert.deepEqual(
        [lowered.TableDescription?.ProvisionedThroughput?.ReadCapacityUnits, lowered.TableDescription?.ProvisionedThroughput?.NumberOfDecreasesToday],
        [10, 0],
      );
      const afterLower = await settled(name);
      assert.deepEqual(stable(afterLower.ProvisionedThroughput, sinceMs), {
        LastIncreaseDateTime: '<time>',
        LastDecreaseDateTime: '<time>',
        NumberOfDecreasesToday: 1,
        ReadCapacityUnits: 4,
        WriteCapacityUnits: 8,
      });
      assert.equal(afterLower.BillingModeSummary, undefined, 'a table only ever provisioned has no billing summary');
    });

    it('switches billing mode to on-demand and back', async () => {
      const name = await provisionedTable('billing');
      const sinceMs = Date.now();
      const toOnDemand = await client.send(new UpdateTableCommand({ TableName: name, BillingMode: 'PAY_PER_REQUEST' }));
      assert.deepEqual(
        stable(
          {
            status: toOnDemand.TableDescription?.TableStatus,
            summary: toOnDemand.TableDescription?.BillingModeSummary,
            throughput: toOnDemand.TableDescription?.ProvisionedThroughput,
          },
          sinceMs,
        ),
        {
          status: 'UPDATING',
          summary: { BillingMode: 'PAY_PER_REQUEST' },
          throughput: { LastDecreaseDateTime: '<time>', NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
        },
      );
      const onDemand = await settled(name);
      assert.deepEqual(stable(onDemand.BillingModeSummary, sinceMs), { BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: '<time>' });
      assert.deepEqual(onDemand.WarmThroughput, onDemandWarmThroughput);

      const toProvisioned = await client.send(
        new UpdateTableCommand({ TableName: name, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 2 } }),
      );
      assert.equal(toProvisioned.TableDescription?.TableStatus, 'UPDATING');
      assert.equal(toProvisioned.TableDescription?.BillingModeSummary?.BillingMode, 'PROVISIONED');
      assert.deepEqual(
        [toProvisioned.TableDescription?.ProvisionedThroughput?.ReadCapacityUnits, toProvisioned.TableDescription?.ProvisionedThroughput?.WriteCapacityUnits],
        [3, 2],
        'a billing switch reports the new units at once',
      );
      const provisioned = await settled(name);
      assert.deepEqual(stable(provisioned.BillingModeSummary, sinceMs), { BillingMode: 'PROVISIONED', LastUpdateToPayPerRequestDateTime: '<time>' });
      assert.deepEqual([provisioned.ProvisionedThroughput?.ReadCapacityUnits, provisioned.ProvisionedThroughput?.WriteCapacityUnits], [3, 2]);
    });

    it('turns deletion protection off and on at once, at most once in 15 s, and DeleteTable obeys it', async () => {
      const protectedName = uniqueTableName('protected');
      await createTable(client, {
        TableName: protectedName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [attribute('pk')],
        KeySchema: [hash('pk')],
        DeletionProtectionEnabled: true,
      });
      const refused = await failure(client.send(new DeleteTableCommand({ TableName: protectedName })));
      assert.deepEqual(refused, {
        name: 'ValidationException',
        status: 400,
        message: 'Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.',
      });
      assert.equal((await describeTable(protectedName)).TableStatus, 'ACTIVE');

      const unprotected = await client.send(new UpdateTableCommand({ TableName: protectedName, DeletionProtectionEnabled: false }));
      assert.deepEqual([unprotected.TableDescription?.TableStatus, unprotected.TableDescription?.DeletionProtectionEnabled], ['ACTIVE', false]);
      const tooSoon = await failure(client.send(new UpdateTableCommand({ TableName: protectedName, DeletionProtectionEnabled: true })));
      assert.equal(tooSoon.name, 'ThrottlingException');
      assert.equal(tooSoon.status, 400);
      assert.match(
        tooSoon.message,
        new RegExp(
          `^Deletion protection setting for table ${protectedName} modified within the previous 15000 milliseconds\\. ` +
            'Please try again after \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}$',
        ),
      );
      assert.equal((await describeTable(protectedName)).DeletionProtectionEnabled, false);
      const deleted = await client.send(new DeleteTableCommand({ TableName: protectedName }));
      assert.equal(deleted.TableDescription?.TableStatus, 'DELETING');

      const name = uniqueTableName('protect-later');
      await createTable(client, { TableName: name, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [attribute('pk')], KeySchema: [hash('pk')] });
      const protecting = await client.send(new UpdateTableCommand({ TableName: name, DeletionProtectionEnabled: true }));
      assert.deepEqual([protecting.TableDescription?.TableStatus, protecting.TableDescription?.DeletionProtectionEnabled], ['ACTIVE', true]);
      assert.equal((await describeTable(name)).DeletionProtectionEnabled, true);
      assert.equal((await failure(client.send(new DeleteTableCommand({ TableName: name })))).name, 'ValidationException');
      assert.equal((await describeTable(name)).TableStatus, 'ACTIVE');
    });

    it('enables a stream, disables it keeping the latest stream, and starts a new one on the next enable', async () => {
      const name = await provisionedTable('stream');
      const enabled = await client.send(new UpdateTableCommand({ TableName: name, StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } }));
      const label = enabled.TableDescription?.LatestStreamLabel ?? '';
      assert.match(label, streamLabelPattern);
      assert.deepEqual(
        {
          status: enabled.TableDescription?.TableStatus,
          specification: enabled.TableDescription?.StreamSpecification,
          arn: enabled.TableDescription?.LatestStreamArn,
        },
        { status: 'UPDATING', specification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' }, arn: `${tableArn(name)}/stream/${label}` },
      );
      const active = await settled(name);
      assert.deepEqual([active.StreamSpecification, active.LatestStreamLabel], [{ StreamEnabled: true, StreamViewType: 'KEYS_ONLY' }, label]);

      const again = await failure(client.send(new UpdateTableCommand({ TableName: name, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } })));
      assert.deepEqual(again, { name: 'ValidationException', status: 400, message: `Table already has an enabled stream: TableName: ${name}` });

      const disabled = await client.send(new UpdateTableCommand({ TableName: name, StreamSpecification: { StreamEnabled: false } }));
      assert.equal(disabled.TableDescription?.TableStatus, 'UPDATING');
      assert.equal(disabled.TableDescription?.StreamSpecification, undefined);
      const withoutStream = await settled(name);
      assert.deepEqual(
        [withoutStream.StreamSpecification, withoutStream.LatestStreamLabel, withoutStream.LatestStreamArn],
        [undefined, label, `${tableArn(name)}/stream/${label}`],
      );
      const twice = await failure(client.send(new UpdateTableCommand({ TableName: name, StreamSpecification: { StreamEnabled: false } })));
      assert.deepEqual(twice, { name: 'ValidationException', status: 400, message: `Table has no stream to disable: TableName: ${name}` });

      await delay(2); // stream labels have millisecond resolution
      const reenabled = await client.send(new UpdateTableCommand({ TableName: name, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } }));
      assert.notEqual(reenabled.TableDescription?.LatestStreamLabel, label, 'every enable starts a new stream');
      assert.deepEqual((await settled(name)).StreamSpecification, { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
    });

    it('changes the table class: UPDATING, then the new class with the time it changed', async () => {
      const name = await provisionedTable('table-class');
      const sinceMs = Date.now();
      const unchanged = await client.send(new UpdateTableCommand({ TableName: name, TableClass: 'STANDARD' }));
      assert.deepEqual([unchanged.TableDescription?.TableStatus, unchanged.TableDescription?.TableClassSummary], ['ACTIVE', undefined], 'the class it has');
      const changing = await client.send(new UpdateTableCommand({ TableName: name, TableClass: 'STANDARD_INFREQUENT_ACCESS' }));
      assert.deepEqual([changing.TableDescription?.TableStatus, changing.TableDescription?.TableClassSummary], ['UPDATING', undefined]);
      assert.deepEqual(stable((await settled(name)).TableClassSummary, sinceMs), { TableClass: 'STANDARD_INFREQUENT_ACCESS', LastUpdateDateTime: '<time>' });
    });

    it('creates a GSI on a table holding items: CREATING, then backfilling, then ACTIVE with every keyed item', async () => {
      const name = uniqueTableName('backfill');
      await createTable(client, { TableName: name, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [attribute('pk')], KeySchema: [hash('pk')] });
      // Items with g (S) belong in the index; without g, or with g of another type, they do not.
      const keyed = new Map<string, string>();
      const itemCount = 120;
      const puts: Promise<unknown>[] = [];
      for (let number = 0; number < itemCount; number++) {
        const pk = `item-${number}`;
        const item: Record<string, AttributeValue> = { pk: { S: pk }, other: { S: 'x'.repeat(number % 10) } };
        if (number % 4 === 1) item['g'] = { N: String(number) };
        else if (number % 4 !== 0) {
          item['g'] = { S: `group-${number % 7}` };
          keyed.set(pk, `group-${number % 7}`);
        }
        puts.push(client.send(new PutItemCommand({ TableName: name, Item: item })));
      }
      await Promise.all(puts);

      const sinceMs = Date.now();
      const updated = await client.send(
        new UpdateTableCommand({
          TableName: name,
          AttributeDefinitions: [attribute('g')],
          GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'by-g', KeySchema: [hash('g')], Projection: { ProjectionType: 'KEYS_ONLY' } } }],
        }),
      );
      // Sent at once: the index is still being built, so the table cannot go.
      const blocked = await failure(client.send(new DeleteTableCommand({ TableName: name })));
      assert.deepEqual(blocked, {
        name: 'ResourceInUseException',
        status: 400,
        message: `${inUse}Cannot delete table while indexes are being created, updated, or deleted.`,
      });
      const answer = updated.TableDescription;
      assert.equal(answer?.TableStatus, 'UPDATING');
      assert.deepEqual(answer?.AttributeDefinitions, [attribute('pk'), attribute('g')]);
      assert.deepEqual(stable(answer?.GlobalSecondaryIndexes, sinceMs), [
        {
          IndexName: 'by-g',
          KeySchema: [hash('g')],
          Projection: { ProjectionType: 'KEYS_ONLY' },
          IndexStatus: 'CREATING',
          Backfilling: false,
          ProvisionedThroughput: onDemandThroughput,
          IndexSizeBytes: 0,
          ItemCount: 0,
          IndexArn: `${tableArn(name)}/index/by-g`,
          WarmThroughput: onDemandWarmThroughput,
        },
      ]);

      // Writes while the index is built reach it too.
      const writes = Promise.all([
        client.send(new PutItemCommand({ TableName: name, Item: wire({ pk: 'late', g: 'group-late' }) })),
        client.send(new DeleteItemCommand({ TableName: name, Key: wire({ pk: 'item-2' }) })),
        client.send(new PutItemCommand({ TableName: name, Item: wire({ pk: 'item-3', other: 'no g any more' }) })),
      ]);
      keyed.set('late', 'group-late');
      keyed.delete('item-2');
      keyed.delete('item-3');

      const phases: string[] = [];
      const phaseOf = (table: TableDescription) => {
        const index = table.GlobalSecondaryIndexes?.find((candidate) => candidate.IndexName === 'by-g');
        return `${table.TableStatus} ${index?.IndexStatus} ${index?.Backfilling === undefined ? '-' : String(index.Backfilling)}`;
      };
      await eventually(
        () => describeTable(name),
        (table) => {
          if (phases.at(-1) !== phaseOf(table)) phases.push(phaseOf(table));
          return table.GlobalSecondaryIndexes?.[0]?.IndexStatus === 'ACTIVE';
        },
        'the index becoming ACTIVE',
      );
      await writes;
      const order = ['UPDATING CREATING false', 'ACTIVE CREATING true', 'ACTIVE ACTIVE -'];
      assert.deepEqual(phases, order.filter((phase) => phases.includes(phase)), `phases in order: ${phases.join(', ')}`);
      assert.ok(phases.includes('ACTIVE CREATING true'), `the backfill was seen: ${phases.join(', ')}`);

      const expectedBytes = [...keyed].reduce((size, [pk, g]) => size + sizeOf({ pk, g }), 0);
      const index = await eventually(
        async () => (await describeTable(name)).GlobalSecondaryIndexes?.[0] as GlobalSecondaryIndexDescription,
        (described) => described.ItemCount === keyed.size && described.IndexSizeBytes === expectedBytes,
        `the index holding ${keyed.size} items of ${expectedBytes} bytes`,
      );
      assert.equal(index.Backfilling, undefined);
      assert.equal(index.IndexStatus, 'ACTIVE');

      const wrongType = await failure(client.send(new PutItemCommand({ TableName: name, Item: { pk: { S: 'typed' }, g: { N: '1' } } })));
      assert.equal(wrongType.name, 'ValidationException');
      assert.match(wrongType.message, /Type mismatch for Index Key g Expected: S Actual: N IndexName: by-g/);
    });

    it('deletes a GSI: DELETING in the answer, then gone with the attribute definition only it used', async () => {
      const name = uniqueTableName('drop-index');
      await createTable(client, {
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [attribute('pk'), attribute('g'), attribute('h', 'N')],
        KeySchema: [hash('pk')],
        GlobalSecondaryIndexes: [
          { IndexName: 'by-g', KeySchema: [hash('g')], Projection: { ProjectionType: 'ALL' } },
          { IndexName: 'by-h', KeySchema: [hash('h')], Projection: { ProjectionType: 'KEYS_ONLY' } },
        ],
      });
      await put(name, { pk: 'a', g: 'one' });
      const deleting = await client.send(new UpdateTableCommand({ TableName: name, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'by-g' } }] }));
      assert.equal(deleting.TableDescription?.TableStatus, 'UPDATING');
      const states = deleting.TableDescription?.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.IndexStatus, index.Backfilling]);
      assert.deepEqual(states, [
        ['by-g', 'DELETING', undefined],
        ['by-h', 'ACTIVE', undefined],
      ]);
      const after = await settled(name);
      assert.deepEqual(
        after.GlobalSecondaryIndexes?.map((index) => index.IndexName),
        ['by-h'],
      );
      assert.deepEqual(after.AttributeDefinitions, [attribute('pk'), attribute('h', 'N')]);
      // g is an ordinary attribute now: any type will do.
      await client.send(new PutItemCommand({ TableName: name, Item: { pk: { S: 'b' }, g: { N: '7' } } }));
      assert.equal((await describeTable(name)).ItemCount, 2);

      // A new index of the same name starts from the table's items, not from the old index's data.
      await client.send(
        new UpdateTableCommand({
          TableName: name,
          AttributeDefinitions: [attribute('g', 'N')],
          GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'by-g', KeySchema: [hash('g')], Projection: { ProjectionType: 'ALL' } } }],
        }),
      );
      const rebuilt = await eventually(
        async () => (await settled(name)).GlobalSecondaryIndexes?.find((index) => index.IndexName === 'by-g'),
        (index) => index?.ItemCount === 1,
        'the rebuilt index holding one item',
      );
      assert.equal(rebuilt?.IndexSizeBytes, 'pk'.length + 'b'.length + 'g'.length + 2, 'pk "b" and g 7 (a one-digit number is 2 bytes)');
    });
  });

  describe('DeleteTable', () => {
    it('answers DELETING, then the table and its items are gone', async () => {
      const name = uniqueTableName('delete');
      await createTable(client, {
        TableName: name,
        AttributeDefinitions: [attribute('pk')],
        KeySchema: [hash('pk')],
        ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 3 },
      });
      const item = { pk: 'kept?', v: 'value' };
      await put(name, item);
      const before = await describeTable(name);
      const deleted = await client.send(new DeleteTableCommand({ TableName: name }));
      // test_table_crud in shared/reference: the answer carries identity, status, counts and throughput only.
      assert.deepEqual(deleted.TableDescription, {
        TableName: name,
        TableStatus: 'DELETING',
        ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 2, WriteCapacityUnits: 3 },
        TableSizeBytes: sizeOf(item),
        ItemCount: 1,
        TableArn: tableArn(name),
        TableId: before.TableId,
        DeletionProtectionEnabled: false,
      });

      const waited = await waitUntilTableNotExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { TableName: name });
      assert.equal(waited.state, 'SUCCESS');
      assert.deepEqual(waited.observedResponses, { [`400: Requested resource not found: Table: ${name} not found`]: 1 }, 'gone at the first DescribeTable');
      assert.ok(!(await listAllTables()).includes(name));
      const read = await failure(client.send(new GetItemCommand({ TableName: name, Key: wire({ pk: 'kept?' }) })));
      assert.deepEqual(read, { name: 'ResourceNotFoundException', status: 400, message: 'Requested resource not found' });
      const again = await failure(client.send(new DeleteTableCommand({ TableName: name })));
      assert.deepEqual(again, { name: 'ResourceNotFoundException', status: 400, message: `Requested resource not found: Table: ${name} not found` });

      await createTable(client, { TableName: name, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [attribute('pk')], KeySchema: [hash('pk')] });
      const recreated = await describeTable(name);
      assert.notEqual(recreated.TableId, before.TableId);
      assert.deepEqual([recreated.ItemCount, recreated.TableSizeBytes], [0, 0]);
      const fresh = await client.send(new GetItemCommand({ TableName: name, Key: wire({ pk: 'kept?' }) }));
      assert.equal(fresh.Item, undefined);
    });
  });

  describe('tags', () => {
    it('adds, replaces, removes and lists tags', async () => {
      const name = uniqueTableName('tags');
      await createTable(client, {
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [attribute('pk')],
        KeySchema: [hash('pk')],
        Tags: [{ Key: 'a', Value: '1' }],
      });
      const arn = tableArn(name);
      const tags = async () => (await client.send(new ListTagsOfResourceCommand({ ResourceArn: arn }))).Tags;
      assert.deepEqual(await tags(), [{ Key: 'a', Value: '1' }]);
      const added = [
        { Key: 'b', Value: '2' },
        { Key: 'a', Value: '3' },
        { Key: 'ключ', Value: 'café 表' },
      ];
      const tagged = await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: added }));
      assert.deepEqual(Object.keys(tagged), ['$metadata']);
      assert.deepEqual(await tags(), [
        { Key: 'a', Value: '3' },
        { Key: 'b', Value: '2' },
        { Key: 'ключ', Value: 'café 表' },
      ]);
      const untagged = await client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['b', 'never-set'] }));
      assert.deepEqual(Object.keys(untagged), ['$metadata']);
      assert.deepEqual(await tags(), [
        { Key: 'a', Value: '3' },
        { Key: 'ключ', Value: 'café 表' },
      ]);
      await client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['a', 'ключ'] }));
      assert.deepEqual(await tags(), []);
    });
  });

  describe('account answers', () => {
    it('answers DescribeLimits with the default quotas', async () => {
      const { $metadata: _metadata, ...limits } = await client.send(new DescribeLimitsCommand({}));
      assert.deepEqual(limits, {
        AccountMaxReadCapacityUnits: 80000,
        AccountMaxWriteCapacityUnits: 80000,
        TableMaxReadCapacityUnits: 40000,
        TableMaxWriteCapacityUnits: 40000,
      });
    });

    it('answers DescribeEndpoints with the regional endpoint', async () => {
      const { Endpoints } = await client.send(new DescribeEndpointsCommand({}));
      assert.deepEqual(Endpoints, [{ Address: 'dynamodb.us-east-1.amazonaws.com', CachePeriodInMinutes: 1440 }]);
    });
  });

  describe('refused requests', () => {
    interface ErrorCase {
      readonly title: string;
      readonly send: () => Promise<unknown>;
      readonly name: string;
      readonly message: string;
      /** Set while dynacell answers otherwise: why, and where the fault lies. */
      readonly todo?: string;
    }

    const provisioned = uniqueTableName('refusals-provisioned');
    const onDemand = uniqueTableName('refusals-on-demand');
    const missing = 'no-such-table';
    let tablesBefore: string[];
    let describedBefore: TableDescription[];

    before(async () => {
      await createTable(client, {
        TableName: provisioned,
        AttributeDefinitions: [attribute('id'), attribute('g')],
        KeySchema: [hash('id')],
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
        GlobalSecondaryIndexes: [
          { IndexName: 'by-g', KeySchema: [hash('g')], Projection: { ProjectionType: 'ALL' }, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } },
        ],
        Tags: [{ Key: 'kept', Value: 'yes' }],
      });
      await createTable(client, {
        TableName: onDemand,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [attribute('pk'), attribute('sk'), attribute('lsk'), attribute('g')],
        KeySchema: [hash('pk'), range('sk')],
        LocalSecondaryIndexes: [{ IndexName: 'by-lsk', KeySchema: [hash('pk'), range('lsk')], Projection: { ProjectionType: 'KEYS_ONLY' } }],
        GlobalSecondaryIndexes: [{ IndexName: 'by-g', KeySchema: [hash('g')], Projection: { ProjectionType: 'ALL' } }],
      });
      tablesBefore = await listAllTables();
      describedBefore = [await describeTable(provisioned), await describeTable(onDemand)];
    });

    const fresh = 'refused-new-table';
    const valid: CreateTableCommandInput = {
      TableName: fresh,
      AttributeDefinitions: [attribute('pk')],
      KeySchema: [hash('pk')],
      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
    };
    const create = (changes: Partial<CreateTableCommandInput>) => () => client.send(new CreateTableCommand({ ...valid, ...changes }));
    const update = (table: string, changes: Record<string, unknown>) => () =>
      client.send(new UpdateTableCommand({ TableName: table, ...changes }));
    const nothingToUpdate =
      'At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, ' +
      'MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required';
    const advice = 'Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.';
    const createIndex = (indexName: string, attributeName: string) => ({
      Create: {
        IndexName: indexName,
        KeySchema: [hash(attributeName)],
        Projection: { ProjectionType: 'ALL' as const },
        ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
      },
    });

    const cases: ErrorCase[] = [
      // CreateTable
      {
        title: 'CreateTable of a name taken (recorded: test_create_duplicate_table)',
        send: create({ TableName: provisioned }),
        name: 'ResourceInUseException',
        message: `Table already exists: ${provisioned}`,
      },
      {
        title: 'CreateTable with a bad name',
        send: create({ TableName: 'bad;name' }),
        name: 'ValidationException',
        message:
          "1 validation error detected: Value 'bad;name' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
      },
      {
        title: 'CreateTable with several shape violations',
        send: create({ KeySchema: [], ProvisionedThroughput: { ReadCapacityUnits: -1, WriteCapacityUnits: -1 } }),
        name: 'ValidationException',
        message:
          "3 validation errors detected: Value '-1' at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
          "Value '-1' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
          "Value '[]' at 'keySchema' failed to satisfy constraint: Member must have length greater than or equal to 1",
      },
      {
        title: 'CreateTable with enum values DynamoDB does not know',
        send: create({
          BillingMode: 'hi' as BillingMode,
          GlobalSecondaryIndexes: [{ IndexName: 'abc', KeySchema: [hash('pk')], Projection: { ProjectionType: 'hi' as ProjectionType } }],
        }),
        name: 'ValidationException',
        message:
          "2 validation errors detected: Value 'hi' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]; " +
          "Value 'hi' at 'globalSecondaryIndexes.1.member.projection.projectionType' failed to satisfy constraint: Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]",
      },
      {
        title: 'CreateTable on demand with throughput (recorded: test_dynamodb_pay_per_request)',
        send: create({ BillingMode: 'PAY_PER_REQUEST' }),
        name: 'ValidationException',
        message: `${invalid}Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST`,
      },
      {
        title: 'CreateTable provisioned without throughput',
        send: () => client.send(new CreateTableCommand({ TableName: fresh, AttributeDefinitions: [attribute('pk')], KeySchema: [hash('pk')] })),
        name: 'ValidationException',
        message: `${invalid}ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED`,
      },
      {
        title: 'CreateTable with an undefined key attribute',
        send: create({ AttributeDefinitions: [attribute('other')] }),
        name: 'ValidationException',
        message: `${invalid}Some index key attributes are not defined in AttributeDefinitions. Keys: [pk], AttributeDefinitions: [other]`,
      },
      {
        title: 'CreateTable with an LSI on a table without a sort key',
        send: create({
          AttributeDefinitions: [attribute('pk'), attribute('lsk')],
          LocalSecondaryIndexes: [{ IndexName: 'lsi', KeySchema: [hash('pk'), range('lsk')], Projection: { ProjectionType: 'ALL' } }],
        }),
        name: 'ValidationException',
        message: `${invalid}Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex`,
      },
      {
        title: 'CreateTable with two indexes of one name',
        send: create({
          AttributeDefinitions: [attribute('pk'), attribute('g')],
          GlobalSecondaryIndexes: [
            { IndexName: 'twice', KeySchema: [hash('g')], Projection: { ProjectionType: 'ALL' }, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } },
            { IndexName: 'twice', KeySchema: [hash('g')], Projection: { ProjectionType: 'KEYS_ONLY' }, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } },
          ],
        }),
        name: 'ValidationException',
        message: `${invalid}Duplicate index name: twice`,
      },
      {
        title: 'CreateTable with a stream enabled but no view type',
        send: create({ StreamSpecification: { StreamEnabled: true } }),
        name: 'ValidationException',
        message: `${invalid}Table is being created with a stream enabled, UpdateViewType is required`,
      },
      {
        title: 'CreateTable with AES256 encryption',
        send: create({ SSESpecification: { Enabled: true, SSEType: 'AES256' } }),
        name: 'ValidationException',
        message: `${invalid}SSEType AES256 is not supported`,
      },
      {
        title: 'CreateTable with an unknown table class (the class is case-sensitive)',
        send: create({ TableClass: 'standard' as TableClass }),
        name: 'ValidationException',
        message: 'Invalid table-class parameter provided. Please try again with a valid table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].',
      },
      {
        title: 'CreateTable with an aws: tag',
        send: create({ Tags: [{ Key: 'aws:owner', Value: 'x' }] }),
        name: 'ValidationException',
        message: 'Tag Key cannot be prefixed with aws:, Key: aws:owner',
      },
      {
        title: 'CreateTable above the per-table capacity',
        send: create({ ProvisionedThroughput: { ReadCapacityUnits: 40001, WriteCapacityUnits: 1 } }),
        name: 'LimitExceededException',
        message: `The requested ReadCapacityUnits, 40001, is above the per table maximum for the account in us-east-1. Per table maximum: 40000. ${advice}`,
      },
      // DescribeTable
      {
        title: 'DescribeTable of a missing table',
        send: () => client.send(new DescribeTableCommand({ TableName: missing })),
        name: 'ResourceNotFoundException',
        message: `Requested resource not found: Table: ${missing} not found`,
      },
      {
        title: 'DescribeTable with a bad name',
        send: () => client.send(new DescribeTableCommand({ TableName: 'abc;' })),
        name: 'ValidationException',
        message:
          "1 validation error detected: Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
      },
      {
        title: 'DescribeTable with a short name',
        send: () => client.send(new DescribeTableCommand({ TableName: 'ab' })),
        name: 'ValidationException',
        message: 'TableName must be at least 3 characters long and at most 255 characters long',
      },
      // ListTables
      {
        title: 'ListTables with Limit 0',
        send: () => client.send(new ListTablesCommand({ Limit: 0 })),
        name: 'ValidationException',
        message: "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
      },
      {
        title: 'ListTables with Limit 101 and a bad start',
        send: () => client.send(new ListTablesCommand({ Limit: 101, ExclusiveStartTableName: 'a;' })),
        name: 'ValidationException',
        message:
          "3 validation errors detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100; " +
          "Value 'a;' at 'exclusiveStartTableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; " +
          "Value 'a;' at 'exclusiveStartTableName' failed to satisfy constraint: Member must have length greater than or equal to 3",
      },
      // UpdateTable
      {
        title: 'UpdateTable of a missing table',
        send: update(missing, { DeletionProtectionEnabled: true }),
        name: 'ResourceNotFoundException',
        message: `Requested resource not found: Table: ${missing} not found`,
      },
      {
        title: 'UpdateTable with nothing to change, on a missing table (judged before the lookup)',
        send: update(missing, {}),
        name: 'ValidationException',
        message: nothingToUpdate,
      },
      { title: 'UpdateTable with nothing to change', send: update(provisioned, {}), name: 'ValidationException', message: nothingToUpdate },
      {
        title: 'UpdateTable with the same throughput',
        send: update(provisioned, { ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } }),
        name: 'ValidationException',
        message:
          'The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: 5. ' +
          `Requested ReadCapacityUnits: 5. Current WriteCapacityUnits provisioned for the table: 5. Requested WriteCapacityUnits: 5. ${advice}`,
      },
      {
        title: 'UpdateTable with throughput on an on-demand table',
        send: update(onDemand, { ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }),
        name: 'ValidationException',
        message: `${invalid}Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST`,
      },
      {
        title: 'UpdateTable to PROVISIONED without throughput',
        send: update(onDemand, { BillingMode: 'PROVISIONED' }),
        name: 'ValidationException',
        message: `${invalid}ProvisionedThroughput must be specified when BillingMode is PROVISIONED`,
      },
      {
        title: 'UpdateTable enabling a stream without a view type',
        send: update(provisioned, { StreamSpecification: { StreamEnabled: true } }),
        name: 'ValidationException',
        message: `${invalid}If stream is being enabled then UpdateViewType is required`,
      },
      {
        title: 'UpdateTable disabling a stream the table does not have',
        send: update(provisioned, { StreamSpecification: { StreamEnabled: false } }),
        name: 'ValidationException',
        message: `Table has no stream to disable: TableName: ${provisioned}`,
      },
      {
        title: 'UpdateTable of an unknown GSI',
        send: update(provisioned, {
          GlobalSecondaryIndexUpdates: [{ Update: { IndexName: 'ghost', ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 } } }],
        }),
        name: 'ResourceNotFoundException',
        message: `Requested resource not found: Index ghost for table ${provisioned}`,
      },
      {
        title: 'UpdateTable creating an index whose name is taken',
        send: update(onDemand, {
          AttributeDefinitions: [attribute('g')],
          GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'by-g', KeySchema: [hash('g')], Projection: { ProjectionType: 'ALL' } } }],
        }),
        name: 'ValidationException',
        message: 'Attempting to create an index which already exists',
      },
      {
        title: 'UpdateTable creating an index without AttributeDefinitions',
        send: update(provisioned, { GlobalSecondaryIndexUpdates: [createIndex('by-h', 'h')] }),
        name: 'ValidationException',
        message: `${invalid}AttributeDefinitions is not specified for index: by-h`,
      },
      {
        title: 'UpdateTable creating an index with a short name',
        send: update(provisioned, { AttributeDefinitions: [attribute('h')], GlobalSecondaryIndexUpdates: [createIndex('ab', 'h')] }),
        name: 'ValidationException',
        message:
          "1 validation error detected: Value 'ab' at 'globalSecondaryIndexUpdates.1.member.create.indexName' failed to satisfy constraint: " +
          'Member must have length greater than or equal to 3',
      },
      {
        title: 'UpdateTable creating two indexes at once',
        send: update(provisioned, {
          AttributeDefinitions: [attribute('h'), attribute('i')],
          GlobalSecondaryIndexUpdates: [createIndex('by-h', 'h'), createIndex('by-i', 'i')],
        }),
        name: 'LimitExceededException',
        message: 'Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table',
      },
      {
        title: 'UpdateTable deleting an LSI',
        send: update(onDemand, { GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'by-lsk' } }] }),
        name: 'ValidationException',
        message: 'Cannot delete an index that is not a GlobalSecondaryIndex: by-lsk',
      },
      {
        title: 'UpdateTable with an unknown table class',
        send: update(provisioned, { TableClass: 'COLD' }),
        name: 'ValidationException',
        message: 'Invalid table-class parameter provided. Please try again with a valid table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].',
      },
      // DeleteTable
      {
        title: 'DeleteTable of a missing table (recorded: test_table_crud)',
        send: () => client.send(new DeleteTableCommand({ TableName: missing })),
        name: 'ResourceNotFoundException',
        message: `Requested resource not found: Table: ${missing} not found`,
      },
      // Tags
      {
        title: 'TagResource with something that is not an ARN',
        send: () => client.send(new TagResourceCommand({ ResourceArn: 'abcd', Tags: [{ Key: 'k', Value: 'v' }] })),
        name: 'ValidationException',
        message: `${invalid}ARNs must start with 'arn:': abcd`,
      },
      {
        title: 'TagResource with an index ARN',
        send: () => client.send(new TagResourceCommand({ ResourceArn: `${tableArn(provisioned)}/index/by-g`, Tags: [{ Key: 'k', Value: 'v' }] })),
        name: 'ValidationException',
        message: `${invalid}Invalid resource arn provided, only table or stream is accepted. Provided resource arn: ${tableArn(provisioned)}/index/by-g`,
      },
      {
        title: 'TagResource with an ARN of another region',
        send: () =>
          client.send(new TagResourceCommand({ ResourceArn: `arn:aws:dynamodb:eu-west-1:${accountId}:table/${provisioned}`, Tags: [{ Key: 'k', Value: 'v' }] })),
        name: 'ValidationException',
        message: `Invalid TableArn: Invalid ResourceArn provided as input arn:aws:dynamodb:eu-west-1:${accountId}:table/${provisioned}`,
      },
      {
        title: 'TagResource of a missing table',
        send: () => client.send(new TagResourceCommand({ ResourceArn: tableArn(missing), Tags: [{ Key: 'k', Value: 'v' }] })),
        name: 'ResourceNotFoundException',
        message: `Requested resource not found: ResourceArn: ${tableArn(missing)} not found`,
      },
      {
        title: 'TagResource without tags',
        send: () => client.send(new TagResourceCommand({ ResourceArn: tableArn(provisioned), Tags: [] })),
        name: 'ValidationException',
        message: 'Atleast one Tag needs to be provided as Input.',
      },
      {
        title: 'TagResource with a good tag beside a bad one',
        send: () => client.send(new TagResourceCommand({ ResourceArn: tableArn(provisioned), Tags: [{ Key: 'good', Value: 'x' }, { Key: 'bad#key', Value: 'x' }] })),
        name: 'ValidationException',
        message: 'The Tag Key provided is invalid, Key: bad#key',
      },
      {
        title: 'UntagResource without keys',
        send: () => client.send(new UntagResourceCommand({ ResourceArn: tableArn(provisioned), TagKeys: [] })),
        name: 'ValidationException',
        message: 'Atleast one Tag Key needs to be provided as Input.',
      },
      {
        title: 'UntagResource of an aws: key',
        send: () => client.send(new UntagResourceCommand({ ResourceArn: tableArn(provisioned), TagKeys: ['kept', 'aws:x'] })),
        name: 'ValidationException',
        message: 'Tag Key cannot be prefixed with aws:, Key: aws:x',
      },
      {
        title: 'ListTagsOfResource of a missing table',
        send: () => client.send(new ListTagsOfResourceCommand({ ResourceArn: tableArn(missing) })),
        name: 'ResourceNotFoundException',
        message: `Requested resource not found: ResourceArn: ${tableArn(missing)} not found`,
      },
    ];

    for (const testCase of cases) {
      it(testCase.title, testCase.todo === undefined ? {} : { todo: testCase.todo }, async () => {
        const error = await failure(testCase.send());
        assert.deepEqual(error, { name: testCase.name, status: 400, message: testCase.message });
      });
    }

    it('changed nothing: no table, description or tag differs', async () => {
      assert.deepEqual(await listAllTables(), tablesBefore);
      assert.deepEqual([await describeTable(provisioned), await describeTable(onDemand)], describedBefore);
      const tags = await client.send(new ListTagsOfResourceCommand({ ResourceArn: tableArn(provisioned) }));
      assert.deepEqual(tags.Tags, [{ Key: 'kept', Value: 'yes' }]);
    });
  });

  describe('index statistics follow every write', () => {
    /** One write of the script: a put of the whole item, or a delete of the key. */
    type Step = { readonly put: Readonly<Record<string, string>> } | { readonly delete: { readonly pk: string; readonly sk: string } };

    const tableKey = ['pk', 'sk'];
    const indexes = {
      // LSI: synchronous, so exact after every write.
      'by-lsk': { key: ['pk', 'lsk'], include: ['x'], all: false },
      // GSIs: asynchronous, so they converge.
      'by-gpk-gsk': { key: ['gpk', 'gsk'], include: ['x'], all: false },
      'by-gpk': { key: ['gpk'], include: [], all: true },
    } as const;
    type IndexName = keyof typeof indexes;

    function projected(item: Readonly<Record<string, string>>, name: IndexName): Record<string, string> | undefined {
      const index = indexes[name];
      if (!index.key.every((attribute) => item[attribute] !== undefined)) return undefined;
      if (index.all) return { ...item };
      const names = new Set([...tableKey, ...index.key, ...index.include]);
      return Object.fromEntries(Object.entries(item).filter(([attribute]) => names.has(attribute)));
    }

    function expectedStatistics(items: ReadonlyMap<string, Readonly<Record<string, string>>>, name: IndexName) {
      const entries = [...items.values()].map((item) => projected(item, name)).filter((entry) => entry !== undefined);
      return { itemCount: entries.length, sizeBytes: entries.reduce((size, entry) => size + sizeOf(entry), 0) };
    }

    function statisticsOf(table: TableDescription, name: IndexName) {
      const index = [...(table.LocalSecondaryIndexes ?? []), ...(table.GlobalSecondaryIndexes ?? [])].find((candidate) => candidate.IndexName === name);
      assert.ok(index !== undefined, `index ${name}`);
      return { itemCount: index.ItemCount, sizeBytes: index.IndexSizeBytes };
    }

    it('keeps LSI counts exact after each write and GSI counts converging to the table', async () => {
      const name = uniqueTableName('maintained');
      await createTable(client, {
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [attribute('pk'), attribute('sk'), attribute('lsk'), attribute('gpk'), attribute('gsk')],
        KeySchema: [hash('pk'), range('sk')],
        LocalSecondaryIndexes: [{ IndexName: 'by-lsk', KeySchema: [hash('pk'), range('lsk')], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['x'] } }],
        GlobalSecondaryIndexes: [
          { IndexName: 'by-gpk-gsk', KeySchema: [hash('gpk'), range('gsk')], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['x'] } },
          { IndexName: 'by-gpk', KeySchema: [hash('gpk')], Projection: { ProjectionType: 'ALL' } },
        ],
      });
      const steps: Step[] = [
        { put: { pk: 'a', sk: '1', lsk: 'l1', gpk: 'g1', gsk: 's1', x: 'xx', y: 'yyy' } },
        { put: { pk: 'a', sk: '2', lsk: 'l2', y: 'y' } },
        { put: { pk: 'b', sk: '1', gpk: 'g1', x: 'x' } },
        { put: { pk: 'b', sk: '2', gpk: 'g2', gsk: 's2' } },
        { put: { pk: 'a', sk: '1', lsk: 'l9', gpk: 'g3', gsk: 's1', x: 'x' } },
        { put: { pk: 'a', sk: '2', lsk: 'l2', gpk: 'g4', gsk: 's4', x: 'xxxxx' } },
        { put: { pk: 'b', sk: '2', y: 'only y now' } },
        { delete: { pk: 'b', sk: '1' } },
        { delete: { pk: 'missing', sk: '0' } },
        { put: { pk: 'c', sk: '1', lsk: 'l1', gpk: 'g1', gsk: 's1' } },
        { put: { pk: 'c', sk: '1', lsk: 'l1', gpk: 'g1', gsk: 's1' } },
        { put: { pk: 'd', sk: '1', lsk: 'long '.repeat(20), gpk: 'same', gsk: 'same', x: 'ẍ' } },
        { put: { pk: 'd', sk: '2', gpk: 'same', gsk: 'same' } },
        { delete: { pk: 'a', sk: '2' } },
      ];
      const items = new Map<string, Readonly<Record<string, string>>>();
      const convergeGlobalIndexes = async () => {
        for (const index of ['by-gpk-gsk', 'by-gpk'] as const) {
          const expected = expectedStatistics(items, index);
          await eventually(
            () => describeTable(name),
            (table) => {
              const actual = statisticsOf(table, index);
              return actual.itemCount === expected.itemCount && actual.sizeBytes === expected.sizeBytes;
            },
            `${index} holding ${JSON.stringify(expected)}`,
          );
        }
      };
      for (const [number, step] of steps.entries()) {
        if ('put' in step) {
          await put(name, step.put);
          items.set(`${step.put['pk']}/${step.put['sk']}`, step.put);
        } else {
          await client.send(new DeleteItemCommand({ TableName: name, Key: wire(step.delete) }));
          items.delete(`${step.delete.pk}/${step.delete.sk}`);
        }
        const table = await describeTable(name);
        const everything = [...items.values()];
        assert.deepEqual(
          [table.ItemCount, table.TableSizeBytes],
          [everything.length, everything.reduce((size, item) => size + sizeOf(item), 0)],
          `table after step ${number}`,
        );
        assert.deepEqual(statisticsOf(table, 'by-lsk'), expectedStatistics(items, 'by-lsk'), `LSI after step ${number}`);
        if (number === 3) await convergeGlobalIndexes();
      }
      await convergeGlobalIndexes();
    });
  });
});
