// The floor a linkage function's cold start is judged against: bundled the same way, it
// creates what every function must (a DynamoDB document client, an SQS client, a Powertools
// logger) and, when invoked, makes one call of each kind, as a function's first event does.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';

const logger = new Logger();
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const sqs = new SQSClient({});

export const handler = async (event: { table?: string; queueUrl?: string }): Promise<object> => {
  if (event.table) await db.send(new GetCommand({ TableName: event.table, Key: { pk: 'floor', sk: 'floor' } }));
  if (event.queueUrl) await sqs.send(new SendMessageCommand({ QueueUrl: event.queueUrl, MessageBody: '{}' }));
  logger.info('floor invoked');
  return {};
};
