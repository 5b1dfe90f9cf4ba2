// SDK clients for the embedded engines, with their endpoints given explicitly.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { LOCAL_CREDENTIALS, type ServiceEndpoints } from './environment.ts';

export interface LocalClients {
  readonly dynamodb: DynamoDBClient;
  readonly sqs: SQSClient;
}

export function localClients(endpoints: ServiceEndpoints): LocalClients {
  const common = { region: endpoints.region, credentials: LOCAL_CREDENTIALS, maxAttempts: 5 };
  return {
    dynamodb: new DynamoDBClient({ ...common, endpoint: endpoints.dynamodbEndpoint }),
    sqs: new SQSClient({ ...common, endpoint: endpoints.sqsEndpoint }),
  };
}

export function destroyClients(clients: LocalClients): void {
  clients.dynamodb.destroy();
  clients.sqs.destroy();
}
