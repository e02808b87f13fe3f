import { CreateTableCommand, DynamoDBClient, waitUntilTableExists, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

let tableCounter = 0;

/** A fresh table name per call, so tests sharing one server never collide. */
export function uniqueTableName(prefix: string): string {
  tableCounter++;
  return `${prefix}-${process.pid}-${tableCounter}`;
}

export async function createTable(client: DynamoDBClient, input: CreateTableCommandInput): Promise<void> {
  await client.send(new CreateTableCommand(input));
  await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: input.TableName });
}

/** A PAY_PER_REQUEST table keyed by `pk` (S) and, when given, a sort key `sk` of the given type. */
export async function createKeyedTable(client: DynamoDBClient, name: string, sortKeyType?: 'S' | 'N' | 'B'): Promise<void> {
  await createTable(client, {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      ...(sortKeyType === undefined ? [] : [{ AttributeName: 'sk', AttributeType: sortKeyType }]),
    ],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, ...(sortKeyType === undefined ? [] : [{ AttributeName: 'sk', KeyType: 'RANGE' as const }])],
  });
}

/** Runs a request expected to fail and returns the SDK's error, for asserting its name and message. */
export async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await promise;
  } catch (error) {
    const typed = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: typed.name, message: typed.message, status: typed.$metadata?.httpStatusCode };
  }
  throw new Error('expected the request to fail');
}
