// The local service for one reliability test file: embedded engines on a data folder, the
// real handlers behind the fault-injecting wrappers, and what the tests need around it:
// sending as an institution, a restart on the same folder and ports, draining every
// outbound queue and dead-letter queue, reading whole tables.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { anyMessage, type AnyMessage } from '../../../shared/contract/messages.ts';
import type { OperatorAccess } from '../../../shared/operations/dead-letters.ts';
import { inboundQueue, outboundQueue } from '../../../shared/resources/queues.ts';
import { tableName, type TableId } from '../../../shared/resources/tables.ts';
import { createDocumentClient } from '../../../shared/storage/clients.ts';
import { destroyClients } from '../../../local/clients.ts';
import type { Invocation } from '../../../local/runner.ts';
import { REGISTRY } from '../../../local/registry.ts';
import { startLocalService, type LocalService } from '../../../local/service.ts';
import type { RunOutcome } from './invariants.ts';
import { FAILED_VISIBILITY_SECONDS, reliabilityFunctions } from './functions.ts';

/** What SQS answers when a message body is empty or holds characters it does not carry. */
const REFUSED_BY_SQS = /MissingParameter|InvalidMessageContents|InvalidParameterValue/;

export interface OutboundMessage {
  readonly institutionId: string;
  /** The body exactly as received. */
  readonly raw: string;
  readonly message: AnyMessage;
}

export interface DeadLetter {
  readonly queue: string;
  readonly body: string;
}

export interface ServiceOptions {
  readonly logLevel: string;
  /** Start on this data folder and these ports (a restart after another process died on them). */
  readonly dataDir?: string;
  readonly dynamodbPort?: number;
  readonly sqsPort?: number;
  /** How often the deadline sweeper runs; null: only when a test calls it. */
  readonly sweepIntervalMs?: number | null;
}

export class ReliabilityService {
  readonly dataDir: string;
  readonly invocations: Invocation[] = [];
  restarts = 0;
  private service: LocalService;
  private readonly options: ServiceOptions;

  private constructor(dataDir: string, service: LocalService, options: ServiceOptions) {
    this.dataDir = dataDir;
    this.service = service;
    this.options = options;
  }

