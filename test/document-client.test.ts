import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, NumberValue, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { clientFor, startTestServer } from './support/server.js';
import { createKeyedTable, failure, uniqueTableName } from './support/tables.js';

describe('DynamoDBDocumentClient', () => {
  let server: EmbeddedServer;
  let client: DynamoDBClient;
  // A document client stores its translation options in the config of the client it wraps, so each one
  // wraps a client of its own.
  /** Numbers come back as JavaScript numbers. */
  let documents: DynamoDBDocumentClient;
  /** Numbers come back as NumberValue, exactly as stored. */
  let precise: DynamoDBDocumentClient;
  let table: string;
  before(async () => {
    server = await startTestServer();
    client = clientFor(server.endpoint);
    documents = DynamoDBDocumentClient.from(clientFor(server.endpoint), { marshallOptions: { removeUndefinedValues: true } });
    precise = DynamoDBDocumentClient.from(clientFor(server.endpoint), { unmarshallOptions: { wrapNumbers: true } });
    table = uniqueTableName('documents');
    await createKeyedTable(client, table);
  });
  after(async () => {
    documents.destroy();
    precise.destroy();
    client.destroy();
    await server.close();
  });

  it('round-trips a JavaScript object of every kind of value', async () => {
    const item = {
      pk: 'everything',
      text: 'héllo wörld',
      empty: '',
      integer: 42,
      negative: -7.25,
      zero: 0,
      flag: true,
      off: false,
      nothing: null,
      bytes: new Uint8Array([0, 1, 2, 255]),
      list: ['a', 1, true, null, '', { deep: ['x', { deeper: 3 }] }, [], {}],
      map: { inner: { deeper: { value: 'v', number: 3.5, empty: '' } }, emptyList: [], emptyMap: {} },
      strings: new Set(['b', 'a']),
      numbers: new Set([1, 2.5, -3]),
      binaries: new Set([new Uint8Array([1]), new Uint8Array([2, 3])]),
    };
    await documents.send(new PutCommand({ TableName: table, Item: item }));
    const read = await documents.send(new GetCommand({ TableName: table, Key: { pk: 'everything' }, ConsistentRead: true }));
    assert.deepEqual(read.Item, item);

    // What the document client sent is what DynamoDB's wire form says it is.
    const raw = await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'everything' } } }));
    assert.deepEqual(raw.Item?.['list'], {
      L: [{ S: 'a' }, { N: '1' }, { BOOL: true }, { NULL: true }, { S: '' }, { M: { deep: { L: [{ S: 'x' }, { M: { deeper: { N: '3' } } }] } } }, { L: [] }, { M: {} }],
    });
    assert.deepEqual(raw.Item?.['negative'], { N: '-7.25' });
    assert.deepEqual(raw.Item?.['nothing'], { NULL: true });
  });

  it('drops undefined members when told to', async () => {
    await documents.send(new PutCommand({ TableName: table, Item: { pk: 'sparse', kept: 'yes', dropped: undefined, map: { gone: undefined, here: 1 } } }));
    const read = await documents.send(new GetCommand({ TableName: table, Key: { pk: 'sparse' } }));
    assert.deepEqual(read.Item, { pk: 'sparse', kept: 'yes', map: { here: 1 } });
  });

  it('keeps numbers exact with NumberValue and wrapNumbers, in canonical form', async () => {
    const digits38 = '12345678901234567890123456789012345678';
    await precise.send(
      new PutCommand({
        TableName: table,
        Item: {
          pk: 'numbers',
          big: NumberValue.from(digits38),
          fraction: NumberValue.from('0.1000000000000000000000000000000000001'),
          padded: NumberValue.from('00123.4500'),
          exponent: NumberValue.from('-1.5E+3'),
          tiny: NumberValue.from('1E-130'),
          huge: NumberValue.from('9.9999999999999999999999999999999999999E+125'),
          bigint: 2n ** 70n,
          plain: 7,
          set: new Set([NumberValue.from('1.10'), NumberValue.from('99999999999999999999')]),
        },
      }),
    );
    const read = await precise.send(new GetCommand({ TableName: table, Key: { pk: 'numbers' } }));
    const values = Object.fromEntries(
      Object.entries(read.Item ?? {}).map(([name, value]) => [
        name,
        value instanceof NumberValue ? value.value : value instanceof Set ? [...value].map((member: NumberValue) => member.value).sort() : value,
      ]),
    );
    assert.deepEqual(values, {
      pk: 'numbers',
      big: digits38,
      fraction: '0.1000000000000000000000000000000000001',
      padded: '123.45',
      exponent: '-1500',
      tiny: `0.${'0'.repeat(129)}1`,
      huge: `99999999999999999999999999999999999999${'0'.repeat(88)}`,
      bigint: '1180591620717411303424',
      plain: '7',
      set: ['1.1', '99999999999999999999'],
    });
    assert.equal(read.Item?.['big'] instanceof NumberValue, true);
    assert.equal((read.Item?.['bigint'] as NumberValue).toBigInt(), 2n ** 70n);

    // Without wrapNumbers, large integers come back as BigInt and a long fraction loses digits.
    const plain = await documents.send(new GetCommand({ TableName: table, Key: { pk: 'numbers' } }));
    assert.equal(plain.Item?.['big'], BigInt(digits38));
    assert.equal(plain.Item?.['fraction'], 0.1);
  });

  it('converts numbers with a function given as wrapNumbers', async () => {
    const asBigInt = DynamoDBDocumentClient.from(clientFor(server.endpoint), { unmarshallOptions: { wrapNumbers: (value: string) => BigInt(value) } });
    try {
      await documents.send(new PutCommand({ TableName: table, Item: { pk: 'counter', count: Number.MAX_SAFE_INTEGER } }));
      await precise.send(new PutCommand({ TableName: table, Item: { pk: 'counter-big', count: 2n ** 64n + 1n } }));
      const small = await asBigInt.send(new GetCommand({ TableName: table, Key: { pk: 'counter' } }));
      const big = await asBigInt.send(new GetCommand({ TableName: table, Key: { pk: 'counter-big' } }));
      assert.deepEqual([small.Item?.['count'], big.Item?.['count']], [BigInt(Number.MAX_SAFE_INTEGER), 2n ** 64n + 1n]);
    } finally {
      asBigInt.destroy();
    }
  });

  it('returns the replaced and the deleted item with ReturnValues ALL_OLD', async () => {
    const first = await documents.send(
      new PutCommand({ TableName: table, Item: { pk: 'versioned', version: 1, tags: new Set(['a']) }, ReturnValues: 'ALL_OLD' }),
    );
    assert.equal(first.Attributes, undefined, 'nothing was there before');
    const second = await documents.send(
      new PutCommand({ TableName: table, Item: { pk: 'versioned', version: 2, nested: { list: [1, 'two'] } }, ReturnValues: 'ALL_OLD' }),
    );
    assert.deepEqual(second.Attributes, { pk: 'versioned', version: 1, tags: new Set(['a']) });
    const deleted = await documents.send(new DeleteCommand({ TableName: table, Key: { pk: 'versioned' }, ReturnValues: 'ALL_OLD' }));
    assert.deepEqual(deleted.Attributes, { pk: 'versioned', version: 2, nested: { list: [1, 'two'] } });
    const again = await documents.send(new DeleteCommand({ TableName: table, Key: { pk: 'versioned' }, ReturnValues: 'ALL_OLD' }));
    assert.equal(again.Attributes, undefined);
    const gone = await documents.send(new GetCommand({ TableName: table, Key: { pk: 'versioned' } }));
    assert.equal(gone.Item, undefined);
  });

  it('passes DynamoDB errors through unchanged', async () => {
    const emptyKey = await failure(documents.send(new PutCommand({ TableName: table, Item: { pk: '', value: 1 } })));
    assert.deepEqual(emptyKey, {
      name: 'ValidationException',
      status: 400,
      message: 'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk',
    });
    const missingTable = await failure(documents.send(new GetCommand({ TableName: 'no-such-table', Key: { pk: 'x' } })));
    assert.deepEqual(missingTable, { name: 'ResourceNotFoundException', status: 400, message: 'Requested resource not found' });
    const read = await documents.send(new GetCommand({ TableName: table, Key: { pk: '' } })).catch((error: Error) => error.name);
    assert.equal(read, 'ValidationException');
  });
});
