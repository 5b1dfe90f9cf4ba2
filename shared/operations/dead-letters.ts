// What an operator does with dead-letter queues, for the `linkage dlq` command and any other
// front end (a console page): list how many messages each DLQ holds, show them with why they
// failed (the last error the function kept, shared/storage/failure-store.ts), and redrive them
// to their source queue. Redrive sends a copy to the source queue, then deletes the DLQ message:
// a second run finds nothing left to move, and a crash between the two leaves one extra copy,
// which the service's de-duplication (sender.id + messageId) absorbs. An inbound message is
// re-sent only with its original sender vouched for (redrive-sender.ts); one the ingest would
// reject as a spoof stays in the DLQ, refused.
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { serviceQueues, type QueueDefinition } from '../resources/queues.ts';
import type { Registry } from '../resources/registry.ts';
import { findFailures, type RecordFailure } from '../storage/failure-store.ts';
import { ORIGINAL_SENDER_ATTRIBUTE } from '../pipeline/inbound/relayed-sender.ts';
import { vouchFor, type SenderIdentity } from './redrive-sender.ts';

export interface OperatorAccess {
  readonly sqs: SQSClient;
  readonly db: DynamoDBDocumentClient;
  readonly stage: string;
  readonly registry: Registry;
  /** The quarantine table, where the ingest functions keep each failed record's last error. */
  readonly quarantineTable: string;
  queueUrl(name: string): Promise<string>;
  /** Who `sqs` sends as, on AWS (the console: the redrive role it assumed); absent locally. */
  whoAmI?(): Promise<SenderIdentity>;
}

export interface DeadLetterQueueDepth {
  /** The queue whose failures land here. */
  readonly source: string;
  readonly dlq: string;
  /** Approximate, as SQS counts: visible plus in flight. */
  readonly messages: number;
}

export interface DeadLetter {
  readonly sqsMessageId: string;
  readonly body: string;
  /** When the message was first sent to the source queue. */
  readonly sentAt?: string;
  /** Who SQS says sent it (its SenderId system attribute; `AROA…:<session>` for a role). */
  readonly sqsSenderId?: string;
  /** The envelope's schema, messageId and sender, when the body is a JSON envelope. */
  readonly envelope?: { readonly schema?: string; readonly messageId?: string; readonly senderId?: string };
  /** The last error the consuming function kept for it; absent when none was kept (see the logs). */
  readonly lastError?: RecordFailure;
}

export interface RedriveResult {
  readonly source: string;
  readonly dlq: string;
  /** Moved back to the source queue (with --dry-run: would be). */
  readonly moved: number;
  /** Sends the source queue refused; those messages stay in the DLQ. */
  readonly failed: number;
  /** Inbound messages whose original sender the ingest would reject; they stay in the DLQ. */
  readonly refused: readonly { readonly sqsMessageId: string; readonly reason: string }[];
  readonly dryRun: boolean;
}

/** The service's queues whose name (or DLQ name) is `filter`, or all of them. */
export function selectQueues(access: Pick<OperatorAccess, 'stage' | 'registry'>, filter?: string): QueueDefinition[] {
  const all = serviceQueues(access.stage, access.registry);
  if (!filter) return all;
  const wanted = all.filter((q) => q.name === filter || q.dlqName === filter || q.institutionId === filter);
  if (wanted.length === 0)
    throw new Error(`--queue ${filter}: no queue of stage ${access.stage} has that name, DLQ name or institution`);
  return wanted;
}

export async function listDeadLetterQueues(access: OperatorAccess, filter?: string): Promise<DeadLetterQueueDepth[]> {
  const out: DeadLetterQueueDepth[] = [];
  for (const queue of selectQueues(access, filter)) {
    const { Attributes = {} } = await access.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: await access.queueUrl(queue.dlqName),
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    out.push({
      source: queue.name,
      dlq: queue.dlqName,
      messages:
        Number(Attributes.ApproximateNumberOfMessages ?? 0) +
        Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
    });
  }
  return out;
}

/**
 * Up to `max` messages of one queue's DLQ with their last error, left in the DLQ: read with a
 * visibility timeout of 0 (they stay visible to anyone else), round after round until no new
 * message turns up, so a DLQ of more than ten messages is seen whole.
 */
export async function showDeadLetters(
  access: OperatorAccess,
  queue: QueueDefinition,
  max = 100,
): Promise<DeadLetter[]> {
  const seen = await peek(access.sqs, await access.queueUrl(queue.dlqName), max);
  const failures = await findFailures(
    access.db,
    access.quarantineTable,
    queue.name,
    seen.map((m) => m.MessageId!),
  );
  return seen.map((m) => deadLetterOf(m, failures.get(m.MessageId!)));
}

