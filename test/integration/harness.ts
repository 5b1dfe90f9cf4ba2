// Starts the service for one integration test file. By default on the embedded engines in a
// fresh temporary folder; with LINKAGE_IT_TARGET=external on whatever the AWS SDK is
// configured for (AWS_ENDPOINT_URL=http://localhost:4566 for LocalStack, or a real account),
// under a throw-away stage that is deleted afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { AnyMessage } from '../../shared/contract/messages.ts';
import { inboundQueue } from '../../shared/resources/queues.ts';
import { createDocumentClient } from '../../shared/storage/clients.ts';
import { drainOutbound, type Received } from '../../local/demo/outbox.ts';
import { deprovision } from '../../local/provision.ts';
import { REGISTRY } from '../../local/registry.ts';
import type { Invocation } from '../../local/runner.ts';
import {
  startLocalService,
  startServiceOnSdkTarget,
  type LocalService,
  type RunnerSettings,
} from '../../local/service.ts';

export const EXTERNAL = process.env.LINKAGE_IT_TARGET === 'external';

export interface TestService {
  readonly service: LocalService;
  /** The embedded engines' folder (not in external mode). */
  readonly dataDir?: string;
  /** Every invocation the runner made, in order. */
  readonly invocations: Invocation[];
  send(message: AnyMessage): Promise<void>;
  /** Sends any text on an institution's inbound queue, as that institution would. */
  sendText(senderId: string, text: string): Promise<void>;
  /** Receives and deletes everything on an institution's outbound queue. */
  drain(institutionId: string): Promise<Received[]>;
  settle(): Promise<void>;
  /** Stops the service and removes its data folder, unless kept for a restart. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export interface TestServiceOptions {
  readonly dataDir?: string;
  readonly dynamodbPort?: number;
  readonly sqsPort?: number;
  readonly runner?: RunnerSettings;
}

export async function startTestService(options: TestServiceOptions = {}): Promise<TestService> {
  const invocations: Invocation[] = [];
  const runner: RunnerSettings = {
    sweepIntervalMs: null,
    waitTimeSeconds: 2,
    ...options.runner,
    onInvocation: (invocation) => {
      invocations.push(invocation);
      options.runner?.onInvocation?.(invocation);
    },
  };
  const logLevel = process.env.LINKAGE_LOG_LEVEL ?? 'SILENT';
  let service: LocalService;
  let dataDir: string | undefined;
  let generatedStage: string | undefined;
  if (EXTERNAL) {
    generatedStage = process.env.LINKAGE_IT_STAGE ? undefined : `it${Math.random().toString(36).slice(2, 10)}`;
    const stage = process.env.LINKAGE_IT_STAGE ?? generatedStage!;
    // The client's own endpoint, not the host of the queue URLs an emulator hands out.
    const clients = { dynamodb: new DynamoDBClient({}), sqs: new SQSClient({ useQueueUrlAsEndpoint: false }) };
    try {
      service = await startServiceOnSdkTarget({ stage, clients, logLevel, runner });
    } catch (error) {
      if (generatedStage) await deprovision(clients, generatedStage, REGISTRY);
      throw error;
    }
  } else {
    dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'linkage-it-'));
    service = await startLocalService({
      dataDir,
      dynamodbPort: options.dynamodbPort ?? 0,
      sqsPort: options.sqsPort ?? 0,
      logLevel,
      runner,
    });
  }
  const { endpoints, clients } = service;
  const sendText = async (senderId: string, text: string) => {
    await clients.sqs.send(
      new SendMessageCommand({
        QueueUrl: `${endpoints.queueUrlBase}/${inboundQueue(endpoints.stage, senderId).name}`,
        MessageBody: text,
      }),
    );
  };
  return {
    service,
    ...(dataDir ? { dataDir } : {}),
    invocations,
    send: (message) => sendText(message.sender.id, JSON.stringify(message)),
    sendText,
    drain: (institutionId) => drainOutbound(clients.sqs, endpoints.queueUrlBase, endpoints.stage, institutionId),
    settle: () => service.runner.waitUntilQuiet(60_000),
    async stop(stopOptions = {}) {
      await service.runner.stop();
      if (generatedStage) await deprovision(clients, generatedStage, REGISTRY);
      await service.stop();
      if (dataDir && !stopOptions.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function documentClient(test: TestService) {
  return createDocumentClient(test.service.clients.dynamodb);
}
