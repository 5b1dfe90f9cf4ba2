// aws-sdk-client-mock on the three clients the handlers use, for handler unit tests only.
// The document client and the plain DynamoDB client (used by Powertools idempotency) are
// mocked separately, as the library requires.
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  DeleteItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
  type SendMessageCommandInput,
} from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';

export interface AwsMocks {
  readonly documents: AwsClientStub<DynamoDBDocumentClient>;
  readonly dynamo: AwsClientStub<DynamoDBClient>;
  readonly sqs: AwsClientStub<SQSClient>;
}

let mocks: AwsMocks | undefined;

/** Mocks the clients (once per test file) and resets them to accept everything. */
export function resetAwsMocks(): AwsMocks {
  mocks ??= {
    documents: mockClient(DynamoDBDocumentClient),
    dynamo: mockClient(DynamoDBClient),
    sqs: mockClient(SQSClient),
  };
  mocks.documents.reset();
  mocks.dynamo.reset();
  mocks.sqs.reset();
  mocks.documents.resolves({});
  // Idempotency records: a first attempt always finds no record.
  mocks.dynamo.on(PutItemCommand).resolves({});
  mocks.dynamo.on(UpdateItemCommand).resolves({});
  mocks.dynamo.on(DeleteItemCommand).resolves({});
  mocks.dynamo.on(GetItemCommand).resolves({});
  mocks.sqs.on(SendMessageCommand).resolves({ MessageId: 'sent' });
  mocks.sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
  return mocks;
}

/** The SDK's own exception class: Powertools idempotency checks it with instanceof. */
export function conditionalCheckFailed(): Error {
  return new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
}

export interface SentMessage {
  readonly queueUrl: string;
  readonly queueName: string;
  readonly body: Record<string, unknown>;
  readonly input: SendMessageCommandInput;
}

/** Every SendMessage so far, with its body decoded. */
export function sentMessages(sqs: AwsClientStub<SQSClient>): SentMessage[] {
  return sqs.commandCalls(SendMessageCommand).map((call) => {
    const input = call.args[0].input;
    const queueUrl = input.QueueUrl ?? '';
    return {
      queueUrl,
      queueName: queueUrl.split('/').at(-1) ?? '',
      body: JSON.parse(input.MessageBody ?? 'null') as Record<string, unknown>,
      input,
    };
  });
}