/** Moves every message of a queue's DLQ back to the queue (or, with dryRun, counts them). */
export async function redriveDeadLetters(
  access: OperatorAccess,
  queue: QueueDefinition,
  options: { dryRun?: boolean } = {},
): Promise<RedriveResult> {
  const dlqUrl = await access.queueUrl(queue.dlqName);
  const base = { source: queue.name, dlq: queue.dlqName, dryRun: options.dryRun === true };
  const me = queue.role === 'inbound' ? await access.whoAmI?.() : undefined;
  const vouch = (m: Message) => vouchFor(access.registry, access.stage, queue, m, me);
  if (options.dryRun) {
    const all = await peek(access.sqs, dlqUrl, Number.MAX_SAFE_INTEGER);
    const refused = refusalsOf(all, all.map(vouch));
    return { ...base, moved: all.length - refused.length, failed: 0, refused };
  }
  const sourceUrl = await access.queueUrl(queue.name);
  let moved = 0;
  let failed = 0;
  const refused: { sqsMessageId: string; reason: string }[] = [];
  for (;;) {
    const received = await receiveBatch(access.sqs, dlqUrl, 10, 60);
    if (received.length === 0) break;
    const verdicts = received.map(vouch);
    // Refused messages stay in the DLQ, hidden for the rest of this run by the receive's hold.
    refused.push(...refusalsOf(received, verdicts));
    const batch = received.flatMap((m, i) => {
      const verdict = verdicts[i]!;
      return verdict.ok ? [{ m, attributes: verdict.attributes }] : [];
    });
    if (batch.length === 0) continue;
    const result = await access.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: sourceUrl,
        Entries: batch.map(({ m, attributes }, i) => ({
          Id: String(i),
          MessageBody: m.Body ?? '',
          ...(attributes ? { MessageAttributes: attributes } : {}),
          ...(queue.fifo
            ? {
                MessageGroupId: m.Attributes?.MessageGroupId ?? 'redrive',
                // Unique per DLQ message: the copy must not be taken for the original it replaces.
                MessageDeduplicationId: `redrive-${m.MessageId}`,
              }
            : {}),
        })),
      }),
    );
    const sent = new Set((result.Successful ?? []).map((s) => Number(s.Id)));
    const done = batch.filter((_m, i) => sent.has(i)).map(({ m }) => m);
    await deleteAll(access.sqs, dlqUrl, done);
    moved += done.length;
    // What the source queue did not take stays in the DLQ; visible again once the hold ends.
    failed += batch.length - done.length;
    if (done.length === 0) break;
  }
  return { ...base, moved, failed, refused };
}

function refusalsOf(messages: readonly Message[], verdicts: readonly ReturnType<typeof vouchFor>[]) {
  return messages.flatMap((m, i) => {
    const verdict = verdicts[i]!;
    return verdict.ok ? [] : [{ sqsMessageId: m.MessageId!, reason: verdict.reason }];
  });
}

function deadLetterOf(m: Message, lastError: RecordFailure | undefined): DeadLetter {
  const body = m.Body ?? '';
  let envelope: DeadLetter['envelope'];
  try {
    const parsed = JSON.parse(body) as { schema?: unknown; messageId?: unknown; sender?: { id?: unknown } };
    if (parsed && typeof parsed === 'object')
      envelope = {
        ...(typeof parsed.schema === 'string' ? { schema: parsed.schema } : {}),
        ...(typeof parsed.messageId === 'string' ? { messageId: parsed.messageId } : {}),
        ...(typeof parsed.sender?.id === 'string' ? { senderId: parsed.sender.id } : {}),
      };
  } catch {
    envelope = undefined;
  }
  const sent = Number(m.Attributes?.SentTimestamp);
  return {
    sqsMessageId: m.MessageId!,
    body,
    ...(Number.isFinite(sent) && sent > 0 ? { sentAt: new Date(sent).toISOString() } : {}),
    ...(m.Attributes?.SenderId ? { sqsSenderId: m.Attributes.SenderId } : {}),
    ...(envelope ? { envelope } : {}),
    ...(lastError ? { lastError } : {}),
  };
}

async function receiveBatch(sqs: SQSClient, url: string, count: number, holdSeconds: number): Promise<Message[]> {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: url,
      MaxNumberOfMessages: Math.min(10, count),
      WaitTimeSeconds: 0,
      VisibilityTimeout: holdSeconds,
      // SenderId: who sent the message originally (SQS keeps it on the dead-lettered message).
      MessageSystemAttributeNames: ['SentTimestamp', 'MessageGroupId', 'SenderId'],
      MessageAttributeNames: [ORIGINAL_SENDER_ATTRIBUTE],
    }),
  );
  return Messages;
}

/** Distinct messages seen without hiding them, until `max` or three rounds bring nothing new. */
async function peek(sqs: SQSClient, url: string, max: number): Promise<Message[]> {
  const seen = new Map<string, Message>();
  for (let quiet = 0, round = 0; quiet < 3 && seen.size < max && round < 1000; round += 1) {
    const batch = await receiveBatch(sqs, url, 10, 0);
    const before = seen.size;
    for (const m of batch) if (seen.size < max && !seen.has(m.MessageId!)) seen.set(m.MessageId!, m);
    quiet = batch.length === 0 || seen.size === before ? quiet + 1 : 0;
  }
  return [...seen.values()];
}

async function deleteAll(sqs: SQSClient, url: string, messages: readonly Message[]): Promise<void> {
  if (messages.length === 0) return;
  await sqs.send(
    new DeleteMessageBatchCommand({
      QueueUrl: url,
      Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
    }),
  );
}