  static async start(options: ServiceOptions): Promise<ReliabilityService> {
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'linkage-reliability-'));
    const holder: { self?: ReliabilityService } = {};
    const service = await startLocalService({
      dataDir,
      ...(options.dynamodbPort ? { dynamodbPort: options.dynamodbPort } : {}),
      ...(options.sqsPort ? { sqsPort: options.sqsPort } : {}),
      logLevel: options.logLevel,
      runner: runnerSettings(options, (i) => holder.self?.invocations.push(i)),
    });
    holder.self = new ReliabilityService(dataDir, service, options);
    return holder.self;
  }

  get current(): LocalService {
    return this.service;
  }

  get stage(): string {
    return this.service.endpoints.stage;
  }

  get sqs(): SQSClient {
    return this.service.clients.sqs;
  }

  get db(): DynamoDBDocumentClient {
    return createDocumentClient(this.service.clients.dynamodb);
  }

  /** What the operator tools (shared/operations) need to work on this service. */
  operatorAccess(): OperatorAccess {
    return {
      sqs: this.sqs,
      db: this.db,
      stage: this.stage,
      registry: REGISTRY,
      quarantineTable: tableName(this.stage, 'quarantine'),
      queueUrl: async (name) => this.queueUrl(name),
    };
  }

  queueUrl(name: string): string {
    return `${this.service.endpoints.queueUrlBase}/${name}`;
  }

  /** Sends a text on an institution's inbound queue, as that institution's account would. */
  async send(institutionId: string, text: string): Promise<void> {
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl(inboundQueue(this.stage, institutionId).name),
        MessageBody: text,
      }),
    );
  }

  /**
   * Sends in order with a few in flight (institutions' systems send concurrently). Returns
   * the items SQS itself refused (an empty body, characters outside the SQS set), which never
   * reach the service; any other error throws.
   */
  async sendAll<T extends { institutionId: string; text: string }>(items: readonly T[], concurrency = 4): Promise<T[]> {
    let next = 0;
    const refused: T[] = [];
    const worker = async () => {
      while (next < items.length) {
        const item = items[next++]!;
        try {
          await this.send(item.institutionId, item.text);
        } catch (error) {
          if (!REFUSED_BY_SQS.test((error as Error).name)) throw error;
          refused.push(item);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return refused;
  }

  /**
   * Stops the runner (it finishes the batches in hand, as Ctrl-C on `npm start` does) and the
   * engines, then starts both again on the same folder and ports: the handler modules keep
   * their clients, as a restarted Lambda environment would keep its configuration.
   */
  async restart(): Promise<void> {
    const { engines } = this.service;
    if (!engines) throw new Error('only the embedded engines can be restarted');
    const ports = { dynamodbPort: engines.dynamodbPort, sqsPort: engines.sqsPort };
    await this.service.runner.stop();
    destroyClients(this.service.clients);
    await engines.stop();
    this.service = await startLocalService({
      dataDir: this.dataDir,
      ...ports,
      logLevel: this.options.logLevel,
      runner: runnerSettings(this.options, (i) => this.invocations.push(i)),
    });
    this.restarts += 1;
  }

  /** Resolves when no handler runs and every consumed queue is empty (in flight included). */
  settle(timeoutMs: number): Promise<void> {
    return this.service.runner.waitUntilQuiet(timeoutMs);
  }

  /** Receives and deletes everything on one institution's outbound queue, in arrival order. */
  async drain(institutionId: string): Promise<OutboundMessage[]> {
    const bodies = await this.receiveAll(outboundQueue(this.stage, institutionId).name);
    return bodies.map((raw) => {
      const parsed = anyMessage.safeParse(JSON.parse(raw));
      if (!parsed.success)
        throw new Error(`${institutionId} was sent a message that is not valid v1: ${parsed.error.issues[0]?.message}`);
      return { institutionId, raw, message: parsed.data };
    });
  }

  /** Everything on every dead-letter queue, received and deleted. */
  async deadLetters(): Promise<DeadLetter[]> {
    const letters: DeadLetter[] = [];
    for (const queue of this.service.provisioned.queues) {
      for (const body of await this.receiveAll(queue.definition.dlqName))
        letters.push({ queue: queue.definition.name, body });
    }
    return letters;
  }

  async queueDepth(name: string): Promise<number> {
    const { Attributes = {} } = await this.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: this.queueUrl(name),
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return (
      Number(Attributes.ApproximateNumberOfMessages ?? 0) +
      Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0)
    );
  }

  private async receiveAll(queueName: string): Promise<string[]> {
    const url = this.queueUrl(queueName);
    const bodies: string[] = [];
    for (;;) {
      const { Messages = [] } = await this.sqs.send(
        new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
      );
      if (Messages.length === 0) return bodies;
      for (const m of Messages) bodies.push(m.Body ?? '');
      await this.sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: url,
          Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
        }),
      );
    }
  }

  /** Everything the run left behind that the invariants judge: outbound queues, tables, DLQs. */
  async finalState(): Promise<Omit<RunOutcome, 'now' | 'forcedDeadline'>> {
    const outbound = new Map<string, OutboundMessage[]>();
    for (const institution of REGISTRY.institutions) outbound.set(institution.id, await this.drain(institution.id));
    return {
      outbound,
      cases: await this.scan('cases'),
      decisions: await this.scan('decisions'),
      access: await this.scan('access'),
      deadLetters: await this.deadLetters(),
    };
  }

  /** Stores one dossier and one status, then empties every outbound queue: the state that
   *  hostile or spoofed messages must leave untouched. */
  async seedBaseline(dossierText: string, statusText: string): Promise<void> {
    await this.send('FJ-P01', dossierText);
    await this.send('FJ-LY-XL', statusText);
    await this.settle(60_000);
    for (const inst of REGISTRY.institutions) await this.drain(inst.id);
  }

  /** Every item of a table. */
  async scan(id: TableId): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new ScanCommand({ TableName: tableName(this.stage, id), ConsistentRead: true, ExclusiveStartKey: start }),
      );
      items.push(...((page.Items ?? []) as Record<string, unknown>[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /** Stops everything and removes the data folder. */
  async stop(): Promise<void> {
    await this.service.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function runnerSettings(options: ServiceOptions, onInvocation: (invocation: Invocation) => void) {
  return {
    functions: reliabilityFunctions(),
    sweepIntervalMs: options.sweepIntervalMs ?? null,
    waitTimeSeconds: 1,
    failedVisibilitySeconds: FAILED_VISIBILITY_SECONDS,
    onInvocation,
  };
}
