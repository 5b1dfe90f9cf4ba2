// An in-memory dynalite (DynamoDB API) in this process, with the project's tables, so the
// stores' conditional writes and index queries are checked against a real engine.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { createDocumentClient } from '../../shared/storage/clients.ts';
import { TABLES, type TableId } from '../../shared/resources/tables.ts';
import { createTableInput } from '../../local/provision.ts';
import { testTableName } from './function-environment.ts';

export interface LocalDynamo {
  readonly client: DynamoDBClient;
  readonly db: DynamoDBDocumentClient;
  stop(): Promise<void>;
}

export async function startLocalDynamo(): Promise<LocalDynamo> {
  const server: Server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  for (const id of Object.keys(TABLES) as TableId[]) {
    await client.send(new CreateTableCommand(createTableInput(testTableName(id), TABLES[id])));
  }
  return {
    client,
    db: createDocumentClient(client),
    async stop() {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
