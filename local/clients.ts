// SDK clients for the embedded engines, with their endpoints given explicitly.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { LOCAL_CREDENTIALS, type ServiceEndpoints } from './environment.ts';

export interface LocalClients {
  readonly dynamodb: DynamoDBClient;
  readonly sqs: SQSClient;
}

/**
 * Sockets of the SQS client: the local runner's pollers each hold one through a long poll (two
 * per inbound queue, so 400 for a 200-institution registry), and with the SDK's default of 50
 * the deletes and queue checks waited behind them for up to 20 s. Loopback sockets are cheap.
 */
const SQS_SOCKETS = 4_096;

export function localClients(endpoints: ServiceEndpoints): LocalClients {
  const common = { region: endpoints.region, credentials: LOCAL_CREDENTIALS, maxAttempts: 5 };
  return {
    dynamodb: new DynamoDBClient({ ...common, endpoint: endpoints.dynamodbEndpoint }),
    sqs: new SQSClient({
      ...common,
      endpoint: endpoints.sqsEndpoint,
      requestHandler: { httpAgent: { keepAlive: true, maxSockets: SQS_SOCKETS } },
    }),
  };
}

export function destroyClients(clients: LocalClients): void {
  clients.dynamodb.destroy();
  clients.sqs.destroy();
}
